"""The catalogue of every error code the service hands out: one vocabulary, snake_case
English, that case systems may program against.

A code is the suffix of a problem's ``type`` (with the HTTP status it answers), or the
``code`` of one entry of its ``errors`` (a field refused by a domain check, a finding of
the rules engine, an XML schema error, a pydantic error type), or both. Each carries a
Romanian label (the problem's title, or what the error means) and, where one applies,
the article of Law 272/2004 it stands on.

Pure data, importing nothing from the package, so that even ``law`` may use it. Raise
sites take their code from :class:`Code`; ``api.problems`` looks every code up before
it goes out, so a code missing here cannot reach a caller. A code never changes
meaning; a rename is listed in README.md's changelog.
"""

from enum import StrEnum


class Code(StrEnum):
    """An error code: its value, Romanian label, HTTP status (for a top-level problem)
    and article of Law 272/2004 (where there is one)."""

    label: str
    status: int | None
    article: str | None

    def __new__(
        cls, value: str, label: str, status: int | None = None, article: str | None = None
    ) -> "Code":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.status = status
        member.article = article
        return member

    # Top-level problems (the suffix of ``type``), each with its HTTP status.
    INVALID_DATA = "invalid_data", "Date invalide", 422
    LAW_VIOLATION = "law_violation", "Încălcare a Legii nr. 272/2004", 422
    NOT_FOUND = "not_found", "Negăsit", 404
    FORBIDDEN = "forbidden", "Acțiune nepermisă", 403
    CONFLICT = "conflict", "Conflict", 409
    UNAUTHENTICATED = "unauthenticated", "Neautentificat", 401
    BAD_REQUEST = "bad_request", "Cerere greșită", 400
    METHOD_NOT_ALLOWED = "method_not_allowed", "Metodă nepermisă", 405
    REQUEST_TOO_LARGE = "request_too_large", "Cerere prea mare", 413
    # Refused by gunicorn before the app sees the request (``filing_service.serving``).
    REQUEST_LINE_TOO_LONG = "request_line_too_long", "Adresă prea lungă", 414
    REQUEST_HEADER_TOO_LARGE = (
        "request_header_too_large",
        "Antetele cererii sunt prea mari",
        431,
    )
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type", "Tip de conținut nesuportat", 415
    HTTP_ERROR = "http_error", "Cerere refuzată", 400
    INVALID_JSON = "invalid_json", "JSON invalid", 400
    INVALID_PARAMETERS = "invalid_parameters", "Parametri invalizi", 400
    FILE_MISSING = "file_missing", "Fișier lipsă", 400
    INTERNAL_ERROR = "internal_error", "Eroare internă", 500
    TEMPLATE_BROKEN = "template_broken", "Șablon defect", 500
    CONVERSION_FAILED = "conversion_failed", "Conversie eșuată", 503
    DELIVERY_FAILED = "delivery_failed", "Trimiterea a eșuat", 502
    XML_REFUSED = "xml_refused", "XML refuzat", 400
    INVALID_XML = "invalid_xml", "Transmitere invalidă", 422
    # Signing: the key (also as ``errors[].code`` on the field ``key``), the signature
    # itself, and a PDF uploaded to be validated (on the field ``file``).
    SECRET_MISSING = "secret_missing", "Cheia de semnare nu poate fi folosită", 503
    WRONG_SECRET = "wrong_secret", "Cheia de semnare nu poate fi folosită", 422
    KEY_FILE_MISSING = "key_file_missing", "Cheia de semnare nu poate fi folosită", 503
    PIN_LOCKED = "pin_locked", "Cheia de semnare nu poate fi folosită", 423
    TOKEN_UNAVAILABLE = "token_unavailable", "Cheia de semnare nu poate fi folosită", 503
    INVALID_PDF = "invalid_pdf", "Semnarea a eșuat", 422
    TSA_UNAVAILABLE = "tsa_unavailable", "Semnarea a eșuat", 502
    CERTIFICATE_VALIDATION_FAILED = "certificate_validation_failed", "Semnarea a eșuat", 502
    SIGNING_FAILED = "signing_failed", "Semnarea a eșuat", 502
    NOT_A_PDF = "not_a_pdf", "Fișierul nu este un document PDF", 422
    DAMAGED_PDF = "damaged_pdf", "Document nevalidabil", 422
    ENCRYPTED_PDF = "encrypted_pdf", "Document nevalidabil", 422
    NO_SIGNATURE = "no_signature", "Document nevalidabil", 422
    # Trusted lists and validation reports
    # A trusted list (the EU list of lists or a national one) that could not be fetched,
    # read or verified: the refresh keeps the snapshot in use.
    TRUSTED_LIST_REFUSED = "trusted_list_refused", "Listă de încredere refuzată"
    # An upload to a filing that its package or its directorate has no room for.
    QUOTA_EXCEEDED = "quota_exceeded", "Cota de fișiere a fost atinsă", 409

    # Validation sheet
    # The sheet of a package not yet signed and frozen (``errors[].code`` on ``status``).
    SHEET_NOT_FROZEN = (
        "validation_sheet_not_frozen",
        "Fișa de validare se întocmește doar pentru un pachet semnat",
    )

    # Fields refused by a domain check (``errors[].code``).
    INVALID_VALUE = "invalid_value", "Valoare nepermisă"
    REQUIRED = "required", "Câmpul este obligatoriu"
    DATE_IN_FUTURE = "date_in_future", "Data nu poate fi în viitor"
    DATE_ORDER = "date_order", "Datele nu sunt în ordinea cronologică"
    DATE_OUT_OF_RANGE = "date_out_of_range", "Anul este în afara intervalului 1900-2200"
    NOT_NULLABLE = "not_nullable", "Câmpul nu poate fi null"
    CNP_FORMAT = "cnp_format", "CNP-ul trebuie să aibă exact 13 cifre"
    CNP_SEX_DIGIT = "cnp_sex_digit", "Prima cifră a CNP-ului nu poate fi 0"
    CNP_BIRTH_DATE = "cnp_birth_date", "CNP-ul conține o dată a nașterii care nu există"
    CNP_COUNTY = "cnp_county", "Codul de județ din CNP nu există"
    CNP_CHECK_DIGIT = "cnp_check_digit", "Cifra de control a CNP-ului nu este corectă"
    CNP_BIRTH_DATE_MISMATCH = (
        "cnp_birth_date_mismatch",
        "CNP-ul contrazice data nașterii declarată",
    )
    ECRIS_FORMAT = "ecris_format", "Numărul dosarului nu are forma ECRIS"
    FOREIGN_TARGET = "foreign_target", "Ținta plasamentului aparține altei cauze"
    UNKNOWN_TYPE = "unknown_type", "Tip de document necunoscut"
    UNKNOWN_VARIANT = "unknown_variant", "Variantă de document necunoscută", None, "art. 67^1"
    UNKNOWN_DIRECTORATE = "unknown_directorate", "Direcție necunoscută"
    UNKNOWN_AREA = "unknown_area", "Cod de județ sau sector necunoscut"
    SECTOR_OUTSIDE_BUCHAREST = (
        "sector_outside_bucharest",
        "Sectoarele sunt ale municipiului București",
    )
    NOT_A_SUGGESTED_MATCH = "not_a_suggested_match", "Cauza nu este printre cele propuse"
    SIGNER_ROLE = "signer_role", "Rolul nu permite semnarea"
    KEY_MISSING = "key_missing", "Profilul de semnătură nu are cheia cerută"
    UNKNOWN_KEY = "unknown_key", "Cheie necunoscută în profilul de semnătură"
    PROFILE_MISSING = "profile_missing", "Direcția nu are un profil de semnătură"
    UNKNOWN_LEVEL = "unknown_level", "Nivel de semnătură necunoscut"
    TSA_MISSING = "tsa_missing", "Profilul nu are o autoritate de marcare temporală"
    SECRET_IN_PROFILE = "secret_in_profile", "Profilul nu poate conține secrete"
    KEY_TYPE = "key_type", "Tip de cheie necunoscut"
    UNKNOWN_RULE = "unknown_rule", "Regula de termen nu există"
    INVALID_TERM = "invalid_term", "Termenul nu poate fi calculat"
    UNKNOWN_ROLE = "unknown_role", "Rol necunoscut"
    UNKNOWN_COURT = "unknown_court", "Instanța nu se află în lista direcției"
    COURT_UNDETERMINED = (
        "court_undetermined",
        "Instanța competentă nu poate fi stabilită",
        None,
        "art. 133",
    )
    DOCUMENT_SOURCE = "document_source", "Dați fie fișierul, fie documentul"
    EMPTY_FILE = "empty_file", "Fișierul este gol"
    FILE_TOO_LARGE = "file_too_large", "Fișierul depășește limita admisă"
    FILING_FILES_QUOTA = "filing_files_quota", "Pachetul are numărul maxim de fișiere"
    FILING_BYTES_QUOTA = "filing_bytes_quota", "Pachetul ar depăși dimensiunea maximă"
    DIRECTORATE_BYTES_QUOTA = (
        "directorate_bytes_quota",
        "Spațiul direcției pentru depuneri este epuizat",
    )
    FOREIGN_DOCUMENT = "foreign_document", "Documentul nu aparține acestei cauze"
    NO_PDF = "no_pdf", "Documentul nu are încă o versiune PDF"
    NO_MANIFEST = "no_manifest", "Pachetul nu este încă semnat"
    NOT_READY = "not_ready", "Pachetul nu este verificat și semnat"
    CHECK_FAILED = "check_failed", "Pachetul nu mai trece verificarea"
    ADDRESS_UNCONFIRMED = "address_unconfirmed", "Adresa instanței nu este confirmată"
    STATUS_NOT_ALLOWED = "status_not_allowed", "Starea nu se poate consemna"
    TRANSITION_NOT_ALLOWED = "transition_not_allowed", "Schimbarea de stare nu este permisă"
    # Remote signing (CSC)
    CSC_URL = "csc_url", "Adresa serviciului de semnare la distanță nu este permisă"
    CSC_ONLY = "csc_only", "PIN-ul și codul unic se dau doar pentru o cheie la distanță"
    CSC_WRONG_PIN = "csc_wrong_pin", "PIN-ul semnăturii la distanță este greșit", 403
    CSC_WRONG_OTP = (
        "csc_wrong_otp",
        "Codul unic al semnăturii la distanță este greșit sau folosit deja",
        403,
    )
    CSC_LOCKED = "csc_locked", "Credențialul de semnare la distanță este blocat", 423
    CSC_REFUSED = "csc_refused", "Serviciul de semnare la distanță a refuzat cererea", 502
    CSC_UNAVAILABLE = "csc_unavailable", "Serviciul de semnare la distanță nu răspunde", 503
    CSC_LOCAL_ONLY = (
        "csc_local_only",
        "Cheia la distanță se folosește doar din pagina documentului sau prin API",
        422,
    )
    # The pre-submission check of a filing.
    PETITION_MISSING = "petition_missing", "Pachetul nu conține cererea"
    SEVERAL_PETITIONS = "several_petitions", "Pachetul conține mai multe cereri"
    CHILD_REPORT_MISSING = (
        "child_report_missing",
        "Pachetul nu conține raportul referitor la copil",
        None,
        "art. 139",
    )
    OBJECT_MISSING = "object_missing", "Cererea nu are obiect"
    LEGAL_BASIS_MISSING = "legal_basis_missing", "Cererea nu are temei de drept"
    COURT_UNVERIFIABLE = "court_unverifiable", "Competența instanței nu poate fi verificată"
    COURT_NOT_COMPETENT = "court_not_competent", "Instanța nu este cea competentă"
    MANIFEST_ALTERED = "manifest_altered", "Manifestul pachetului a fost modificat"
    HASH_MISMATCH = "hash_mismatch", "Amprenta documentului nu corespunde manifestului"
    FILE_ALTERED = "file_altered", "Fișierul documentului lipsește sau a fost modificat"
    NOT_PDFA = "not_pdfa", "Documentul nu este PDF/A"
    UNSIGNED = "unsigned", "Documentul nu este semnat"
    INVALID_SIGNATURE = "invalid_signature", "Semnătura nu este validă"
    MODIFIED_AFTER_SIGNING = (
        "modified_after_signing",
        "Documentul a fost modificat după semnare",
    )
    UNTRUSTED_SIGNATURE = (
        "untrusted_signature",
        "Semnătura nu duce la o autoritate de încredere",
    )
    # registratura.rejust.ro
    REJUST_NOT_FROZEN = "rejust_not_frozen", "Pachetul nu este încă semnat și închis"
    REJUST_WRONG_CHANNEL = (
        "rejust_wrong_channel",
        "Cererea nu se depune prin registratura electronică",
    )
    REJUST_SENT_BY_EMAIL = "rejust_sent_by_email", "Cererea a fost deja trimisă prin e-mail"
    REJUST_OTHER_PROOF = (
        "rejust_other_proof",
        "Cererea are deja o altă dovadă a depunerii",
    )
    REJUST_NO_PROOF = "rejust_no_proof", "Cererea nu are dovada depunerii"
    REJUST_CHANNEL = (
        "rejust_channel",
        "Cererea se depune prin registratura electronică, nu prin e-mail",
    )
    # Courts' own rules
    SCAN_RESOLUTION = "scan_resolution", "Scanare cu rezoluție peste limita instanței"
    SCAN_COLOUR = "scan_colour", "Scanare color; instanța cere alb-negru"
    SCANS_UNCHECKED = "scans_unchecked", "Scanările nu au putut fi verificate"
    TOTAL_TOO_LARGE = (
        "total_too_large",
        "Atașamentele depășesc limita instanței pentru un singur mesaj",
    )
    SEVERAL_MESSAGES = "several_messages", "Pachetul se trimite în mai multe mesaje"
    DUPLICATE_FILE_NAME = "duplicate_file_name", "Două atașamente au același nume"
    FILE_NAME_PATTERN = (
        "file_name_pattern",
        "Denumirea atașamentului nu respectă regula instanței",
    )
    LINK_IN_MESSAGE = "link_in_message", "Mesajul către registratură conține o adresă web"
    HEARING_PASSED = "hearing_passed", "Termenul de judecată a trecut"
    HEARING_TOO_CLOSE = (
        "hearing_too_close",
        "Prea puține ore până la termenul de judecată",
    )
    HEARING_SOON = "hearing_soon", "Termenul de judecată este în mai puțin de 24 de ore"
    PDF_NOT_ACCEPTED = "pdf_not_accepted", "Instanța nu primește documente PDF prin e-mail"
    FOREIGN_HEARING = "foreign_hearing", "Termenul nu aparține acestei cauze"
    COURT_RULE_INVALID = "court_rule_invalid", "Valoare nepermisă pentru o regulă a instanței"
    # Procedural checks of the deadlines (they cite the Code of Civil Procedure).
    HEARING_GAP_OVER_10_DAYS = (
        "hearing_gap_over_10_days",
        "Termene de judecată la mai mult de 10 zile",
    )
    LATE_SUMMONS = "late_summons", "Citație comunicată prea târziu"
    RULING_POSTPONED_OVER_2_DAYS = (
        "ruling_postponed_over_2_days",
        "Pronunțare amânată peste 2 zile",
    )
    LATE_COMMUNICATION = "late_communication", "Hotărâre comunicată prea târziu"
    # Registry replies (IMAP)
    MAILBOX_CONFIG_INVALID = (
        "mailbox_config_invalid",
        "Configurația căsuțelor poștale ale direcțiilor este greșită",
    )
    MAILBOX_UNAVAILABLE = (
        "mailbox_unavailable",
        "Căsuța poștală a direcției nu poate fi citită",
    )
    SEVERAL_NUMBERS = (
        "several_numbers",
        "Răspunsul conține mai multe numere de dosar; s-a propus primul",
    )
    REPLY_NUMBER_MISSING = (
        "reply_number_missing",
        "Răspunsul nu conține un număr de înregistrare",
    )

    # Findings of the rules engine (``law.rules``), each with its article.
    ART57_CONSENT = (
        "art57_consent",
        "Lipsește consimțământul copilului",
        None,
        "art. 57 alin. (3)",
    )
    ART57_REFUSAL = "art57_refusal", "Copilul refuză măsura", None, "art. 57 alin. (3)"
    ART57_CONSENT_UNRECORDED = (
        "art57_consent_unrecorded",
        "Consimțământul copilului nu este consemnat",
        None,
        "art. 57 alin. (3)",
    )
    ART62_ORDER = (
        "art62_order",
        "Ordinea de preferință a plasamentului",
        None,
        "art. 62 alin. (1), art. 58 alin. (6)",
    )
    ART64_EXCEPTION = (
        "art64_exception",
        "Excepția de la plasamentul rezidențial",
        None,
        "art. 64 alin. (2)",
    )
    ART64_RESIDENTIAL_UNDER_7 = (
        "art64_residential_under_7",
        "Plasament rezidențial sub 7 ani",
        None,
        "art. 64 alin. (1)",
    )
    ART64_EXTENDED_FAMILY = (
        "art64_extended_family",
        "Familia extinsă are întâietate",
        None,
        "art. 64 alin. (3) lit. a)",
    )
    ART64_SIBLINGS = (
        "art64_siblings",
        "Frații se plasează împreună",
        None,
        "art. 64 alin. (3) lit. b)",
    )
    ART73_FAMILY_RESIDENTIAL = (
        "art73_family_residential",
        "Plasament rezidențial în locul celui familial",
        None,
        "art. 73 alin. (3^1)",
    )
    ART122_AGE = (
        "art122_age",
        "Vârsta persoanei care primește copilul",
        None,
        "art. 122 alin. (1)",
    )
    ART122_CAPACITY = (
        "art122_capacity",
        "Capacitatea persoanei care primește copilul",
        None,
        "art. 122 alin. (1)",
    )
    ART122_DOMICILE = (
        "art122_domicile",
        "Domiciliul persoanei care primește copilul",
        None,
        "art. 122 alin. (1), art. 62 alin. (2)",
    )
    ART123_6_MONTHS = "art123_6_months", "Termenul de 6 luni", None, "art. 123 alin. (6)"
    ART133_UNKNOWN = (
        "art133_unknown",
        "Instanța competentă nu este cunoscută",
        None,
        "art. 133",
    )
    ART133_COMPETENCE = "art133_competence", "Competența instanței", None, "art. 133"
    ART134_HEARING = (
        "art134_hearing",
        "Audierea copilului",
        None,
        "art. 134 alin. (2), art. 29 alin. (2)",
    )

    # XML documents (``xml.parsing`` and ``xml.schema_errors``).
    XML_TOO_LARGE = "xml_too_large", "Documentul depășește limita de mărime"
    XML_EMPTY = "xml_empty", "Corpul cererii este gol"
    NOT_XML = "not_xml", "Corpul cererii nu este XML"
    ENCODING_UNSUPPORTED = "encoding_unsupported", "Codificare nesuportată (doar UTF-8)"
    ENCODING_MISMATCH = "encoding_mismatch", "BOM-ul și declarația nu se potrivesc"
    ENCODING_INVALID = "encoding_invalid", "Octeți care nu sunt UTF-8"
    DOCTYPE_FORBIDDEN = "doctype_forbidden", "Declarația DOCTYPE nu este permisă"
    XML_TOO_DEEP = "xml_too_deep", "Elemente imbricate pe prea multe niveluri"
    XML_TOO_MANY_ELEMENTS = "xml_too_many_elements", "Prea multe elemente"
    XML_MALFORMED = "xml_malformed", "Documentul nu este XML bine format"
    ENTITY_FORBIDDEN = "entity_forbidden", "Entitatea nu este permisă"
    XSD_MISSING_ELEMENT = "xsd_missing_element", "Lipsește un element"
    XSD_UNEXPECTED_ELEMENT = "xsd_unexpected_element", "Element neașteptat"
    XSD_CONTENT = "xsd_content", "Conținutul elementului nu respectă schema"
    XSD_PATTERN = "xsd_pattern", "Valoarea nu are forma cerută"
    XSD_ENUMERATION = "xsd_enumeration", "Valoare nepermisă"
    XSD_DATATYPE = "xsd_datatype", "Valoare de alt tip decât cel cerut"
    XSD_TOO_LONG = "xsd_too_long", "Valoare prea lungă"
    XSD_TOO_SHORT = "xsd_too_short", "Valoare prea scurtă"
    XSD_LENGTH = "xsd_length", "Valoare de altă lungime decât cea cerută"
    XSD_RANGE = "xsd_range", "Valoare în afara intervalului"
    XSD_UNKNOWN_ROOT = "xsd_unknown_root", "Element rădăcină sau spațiu de nume greșit"
    XSD_MISSING_ATTRIBUTE = "xsd_missing_attribute", "Lipsește un atribut"
    XSD_UNEXPECTED_ATTRIBUTE = "xsd_unexpected_attribute", "Atribut neașteptat"
    XSD_TEXT_NOT_ALLOWED = "xsd_text_not_allowed", "Elementul nu poate conține text"
    XSD_CHILDREN_NOT_ALLOWED = (
        "xsd_children_not_allowed",
        "Elementul nu poate conține alte elemente",
    )
    XSD_NOT_EMPTY = "xsd_not_empty", "Elementul trebuie să fie gol"
    XSD_DUPLICATE = "xsd_duplicate", "Valoare repetată"
    XSD_TYPE = "xsd_type", "Tip de element greșit"
    XSD_INVALID = "xsd_invalid", "Documentul nu respectă schema"

    # Pydantic's error types, kept under pydantic's own names (``api.problems``); a type
    # not listed here goes out as ``invalid_value``.
    VALUE_ERROR = "value_error", "Valoare refuzată de o verificare a datelor"
    MISSING = "missing", "Câmpul este obligatoriu"
    EXTRA_FORBIDDEN = "extra_forbidden", "Câmp necunoscut"
    STRING_TYPE = "string_type", "Trebuie să fie un text"
    STRING_TOO_SHORT = "string_too_short", "Textul este prea scurt"
    STRING_TOO_LONG = "string_too_long", "Textul este prea lung"
    STRING_PATTERN_MISMATCH = "string_pattern_mismatch", "Valoarea nu are forma cerută"
    INT_TYPE = "int_type", "Trebuie să fie un număr întreg"
    INT_PARSING = "int_parsing", "Trebuie să fie un număr întreg"
    BOOL_TYPE = "bool_type", "Trebuie să fie true sau false"
    BOOL_PARSING = "bool_parsing", "Trebuie să fie true sau false"
    DATE_TYPE = "date_type", "Trebuie să fie o dată"
    DATE_PARSING = "date_parsing", "Dată invalidă"
    DATE_FROM_DATETIME_PARSING = "date_from_datetime_parsing", "Dată invalidă"
    DATE_FROM_DATETIME_INEXACT = (
        "date_from_datetime_inexact",
        "Trebuie să fie o dată, fără oră",
    )
    DATETIME_TYPE = "datetime_type", "Trebuie să fie o dată și oră"
    DATETIME_PARSING = "datetime_parsing", "Dată și oră invalide"
    DATETIME_FROM_DATE_PARSING = "datetime_from_date_parsing", "Dată și oră invalide"
    TIMEZONE_AWARE = "timezone_aware", "Ora trebuie să includă fusul orar"
    ENUM = "enum", "Valoare nepermisă"
    LITERAL_ERROR = "literal_error", "Valoare nepermisă"
    LIST_TYPE = "list_type", "Trebuie să fie o listă"
    DICT_TYPE = "dict_type", "Trebuie să fie un obiect"
    MODEL_TYPE = "model_type", "Trebuie să fie un obiect"
    MODEL_ATTRIBUTES_TYPE = "model_attributes_type", "Trebuie să fie un obiect"
    TOO_LONG = "too_long", "Lista are prea multe elemente"
    GREATER_THAN_EQUAL = "greater_than_equal", "Valoare prea mică"
    LESS_THAN_EQUAL = "less_than_equal", "Valoare prea mare"


class UnknownCode(LookupError):
    """A code that is not in the catalogue was about to go out."""


_BY_VALUE: dict[str, Code] = {str(code): code for code in Code}


def lookup(code: str) -> Code:
    """The catalogue's entry for ``code``, or :class:`UnknownCode`."""
    try:
        return _BY_VALUE[code]
    except KeyError:
        raise UnknownCode(f"error code {code!r} is not in filing_service.errorcodes") from None


def problem_codes() -> list[Code]:
    """The codes that can be a problem's own ``type`` (those with an HTTP status)."""
    return [code for code in Code if code.status is not None]


def markdown_table() -> str:
    """The catalogue as the table of ``schemas/README.md`` (``scripts/error_codes.py``
    writes it there; a test checks it is current)."""
    rows = ["| code | HTTP | meaning | article |", "|---|---|---|---|"]
    for code in Code:
        rows.append(
            f"| `{code}` | {code.status or ''} | {code.label} | {code.article or ''} |"
        )
    return "\n".join(rows) + "\n"
