"""Raport privind realizarea activității de consiliere și informare a tânărului care
optează pentru încetarea măsurii de protecție specială: anexa nr. 4 la procedura din
19 august 2015, reproduced from the law text.

Procedure art. 17^1 alin. (2): the young person's choice to end the measure is preceded
by counselling and information on its consequences and on their rights and duties
afterwards; the activity is recorded in a report in two copies, signed by the young
person and by whoever counselled them, one for each.
"""


def build(t):
    t.right("Anexa nr. 4 la procedură")
    t.plain(
        "Direcția Generală de Asistență Socială și Protecția Copilului (DGASPC) "
        "**{{ directorate.county }}**"
    )
    t.title(
        "RAPORT",
        "privind realizarea activității de consiliere și informare a tânărului "
        "care optează pentru încetarea măsurii de protecție specială",
    )
    t.center("- Model -")
    t.p(
        "În data de {{ today.ro }} au fost realizate consilierea și informarea "
        "{% if child.female %}drei{% else %}dlui{% endif %} **{{ child.full_name }}**"
        "{% if child.cnp %}, CNP {{ child.cnp }}{% endif %}, beneficiar al măsurii de "
        "protecție specială, stabilită prin "
        "{% if measure and measure.authority == 'comisie' %}Hotărârea Comisiei pentru "
        "Protecția Copilului nr. {{ measure.act_number }} / {{ measure.decided_on.ro }}"
        "{% elif measure %}hotărârea instanței de judecată nr. {{ measure.act_number }} / "
        "{{ measure.decided_on.ro }}{% else %}Hotărârea Comisiei pentru Protecția Copilului "
        "nr. ...... / ...... sau, după caz, a instanței de judecată{% endif %}, care urmează "
        "să își exprime opțiunea cu privire la încetarea măsurii de protecție specială."
    )
    t.p("Informațiile oferite au vizat următoarele aspecte:")
    t.plain("**I. Drepturile tânărului:**")
    t.p(
        "1. de a beneficia de o măsură de protecție specială în conformitate cu prevederile "
        "art. 55 alin. (2) și (3) din Legea nr. 272/2004 privind protecția și promovarea "
        "drepturilor copilului, republicată, cu modificările și completările ulterioare, la "
        "solicitarea sa, dacă:"
    )
    t.p(
        "a) își continuă studiile o singură dată în fiecare formă de învățământ, pe toată "
        "durata continuării studiilor, dar fără a se depăși vârsta de 26 de ani;"
    )
    t.p(
        "b) se confruntă cu riscul excluderii sociale, poate beneficia, pe o perioadă de "
        "până la 2 ani, de protecție specială, în scopul facilitării integrării sale "
        "sociale. Acest drept se pierde în cazul în care se face dovada că i s-a oferit un "
        "loc de muncă și/sau locuință cel puțin de două ori, iar acesta le-a refuzat ori "
        "le-a pierdut din motive imputabile lui;"
    )
    t.p(
        "2. de a opta pentru continuarea măsurii de protecție specială în condițiile "
        "prezentate la pct. 1 sau pentru primirea unei indemnizații lunare în valoare de "
        "4,8 ISR până la împlinirea vârstei de 26 de ani, dacă face dovada că urmează o formă "
        "de învățământ la zi sau are un loc de muncă;"
    )
    t.p(
        "3. de a-și exprima acordul cu privire la monitorizarea situației lui după încetarea "
        "măsurii de protecție specială. Acordul este exprimat în scris în fața comisiei "
        "pentru protecția copilului, cu declararea adresei sau a localității la/în care va "
        "locui."
    )
    t.plain(
        "**II. Responsabilitățile tânărului în cazul în care optează pentru încetarea "
        "măsurii de protecție specială și primirea indemnizației lunare:**"
    )
    t.p(
        "1. de a transmite agenției județene pentru plăți și inspecție socială sau, după caz, "
        "agenției municipale, din 3 în 3 luni de la data stabilirii dreptului, după caz, "
        "adeverința eliberată de angajator care să ateste că are statut de salariat sau "
        "adeverința eliberată de unitatea de învățământ care să ateste că este înscris la "
        "acea unitate și urmează cursurile;"
    )
    t.p(
        "2. de a comunica agenției județene pentru plăți și inspecție socială sau, după caz, "
        "agenției municipale orice modificare intervenită în situația sa de natură a "
        "conduce la încetarea dreptului sau schimbarea domiciliului sau reședinței în "
        "termen de 15 zile de la producerea acesteia;"
    )
    t.p(
        "3. de a colabora cu reprezentanții serviciului public de asistență socială de la "
        "domiciliul său ori, după caz, din localitatea în care declară că va locui, care au "
        "obligația de a urmări semestrial evoluția acestuia pentru o perioadă de 2 ani, dacă "
        "și-a exprimat acordul prevăzut la pct. I.3."
    )
    t.p(
        "De asemenea, a fost informat cu privire la faptul că odată exprimată opțiunea "
        "pentru încetarea măsurii de protecție specială, stabilirea unei noi măsuri de "
        "protecție specială nu mai este posibilă, în condițiile Legii nr. 272/2004, "
        "republicată, cu modificările și completările ulterioare, prin urmare nu mai poate "
        "reveni în cadrul sistemului de protecție specială a copilului."
    )
    t.p(
        "Tânărului i s-a recomandat să reflecteze asupra informațiilor primite și să "
        "aprecieze dacă dorește să inițieze demersurile privind încetarea măsurii de "
        "protecție specială și să opteze pentru primirea indemnizației lunare, urmând a "
        "depune o cerere în acest sens la DGASPC și a se prezenta în fața Comisiei pentru "
        "protecția copilului pentru încetarea măsurii de protecție specială."
    )
    t.p(
        "Prezentul raport a fost redactat în două exemplare, din care unul se înmânează "
        "tânărului și unul este depus la dosarul acestuia."
    )
    t.blank()
    t.table(
        ["Reprezentantul DGASPC", "Tânăr"],
        [
            [
                "Numele și prenumele: {{ signatures.case_manager }}",
                "Numele și prenumele: {{ child.full_name }}",
            ],
            ["Funcție: manager de caz", ""],
            ["Semnătura:", "Semnătura:"],
            ["Data: {{ today.ro }}", "Data: {{ today.ro }}"],
        ],
    )
