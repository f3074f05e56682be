"""Romanian labels for the codes the case model stores, for pages and form choices."""
from ..auth.roles import ROLE_LABELS
from ..law.directorates import DIRECTORATES
from ..law.events import EVENT_LABELS

SITUATIONS = {
    "a": "lit. a) – părinți decedați, necunoscuți, decăzuți sau fără ocrotire",
    "b": "lit. b) – nu poate fi lăsat în grija părinților din motive neimputabile lor",
    "c": "lit. c) – abuzat sau neglijat",
    "d": "lit. d) – găsit sau părăsit în unități sanitare",
    "e": "lit. e) – a săvârșit o faptă penală și nu răspunde penal",
    "f": "lit. f) – minor străin sau apatrid neînsoțit",
}
CASE_STATUSES = {"deschis": "Deschisă", "inchis": "Închisă"}
PARENT_ROLES = {"mama": "Mama", "tata": "Tatăl", "tutore": "Tutore",
                "reprezentant_legal": "Reprezentant legal"}
PARENTAL_RIGHTS = {"exercitate": "Exercitate", "suspendate": "Suspendate",
                   "decazut": "Decăzut din drepturi"}
MEASURE_KINDS = {"plasament": "Plasament (art. 59 lit. a)",
                 "plasament_regim_urgenta": "Plasament în regim de urgență (art. 59 lit. b)",
                 "supraveghere_specializata": "Supraveghere specializată (art. 59 lit. c)"}
AUTHORITIES = {"director": "Directorul DGASPC (art. 69)",
               "comisie": "Comisia pentru protecția copilului (art. 65 alin. 1)",
               "instanta": "Instanța de judecată (art. 65 alin. 2)"}
MEASURE_STATUSES = {"propusa": "Propusă", "in_vigoare": "În vigoare", "incetata": "Încetată",
                    "revocata": "Revocată", "inlocuita": "Înlocuită"}
TARGET_KINDS = {"persoana_familie": "Persoană sau familie (art. 62 alin. 1 lit. a)",
                "asistent_maternal": "Asistent maternal (art. 62 alin. 1 lit. b)",
                "serviciu_rezidential": "Serviciu de tip rezidențial (art. 62 alin. 1 lit. c)"}
RELATIONSHIPS = {"familie_extinsa": "Familia extinsă", "familie_substitutiva":
                 "Familia substitutivă", "alta": "Altă persoană sau familie"}
RESIDENTIAL_KINDS = {"casa_tip_familial": "Casă de tip familial",
                     "apartament": "Apartament",
                     "centru_primire_urgenta": "Centru de primire în regim de urgență",
                     "centru_maternal": "Centru maternal"}
SEX = {"M": "Masculin", "F": "Feminin"}
EVENT_KINDS = {str(kind): label for kind, label in EVENT_LABELS.items()}
ROLES = {str(role): label for role, label in ROLE_LABELS.items() if role != "sistem"}
AREAS = {d.code: (d.county if d.county != "București" else f"București, {d.seat[11:]}")
         for d in DIRECTORATES}
TRIBUNALS = sorted({d.tribunal for d in DIRECTORATES})

ALL = {"situation": SITUATIONS, "case_status": CASE_STATUSES, "parent_role": PARENT_ROLES,
       "parental_rights": PARENTAL_RIGHTS, "measure_kind": MEASURE_KINDS,
       "authority": AUTHORITIES, "measure_status": MEASURE_STATUSES,
       "target_kind": TARGET_KINDS, "relationship": RELATIONSHIPS,
       "residential_kind": RESIDENTIAL_KINDS, "sex": SEX, "event_kind": EVENT_KINDS,
       "role": ROLES, "area": AREAS}


def label(group: str, code) -> str:
    """The Romanian label of ``code`` in ``group``; the code itself when unknown."""
    if code is None or code == "":
        return "—"
    return ALL[group].get(str(code), str(code))
