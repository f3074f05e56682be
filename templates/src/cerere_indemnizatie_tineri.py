"""Cerere și declarație pe propria răspundere pentru acordarea indemnizației lunare pentru
tineri: anexa nr. 3 la procedura din 19 august 2015, reproduced field by field.

Law 272/2004 art. 129 alin. (4^2); procedure art. 17^1-17^2: a young person who attends
full-time education or has a job and opts in writing to end the special protection
measure receives a monthly allowance until 26, on a request and a declaration that they
were counselled and informed (annex no. 4); filed at the county payments agency. The
applicant is the young person of the case; what the case does not hold is left blank.
"""

import common

LINE = "...................."


def build(t):
    t.right("Anexa nr. 3 la procedură")
    t.center("- Model -")
    t.title(
        "CERERE ȘI DECLARAȚIE PE PROPRIA RĂSPUNDERE",
        "pentru acordarea indemnizației lunare pentru tineri",
    )
    common.ajpis_addressee(t)
    t.table(
        ["Numele", "Prenumele", "Cod numeric personal"],
        [["{{ child.last_name }}", "{{ child.first_name }}", "{{ child.cnp }}"]],
    )
    t.plain("Act de identitate doveditor** ........ Seria ........ Număr ............")
    t.plain(
        "Cu domiciliul în: {% if child.domicile %}{{ child.domicile }}{% else %}Strada "
        + LINE
        + " Nr. .... Bl. .... Sc. .... Et. .... Ap. .... Sector ....{% endif %}"
    )
    t.plain("Localitatea " + LINE + "  Județ " + LINE)
    t.plain("Telefon " + LINE + "  E-mail " + LINE)
    t.p(
        "În calitate de tânăr care a beneficiat de o măsură de protecție specială"
        "{% if measure %} ({{ measure.kind_label }}{% if measure.act_number %}, actul nr. "
        "{{ measure.act_number }}{% endif %}{% if measure.decided_on.ro %} din "
        "{{ measure.decided_on.ro }}{% endif %}){% endif %}, vă rog să aprobați acordarea "
        "indemnizației lunare pentru tineri."
    )
    t.plain("Rog ca plata să se efectueze")
    t.plain("☐ prin mandat poștal")
    t.plain("☐ în contul bancar ..................................................")
    t.p(
        "Declar pe propria răspundere că datele și informațiile prezentate sunt complete și "
        "corespund realității și mă oblig să aduc la cunoștința autorităților, în scris, "
        "orice modificare a situației mai sus prezentate și să prezint din 3 în 3 luni "
        "adeverința de la angajator/de la unitatea de învățământ."
    )
    t.p(
        "Menționez că sunt de acord cu prelucrarea datelor personale în scopul acordării "
        "dreptului solicitat, precum și pentru verificări ulterioare în vederea menținerii "
        "acordării dreptului."
    )
    t.plain("Atașez următoarele documente:")
    t.plain(
        "☐ copia documentului eliberat de DGASP că am fost consiliat și informat cu "
        "privire la drepturile și responsabilitățile ce îmi revin după încetarea măsurii "
        "de protecție"
    )
    t.plain("☐ adeverința de la angajator")
    t.plain("☐ adeverința de la unitatea de învățământ")
    t.plain("Data: {{ today.ro }}")
    t.plain("Semnătura _____________")
    t.blank()
    t.plain("*) Se va trece denumirea județului sau, după caz, Municipiul București.")
    t.plain(
        "**) Actul de identitate poate fi, după caz: CI - carte de identitate; BI - "
        "buletin de identitate; CN - certificat de naștere; CIP - carte de identitate "
        "provizorie; P - pașaport."
    )
