"""Blocks every petition shares: the court, the parties, the child, the placement, the
evidence, the stamp-duty exemption (art. 140) and the signatures (Code of Civil Procedure
art. 194 sets what a petition names; Law 272/2004 chapter X the rest)."""

LAW = "Legea nr. 272/2004"


def court_header(t):
    """ "Către TRIBUNALUL ..." and the file number once the court has given one."""
    t.center("Către")
    t.center("{{ court.name_upper }}", bold=True)
    t.tag("{%p if court.case_number %}")
    t.center("Dosar nr. {{ court.case_number }}")
    t.tag("{%p endif %}")
    t.blank()
    t.center("DOMNULE PREȘEDINTE,", bold=True)


def petitioner(t):
    """The DGASPC by its seat and legal representative."""
    t.p(
        "**{{ directorate.name_upper }}**, cu sediul în {{ directorate.seat }}, "
        "reprezentată legal prin director executiv {{ directorate.director }}, în calitate "
        "de **petentă**, formulăm prezenta"
    )


def parties(t, intro: str = "în contradictoriu cu:"):
    """The parents (or other legal representatives) as intimați, with their identification."""
    t.tag("{%p if parents %}")
    t.p(intro, indent=False)
    t.tag("{%p for parent in parents %}")
    t.p(
        "– **{{ parent.full_name }}**{% if parent.cnp %}, CNP {{ parent.cnp }}{% endif %}"
        "{% if parent.birth_date.ro %}, {{ parent.born }} la {{ parent.birth_date.ro }}"
        "{% endif %}{% if parent.address %}, cu domiciliul în {{ parent.address }}"
        "{% endif %}, în calitate de {{ parent.party }} ({{ parent.relation }} copilului);"
    )
    t.tag("{%p endfor %}")
    t.tag("{%p endif %}")
    t.tag("{%p if deceased_parents %}")
    t.p("Părintele {{ deceased_parents|join(', ') }} este decedat.")
    t.tag("{%p endif %}")
    t.p(
        "cu participarea obligatorie a procurorului (art. 134 alin. (1) din Legea "
        "nr. 272/2004),",
        indent=False,
    )


def child_line(t, intro: str = "privind pe", genitive: bool = False):
    """The child, by name, birth date, CNP, citizenship and domicile (art. 194 C.proc.civ.
    names the parties; the child is the one the case is about)."""
    who = "{{ child.of_minor }}" if genitive else "{{ child.minor }}"
    t.p(
        intro + " " + who + " **{{ child.full_name }}**, {{ child.born }} la "
        "{{ child.birth_date.ro }}{% if child.cnp %}, CNP {{ child.cnp }}{% endif %}, "
        "cetățenie {{ child.citizenship }}{% if child.domicile %}, cu domiciliul în "
        "{{ child.domicile }}{% endif %},",
        indent=False,
    )


def placement(t, verb: str = "Propunem ca plasamentul să fie dispus la"):
    """The placement target: who it is, for everyone; where and how well off, only in the
    full variant (art. 67^1 alin. (1) keeps it from the parents)."""
    t.tag("{%p if target %}")
    t.p(
        verb + " {{ target.kind_label }} **{{ target.name }}**"
        "{% if target.attestation %} ({{ target.attestation }}){% endif %}"
        "{% if target.relationship %}, {{ target.relationship }}{% endif %}, ținând seama "
        "de ordinea de preferință a art. 62 alin. (1) și de art. 64 alin. (3) din Legea "
        "nr. 272/2004 (plasarea cu prioritate la familia extinsă sau substitutivă, "
        "menținerea fraților împreună, legătura copilului cu părinții)."
    )
    t.tag(
        "{%p if placement_private is defined and (placement_private.address or "
        "placement_private.income or placement_private.property or "
        "placement_private.medical_info or placement_private.psychological_info) %}"
    )
    t.p(
        "Din evaluarea realizată potrivit art. 62 alin. (2) din Legea nr. 272/2004 rezultă "
        "garanțiile morale și condițiile materiale ale celui care primește copilul: "
        "{% if placement_private.address %}domiciliul în {{ placement_private.address }}; "
        "{% endif %}{% if placement_private.income %}venituri: {{ placement_private.income }}; "
        "{% endif %}{% if placement_private.property %}bunuri: {{ placement_private.property }}; "
        "{% endif %}{% if placement_private.medical_info %}starea de sănătate: "
        "{{ placement_private.medical_info }}; {% endif %}"
        "{% if placement_private.psychological_info %}evaluarea psihologică: "
        "{{ placement_private.psychological_info }}.{% endif %}"
    )
    t.tag("{%p endif %}")
    t.tag("{%p if exception_64 %}")
    t.p(
        "Copilul are {{ child.age }} ani; plasamentul într-un serviciu de tip rezidențial "
        "este propus prin excepția art. 64 alin. (2) din Legea nr. 272/2004: copilul prezintă "
        "deficiență/afectare funcțională completă, precum și limitări de activitate și "
        "restricții de participare complete, confirmate de serviciul de evaluare complexă, "
        "iar abilitarea/reabilitarea sa nu poate fi asigurată în alte tipuri de servicii."
    )
    t.tag("{%p endif %}")
    t.tag("{%p if target.residential and measure and measure.residential_justification %}")
    t.p(
        "Plasamentul într-un serviciu de tip rezidențial este propus întrucât nu a putut fi "
        "dispus la familia extinsă, la un asistent maternal sau la o altă persoană sau "
        "familie (art. 58 alin. (6)): {{ measure.residential_justification|join(' ') }}"
    )
    t.tag("{%p endif %}")
    t.tag("{%p endif %}")


