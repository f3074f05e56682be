"""What a 119 report can be about: the forms of Law 272/2004 art. 94, and the other
forms of violence of art. 89 alin. (1) and art. 4 lit. h) (parental alienation).

Plain Python: the codes are what the API and the XML carry; the labels are what a person
reads; the article is where each form is defined in the law text.
"""

from enum import StrEnum


class Form(StrEnum):
    # Art. 94 alin. (1): abuse "se clasifică drept abuz fizic, emoțional, psihologic,
    # sexual și economic".
    PHYSICAL_ABUSE = "abuz_fizic"
    EMOTIONAL_ABUSE = "abuz_emotional"
    PSYCHOLOGICAL_ABUSE = "abuz_psihologic"
    SEXUAL_ABUSE = "abuz_sexual"
    ECONOMIC_ABUSE = "abuz_economic"
    # Art. 94 alin. (2): the forms of neglect, abandonment being the gravest.
    FOOD_NEGLECT = "neglijare_alimentara"
    CLOTHING_NEGLECT = "neglijare_vestimentara"
    HYGIENE_NEGLECT = "neglijare_igiena"
    MEDICAL_NEGLECT = "neglijare_medicala"
    EDUCATIONAL_NEGLECT = "neglijare_educationala"
    EMOTIONAL_NEGLECT = "neglijare_emotionala"
    ABANDONMENT = "abandon"
    # Art. 89 alin. (1) and art. 91: exploitation (by work among others), trafficking.
    EXPLOITATION = "exploatare"
    TRAFFICKING = "trafic"
    # Art. 4 lit. h), art. 89 alin. (2): parental alienation.
    PARENTAL_ALIENATION = "instrainare_parinteasca"
    # Art. 89 alin. (1): "orice alte forme de violență".
    OTHER_VIOLENCE = "alta_forma_violenta"


FORM_LABELS: dict[Form, str] = {
    Form.PHYSICAL_ABUSE: "Abuz fizic",
    Form.EMOTIONAL_ABUSE: "Abuz emoțional",
    Form.PSYCHOLOGICAL_ABUSE: "Abuz psihologic",
    Form.SEXUAL_ABUSE: "Abuz sexual",
    Form.ECONOMIC_ABUSE: "Abuz economic",
    Form.FOOD_NEGLECT: "Neglijare alimentară",
    Form.CLOTHING_NEGLECT: "Neglijare vestimentară",
    Form.HYGIENE_NEGLECT: "Neglijarea igienei",
    Form.MEDICAL_NEGLECT: "Neglijare medicală",
    Form.EDUCATIONAL_NEGLECT: "Neglijare educațională",
    Form.EMOTIONAL_NEGLECT: "Neglijare emoțională",
    Form.ABANDONMENT: "Părăsirea copilului / abandonul de familie",
    Form.EXPLOITATION: "Exploatare",
    Form.TRAFFICKING: "Trafic de copii",
    Form.PARENTAL_ALIENATION: "Înstrăinare părintească",
    Form.OTHER_VIOLENCE: "Altă formă de violență",
}

FORM_ARTICLES: dict[Form, str] = {
    **{
        f: "art. 94 alin. (1)"
        for f in (
            Form.PHYSICAL_ABUSE,
            Form.EMOTIONAL_ABUSE,
            Form.PSYCHOLOGICAL_ABUSE,
            Form.SEXUAL_ABUSE,
            Form.ECONOMIC_ABUSE,
        )
    },
    **{
        f: "art. 94 alin. (2)"
        for f in (
            Form.FOOD_NEGLECT,
            Form.CLOTHING_NEGLECT,
            Form.HYGIENE_NEGLECT,
            Form.MEDICAL_NEGLECT,
            Form.EDUCATIONAL_NEGLECT,
            Form.EMOTIONAL_NEGLECT,
            Form.ABANDONMENT,
        )
    },
    Form.EXPLOITATION: "art. 89 alin. (1), art. 91",
    Form.TRAFFICKING: "art. 89 alin. (1)",
    Form.PARENTAL_ALIENATION: "art. 4 lit. h), art. 89 alin. (2)",
    Form.OTHER_VIOLENCE: "art. 89 alin. (1)",
}


def describe(forms: list[str]) -> str:
    """The forms as a Romanian phrase for the timeline: "Abuz fizic, Neglijare medicală"."""
    return ", ".join(FORM_LABELS[Form(f)] for f in forms)
