"""Every document type, rendered from a realistic fictional case and converted to PDF/A,
names its addressee, the parties, the articles of law that apply and its required
sections, with Romanian diacritics intact in the PDF's text."""

import pytest

from filing_service.documents.catalog import DOC_TYPES
from tests.documents import templates_cases as cases
from tests.documents.templates_fixtures import (
    DIRECTOR,
    LEGAL_COUNSEL,
    create_case,
    docs_app,
    pdf_texts,
    pool,
    render_docx,
)

__all__ = ["docs_app", "pool"]

COURT = "Către TRIBUNALUL CLUJ"
DGASPC = (
    "DIRECȚIA GENERALĂ DE ASISTENȚĂ SOCIALĂ ȘI PROTECȚIA COPILULUI CLUJ, cu sediul "
    "în Cluj-Napoca, reprezentată legal prin director executiv " + DIRECTOR
)
PARENTS = [
    "Ramona Mureșan",
    "în calitate de intimată (mama copilului)",
    "Sorin Țurcanu",
    "în calitate de intimat (tatăl copilului)",
]
PETITION = [
    "MOTIVELE CERERII",
    "În fapt,",
    "În drept,",
    "Probe.",
    "scutită de taxa judiciară de timbru și de timbrul judiciar, potrivit art. 140",
    "DIRECTOR EXECUTIV",
    DIRECTOR,
    "Consilier juridic",
    LEGAL_COUNSEL,
]
GIRL = "minora Ioana-Ștefania Mureșan, născută la"

