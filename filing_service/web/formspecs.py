"""The fields of each form, in the order a legal counsel fills them, with the article of
law each one serves. Names match the service's input models (cases.schemas)."""

from . import labels
from .forms import Field as F

_TRIBUNALS = {t: t for t in labels.TRIBUNALS}

CASE = [
    F("reference", "Număr intern", help="Se generează dacă îl lăsați gol."),
    F("situation", "Situația copilului (art. 60)", "select", labels.SITUATIONS, wide=True),
    F(
        "court",
        "Instanța sesizată",
        "select",
        _TRIBUNALS,
        help="Tribunalul domiciliului copilului (art. 133).",
    ),
    F("court_case_number", "Număr dosar (ECRIS)", help="De forma 1234/117/2026."),
    F("opened_on", "Deschisă la", "date"),
    F("status", "Starea cauzei", "select", labels.CASE_STATUSES),
    F(
        "sibling_group",
        "Grup de frați",
        help="Același text la toți frații (art. 64 alin. 3 lit. b).",
    ),
    F("external_id", "Identificator extern"),
    F(
        "facts_summary",
        "În fapt",
        "textarea",
        wide=True,
        help="Situația de fapt, așa cum va apărea în cerere.",
    ),
]

CHILD = [
    F("last_name", "Nume", required=True),
    F("first_name", "Prenume", required=True),
    F("cnp", "CNP", help="13 cifre; data nașterii și sexul se completează din CNP."),
    F("birth_date", "Data nașterii", "date"),
    F("sex", "Sex", "select", labels.SEX),
    F("citizenship", "Cetățenie"),
    F("domicile_address", "Domiciliul", wide=True),
    F(
        "domicile_area",
        "Județul/sectorul domiciliului",
        "select",
        labels.AREAS,
        help="Stabilește instanța competentă (art. 133 alin. 1).",
    ),
    F(
        "found_area",
        "Locul în care a fost găsit",
        "select",
        labels.AREAS,
        help="Doar dacă domiciliul nu este cunoscut (art. 133 alin. 2).",
    ),
    F("consent", "Consimțământul copilului de 14 ani", "bool3", help="art. 57 alin. (3)"),
    F(
        "complete_impairment_confirmed",
        "Deficiență/afectare funcțională completă "
        "confirmată de serviciul de evaluare complexă",
        "checkbox",
        wide=True,
        help="art. 64 alin. (2)",
    ),
    F(
        "personality",
        "Personalitate, stare fizică și psihică",
        "textarea",
        wide=True,
        help="art. 139 lit. a)",
    ),
    F("health", "Starea de sănătate", "textarea", wide=True, help="art. 139 lit. a)"),
    F("history", "Antecedente socio-medicale", "textarea", wide=True, help="art. 139 lit. b)"),
    F("education", "Educație", "textarea", wide=True, help="art. 139 lit. b)"),
    F(
        "living_conditions",
        "Condițiile în care a crescut și a trăit",
        "textarea",
        wide=True,
        help="art. 139 lit. c)",
    ),
    F("other_data", "Alte date utile", "textarea", wide=True, help="art. 139 lit. e)"),
]

PARENT = [
    F("role", "Calitatea", "select", labels.PARENT_ROLES, required=True),
    F("last_name", "Nume", required=True),
    F("first_name", "Prenume", required=True),
    F("cnp", "CNP"),
    F("birth_date", "Data nașterii", "date"),
    F("phone", "Telefon"),
    F("address", "Domiciliul", wide=True),
    F(
        "agrees_to_measure",
        "Este de acord cu măsura",
        "bool3",
        help="Fără acord, măsura o stabilește instanța (art. 65 alin. 2).",
    ),
    F("parental_rights", "Drepturile părintești", "select", labels.PARENTAL_RIGHTS),
    F("legal_representative", "Reprezentant legal al copilului", "checkbox"),
    F("deceased", "Decedat", "checkbox"),
]

TARGET = [
    F("kind", "Tipul", "select", labels.TARGET_KINDS, required=True, wide=True),
    F("name", "Numele persoanei, familiei sau serviciului", required=True, wide=True),
    F(
        "relationship_to_child",
        "Legătura cu copilul",
        "select",
        labels.RELATIONSHIPS,
        help="art. 64 alin. (3) lit. a)",
    ),
    F(
        "residential_kind",
        "Serviciul rezidențial",
        "select",
        labels.RESIDENTIAL_KINDS,
        help="art. 123 alin. (3)",
    ),
    F("cnp", "CNP"),
    F("birth_date", "Data nașterii", "date", help="Cel puțin 18 ani (art. 122 alin. 1)."),
    F("full_legal_capacity", "Capacitate deplină de exercițiu", "bool3"),
    F("domicile_in_romania", "Domiciliul în România", "bool3"),
    F("attestation", "Atestat / licență"),
    F("address", "Adresa", wide=True, help="Confidențială față de părinți (art. 67^1)."),
    F("income", "Venituri", help="Confidențial (art. 67^1)."),
    F("property", "Bunuri", help="Confidențial (art. 67^1)."),
    F(
        "medical_info",
        "Starea de sănătate",
        "textarea",
        wide=True,
        help="Confidențial (art. 67^1).",
    ),
    F(
        "psychological_info",
        "Evaluarea psihologică",
        "textarea",
        wide=True,
        help="Confidențial (art. 67^1).",
    ),
]

MEASURE = [
    F("kind", "Măsura", "select", labels.MEASURE_KINDS, required=True),
    F("authority", "Cine o dispune", "select", labels.AUTHORITIES, required=True),
    F("status", "Starea", "select", labels.MEASURE_STATUSES),
    F("act_number", "Numărul actului", help="Dispoziția, hotărârea sau sentința."),
    F("decided_on", "Dispusă la", "date"),
    F("starts_on", "De la", "date"),
    F("ends_on", "Până la", "date"),
    F("legal_basis", "Temeiul legal", wide=True),
    F(
        "residential_justification",
        "De ce nu la familie sau asistent maternal",
        "textarea",
        wide=True,
        help="art. 58 alin. (6), art. 62 alin. (1)",
    ),
    F(
        "danger_motivation",
        "Motivarea pericolului",
        "textarea",
        wide=True,
        help="art. 73 alin. (3^1)",
    ),
]

EVENT = [
    F("kind", "Evenimentul", "select", labels.EVENT_KINDS, required=True, wide=True),
    F("occurred_on", "Data", "date", required=True),
    F("occurred_at", "Ora (dacă termenul curge pe ore)", "datetime"),
    F("description", "Descriere", "textarea", wide=True),
]

HEARING = [
    F("scheduled_at", "Data și ora", "datetime", required=True),
    F("court", "Instanța", "select", _TRIBUNALS),
    F("court_case_number", "Număr dosar (ECRIS)"),
    F("panel", "Complet"),
    F(
        "summons_served_on",
        "Citația comunicată la",
        "date",
        help="Cel puțin o zi înainte de termen (art. 134 alin. 4).",
    ),
    F("debates_ended_on", "Dezbateri închise la", "date"),
    F("pronounced_on", "Pronunțare la", "date", help="art. 135"),
    F("solution", "Soluția"),
    F("summary", "Rezumat", "textarea", wide=True),
]

# The case-opening event chosen on the new-case form: it starts the first deadlines.
OPENING_EVENT = [
    F("kind", "Evenimentul care deschide cauza", "select", labels.EVENT_KINDS, wide=True),
    F("occurred_on", "Data evenimentului", "date"),
]


def names(fields: list[F], prefix: str = "") -> set[str]:
    """The input names of a form, with their prefix."""
    return {prefix + f.name for f in fields}
