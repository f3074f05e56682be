"""Cerere de înlocuire a plasamentului în regim de urgență cu măsura plasamentului.

Law 272/2004 art. 70 alin. (1): the director who ordered an emergency placement must
notify the court within 5 days; alin. (3): the court ends the emergency placement or
replaces it with placement (or guardianship) and rules on the exercise of parental
rights. Art. 65 alin. (2) lit. a): placement by the court at the DGASPC's request;
art. 66: who exercises parental rights; art. 67: the parents' contribution.
"""

import common


def build(t):
    common.court_header(t)
    common.petitioner(t)
    t.title(
        "CERERE", "de înlocuire a plasamentului în regim de urgență cu măsura plasamentului"
    )
    common.parties(t)
    common.child_line(t)
    t.p(
        "prin care vă solicităm ca, prin hotărârea pe care o veți pronunța, să dispuneți:",
        indent=False,
    )
    t.item(
        "**înlocuirea măsurii plasamentului în regim de urgență**, dispusă prin "
        "Dispoziția directorului {{ directorate.short }}"
        "{% if emergency.act_number %} nr. {{ emergency.act_number }}{% endif %}"
        "{% if emergency.decided_on.ro %} din {{ emergency.decided_on.ro }}{% endif %}, "
        "**cu măsura plasamentului** {{ child.of_minor }}"
        "{% if target %} la {{ target.kind_label }} {{ target.name }}{% endif %};"
    )
    t.tag("{%p if parental_rights.by_director %}")
    t.item(
        "exercitarea drepturilor și îndeplinirea obligațiilor părintești față de copil, "
        "pe toată durata plasamentului, de către directorul {{ directorate.short }}, "
        "potrivit art. 66 alin. (3) din Legea nr. 272/2004;"
    )
    t.tag("{%p else %}")
    t.item(
        "menținerea drepturilor și obligațiilor părintești ale părinților pe durata "
        "plasamentului, potrivit art. 66 alin. (2) din Legea nr. 272/2004;"
    )
    t.tag("{%p endif %}")
    t.item(
        "stabilirea cuantumului contribuției lunare a părinților la întreținerea copilului "
        "sau, dacă plata acesteia nu este posibilă, obligarea părintelui apt de muncă să "
        "presteze între 20 și 40 de ore lunar acțiuni sau lucrări de interes local, pe "
        "durata măsurii, potrivit art. 67 alin. (1) și (2) din Legea nr. 272/2004."
    )
    t.heading("MOTIVELE CERERII")
    common.in_fact(t)
    t.p(
        "Constatând existența unui pericol iminent pentru copil, situație prevăzută de "
        "{{ case.situation_ref }}, "
        "directorul {{ directorate.short }} a dispus plasamentul în regim de urgență"
        "{% if emergency.act_number %} prin Dispoziția nr. {{ emergency.act_number }}"
        "{% endif %}{% if emergency.decided_on.ro %} din {{ emergency.decided_on.ro }}"
        "{% endif %}. Pe durata acestei măsuri, exercițiul drepturilor părintești este "
        "suspendat de drept, potrivit art. 68 alin. (5) din Legea nr. 272/2004, până când "
        "instanța va decide cu privire la înlocuirea sau încetarea măsurii."
    )
    t.p(
        "Potrivit art. 70 alin. (1) din Legea nr. 272/2004, directorul care a dispus "
        "plasamentul în regim de urgență este obligat să sesizeze instanța în termen de 5 zile "
        "de la data dispoziției, ceea ce facem prin prezenta cerere. Împrejurările care au stat la baza măsurii se mențin, "
        "astfel încât reintegrarea copilului în familie nu este, în prezent, în interesul său "
        "superior, iar măsura plasamentului, cu caracter temporar, este cea care îi asigură "
        "protecția (art. 70 alin. (3))."
    )
    common.placement(t)
    t.tag("{%p for parent in parents %}")
    t.tag("{%p if parent.agrees is sameas false %}")
    t.p(
        "{{ parent.relation|capitalize }} copilului, {{ parent.full_name }}, nu și-a exprimat "
        "acordul față de măsura propusă."
    )
    t.tag("{%p endif %}")
    t.tag("{%p endfor %}")
    common.consent(t)
    t.tag("{%p if parental_rights.by_director %}")
    t.p(
        "Copilul aflându-se în situația prevăzută de {{ case.situation_ref }}, "
        "drepturile și obligațiile părintești urmează a fi exercitate de către directorul "
        "direcției, potrivit art. 66 alin. (3) din Legea nr. 272/2004."
    )
    t.tag("{%p endif %}")
    common.grounds(t)
    common.evidence_intro(t)
    t.bullet(
        "Dispoziția de plasament în regim de urgență"
        "{% if emergency.act_number %} nr. {{ emergency.act_number }}{% endif %}"
        "{% if emergency.decided_on.ro %} din {{ emergency.decided_on.ro }}{% endif %};"
    )
    t.bullet("raportul referitor la copil, întocmit potrivit art. 139 din Legea nr. 272/2004;")
    t.bullet("planul individualizat de protecție (art. 58 alin. (1));")
    t.bullet("certificatul de naștere al copilului și actele de identitate ale părinților;")
    t.bullet("sesizarea și raportul de evaluare inițială a situației copilului.")
    common.hearing_request(t)
    common.stamp_duty(t)
    common.signatures(t)
    common.parents_notice(t)
