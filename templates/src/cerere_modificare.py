"""Cerere de modificare / încetare a măsurii de protecție specială.

Law 272/2004 art. 72 alin. (1)-(2) and art. 73 alin. (3): when the circumstances behind a
measure have changed, the DGASPC notifies at once the commission or the court that set
it, to change or end it. Art. 73 alin. (3^1): no move from family-type to residential
care save for duly motivated danger. Art. 73 alin. (4): ending a measure by reintegration
in the family needs proof of the parents' counselling.
"""

import common


def build(t):
    t.tag("{%p if change.to_commission %}")
    t.center("Către")
    t.center("{{ commission.name_upper }}", bold=True)
    t.blank()
    t.center("DOAMNĂ PREȘEDINTE / DOMNULE PREȘEDINTE,", bold=True)
    t.tag("{%p else %}")
    common.court_header(t)
    t.tag("{%p endif %}")
    common.petitioner(t)
    t.title(
        "CERERE",
        "de {% if change.ends %}încetare{% else %}modificare{% endif %} a "
        "măsurii de protecție specială",
    )
    t.tag("{%p if not change.to_commission %}")
    common.parties(t)
    t.tag("{%p endif %}")
    common.child_line(t)
    t.p("prin care vă solicităm să dispuneți:", indent=False)
    t.tag("{%p if change.ends %}")
    t.item(
        "**încetarea măsurii de {{ change.old.kind_label }}**"
        "{% if change.old.act_number %} dispuse prin actul nr. {{ change.old.act_number }}"
        "{% endif %}{% if change.old.decided_on.ro %} din {{ change.old.decided_on.ro }}"
        "{% endif %}, începând cu {{ change.old.ends_on.ro }};"
    )
    t.item("**reintegrarea copilului în familia sa**, la părinți.")
    t.tag("{%p else %}")
    t.item(
        "**modificarea măsurii de {{ change.old.kind_label }}**"
        "{% if change.old.act_number %} dispuse prin actul nr. {{ change.old.act_number }}"
        "{% endif %}{% if change.old.decided_on.ro %} din {{ change.old.decided_on.ro }}"
        "{% endif %}, în sensul {% if measure %}instituirii măsurii de "
        "{{ measure.kind_label }}{% endif %}{% if target %} la {{ target.kind_label }} "
        "{{ target.name }}{% endif %};"
    )
    t.tag("{%p if measure and measure.kind != 'supraveghere_specializata' %}")
    t.item(
        "menținerea celorlalte dispoziții privind exercitarea drepturilor părintești "
        "({{ parental_rights.article }} din Legea nr. 272/2004)."
    )
    t.tag("{%p endif %}")
    t.tag("{%p endif %}")
    t.heading("MOTIVELE CERERII")
    common.in_fact(t)
    t.p(
        "Potrivit art. 72 alin. (1) din Legea nr. 272/2004, direcția a verificat trimestrial "
        "împrejurările care au stat la baza măsurii. Din raportul întocmit potrivit art. 73 "
        "alin. (2) rezultă că aceste împrejurări s-au modificat, astfel că direcția este "
        "obligată să sesizeze de îndată {% if change.to_commission %}comisia pentru "
        "protecția copilului{% else %}instanța judecătorească{% endif %}, potrivit art. 72 "
        "alin. (2) și art. 73 alin. (3)."
    )
    t.tag("{%p if change.ends %}")
    t.p(
        "Părinții au participat la ședințe de consiliere în vederea dezvoltării abilităților "
        "parentale, astfel încât reintegrarea să se realizeze în cele mai bune condiții; "
        "documentele care o dovedesc însoțesc prezenta cerere, potrivit art. 73 alin. (4) "
        "din Legea nr. 272/2004."
    )
    t.tag("{%p else %}")
    common.placement(t, "Propunem ca măsura să fie dispusă la")
    t.tag("{%p if change.family_to_residential %}")
    t.p(
        "Mutarea copilului dintr-un serviciu de tip familial într-un serviciu de tip "
        "rezidențial este, în principiu, interzisă (art. 73 alin. (3¹)); ea este propusă "
        "numai pentru că viața și securitatea copilului sunt puse în primejdie, situație "
        "temeinic motivată de managerul de caz: "
        "{{ measure.danger_motivation|join(' ') }}"
    )
    t.tag("{%p endif %}")
    t.tag("{%p endif %}")
    common.consent(t)
    t.heading("În drept,")
    t.p("ne întemeiem cererea pe dispozițiile {{ grounds|join(', ') }} din {{ law_name }}.")
    common.evidence_intro(t)
    t.bullet("actul prin care s-a dispus măsura de protecție specială;")
    t.bullet("raportul de monitorizare întocmit potrivit art. 73 alin. (2);")
    t.bullet("planul individualizat de protecție revizuit;")
    t.tag("{%p if change.ends %}")
    t.bullet(
        "documentele care dovedesc participarea părinților la ședințe de consiliere "
        "(art. 73 alin. (4));"
    )
    t.tag("{%p endif %}")
    t.bullet("raportul referitor la copil, întocmit potrivit art. 139.")
    t.tag("{%p if not change.to_commission %}")
    common.hearing_request(t)
    common.stamp_duty(t)
    t.tag("{%p endif %}")
    common.signatures(t)
    common.parents_notice(t)
