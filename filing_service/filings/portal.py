"""The courts portal (portalquery.just.ro, ``Query.asmx``): a zeep client built from the
WSDL kept in ``filings/wsdl/Query.wsdl`` (package data), and the reading of its answers
into plain values the sync can trust.

Three questions: one case by its number (:meth:`PortalClient.find_case`), the cases of a
court the portal changed in an interval (:meth:`PortalClient.changed_cases`, split in
halves while an answer reaches the portal's result cap) and a court's hearings on a day
(:meth:`PortalClient.hearings_on`).

The answer is checked before anything is used: a hearing without its date, a case
without its number, an appeal without its declaration date make the whole answer
refused (:class:`PortalAnswerInvalid`), so a half-read answer never changes a case. A
portal that does not answer in time raises :class:`PortalUnavailable`; an interval that
still reaches the cap at its smallest raises :class:`PortalTooManyResults`.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from importlib import resources
from zoneinfo import ZoneInfo

import requests
import zeep
from zeep.exceptions import Error as ZeepError
from zeep.exceptions import Fault
from zeep.helpers import serialize_object
from zeep.transports import Transport

from ..law.text import normalize_text

WSDL = resources.files(__package__) / "wsdl" / "Query.wsdl"
BINDING = "{portalquery.just.ro}QuerySoap"
DEFAULT_URL = "http://portalquery.just.ro/query.asmx"  # the portal serves HTTP only
# The most results the portal gives for one question (about 1,000, as other clients
# report); an answer that reaches it may have been cut short.
DEFAULT_RESULT_CAP = 1000
# An interval that still reaches the cap is split no further than this.
SMALLEST_INTERVAL = timedelta(minutes=1)


class PortalUnavailable(Exception):
    """The portal did not answer (timeout, connection refused, HTTP error)."""


class PortalAnswerInvalid(Exception):
    """The portal answered, but not with what the WSDL promises; nothing was used."""


class PortalTooManyResults(Exception):
    """Even the smallest interval reaches the portal's result cap: its answer may be cut
    short, so none of it is used."""


# What a question to the portal may raise; anything else is a bug of ours.
PORTAL_ERRORS = (PortalUnavailable, PortalAnswerInvalid, PortalTooManyResults)


@dataclass(frozen=True)
class PortalHearing:
    scheduled_at: datetime
    panel: str | None
    solution: str | None
    summary: str | None
    pronounced_on: date | None
    document_number: str | None
    document_date: date | None


@dataclass(frozen=True)
class PortalAppeal:
    declared_on: date
    party: str | None
    kind: str | None


@dataclass(frozen=True)
class PortalCase:
    number: str
    institution: str
    subject: str | None
    stage: str | None
    modified_at: datetime | None
    hearings: list[PortalHearing]
    appeals: list[PortalAppeal]


@dataclass(frozen=True)
class ChangedCases:
    """The answer of :meth:`PortalClient.changed_cases`: the cases (one per number), the
    intervals asked in the order they were asked (portal time, naive), and how many of
    them were split because their answer reached the cap."""

    cases: list[PortalCase]
    intervals: list[tuple[datetime, datetime]] = field(default_factory=list)
    splits: int = 0


@dataclass(frozen=True)
class PortalListedCase:
    """A case on a sitting's list (``SedintaDosar``): its number and when it is called."""

    number: str
    scheduled_at: datetime
    stage: str | None


@dataclass(frozen=True)
class PortalSitting:
    """One sitting (``Sedinta``) of a court on a day: its panel and the cases it hears."""

    department: str | None
    panel: str | None
    starts_at: datetime
    cases: list[PortalListedCase]


