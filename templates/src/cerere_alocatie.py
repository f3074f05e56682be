"""Cerere pentru acordarea alocației de plasament și a indemnizației lunare de sprijin:
anexa nr. 2 la procedura din 19 august 2015, reproduced field by field from the law text.

Law 272/2004 art. 128 alin. (1)-(2): a monthly placement allowance for every child in
placement, paid to the person, maternal assistant, family representative or guardian;
alin. (2^1): the person or family (not a maternal assistant) also gets a monthly support
allowance. Procedure art. 11-12: the request, with the list of children, is filed at the
county payments agency (AJPIS) by the 5th of the month after the order or decision.
The applicant is whoever received the child; what the case does not hold is left blank.
"""

import common

LINE = "...................."


def build(t):
    t.right("Anexa nr. 2 la procedură")
    t.center("- Model -")
    t.title(
        "CERERE",
        "pentru acordarea alocației de plasament și a indemnizației lunare de sprijin",
    )
    common.ajpis_addressee(t)
    t.table(
        ["Numele", "Prenumele", "Cod numeric personal"],
        [
            [
                "{% if target %}{{ target.last_name }}{% endif %}",
                "{% if target %}{{ target.first_name }}{% endif %}",
                "{% if placement_private is defined %}{{ placement_private.cnp }}{% endif %}",
            ]
        ],
    )
    t.plain("Act de identitate doveditor** ........ Seria ........ Număr ............")
    t.plain("În calitate de:")
    t.plain("☐ tutore")
    t.plain(
        "{% if target and target.person_or_family %}☒{% else %}☐{% endif %} "
        "persoană/reprezentant al familiei de plasament"
    )
    t.plain(
        "{% if target and target.maternal_assistant %}☒{% else %}☐{% endif %} asistent "
        "maternal"
    )
    t.plain(
        "{% if target and target.residential %}☒{% else %}☐{% endif %} reprezentant al "
        "organismului privat autorizat"
    )
    t.plain(
        "Cu domiciliul în: {% if placement_private is defined and "
        "placement_private.address %}{{ placement_private.address }}{% else %}Strada "
        + LINE
        + " Nr. .... Bl. .... Sc. .... Et. .... Ap. .... Sector ....{% endif %}"
    )
    t.plain("Localitatea " + LINE + "  Județ " + LINE)
    t.plain("Telefon " + LINE + "  E-mail " + LINE)
    t.plain("Vă rog să aprobați acordarea")
    t.plain("☒ alocației de plasament")
    t.plain(
        "{% if target and target.person_or_family %}☒{% else %}☐{% endif %} "
        "indemnizației lunare de sprijin***"
    )
    t.plain("pentru copilul/copiii menționat/menționați în Anexa la prezenta cerere.")
    t.plain("Rog ca plata să se efectueze")
    t.plain("☐ prin mandat poștal")
    t.plain("☐ în contul bancar ..................................................")
    t.p(
        "Declar pe propria răspundere că datele și informațiile prezentate sunt complete și "
        "corespund realității și mă oblig să aduc la cunoștința autorităților, în scris, "
        "orice modificare a situației mai sus prezentate și înțeleg să utilizez alocația de "
        "plasament pentru nevoile copilului."
    )
    t.plain("Data: {{ today.ro }}")
    t.plain("Semnătura _____________")
    t.blank()
    t.plain("*) Se va trece denumirea județului sau, după caz, Municipiul București.")
    t.plain(
        "**) Actul de identitate poate fi, după caz: CI - carte de identitate; BI - "
        "buletin de identitate; CN - certificat de naștere; CIP - carte de identitate "
        "provizorie; P - pașaport."
    )
    t.plain(
        "***) Indemnizația lunară de sprijin poate fi solicitată numai de persoana sau "
        "familia care a primit în plasament sau a fost desemnată ori numită tutorele "
        "unui copil."
    )
    t.blank()
    t.right("Anexă la cerere")
    t.title("LISTA", "copiilor aflați în plasament/plasament de urgență/tutelă")
    t.table(
        [
            "Nr. crt.",
            "Nume",
            "Prenume",
            "CNP",
            "Încadrare în grad de handicap*) Nr. certificat / Data",
            "Hotărârea Comisiei pentru protecția copilului*) Nr. / Data",
            "Hotărârea instanței judecătorești Nr. / Data",
            "Decizia DGASPC*) Nr. / Data",
        ],
        [
            [
                "1",
                "{{ child.last_name }}",
                "{{ child.first_name }}",
                "{{ child.cnp }}",
                "",
                "{% if measure and measure.authority == 'comisie' %}{{ measure.act_number }} / "
                "{{ measure.decided_on.ro }}{% endif %}",
                "{% if measure and measure.authority == 'instanta' %}{{ measure.act_number }} / "
                "{{ measure.decided_on.ro }}{% endif %}",
                "{% if measure and measure.authority == 'director' %}{{ measure.act_number }} / "
                "{{ measure.decided_on.ro }}{% endif %}",
            ]
        ],
        widths=[1.1, 1.8, 2.0, 2.8, 2.2, 2.2, 2.2, 2.2],
        size=9,
    )
    t.plain("*) Se atașează copie de pe act.")
    t.plain("Data: {{ today.ro }}")
    t.plain("Semnătura _____________")