def consent(t):
    """Art. 57 alin. (3): the consent of a child of 14, or why the court must decide."""
    t.tag("{%p if consent.given %}")
    t.p(
        "{{ child.minor|capitalize }} a împlinit vârsta de 14 ani și și-a exprimat "
        "consimțământul față de măsura propusă, potrivit art. 57 alin. (3) din Legea "
        "nr. 272/2004."
    )
    t.tag("{%p elif consent.court_must_decide %}")
    t.p(
        "{{ child.minor|capitalize }} a împlinit vârsta de 14 ani și "
        "{% if consent.refused %}refuză să își dea consimțământul{% else %}nu și-a exprimat "
        "consimțământul{% endif %} față de măsura propusă. Potrivit art. 57 alin. (3) din "
        "Legea nr. 272/2004, în această situație măsura de protecție specială se stabilește "
        "numai de către instanța judecătorească, care, în situații temeinic motivate, poate "
        "trece peste refuzul copilului. Instanța trebuie să decidă întrucât menținerea "
        "copilului în mediul din care provine îi pune în pericol viața, securitatea și "
        "dezvoltarea, așa cum rezultă din situația de fapt expusă și din raportul întocmit "
        "potrivit art. 139{% if measure and measure.danger_motivation %}: "
        "{{ measure.danger_motivation|join(' ') }}{% else %}.{% endif %}"
    )
    t.tag("{%p endif %}")


def facts(t):
    """The statement of facts as drafted in the case, one paragraph each."""
    t.tag("{%p for paragraph in facts %}")
    t.p("{{ paragraph }}")
    t.tag("{%p endfor %}")


def in_fact(t):
    """ "În fapt": a petition's statement of facts."""
    t.heading("În fapt,")
    facts(t)


def parents_contribution(t):
    """The parents' monthly contribution, or community work in its place (art. 67)."""
    t.item(
        "stabilirea contribuției lunare a părinților la întreținerea copilului sau, dacă "
        "plata nu este posibilă, obligarea părintelui apt de muncă la 20-40 de ore lunar "
        "de acțiuni sau lucrări de interes local (art. 67 alin. (1) și (2))."
    )


def ajpis_addressee(t):
    """The payments agency of the county (annexes 2 and 3 of the procedure)."""
    t.plain(
        "Către Agenția pentru plăți și inspecție socială* "
        "{% if directorate.county == 'București' %}a Municipiului București"
        "{% else %}{{ directorate.county }}{% endif %}"
    )
    t.blank()
    t.plain("Stimată doamnă/Stimate domn director executiv,")
    t.plain("Subsemnatul,")


def grounds(t, extra: str = ""):
    """ "În drept": the articles computed for this case."""
    t.heading("În drept,")
    t.p(
        "ne întemeiem cererea pe dispozițiile {{ grounds|join(', ') }} din {{ law_name }}"
        + extra
        + ", precum și pe art. 194 din Codul de procedură civilă."
    )


def evidence_intro(t):
    t.heading("Probe.")
    t.p(
        "În dovedirea cererii, solicităm încuviințarea probei cu înscrisuri, pe care le "
        "depunem în copie certificată:"
    )


def hearing_request(t):
    """Art. 134 alin. (2), art. 29 alin. (2): the child who has turned 10 is heard."""
    t.tag("{%p if hearing.required %}")
    t.p(
        "Întrucât {{ child.minor }} a împlinit vârsta de 10 ani ({{ child.age }} ani), "
        "solicităm **audierea copilului**, obligatorie potrivit art. 134 alin. (2) și art. 29 "
        "alin. (2) din Legea nr. 272/2004{% if hearing.abuse %}, cu respectarea art. 101 "
        "alin. (3): în camera de consiliu, în prezența unui psiholog și după o prealabilă "
        "pregătire a copilului{% endif %}."
    )
    t.tag("{%p endif %}")


def stamp_duty(t):
    t.p(
        "Prezenta cerere este **scutită de taxa judiciară de timbru și de timbrul judiciar**, "
        "potrivit art. 140 din Legea nr. 272/2004."
    )
    t.p("Depunem cererea și înscrisurile în numărul de exemplare necesar comunicării.")


def signatures(t):
    """Date, and the director and the legal counsel, who both sign."""
    t.blank()
    t.plain("Data: {{ today.ro }}", keep=True)
    t.blank(keep=True)
    t.signatures(
        ["{{ signatures.director_title|upper }},", "{{ signatures.director }}", "", "L.S."],
        ["{{ signatures.legal_counsel_title }},", "{{ signatures.legal_counsel }}"],
    )


def parents_notice(t):
    """The parents' variant says what it leaves out and why."""
    t.tag("{%p if doc.parents_variant %}")
    t.blank()
    t.p(
        "Exemplar destinat comunicării către părinți: datele persoanei sau familiei de "
        "plasament privind adresa, veniturile, bunurile deținute în proprietate și starea "
        "medicală sau psihologică au fost omise, potrivit art. 67¹ alin. (1) din Legea "
        "nr. 272/2004.",
        indent=False,
    )
    t.tag("{%p endif %}")