class PortalClient:
    """``CautareDosare2`` (and ``CautareDosare``), ``CautareSedinte`` against ``url``,
    with a hard timeout."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        timeout: float = 20.0,
        *,
        zone: str,
        result_cap: int = DEFAULT_RESULT_CAP,
    ):
        session = requests.Session()
        session.trust_env = False  # no proxy from the environment for a public service
        transport = Transport(session=session, timeout=timeout, operation_timeout=timeout)
        with resources.as_file(WSDL) as wsdl:  # zeep reads it here, once
            self._client = zeep.Client(str(wsdl), transport=transport)
        self._service = self._client.create_service(BINDING, url)
        self.zone = ZoneInfo(zone)
        if result_cap < 1:
            raise ValueError("PORTAL_RESULT_CAP must be at least 1")
        self.result_cap = result_cap

    def find_case(self, number: str, institution: str) -> PortalCase | None:
        """The case ``number`` at ``institution`` as the portal knows it, or None.

        ``CautareDosare2`` first; if the portal answers it with a SOAP fault, the older
        ``CautareDosare`` (the same answer, without the last-modified filter)."""
        query = dict(
            numarDosar=number,
            obiectDosar=None,
            numeParte=None,
            institutie=institution,
            dataStart=None,
            dataStop=None,
        )
        try:
            answer = self._ask(
                "CautareDosare2",
                **query,
                dataUltimaModificareStart=None,
                dataUltimaModificareStop=None,
            )
        except Fault:
            answer = self._ask_or_fail("CautareDosare", **query)
        cases = [c for c in (serialize_object(answer) or []) if c is not None]
        matching = [c for c in cases if (c.get("numar") or "").strip() == number]
        if not matching:
            for c in cases:
                if not c.get("numar"):
                    raise PortalAnswerInvalid(
                        "răspunsul portalului conține un dosar fără număr"
                    )
            return None
        return self._read_case(matching[0])

    def changed_cases(
        self, institution: str, since: datetime, until: datetime
    ) -> ChangedCases:
        """The cases of ``institution`` the portal changed in [``since``, ``until``]
        (``CautareDosare2`` with only ``institutie`` and ``dataUltimaModificareStart/
        Stop``), each read with the checks of :meth:`find_case`.

        An answer with as many cases as the cap may have been cut short: its interval is
        split in two and each half asked again, down to :data:`SMALLEST_INTERVAL`, where
        an answer still at the cap raises :class:`PortalTooManyResults`. A case in two
        answers (changed on a boundary) is kept once, as most recently changed."""
        start, stop = self._portal_time(since), self._portal_time(until)
        if stop < start:
            raise ValueError("the interval ends before it starts")
        found: dict[str, PortalCase] = {}
        intervals: list[tuple[datetime, datetime]] = []
        splits = 0
        pending = [(start, stop)]
        while pending:  # depth first, earlier half first
            low, high = pending.pop()
            intervals.append((low, high))
            answer = self._ask_or_fail(
                "CautareDosare2",
                numarDosar=None,
                obiectDosar=None,
                numeParte=None,
                institutie=institution,
                dataStart=None,
                dataStop=None,
                dataUltimaModificareStart=low,
                dataUltimaModificareStop=high,
            )
            raw_cases = [c for c in (serialize_object(answer) or []) if c is not None]
            if len(raw_cases) >= self.result_cap:
                if high - low <= SMALLEST_INTERVAL:
                    raise PortalTooManyResults(
                        f"portalul a dat {len(raw_cases)} dosare (limita sa de "
                        f"{self.result_cap}) pentru dosarele modificate între "
                        f"{low:%d.%m.%Y %H:%M:%S} și {high:%d.%m.%Y %H:%M:%S}; intervalul "
                        "nu se mai poate împărți, răspunsul poate fi incomplet"
                    )
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                splits += 1
                pending += [(middle, high), (low, middle)]
                continue
            for index, raw in enumerate(raw_cases, start=1):
                if not (raw.get("numar") or "").strip():
                    raise PortalAnswerInvalid(
                        f"dosarul {index} din răspunsul portalului nu are număr („numar”)"
                    )
                case = self._read_case(raw)
                kept = found.get(case.number)
                if kept is None or _later(case.modified_at, kept.modified_at):
                    found[case.number] = case
        return ChangedCases(list(found.values()), intervals, splits)

    def hearings_on(self, institution: str, day: date) -> list[PortalSitting]:
        """The sittings of ``institution`` on ``day`` (``CautareSedinte``), each with the
        cases it hears and their hours. A sitting or a listed case without its date or
        number, or dated another day than the one asked, makes the answer refused."""
        answer = self._ask_or_fail(
            "CautareSedinte", dataSedinta=datetime.combine(day, time()), institutie=institution
        )
        raw_sittings = [s for s in (serialize_object(answer) or []) if s is not None]
        return [self._read_sitting(raw, i, day) for i, raw in enumerate(raw_sittings, 1)]

    def _read_sitting(self, raw: dict, index: int, day: date) -> PortalSitting:
        where = f"ședința {index} din răspunsul portalului"
        if _day(raw.get("data")) != day:
            raise PortalAnswerInvalid(
                f"{where} nu este din ziua cerută ({day:%d.%m.%Y}; câmpul „data”)"
            )
        hour = _hour(raw.get("ora"), index)
        cases = []
        for j, listed in enumerate(_items(raw.get("dosare"), "SedintaDosar"), start=1):
            number = (listed.get("numar") or "").strip()
            if not number:
                raise PortalAnswerInvalid(f"dosarul {j} din {where} nu are număr („numar”)")
            if _day(listed.get("data")) != day:
                raise PortalAnswerInvalid(
                    f"dosarul {number} din {where} nu este din ziua cerută "
                    f"({day:%d.%m.%Y}; câmpul „data”)"
                )
            called = _hour(listed.get("ora"), index) if listed.get("ora") else hour
            cases.append(
                PortalListedCase(
                    number=number,
                    scheduled_at=datetime.combine(day, called, tzinfo=self.zone),
                    stage=_text(listed.get("stadiuProcesualNume")),
                )
            )
        return PortalSitting(
            department=_text(raw.get("departament")),
            panel=_text(raw.get("complet")),
            starts_at=datetime.combine(day, hour, tzinfo=self.zone),
            cases=cases,
        )

    def _portal_time(self, moment: datetime) -> datetime:
        """The portal's own clock: local time without a zone, to the second."""
        if moment.tzinfo is None:
            raise ValueError("an aware datetime is needed")
        return moment.astimezone(self.zone).replace(tzinfo=None, microsecond=0)

    def _ask(self, operation: str, **parameters):
        """Call ``operation``; a SOAP fault is left to the caller (``find_case`` falls
        back to the older operation on it), every other failure is ours to name."""
        try:
            return getattr(self._service, operation)(**parameters)
        except Fault:
            raise
        except (requests.Timeout, requests.ConnectionError) as exc:
            raise PortalUnavailable("portalul instanțelor nu a răspuns la timp") from exc
        except requests.RequestException as exc:
            raise PortalUnavailable("portalul instanțelor a răspuns cu o eroare HTTP") from exc
        except (ZeepError, ValueError) as exc:
            raise PortalAnswerInvalid(
                f"răspunsul portalului nu respectă descrierea serviciului: {str(exc)[:200]}"
            ) from exc

    def _ask_or_fail(self, operation: str, **parameters):
        try:
            return self._ask(operation, **parameters)
        except Fault as exc:
            raise PortalUnavailable(
                "portalul instanțelor a refuzat cererea (SOAP Fault: "
                f"{str(exc.message)[:200]})"
            ) from exc

    def _read_case(self, raw: dict) -> PortalCase:
        hearings = [
            self._read_hearing(h, i)
            for i, h in enumerate(_items(raw.get("sedinte"), "DosarSedinta"), start=1)
        ]
        appeals = [
            self._read_appeal(a, i)
            for i, a in enumerate(_items(raw.get("caiAtac"), "DosarCaleAtac"), start=1)
        ]
        return PortalCase(
            number=raw["numar"].strip(),
            institution=raw.get("institutie") or "",
            subject=_text(raw.get("obiect")),
            stage=_text(raw.get("stadiuProcesualNume")),
            modified_at=raw.get("dataModificare"),
            hearings=hearings,
            appeals=appeals,
        )

    def _read_hearing(self, raw: dict, index: int) -> PortalHearing:
        day = raw.get("data")
        if not isinstance(day, datetime):
            raise PortalAnswerInvalid(
                f"ședința {index} din răspunsul portalului nu are "
                "data (câmpul obligatoriu „data”)"
            )
        hour = _hour(raw.get("ora"), index)
        return PortalHearing(
            scheduled_at=datetime.combine(day.date(), hour, tzinfo=self.zone),
            panel=_text(raw.get("complet")),
            solution=_text(raw.get("solutie")),
            summary=_text(raw.get("solutieSumar")),
            pronounced_on=_day(raw.get("dataPronuntare")),
            document_number=_text(raw.get("numarDocument")),
            document_date=_day(raw.get("dataDocument")),
        )

    @staticmethod
    def _read_appeal(raw: dict, index: int) -> PortalAppeal:
        declared = _day(raw.get("dataDeclarare"))
        if declared is None:
            raise PortalAnswerInvalid(
                f"calea de atac {index} din răspunsul portalului nu "
                "are data declarării („dataDeclarare”)"
            )
        return PortalAppeal(
            declared, _text(raw.get("parteDeclaratoare")), _text(raw.get("tipCaleAtac"))
        )


def _later(one: datetime | None, other: datetime | None) -> bool:
    return one is not None and (other is None or one > other)


def _items(wrapper, name: str) -> list[dict]:
    if not wrapper:
        return []
    items = wrapper.get(name) if isinstance(wrapper, dict) else wrapper
    return [i for i in (items or []) if i is not None]


def _text(value) -> str | None:
    """Portal text uses the legacy cedilla letters; ours uses the comma below."""
    return normalize_text(value) or None if value else None


def _day(value) -> date | None:
    return value.date() if isinstance(value, datetime) else None


def _hour(value: str | None, index: int) -> time:
    if not value:
        return time(0, 0)
    try:
        hours, minutes = value.strip().split(":")[:2]
        return time(int(hours), int(minutes))
    except ValueError:
        raise PortalAnswerInvalid(
            f"ședința {index}: ora „{value}” nu are forma HH:MM"
        ) from None
