"""Raport de monitorizare: anexa nr. 1 la procedura din 19 august 2015 (alocația de
plasament), reproduced field by field from the law text.

Procedure art. 7: after each monitoring visit a quarterly report on the development of
the child in placement and on how the child is cared for (alin. (1)); the model is annex
no. 1 (alin. (2)); certified copies go to the county payments agency (AJPIS) by the 5th
of the next month (alin. (3)). Law 272/2004 art. 73 alin. (2). Fields the case does not
hold are left as dotted lines for the visitor to fill in.
"""

DOTS = "....................................................................................."
YES_NO = "☐ DA   ☐ NU"
YES_NO_PART = "☐ DA   ☐ NU   ☐ Parțial"
YES_NO_NA = "☐ DA   ☐ NU   ☐ Nu este cazul"


def build(t):
    t.plain("**{{ directorate.name_upper }}**")
    t.right("Anexa nr. 1 la procedură")
    t.title("RAPORT DE MONITORIZARE")
    t.plain("Nr. raport/Data: ............ / {{ today.ro }} (dosarul {{ case.reference }})")
    t.plain("Numele și prenumele copilului: **{{ child.full_name }}**")
    t.plain("Data nașterii: {{ child.birth_date.ro }}")
    t.plain(
        "Data instituirii măsurii de protecție specială: "
        "{% if measure %}{{ measure.starts_on.ro }}{% endif %}"
    )
    t.plain(
        "Nr. și data Hotărârii CPC/Sentinței instanței/Dispoziției directorului: "
        "{% if measure %}{% if measure.authority == 'comisie' %}Hotărârea CPC"
        "{% elif measure.authority == 'instanta' %}Sentința instanței{% else %}"
        "Dispoziția directorului{% endif %} nr. {{ measure.act_number }} din "
        "{{ measure.decided_on.ro }}{% endif %}"
    )
    t.plain(
        "Numele și prenumele membrilor familiei/persoanei de plasament/asistentului "
        "maternal sau, după caz, denumirea serviciului rezidențial organism privat "
        "acreditat: {% if target %}{{ target.name }}{% endif %}"
    )
    t.plain(
        "Adresa: {% if placement_private is defined %}{{ placement_private.address }}"
        "{% endif %}"
    )
    t.plain("I. Data efectuării vizitei: " + DOTS[:30])
    t.plain("II. Data întocmirii raportului: {{ today.ro }}")
    t.plain(
        "III. Numele și prenumele/Funcția persoanei care a efectuat vizita de monitorizare:"
    )
    t.plain(DOTS)
    t.plain("IV. Frecvența monitorizării măsurii: ☐ trimestrial   ☐ de câte ori este cazul")
    t.plain(
        "V. Ca urmare a vizitei periodice efectuate s-au constatat următoarele:", bold=True
    )
    _items(t)
    t.blank()
    t.plain("20. Semnătura persoanei care a întocmit raportul:")
    t.blank()
    t.plain(
        "21. Semnătura persoanei/a membrilor familiei/asistentului maternal/"
        "reprezentantului serviciului rezidențial al OPA care a/au primit în plasament "
        "copilul și care a/au participat la realizarea vizitei de monitorizare:"
    )


