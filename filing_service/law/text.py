"""Normalisation of Romanian text.

Romanian is written with comma-below letters ș ț Ș Ț (U+0219, U+021B, U+0218, U+021A).
The cedilla forms ş ţ Ş Ţ are legacy input (old keyboards, old fonts): they are read,
normalised, and never written back out.
"""

import unicodedata

_CEDILLA_TO_COMMA = str.maketrans(
    {
        "\u015f": "\u0219",  # ş -> ș
        "\u0163": "\u021b",  # ţ -> ț
        "\u015e": "\u0218",  # Ş -> Ș
        "\u0162": "\u021a",  # Ţ -> Ț
    }
)


def normalize_text(value: str) -> str:
    """Return ``value`` in NFC, trimmed, with cedilla letters replaced by comma-below ones.

    NFC first, so that a decomposed "s" + combining cedilla also becomes ş and then ș.
    Inner line breaks are kept (a statement of facts has paragraphs); trailing blanks on
    each line are not.
    """
    composed = unicodedata.normalize("NFC", value)
    translated = composed.translate(_CEDILLA_TO_COMMA)
    lines = [line.rstrip() for line in translated.strip().splitlines()]
    return "\n".join(lines)


def normalize_optional(value: str | None) -> str | None:
    """Normalise a string, turning an empty or blank one into ``None``."""
    if value is None:
        return None
    cleaned = normalize_text(value)
    return cleaned or None
