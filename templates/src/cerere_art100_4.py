"""Cerere în temeiul art. 100 alin. (4) din Legea nr. 272/2004.

Within 5 days of the execution of the presidential ordinance that placed the child in
emergency, the DGASPC asks the court to decide on: replacing the emergency placement with
placement, removal of parental rights, and their exercise; the court also rules on
obliging the parents to attend counselling sessions (art. 100 alin. (4); art. 70
alin. (4) sends the court's own emergency placement here).
"""

import common


def build(t):
    common.court_header(t)
    common.petitioner(t)
    t.title("CERERE", "formulată în temeiul art. 100 alin. (4) din Legea nr. 272/2004")
    common.parties(t)
    common.child_line(t)
    t.p(
        "prin care vă solicităm ca, prin hotărârea pe care o veți pronunța, să dispuneți:",
        indent=False,
    )
    t.item(
        "**înlocuirea plasamentului în regim de urgență**, dispus prin ordonanța "
        "președințială{% if ordinance.number %} nr. {{ ordinance.number }}{% endif %}"
        "{% if court.case_number %} pronunțată în dosarul nr. {{ court.case_number }}"
        "{% endif %}{% if ordinance.executed_on.ro %}, executată la "
        "{{ ordinance.executed_on.ro }}{% endif %}, **cu măsura plasamentului** "
        "{{ child.of_minor }}{% if target %} la {{ target.kind_label }} "
        "{{ target.name }}{% endif %};"
    )
    t.item(
        "să vă pronunțați cu privire la **decăderea** intimaților din exercițiul "
        "drepturilor părintești, față de împrejurările arătate în motivare;"
    )
    t.tag("{%p if parental_rights.by_director %}")
    t.item(
        "**exercitarea drepturilor părintești** și îndeplinirea obligațiilor părintești "
        "față de copil, pe durata plasamentului, de către directorul "
        "{{ directorate.short }}, potrivit art. 66 alin. (3) din Legea nr. 272/2004;"
    )
    t.tag("{%p else %}")
    t.item(
        "să vă pronunțați cu privire la **exercitarea drepturilor părintești** pe durata "
        "plasamentului, potrivit art. 66 alin. (2) din Legea nr. 272/2004;"
    )
    t.tag("{%p endif %}")
    t.item(
        "**obligarea părinților să se prezinte la ședințe de consiliere**, potrivit "
        "art. 100 alin. (4) teza finală din Legea nr. 272/2004;"
    )
    common.parents_contribution(t)
    t.heading("MOTIVELE CERERII")
    common.in_fact(t)
    t.p(
        "Prin ordonanța președințială{% if ordinance.number %} nr. {{ ordinance.number }}"
        "{% endif %}, instanța a dispus plasamentul copilului în regim de urgență, potrivit "
        "art. 100 alin. (3) din Legea nr. 272/2004. Ordonanța a fost executată"
        "{% if ordinance.executed_on.ro %} la data de {{ ordinance.executed_on.ro }}"
        "{% endif %}; potrivit art. 100 alin. (4), direcția sesizează instanța în termen de 5 zile "
        "de la data executării. Pe durata plasamentului în regim de urgență, exercițiul "
        "drepturilor părintești este suspendat de drept (art. 68 alin. (5))."
    )
    t.p(
        "Copilul se află în situația prevăzută de {{ case.situation_ref }}; împrejurările care au justificat "
        "ordonanța se mențin, astfel că protecția sa impune măsura plasamentului."
    )
    common.placement(t)
    common.consent(t)
    t.p(
        "Consilierea părinților este necesară pentru dezvoltarea abilităților parentale, "
        "în vederea unei eventuale reintegrări a copilului în familie (art. 73 alin. (4))."
    )
    common.grounds(t)
    common.evidence_intro(t)
    t.bullet("ordonanța președințială și dovada executării acesteia;")
    t.bullet("raportul referitor la copil, întocmit potrivit art. 139 din Legea nr. 272/2004;")
    t.bullet("planul individualizat de protecție (art. 58 alin. (1));")
    t.bullet("certificatul de naștere al copilului și actele de identitate ale părinților.")
    common.hearing_request(t)
    common.stamp_duty(t)
    common.signatures(t)
    common.parents_notice(t)
