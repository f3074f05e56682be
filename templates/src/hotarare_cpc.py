"""Hotărâre a comisiei pentru protecția copilului privind stabilirea plasamentului.

Law 272/2004 art. 65 alin. (1): the commission sets placement when the parents agree,
for the situations of art. 60 lit. b) and e); art. 115 alin. (1) lit. b): the commission
rules on proposals for special protection measures; art. 66 alin. (1): parental rights
and duties are kept during a placement set by the commission; art. 67 alin. (1): the
commission sets, where appropriate, the parents' monthly contribution; art. 57 alin. (3):
a child of 14 consents; art. 72-73: quarterly review; art. 61: appeal to the court.
"""

import common


def build(t):
    t.plain("**{{ commission.name_upper }}**")
    t.title(
        "HOTĂRÂREA nr. {% if measure %}{{ measure.act_number }} din "
        "{{ measure.decided_on.ro }}{% endif %}",
        "privind stabilirea măsurii plasamentului",
    )
    t.p(
        "{{ commission.name }}, întrunită în ședința din "
        "{% if measure and measure.decided_on.ro %}{{ measure.decided_on.ro }}"
        "{% else %}{{ today.ro }}{% endif %},"
    )
    t.p(
        "analizând propunerea {{ directorate.name_of }} privind stabilirea unei măsuri de "
        "protecție specială pentru {{ child.minor }} **{{ child.full_name }}**, "
        "{{ child.born }} la {{ child.birth_date.ro }}{% if child.cnp %}, CNP "
        "{{ child.cnp }}{% endif %}{% if child.domicile %}, cu domiciliul în "
        "{{ child.domicile }}{% endif %},"
    )
    t.p("având în vedere:", indent=False)
    t.tag("{%p for paragraph in facts %}")
    t.bullet("{{ paragraph }}")
    t.tag("{%p endfor %}")
    t.bullet("situația copilului, prevăzută de {{ case.situation_ref }};")
    t.tag("{%p for parent in parents %}")
    t.bullet(
        "{% if parent.agrees %}acordul exprimat de{% else %}poziția exprimată de"
        "{% endif %} {{ parent.relation }} copilului, {{ parent.full_name }}"
        "{% if parent.cnp %}, CNP {{ parent.cnp }}{% endif %}"
        "{% if parent.address %}, cu domiciliul în {{ parent.address }}{% endif %};"
    )
    t.tag("{%p endfor %}")
    t.tag("{%p if consent.applies %}")
    t.bullet(
        "consimțământul copilului, care a împlinit vârsta de 14 ani (art. 57 "
        "alin. (3)): {% if consent.given %}exprimat{% else %}neexprimat{% endif %};"
    )
    t.tag("{%p endif %}")
    t.bullet(
        "raportul de evaluare și planul individualizat de protecție întocmite de direcție;"
    )
    t.p(
        "În temeiul art. 65 alin. (1), art. 66 alin. (1), art. 67 alin. (1) și art. 115 "
        "alin. (1) lit. b) din {{ law_name }},"
    )
    t.center("HOTĂRĂȘTE:", bold=True)
    t.p(
        "**Art. 1.** Se stabilește măsura **plasamentului** pentru {{ child.minor }} "
        "{{ child.full_name }}{% if target %} la {{ target.kind_label }} "
        "**{{ target.name }}**{% if target.attestation %} ({{ target.attestation }})"
        "{% endif %}{% if target.relationship %}, {{ target.relationship }}{% endif %}"
        "{% endif %}{% if measure and measure.starts_on.ro %}, începând cu data de "
        "{{ measure.starts_on.ro }}{% endif %}."
    )
    common.placement(t, "Persoana care primește copilul în plasament este")
    t.p(
        "**Art. 2.** Drepturile și obligațiile părintești față de copil **se mențin** pe "
        "toată durata măsurii plasamentului (art. 66 alin. (1) din Legea nr. 272/2004)."
    )
    t.p(
        "**Art. 3.** Părinții contribuie lunar la întreținerea copilului, în cuantumul "
        "stabilit de comisie în condițiile Codului civil, potrivit art. 67 alin. (1) din "
        "Legea nr. 272/2004; sumele se constituie venit la bugetul județului, respectiv al "
        "sectorului, de unde provine copilul."
    )
    t.p(
        "**Art. 4.** Direcția verifică trimestrial împrejurările care au stat la baza "
        "măsurii și întocmește rapoartele prevăzute de art. 72 alin. (1) și art. 73 alin. (2) "
        "din Legea nr. 272/2004."
    )
    t.p(
        "**Art. 5.** Pentru copil se acordă alocația lunară de plasament, potrivit art. 128 "
        "din Legea nr. 272/2004, începând cu luna următoare prezentei hotărâri."
    )
    t.p(
        "**Art. 6.** Părinții, precum și copilul care a împlinit vârsta de 14 ani, pot ataca "
        "prezenta hotărâre la instanța judecătorească, beneficiind de asistență juridică "
        "gratuită (art. 61 din Legea nr. 272/2004)."
    )
    t.p(
        "**Art. 7.** Prezenta hotărâre se comunică părinților, celui care primește copilul "
        "în plasament și {{ directorate.name_to }}, care o duce la îndeplinire."
    )
    t.blank()
    t.signatures(
        ["Președinte,", "{{ signatures.commission_president }}"],
        ["Secretar,", "{{ signatures.commission_secretary }}"],
    )
    common.parents_notice(t)
