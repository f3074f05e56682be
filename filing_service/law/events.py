"""Kinds of events on a case timeline. Deadlines start from them (DOMAIN.md, Terms)."""

from enum import StrEnum


class EventKind(StrEnum):
    REPORT_RECEIVED = "sesizare_primita"  # art. 89, 96; verification art. 98 lit. a)
    PROTECTION_REQUESTED = "cerere_masura_primita"  # starts the PIP term, art. 58 alin. 1
    EMERGENCY_ORDER = "dispozitie_plasament_urgenta"  # art. 69-70
    EMERGENCY_ORDER_REVOKED = "dispozitie_revocata"  # art. 70 alin. 2
    ORDINANCE_REQUESTED = "cerere_ordonanta_depusa"  # art. 100 alin. 3, art. 134 alin. 5
    ORDINANCE_EXECUTED = "ordonanta_executata"  # art. 100 alin. 4
    OTHER_ORDINANCE_FILED = "ordonanta_presedintiala_depusa"  # art. 140^2
    PETITION_FILED = "cerere_depusa"
    HEARING_HELD = "termen_judecata"  # art. 134 alin. 3
    DEBATES_ENDED = "dezbateri_inchise"  # art. 135
    PRONOUNCEMENT = "pronuntare"  # art. 135, art. 136
    DECISION_COMMUNICATED = "comunicare_hotarare"  # art. 136 alin. 2, art. 137
    APPEAL_FILED = "recurs_declarat"  # art. 137
    EXPERT_REPORT_ORDERED = "expertiza_dispusa"  # art. 140^4
    DELEGATION_REQUESTED = "cerere_delegare"  # art. 105 alin. 6
    INFORMATION_REQUESTED = "solicitare_informatii"  # art. 117 lit. g)
    MEASURE_STARTED = "masura_instituita"  # art. 72 alin. 1, art. 73 alin. 2
    MEASURE_ENDED = "masura_incetata"
    EMERGENCY_CENTRE_ADMISSION = "internare_centru_urgenta"  # art. 123 alin. 6
    MATERNITY_ABANDONMENT = "parasire_maternitate"  # art. 12
    FINDING_BY_PUBLIC_SERVICE = "constatare_spas"  # art. 41 alin. 2
    OTHER = "alt_eveniment"


EVENT_LABELS = {
    EventKind.REPORT_RECEIVED: "Sesizare primită",
    EventKind.PROTECTION_REQUESTED: "Cerere de instituire a unei măsuri primită",
    EventKind.EMERGENCY_ORDER: "Dispoziție de plasament în regim de urgență",
    EventKind.EMERGENCY_ORDER_REVOKED: "Dispoziție de plasament în regim de urgență revocată",
    EventKind.ORDINANCE_REQUESTED: "Cerere de ordonanță președințială depusă",
    EventKind.ORDINANCE_EXECUTED: "Ordonanță președințială executată",
    EventKind.OTHER_ORDINANCE_FILED: "Cerere de ordonanță președințială (alta) depusă",
    EventKind.PETITION_FILED: "Cerere depusă la instanță",
    EventKind.HEARING_HELD: "Termen de judecată",
    EventKind.DEBATES_ENDED: "Dezbateri închise",
    EventKind.PRONOUNCEMENT: "Pronunțarea hotărârii",
    EventKind.DECISION_COMMUNICATED: "Comunicarea hotărârii",
    EventKind.APPEAL_FILED: "Recurs declarat",
    EventKind.EXPERT_REPORT_ORDERED: "Expertiză psihiatrică dispusă",
    EventKind.DELEGATION_REQUESTED: "Cerere de delegare a autorității părintești",
    EventKind.INFORMATION_REQUESTED: "Solicitare de informații",
    EventKind.MEASURE_STARTED: "Măsură instituită",
    EventKind.MEASURE_ENDED: "Măsură încetată",
    EventKind.EMERGENCY_CENTRE_ADMISSION: (
        "Internare în centrul de primire în regim de urgență"
    ),
    EventKind.MATERNITY_ABANDONMENT: "Părăsirea copilului în maternitate",
    EventKind.FINDING_BY_PUBLIC_SERVICE: (
        "Constatare a serviciului public de asistență socială"
    ),
    EventKind.OTHER: "Alt eveniment",
}
