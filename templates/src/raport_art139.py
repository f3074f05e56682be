"""Raport referitor la copil (art. 139 din Legea nr. 272/2004).

In every case under the law, the DGASPC of the child's domicile (or of where the child
was found) draws up and presents to the court a report on the child with data on:
a) personality, physical and mental state; b) socio-medical and educational history;
c) the conditions in which the child was raised and lived; d) proposals on the person,
family or residential service where the child could be placed; e) any other data on the
child's upbringing and education that may serve the case.
"""

import common


def _section(t, letter: str, title: str, loops: list[tuple[str, str]]):
    t.heading(f"{letter}) {title}")
    for label, field in loops:
        t.tag(f"{{%p if child.{field} %}}")
        if label:
            t.p(f"**{label}**", indent=False)
        t.tag(f"{{%p for paragraph in child.{field} %}}")
        t.p("{{ paragraph }}")
        t.tag("{%p endfor %}")
        t.tag("{%p endif %}")


def build(t):
    t.plain("**{{ directorate.name_upper }}**")
    t.plain("Sediul: {{ directorate.seat }}")
    t.plain("Nr. dosar intern: {{ case.reference }} / {{ today.ro }}")
    t.blank()
    t.plain("Către **{{ court.name_upper }}**")
    t.tag("{%p if court.case_number %}")
    t.plain("Dosar nr. {{ court.case_number }}")
    t.tag("{%p endif %}")
    t.title("RAPORT", "referitor la copil, întocmit potrivit art. 139 din Legea nr. 272/2004")
    t.p(
        "privind pe {{ child.minor }} **{{ child.full_name }}**, {{ child.born }} la "
        "{{ child.birth_date.ro }}{% if child.cnp %}, CNP {{ child.cnp }}{% endif %}"
        "{% if child.domicile %}, cu domiciliul în {{ child.domicile }}{% endif %}, "
        "copil aflat în situația prevăzută de {{ case.situation_ref }}."
    )
    t.tag("{%p if parents %}")
    t.p("Părinții copilului:", indent=False)
    t.tag("{%p for parent in parents %}")
    t.bullet(
        "{{ parent.relation }}: {{ parent.full_name }}{% if parent.cnp %}, CNP "
        "{{ parent.cnp }}{% endif %}{% if parent.address %}, domiciliat"
        "{% if parent.party == 'intimată' %}ă{% endif %} în {{ parent.address }}"
        "{% endif %};"
    )
    t.tag("{%p endfor %}")
    t.tag("{%p endif %}")
    _section(
        t,
        "a",
        "Personalitatea, starea fizică și mentală a copilului",
        [("Personalitatea:", "personality"), ("Starea fizică și mentală:", "health")],
    )
    _section(
        t,
        "b",
        "Antecedentele sociomedicale și educaționale ale copilului",
        [
            ("Antecedente sociomedicale:", "history"),
            ("Antecedente educaționale:", "education"),
        ],
    )
    _section(
        t,
        "c",
        "Condițiile în care copilul a fost crescut și în care a trăit",
        [("", "living_conditions")],
    )
    common.facts(t)
    t.heading(
        "d) Propuneri privind persoana, familia sau serviciul de tip rezidențial în care "
        "ar putea fi plasat copilul"
    )
    t.tag("{%p if target %}")
    common.placement(t, "Propunem plasamentul copilului la")
    t.tag("{%p if measure %}")
    t.p(
        "Măsura propusă sau în vigoare: {{ measure.kind_label }}"
        "{% if measure.act_number %}, actul nr. {{ measure.act_number }}{% endif %}"
        "{% if measure.decided_on.ro %} din {{ measure.decided_on.ro }}{% endif %}."
    )
    t.tag("{%p endif %}")
    t.tag("{%p else %}")
    t.p(
        "Nu se propune plasamentul copilului; măsura propusă este "
        "{% if measure %}{{ measure.kind_label }}{% else %}menținerea copilului în familie"
        "{% endif %}."
    )
    t.tag("{%p endif %}")
    common.consent(t)
    t.heading(
        "e) Alte date referitoare la creșterea și educarea copilului, care pot servi "
        "soluționării cauzei"
    )
    t.tag("{%p for paragraph in child.other_data %}")
    t.p("{{ paragraph }}")
    t.tag("{%p endfor %}")
    t.tag("{%p if hearing.required %}")
    t.p(
        "Copilul a împlinit vârsta de 10 ani ({{ child.age }} ani); audierea sa este "
        "obligatorie ({{ hearing.article }} din Legea nr. 272/2004)."
    )
    t.tag("{%p endif %}")
    t.tag("{%p if not child.other_data and not hearing.required %}")
    t.p("Nu există alte date relevante.")
    t.tag("{%p endif %}")
    t.blank()
    t.plain("Data: {{ today.ro }}", keep=True)
    t.blank(keep=True)
    t.signatures(
        ["{{ signatures.director_title|upper }},", "{{ signatures.director }}"],
        ["Întocmit, manager de caz,", "{{ signatures.case_manager }}"],
    )
    common.parents_notice(t)
