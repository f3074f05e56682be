"""The courts portal (portalquery.just.ro, ``Query.asmx``): a zeep client built from the
WSDL kept in ``filings/wsdl/Query.wsdl`` (package data), and the reading of its answers
into plain values the sync can trust.

The answer is checked before anything is used: a hearing without its date, a case
without its number, an appeal without its declaration date make the whole answer
refused (:class:`PortalAnswerInvalid`), so a half-read answer never changes a case. A
portal that does not answer in time raises :class:`PortalUnavailable`.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
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


class PortalUnavailable(Exception):
    """The portal did not answer (timeout, connection refused, HTTP error)."""


class PortalAnswerInvalid(Exception):
    """The portal answered, but not with what the WSDL promises; nothing was used."""


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


class PortalClient:
    """``CautareDosare2`` (and ``CautareDosare``) against ``url``, with a hard timeout."""

    def __init__(self, url: str = DEFAULT_URL, timeout: float = 20.0, *, zone: str):
        session = requests.Session()
        session.trust_env = False  # no proxy from the environment for a public service
        transport = Transport(session=session, timeout=timeout, operation_timeout=timeout)
        with resources.as_file(WSDL) as wsdl:  # zeep reads it here, once
            self._client = zeep.Client(str(wsdl), transport=transport)
        self._service = self._client.create_service(BINDING, url)
        self.zone = ZoneInfo(zone)

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
            try:
                answer = self._service.CautareDosare2(
                    **query, dataUltimaModificareStart=None, dataUltimaModificareStop=None
                )
            except Fault:
                answer = self._service.CautareDosare(**query)
        except (requests.Timeout, requests.ConnectionError) as exc:
            raise PortalUnavailable("portalul instanțelor nu a răspuns la timp") from exc
        except requests.RequestException as exc:
            raise PortalUnavailable("portalul instanțelor a răspuns cu o eroare HTTP") from exc
        except Fault as exc:
            raise PortalUnavailable(
                "portalul instanțelor a refuzat cererea (SOAP Fault: "
                f"{str(exc.message)[:200]})"
            ) from exc
        except (ZeepError, ValueError) as exc:
            raise PortalAnswerInvalid(
                f"răspunsul portalului nu respectă descrierea serviciului: {str(exc)[:200]}"
            ) from exc
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