# doc type -> (case, what its PDF must say)
EXPECTED = {
    "cerere_art70": (
        "emergency",
        [
            COURT,
            DGASPC,
            *PARENTS,
            GIRL,
            *PETITION,
            "de înlocuire a plasamentului în regim de urgență",
            "art. 70 alin. (1) și (3)",
            "art. 65 alin. (2) lit. a)",
            "art. 66 alin. (3)",
            "art. 67 alin. (1) și (2)",
            "art. 68 alin. (5)",
        ],
    ),
    "cerere_ordonanta": (
        "emergency",
        [
            COURT,
            DGASPC,
            *PARENTS,
            GIRL,
            *PETITION[:-5],
            "CERERE DE ORDONANȚĂ PREȘEDINȚIALĂ",
            "art. 100 alin. (3)",
            "art. 134 alin. (5)",
            "fără concluziile părților",
            "pericol iminent",
        ],
    ),
    "cerere_art100_4": (
        "emergency",
        [
            COURT,
            DGASPC,
            *PARENTS,
            GIRL,
            *PETITION,
            "art. 100 alin. (4)",
            "ordonanța președințială nr. 17",
            "decăderea",
            "ședințe de consiliere",
            "art. 66 alin. (3)",
        ],
    ),
    "cerere_plasament": (
        "family",
        [
            COURT,
            DGASPC,
            "Sorin Țurcanu",
            *PETITION,
            "minorul Matei Pop",
            "de instituire a măsurii plasamentului",
            "art. 65 alin. (2) lit. b)",
            "art. 60 lit. b)",
            "art. 66 alin. (2)",
            "tatăl copilului, Sorin Țurcanu, se opune măsurii",
            "persoana/familia Veronica Pop",
        ],
    ),
    "cerere_supraveghere": (
        "supervision",
        [
            COURT,
            DGASPC,
            "Sorin Țurcanu",
            *PETITION,
            "minorul Radu Ilieș",
            "supravegherii specializate",
            "art. 71 alin. (1) și (2)",
            "art. 84 alin. (2)",
            "art. 85 alin. (1)",
            "art. 87",
        ],
    ),
    "cerere_decadere": (
        "emergency",
        [
            COURT,
            DGASPC,
            *PARENTS,
            *PETITION,
            "de decădere din exercițiul drepturilor părintești",
            "art. 41 alin. (3)",
            "art. 508 din Codul civil",
            "decăderea intimatei Ramona Mureșan",
            "decăderea intimatului Sorin Țurcanu",
        ],
    ),
    "cerere_modificare": (
        "change",
        [
            COURT,
            DGASPC,
            *PARENTS,
            *PETITION,
            "de modificare a măsurii de protecție specială",
            "modificarea măsurii de plasament dispuse prin actul nr. 1234/2025",
            "persoana/familia Veronica Pop",
            "art. 72 alin. (1) și (2)",
            "art. 73 alin. (2) și (3)",
        ],
    ),
    "raport_art139": (
        "emergency",
        [
            "Către TRIBUNALUL CLUJ",
            "RAPORT referitor la copil",
            "Ioana-Ștefania Mureșan",
            "Ramona Mureșan",
            "a) Personalitatea, starea fizică și mentală a copilului",
            "b) Antecedentele sociomedicale și educaționale",
            "c) Condițiile în care copilul a fost crescut",
            "d) Propuneri privind persoana, familia sau serviciul",
            "e) Alte date referitoare la creșterea și educarea",
            "Copil comunicativ, atașat de frați.",
            "Locuință improprie, fără încălzire.",
            DIRECTOR,
        ],
    ),
    "dispozitie_urgenta": (
        "emergency",
        [
            "DISPOZIȚIA nr. 1045",
            "DISPUNE:",
            "Ioana-Ștefania Mureșan",
            "Ramona Mureșan",
            "art. 68 alin. (1) lit. a)",
            "art. 69 alin. (1)",
            "art. 100 alin. (2)",
            "se suspendă de drept",
            "art. 68 alin. (5)",
            "art. 70 alin. (1)",
            "art. 58 alin. (1)",
            "art. 61",
            DIRECTOR,
            LEGAL_COUNSEL,
        ],
    ),
    "hotarare_cpc": (
        "commission",
        [
            "COMISIA PENTRU PROTECȚIA COPILULUI CLUJ",
            "HOTĂRÂREA nr. 52",
            "HOTĂRĂȘTE:",
            "Matei Pop",
            "Ramona Mureșan",
            "Veronica Pop",
            "art. 65 alin. (1)",
            "art. 66 alin. (1)",
            "art. 67 alin. (1)",
            "art. 115 alin. (1) lit. b)",
            "se mențin",
            "art. 128",
            "art. 61",
        ],
    ),
    "raport_monitorizare": (
        "commission",
        [
            "Anexa nr. 1",
            "RAPORT DE MONITORIZARE",
            "Numele și prenumele copilului: Matei Pop",
            "Hotărârea CPC nr. 52",
            "Veronica Pop",
            "V. Ca urmare a vizitei periodice",
            "10. În ultimele 3 luni au fost achiziționate",
            "17. Opinia copilului",
            "21. Semnătura persoanei/a membrilor familiei",
        ],
    ),
    "cerere_alocatie": (
        "commission",
        [
            "Anexa nr. 2",
            "pentru acordarea alocației de plasament și a indemnizației lunare de sprijin",
            "Stimată doamnă/Stimate domn director executiv",
            "Veronica",
            "Pop",
            "Cluj",
            "☐ tutore ☒ persoană/reprezentant al familiei de plasament ☐ asistent maternal",
            "☒ indemnizației lunare de sprijin",
            "LISTA copiilor aflați în plasament",
            "Matei",
            "52 /",
            "Declar pe propria răspundere",
        ],
    ),
    "cerere_indemnizatie_tineri": (
        "young",
        [
            "Anexa nr. 3",
            "CERERE ȘI DECLARAȚIE PE PROPRIA RĂSPUNDERE",
            "indemnizației lunare pentru tineri",
            "Săvescu",
            "Florin",
            "În calitate de tânăr care a beneficiat",
            "din 3 în 3 luni",
            "prelucrarea datelor personale",
        ],
    ),
    "raport_consiliere_tanar": (
        "young",
        [
            "Anexa nr. 4",
            "DGASPC) Cluj",
            "care optează pentru încetarea măsurii de protecție specială",
            "Florin Săvescu",
            "Hotărârea Comisiei pentru Protecția Copilului nr. 88",
            "I. Drepturile tânărului",
            "art. 55 alin. (2) și (3)",
            "4,8 ISR",
            "II. Responsabilitățile tânărului",
            "redactat în două exemplare",
        ],
    ),
}

CASES = cases.CASES


@pytest.fixture(scope="module")
def texts(docs_app, pool, tmp_path_factory):
    """The court variant of every document type, as PDF text."""
    folder = tmp_path_factory.mktemp("documents")
    case_ids = {
        name: create_case(docs_app, build(), extra) for name, (build, extra) in CASES.items()
    }
    paths = {
        doc_id: render_docx(docs_app, case_ids[case], doc_id, "instanta", folder)
        for doc_id, (case, _) in EXPECTED.items()
    }
    converted = pdf_texts(pool, list(paths.values()))
    return {doc_id: converted[path] for doc_id, path in paths.items()}


def test_every_document_type_of_the_catalog_is_checked():
    assert set(EXPECTED) == set(DOC_TYPES)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_document_names_addressee_parties_articles_and_sections(texts, doc_id):
    text = texts[doc_id]
    missing = [phrase for phrase in EXPECTED[doc_id][1] if phrase not in text]
    assert not missing, f"{doc_id}: missing {missing}\n{text}"


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_document_keeps_comma_below_diacritics(texts, doc_id):
    text = texts[doc_id]
    assert "ș" in text or "ț" in text
    assert not set("şţŞŢ") & set(text)
