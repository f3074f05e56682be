"""Field types shared by every input model: Romanian text normalised, CNPs checked,
county codes known. XML, JSON and web forms all validate through these."""

from typing import Annotated, Any, Optional, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    create_model,
    field_validator,
)
from pydantic_core import PydanticCustomError

from ..law.cnp import parse_cnp
from ..law.directorates import BY_CODE
from ..law.ecris import check_case_number
from ..law.errors import DomainError
from ..law.text import normalize_text
from .bounds import check_value


def _text(max_length: int, required: bool):
    def check(value: str) -> str | None:
        cleaned = normalize_text(value)
        if not cleaned:
            if required:
                raise ValueError("Câmpul nu poate fi gol.")
            return None
        if len(cleaned) > max_length:
            raise ValueError(f"Textul este prea lung (cel mult {max_length} caractere).")
        return cleaned

    return AfterValidator(check)


def _domain(check):
    """Run a domain check, turning its error into pydantic's with the check's own code
    (``cnp_check_digit``, not a generic ``invalid_value``), Romanian message and article.
    The message goes in the context, not the template: a message is never a template."""

    def run(value):
        try:
            return check(value)
        except DomainError as exc:
            raise PydanticCustomError(
                str(exc.code), "{message}", {"message": exc.message, "article": exc.article}
            ) from None

    return AfterValidator(run)


# The raw length bound comes first (it applies to the text as sent, before a blank
# optional text becomes None, which a length check cannot measure).
Name = Annotated[str, Field(max_length=400, examples=["Ionescu"]), _text(100, True)]
Label = Annotated[str, Field(max_length=800), _text(200, True)]
ShortText = Annotated[str, Field(max_length=1200), _text(300, False)]
LongText = Annotated[str, Field(max_length=80000), _text(20000, False)]
Cnp = Annotated[
    str,
    _domain(lambda v: parse_cnp(v).value),
    Field(
        pattern=r"^\s*\d{13}\s*$",
        examples=["5150312120014"],
        description="Cod numeric personal, 13 cifre, cu cifra de control",
    ),
]
AreaCode = Annotated[
    str,
    AfterValidator(lambda v: _known_area(v)),
    Field(
        json_schema_extra={"enum": sorted(BY_CODE)},
        description="Codul județului (AB, CJ, ...) sau al sectorului (B1-B6)",
    ),
]
CaseNumber = Annotated[
    str,
    _domain(check_case_number),
    Field(
        examples=["1234/117/2026"],
        description="Numărul dosarului ECRIS: număr/instanță/an[/aN]",
    ),
]


def _known_area(value: str) -> str:
    code = value.strip().upper()
    if code not in BY_CODE:
        raise ValueError(
            f"Cod de județ sau sector necunoscut: {value!r} (folosiți de exemplu CJ, B3)."
        )
    return code


class Strict(BaseModel):
    """Input models refuse unknown fields: a typo must not be silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    @field_validator("*", mode="after")
    @classmethod
    def _within_bounds(cls, value):
        """Every id, count, date and date-time of every input within ``api.bounds``."""
        return check_value(value)


def partial(model: type[Strict], name: str) -> type[Strict]:
    """A PATCH variant of ``model``: every field optional, and a field that ``model``
    does not let be null (a required one, or one with a default such as ``deceased``)
    refuses an explicit ``null``, naming the field, rather than reaching a NOT NULL
    column."""
    not_null = [n for n, f in model.model_fields.items() if not _nullable(f.annotation)]
    fields: dict[str, Any] = {
        n: (
            _patch_annotation(f.annotation, f.metadata, nullable=n not in not_null),
            Field(default=None, description=f.description),
        )
        for n, f in model.model_fields.items()
    }

    def no_null(cls, value):
        if value is None:
            raise PydanticCustomError("not_nullable", "Câmpul nu poate fi null.")
        return value

    validators = (
        {"no_null": field_validator(*not_null, mode="before")(no_null)} if not_null else {}
    )
    return create_model(
        name,
        __base__=Strict,
        __validators__=validators,  # type: ignore[arg-type]  # a decorated validator
        **fields,
    )


def _nullable(annotation) -> bool:
    return annotation is None or annotation is Any or type(None) in get_args(annotation)


def _patch_annotation(annotation, metadata: list, *, nullable: bool):
    """The field's type with its constraints; Optional only where null is a value (an
    omitted field stays unset: pydantic does not validate the default)."""
    typed = Annotated[(annotation, *metadata)] if metadata else annotation
    return Optional[typed] if nullable else typed  # noqa: UP045  (a type built at run time)
