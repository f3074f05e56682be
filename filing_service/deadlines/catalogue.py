"""The rule catalogue: every term of the law, read from ``rules.toml`` and checked.

The data file is the single place a term's length, unit, counting, starting event and
article are written; this module only validates it and answers questions about it.
"""

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..law.events import EventKind
from .counting import CIVIL, INTERVAL, PROCEDURAL, UNITS, TermSpec

ACTOR_LABELS = {
    "directorate": "DGASPC",
    "director": "Directorul DGASPC",
    "court": "Instanța",
    "public_social_service": "Serviciul public de asistență socială",
    "maternity": "Unitatea sanitară",
    "police": "Poliția",
    "requested_party": "Persoana căreia i s-au cerut informațiile",
    "expert": "Expertul",
    "party": "Partea (DGASPC sau reprezentantul legal)",
}

COUNTING_LABELS = {
    PROCEDURAL: "termen procedural (Codul de procedură civilă, art. 181)",
    CIVIL: "termen de drept comun (Codul civil, art. 2551-2555)",
    INTERVAL: "interval maxim, fără zile libere și fără prelungire",
}


@dataclass(frozen=True)
class Rule:
    """One term of the law."""

    id: str
    title: str
    article: str
    length: int
    unit: str
    counting: str
    starts: EventKind | None
    actor: str
    tracked: bool
    statutory: bool = True
    note: str | None = None

    @property
    def spec(self) -> TermSpec:
        return TermSpec(self.length, self.unit, self.counting, self.article)

    @property
    def actor_label(self) -> str:
        return ACTOR_LABELS[self.actor]

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "article": self.article,
            "length": self.length,
            "unit": self.unit,
            "counting": self.counting,
            "counting_label": COUNTING_LABELS[self.counting],
            "starts": self.starts.value if self.starts else None,
            "actor": self.actor,
            "actor_label": self.actor_label,
            "tracked": self.tracked,
            "statutory": self.statutory,
            "note": self.note,
        }


_FIELDS = {
    "id",
    "title",
    "article",
    "length",
    "unit",
    "counting",
    "starts",
    "actor",
    "tracked",
    "statutory",
    "note",
}


def _rule(entry: dict) -> Rule:
    unknown = set(entry) - _FIELDS
    if unknown:
        raise ValueError(f"rule {entry.get('id')}: unknown fields {sorted(unknown)}")
    if entry["unit"] not in UNITS or entry["counting"] not in (PROCEDURAL, CIVIL, INTERVAL):
        raise ValueError(f"rule {entry['id']}: bad unit or counting")
    if entry["actor"] not in ACTOR_LABELS:
        raise ValueError(f"rule {entry['id']}: unknown actor {entry['actor']}")
    starts = EventKind(entry["starts"]) if "starts" in entry else None
    if entry["tracked"] and starts is None:
        raise ValueError(f"rule {entry['id']}: a tracked rule needs the event that starts it")
    return Rule(
        id=entry["id"],
        title=entry["title"],
        article=entry["article"],
        length=int(entry["length"]),
        unit=entry["unit"],
        counting=entry["counting"],
        starts=starts,
        actor=entry["actor"],
        tracked=bool(entry["tracked"]),
        statutory=bool(entry.get("statutory", True)),
        note=entry.get("note"),
    )


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """Every rule of the catalogue, by id (read once)."""
    data = tomllib.loads(
        resources.files(__package__).joinpath("rules.toml").read_text("utf-8")
    )
    out: dict[str, Rule] = {}
    for entry in data["rule"]:
        rule = _rule(entry)
        if rule.id in out:
            raise ValueError(f"duplicate rule id {rule.id}")
        out[rule.id] = rule
    return out


def get(rule_id: str) -> Rule | None:
    return rules().get(rule_id)


def require(rule_id: str) -> Rule:
    """A rule the code itself names: its absence from the catalogue is a bug."""
    rule = rules().get(rule_id)
    if rule is None:
        raise LookupError(f"rule {rule_id} is not in the catalogue")
    return rule


@lru_cache(maxsize=64)
def started_by(kind: str) -> tuple[Rule, ...]:
    """The tracked rules an event of ``kind`` starts."""
    return tuple(r for r in rules().values() if r.tracked and r.starts == kind)
