"""Dispoziție de plasament în regim de urgență (the director's emergency placement order).

Law 272/2004 art. 68 (who may be placed in emergency; alin. (5): parental rights are
suspended by law while it lasts, the person's rights exercised by whoever received the
child and the property rights by the director), art. 69 alin. (1) (the director decides
when there is no opposition), art. 100 alin. (2) (imminent danger found on verification),
art. 70 (notify the court within 5 days, or revoke), art. 58 alin. (1) (individual
protection plan at once), art. 61 (the parents and the child of 14 may challenge it).
"""

import common


def build(t):
    t.plain("**{{ directorate.name_upper }}**")
    t.plain("Sediul: {{ directorate.seat }}")
    t.title(
        "DISPOZIȚIA nr. {{ emergency.act_number }} din {{ emergency.decided_on.ro }}",
        "privind instituirea măsurii plasamentului în regim de urgență",
    )
    t.p(
        "{{ signatures.director }}, {{ signatures.director_title|lower }} al "
        "{{ directorate.name_of }},"
    )
    t.p(
        "Având în vedere sesizarea privind situația {{ child.of_minor }} "
        "**{{ child.full_name }}**, {{ child.born }} la {{ child.birth_date.ro }}"
        "{% if child.cnp %}, CNP {{ child.cnp }}{% endif %}{% if child.domicile %}, cu "
        "domiciliul în {{ child.domicile }}{% endif %}, și verificările efectuate de "
        "reprezentanții direcției, din care rezultă:"
    )
    common.facts(t)
    t.p(
        "Constatând că există motive temeinice care susțin existența unei situații de "
        "pericol iminent pentru copil, aflat în situația prevăzută de art. 60 lit. "
        "{{ case.situation_ref }}, și că nu se întâmpină opoziție "
        "din partea persoanelor care îl au în îngrijire;"
    )
    t.p(
        "În temeiul {{ emergency.ground }}, art. 69 alin. (1), art. 100 alin. (2), "
        "art. 62-64 și art. 68 alin. (5) din {{ law_name }},"
    )
    t.center("DISPUNE:", bold=True)
    t.p(
        "**Art. 1.** Se instituie măsura **plasamentului în regim de urgență** pentru "
        "{{ child.minor }} {{ child.full_name }}{% if target %} la {{ target.kind_label }} "
        "{{ target.name }}{% if target.attestation %} ({{ target.attestation }}){% endif %}"
        "{% endif %}, începând cu data de {{ emergency.decided_on.ro }}."
    )
    t.tag("{%p if placement_private is defined and placement_private.address %}")
    t.p(
        "Pe durata plasamentului, domiciliul copilului se află la cel care îl are în "
        "îngrijire (art. 63 din Legea nr. 272/2004): {{ placement_private.address }}."
    )
    t.tag("{%p endif %}")
    t.p(
        "**Art. 2.** Pe toată durata plasamentului în regim de urgență **se suspendă de "
        "drept exercițiul drepturilor părintești**, până când instanța judecătorească va "
        "decide cu privire la înlocuirea sau încetarea acestei măsuri și cu privire la "
        "exercitarea drepturilor părintești (art. 68 alin. (5) din Legea nr. 272/2004). Pe "
        "perioada suspendării, drepturile și obligațiile părintești privitoare la persoana "
        "copilului sunt exercitate și îndeplinite de "
        "{% if target %}{{ target.kind_label }} {{ target.name }}{% else %}cel care a primit "
        "copilul în plasament{% endif %}, iar cele privitoare la bunurile copilului de "
        "către directorul {{ directorate.short }}."
    )
    t.p(
        "**Art. 3.** Managerul de caz întocmește de îndată planul individualizat de "
        "protecție (art. 58 alin. (1) din Legea nr. 272/2004)."
    )
    t.p(
        "**Art. 4.** Direcția sesizează instanța judecătorească în termen de 5 zile de la "
        "data prezentei dispoziții (art. 70 alin. (1) din Legea nr. 272/2004). Dacă "
        "împrejurările care au stat la baza măsurii nu se mai mențin, directorul poate "
        "revoca măsura în același termen (art. 70 alin. (2))."
    )
    t.p(
        "**Art. 5.** Părinții, precum și copilul care a împlinit vârsta de 14 ani, pot ataca "
        "prezenta dispoziție la instanța judecătorească, beneficiind de asistență juridică "
        "gratuită, în condițiile legii (art. 61 din Legea nr. 272/2004)."
    )
    t.p(
        "**Art. 6.** Prezenta dispoziție se comunică părinților copilului"
        "{% for parent in parents %}{% if loop.first %} ({% endif %}{{ parent.full_name }}"
        "{% if not loop.last %}, {% else %}){% endif %}{% endfor %}, celui care a primit "
        "copilul în plasament și compartimentelor de specialitate ale direcției, care o "
        "duc la îndeplinire."
    )
    t.blank()
    t.signatures(
        ["{{ signatures.director_title|upper }},", "{{ signatures.director }}"],
        [
            "Avizat pentru legalitate,",
            "{{ signatures.legal_counsel_title }},",
            "{{ signatures.legal_counsel }}",
        ],
    )
    common.parents_notice(t)
