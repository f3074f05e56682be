"""Cerere de decădere din exercițiul drepturilor părintești.

Law 272/2004 art. 41 alin. (3): the DGASPC must petition the court when it considers the
legal conditions met for removing the parents, or one of them, in whole or in part, from
the exercise of parental rights. The conditions themselves are those of the Civil Code
(art. 508).
"""

import common


def build(t):
    common.court_header(t)
    common.petitioner(t)
    t.title("CERERE", "de decădere din exercițiul drepturilor părintești")
    common.parties(t, "în contradictoriu cu intimații:")
    common.child_line(t, "privind drepturile părintești asupra", genitive=True)
    t.p(
        "prin care vă solicităm ca, prin hotărârea pe care o veți pronunța, să dispuneți:",
        indent=False,
    )
    t.tag("{%p for parent in parents %}")
    t.item(
        "**decăderea** intimat{% if parent.party == 'intimată' %}ei{% else %}ului{% endif %}"
        " **{{ parent.full_name }}** ({{ parent.relation }} copilului) **din exercițiul "
        "drepturilor părintești** față de {{ child.minor }} {{ child.full_name }};"
    )
    t.tag("{%p endfor %}")
    t.item(
        "menținerea măsurii de protecție specială în vigoare"
        "{% if target %} ({{ target.kind_label }} {{ target.name }}){% endif %} și "
        "exercitarea drepturilor părintești de către directorul {{ directorate.short }}, "
        "potrivit art. 66 alin. (3) din Legea nr. 272/2004, până la instituirea tutelei;"
    )
    t.item(
        "obligarea intimaților la plata contribuției lunare la întreținerea copilului, "
        "potrivit art. 67 alin. (1) din Legea nr. 272/2004."
    )
    t.heading("MOTIVELE CERERII")
    common.in_fact(t)
    t.tag("{%p if measure %}")
    t.p(
        "Față de copil este în vigoare măsura de {{ measure.kind_label }}"
        "{% if measure.act_number %}, dispusă prin actul nr. {{ measure.act_number }}"
        "{% endif %}{% if measure.decided_on.ro %} din {{ measure.decided_on.ro }}"
        "{% endif %}."
    )
    t.tag("{%p endif %}")
    t.p(
        "Din verificările direcției rezultă că părinții pun în pericol viața, sănătatea și "
        "dezvoltarea copilului prin neglijarea gravă a obligațiilor părintești, situație "
        "prevăzută de {{ case.situation_ref }}. Considerând întrunite condițiile legii pentru decăderea "
        "din exercițiul drepturilor părintești, direcția are obligația de a sesiza instanța, "
        "potrivit art. 41 alin. (3) din Legea nr. 272/2004."
    )
    common.consent(t)
    common.grounds(t, " și pe art. 508 din Codul civil")
    common.evidence_intro(t)
    t.bullet("raportul referitor la copil, întocmit potrivit art. 139 din Legea nr. 272/2004;")
    t.bullet(
        "actul prin care s-a dispus măsura de protecție specială și rapoartele "
        "trimestriale de monitorizare (art. 73 alin. (2));"
    )
    t.bullet("certificatul de naștere al copilului și actele de identitate ale părinților.")
    t.p("Solicităm și proba cu **interogatoriul intimaților**.")
    common.hearing_request(t)
    common.stamp_duty(t)
    common.signatures(t)
    common.parents_notice(t)