def _items(t):
    t.plain(
        "1. Copilului îi sunt asigurate o îngrijire de calitate și protecție adecvată "
        "împotriva abuzului/neglijării: " + YES_NO
    )
    t.plain(
        "2. Sunt îndeplinite obiectivele planului individualizat de protecție (PIP): "
        + YES_NO_PART
    )
    t.plain(
        "3. Enumerați care sunt obiectivele neîndeplinite și/sau parțial îndeplinite, "
        "precizând sintetic cauzele:"
    )
    t.plain(DOTS)
    t.plain(
        "4. Care sunt progresele înregistrate de copil de la ultimul raport de "
        "monitorizare în raport cu situația acestuia la momentul instituirii măsurii de "
        "protecție specială:"
    )
    t.plain(DOTS)
    t.plain(
        "5. Precizați cauzele obiective care împiedică/pot împiedica realizarea "
        "obiectivelor stabilite prin PIP cu privire la evoluția copilului:"
    )
    t.plain(DOTS)
    t.plain(
        "6. Copilul este integrat în mediul familial și înregistrează o evoluție "
        "corespunzătoare raportată la ultima vizită: " + YES_NO_PART
    )
    t.plain(
        "7. Copilul beneficiază de condiții adecvate de locuit (mediul fizic destinat "
        "acestuia este amenajat și adaptat în funcție de vârsta și sexul său): " + YES_NO
    )
    t.plain(
        "8. Copilul este hrănit corespunzător și îi sunt asigurate nevoile de bază în "
        "acest sens (îi sunt asigurate mesele zilnice în cantități suficiente care să "
        "corespundă nevoilor de dezvoltare specifice vârstei și caracteristicilor "
        "copilului): " + YES_NO
    )
    t.plain(
        "9. Copilul este îmbrăcat corespunzător și adecvat sezonului în care este "
        "realizată vizita de monitorizare: " + YES_NO
    )
    t.plain("10. În ultimele 3 luni au fost achiziționate pentru copil următoarele:")
    for line in (
        "a) obiectele de îmbrăcăminte:",
        "b) articole de încălțăminte",
        "c) materiale igienico-sanitare de uz personal (de exemplu: pastă de dinți, "
        "periuță de dinți, deodorant etc.):",
        "d) rechizite (Enumerați succint tipul acestora.):",
        "e) jucării (dacă este cazul):",
        "f) altele (Precizați.)",
    ):
        t.plain("    " + line + " " + DOTS[:20])
    t.plain("11. Precizați cum au fost utilizați banii de nevoi personale acordați copilului:")
    t.plain(DOTS)
    t.plain("12. Copilul este înscris la medicul de familie: " + YES_NO)
    t.plain(
        "13. Copilul este școlarizat și frecventează în mod curent cursurile instituției "
        "de învățământ: " + YES_NO_NA
    )
    t.plain(
        "14. Copilului îi este asigurată menținerea relațiilor personale cu părinții: "
        + YES_NO_NA
    )
    t.plain(
        "15. Precizați care este ultima dată la care a fost realizată menținerea "
        "relațiilor personale dintre copil și membrii familiei naturale/alte persoane "
        "față de care acesta a dezvoltat relații de atașament (data la care copilul a "
        "avut o relație directă sau telefonică):"
    )
    t.plain(DOTS)
    t.plain(
        "16. Alte informații privind modul în care au fost utilizate sumele "
        "reprezentând drepturile acordate copilului:"
    )
    t.plain(DOTS)
    t.plain(
        "17. Opinia copilului cu privire la mediul familial și comportamentul "
        "persoanei/familiei de plasament /asistentului maternal/personalul serviciului "
        "de tip rezidențial al organismului privat acreditat (OPA) (Se aplică copiilor "
        "care au împlinit vârsta de 10 ani.):"
    )
    t.tag("{%p if hearing.required %}")
    t.plain(DOTS)
    t.tag("{%p else %}")
    t.plain("Nu este cazul: copilul nu a împlinit vârsta de 10 ani.")
    t.tag("{%p endif %}")
    t.plain(
        "18. Recomandări ale persoanei care a întocmit raportul de monitorizare "
        "referitoare la îmbunătățirea calității îngrijirii copilului:"
    )
    t.plain(
        "(Recomandările cuprind în mod obligatoriu referire la necesitatea menținerii, "
        "modificării sau, după caz, a încetării măsurii de protecție specială.)"
    )
    t.plain(DOTS)
    t.plain("19. Numele, prenumele și funcția persoanei care a întocmit raportul")
    t.plain(
        "{% if signatures.case_manager %}{{ signatures.case_manager }}, manager de caz"
        "{% else %}" + DOTS + "{% endif %}"
    )
