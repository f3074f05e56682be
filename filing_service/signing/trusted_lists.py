"""Trust from the EU trusted lists (ETSI TS 119 612): the snapshot, its refresh, and the
qualification of a signer's certificate at signing time.

The snapshot is a folder of ``TRUSTED_LISTS_DIR``: the EU list of trusted lists (LOTL) and
every national list it points to (Romania's first), as fetched, with ``index.json`` (the
date fetched; each list's territory, sequence number, issue and next update, URL and
SHA-256). ``filing-service signatures refresh-trusted-lists`` fetches and verifies a new
one (or reads one from files, ``--from``) into a new folder, then swaps the ``current``
link to it: a refresh that fails leaves the old snapshot in place. Nothing is fetched
while validating: :func:`load` reads the snapshot (once per process and snapshot,
:class:`SnapshotCache`), checks each file against its SHA-256 and each list against its
signature as pyHanko does (the LOTL against the configured or bundled LOTL signer
certificates, each national list against the certificates the LOTL names for its
territory), then parses it.

pyHanko's ``eutl_parse`` parses and verifies; the few private helpers used here
(``_validate_and_extract_tl_data_multiple_certs``, which answers the signed bytes only,
and ``_raw_tl_parse``, its hardened parser) are named in one place, :func:`_signed_xml`
and :func:`_parse`. Its ``TSPRegistry`` keeps only the periods a service was granted
(what ``QualificationAssessor`` reads); the provider's name, the list and the status at a
given time (granted, withdrawn, ...) are kept here, in :class:`Service`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import x509
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.sign.validation.qualified import eutl_parse
from pyhanko.sign.validation.qualified.assess import QualificationAssessor
from pyhanko.sign.validation.qualified.q_status import QualificationResult
from pyhanko.sign.validation.qualified.tsp import CA_QC_URI, TSPRegistry
from pyhanko_certvalidator.path import ValidationPath

log = logging.getLogger(__name__)

FIRST_TERRITORY = "RO"  # the Romanian list first, then every other one, by territory
INDEX = "index.json"
LOTL_FILE = "lotl.xml"
CURRENT = "current"  # the link to the snapshot in use
MAX_LIST_BYTES = 32 * 1024 * 1024  # the largest national lists are a few MiB
STATUS_URI_BASE = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/"
STATUS_LABELS = {
    "granted": "acordat (granted)",
    "withdrawn": "retras (withdrawn)",
    "recognisedatnationallevel": "recunoscut la nivel național",
    "deprecatedatnationallevel": "depreciat la nivel național",
}


class TrustedListError(Exception):
    """A list that cannot be fetched, read or verified; ``message`` is Romanian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ListInfo:
    """One list of the snapshot, as ``index.json`` records it."""

    territory: str
    sequence_number: int | None
    issued: str | None
    next_update: str | None
    url: str
    sha256: str
    file: str

    @property
    def label(self) -> str:
        """ "RO, nr. 63": the territory and the sequence number, as a report names them."""
        number = f", nr. {self.sequence_number}" if self.sequence_number is not None else ""
        return f"{self.territory}{number}"


@dataclass(frozen=True)
class Service:
    """A CA/QC service of a national list, with its status history."""

    provider: str
    name: str
    trusted_list: ListInfo
    certificates: tuple[x509.Certificate, ...]
    history: tuple[tuple[datetime, str], ...]  # (status starting time, status), newest first

    def status_at(self, moment: datetime) -> str | None:
        """The status (``granted``, ``withdrawn``, ...) in force at ``moment``; None if the
        service was not yet listed then."""
        for start, status in self.history:
            if start <= moment:
                return status
        return None


@dataclass
class TrustedLists:
    """A verified snapshot: the registry pyHanko's assessor reads, and what a report names."""

    fetched_at: str
    lotl: ListInfo
    lists: list[ListInfo]
    registry: TSPRegistry
    services: list[Service]
    _by_cert: dict[bytes, list[Service]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for service in self.services:
            for cert in service.certificates:
                self._by_cert.setdefault(cert.sha256, []).append(service)

    def anchors(self) -> list[x509.Certificate]:
        """The certificates of every CA/QC service listed, whatever its status: a chain
        that ends at one is "from a trusted list"; whether it is qualified depends on the
        status at signing time (:meth:`assess`)."""
        seen: dict[bytes, x509.Certificate] = {}
        for service in self.services:
            for cert in service.certificates:
                seen.setdefault(cert.sha256, cert)
        return list(seen.values())

    def services_on(self, path: ValidationPath) -> list[Service]:
        """The listed services of the authorities of ``path`` (its trust anchor and its
        intermediate certificates), nearest the signer first."""
        found: list[Service] = []
        certs = [c for c in path.iter_certs(include_root=True) if c is not path.leaf]
        for cert in reversed(certs):
            if isinstance(cert, x509.Certificate):
                found.extend(self._by_cert.get(cert.sha256, []))
        return found

    def assess(self, path: ValidationPath, moment: datetime) -> QualificationResult:
        """pyHanko's qualification of the leaf of ``path`` at ``moment`` (ETSI TS 119 615:
        the certificate's QC statements, read with the qualifiers of the service granted at
        that moment)."""
        return QualificationAssessor(self.registry).check_entity_cert_qualified(path, moment)


def status_label(status: str | None) -> str | None:
    if status is None:
        return None
    return STATUS_LABELS.get(status, status)


# --- reading and verifying -----------------------------------------------------------


def _signed_xml(xml: str, certs: list[x509.Certificate], what: str) -> str:
    """The signed content of a list (XAdES enveloped), verified with one of ``certs``."""
    if not certs:
        raise TrustedListError(f"Pentru {what} nu se cunoaște niciun certificat de semnare.")
    try:
        return eutl_parse._validate_and_extract_tl_data_multiple_certs(
            xml, certs, validation_time=None
        )
    except Exception as exc:  # signxml's and lxml's many errors: the list is refused
        raise TrustedListError(
            f"Semnătura pe {what} nu este validă ({type(exc).__name__}); lista este refuzată."
        ) from None


def _parse(xml: str, what: str):
    try:
        return eutl_parse._raw_tl_parse(xml)
    except Exception as exc:
        raise TrustedListError(f"{what} nu poate fi citită ({type(exc).__name__}).") from None


def _first_name(names) -> str:
    if names is None or not names.name:
        return "necunoscut"
    for part in names.name:
        if part.lang == "en":
            return part.value
    return names.name[0].value


def _when(value) -> datetime:
    """An xsdata date-time as an aware datetime (UTC when the list gives no zone)."""
    moment = value.to_datetime()
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _status_name(status) -> str:
    uri = status.value if status is not None else ""
    return uri.removeprefix(STATUS_URI_BASE) or "necunoscut"


def _list_info(parsed, territory: str, url: str, sha256: str, file: str) -> ListInfo:
    scheme = parsed.scheme_information
    next_update = scheme.next_update.date_time if scheme and scheme.next_update else None
    issued = scheme.list_issue_date_time if scheme else None
    return ListInfo(
        territory=territory,
        sequence_number=scheme.tslsequence_number if scheme else None,
        issued=_when(issued).isoformat() if issued else None,
        next_update=_when(next_update).isoformat() if next_update else None,
        url=url,
        sha256=sha256,
        file=file,
    )


def _services(parsed, info: ListInfo) -> Iterable[Service]:
    providers = parsed.trust_service_provider_list
    for tsp in providers.trust_service_provider if providers else ():
        provider = _first_name(tsp.tspinformation.tspname if tsp.tspinformation else None)
        for service in tsp.tspservices.tspservice if tsp.tspservices else ():
            current = service.service_information
            if current is None or current.service_type_identifier is None:
                continue
            if current.service_type_identifier.value != CA_QC_URI:
                continue
            entries = [(current.status_starting_time, current.service_status)]
            if service.service_history:
                entries += [
                    (item.status_starting_time, item.service_status)
                    for item in service.service_history.service_history_instance
                ]
            history = sorted(
                ((_when(start), _status_name(status)) for start, status in entries if start),
                key=lambda entry: entry[0],
                reverse=True,
            )
            certs = tuple(
                x509.Certificate.load(d.x509_certificate)
                for d in (
                    current.service_digital_identity.digital_id
                    if current.service_digital_identity
                    else ()
                )
                if d.x509_certificate
            )
            yield Service(
                provider, _first_name(current.service_name), info, certs, tuple(history)
            )


@dataclass(frozen=True)
class _Verified:
    lotl: ListInfo
    lotl_xml: str
    lists: list[tuple[ListInfo, str, str]]  # info, the file's text, its signed content


def _verify_all(
    lotl_xml: str,
    lotl_url: str,
    lotl_signers: list[x509.Certificate],
    read_list: Callable[[str, str], str],
) -> _Verified:
    """Verify the LOTL, then read (``read_list(territory, url)``) and verify every
    national list it points to, Romania's first. Any failure refuses the whole set."""
    signed_lotl = _signed_xml(lotl_xml, lotl_signers, "lista listelor de încredere (LOTL)")
    lotl = eutl_parse.parse_lotl_unsafe(signed_lotl)
    lotl_info = _list_info(
        _parse(signed_lotl, "Lista listelor"), "EU", lotl_url, _sha(lotl_xml), LOTL_FILE
    )
    references = [r for r in lotl.references if eutl_parse.LOTL_RULE not in r.scheme_rules]
    references.sort(
        key=lambda r: (r.territory.upper() != FIRST_TERRITORY, r.territory.upper())
    )
    lists = []
    for ref in references:
        territory = ref.territory.upper()
        what = f"lista de încredere {territory}"
        xml = read_list(territory, ref.location_uri)
        signed = _signed_xml(xml, ref.tlso_certs, what)
        parsed = _parse(signed, f"Lista de încredere {territory}")
        scheme = parsed.scheme_information
        if (
            scheme
            and scheme.scheme_territory
            and scheme.scheme_territory.value.upper() != territory
        ):
            raise TrustedListError(
                f"Lista de la {ref.location_uri} este a teritoriului "
                f"{scheme.scheme_territory.value}, nu {territory}; lista este refuzată."
            )
        info = _list_info(parsed, territory, ref.location_uri, _sha(xml), f"{territory}.xml")
        lists.append((info, xml, signed))
    return _Verified(lotl_info, lotl_xml, lists)


def _build(verified: _Verified, fetched_at: str) -> TrustedLists:
    registry = TSPRegistry()
    services: list[Service] = []
    for info, _, signed in verified.lists:
        eutl_parse.trust_list_to_registry_unsafe(signed, registry)  # verified above
        services.extend(_services(_parse(signed, info.territory), info))
    return TrustedLists(
        fetched_at=fetched_at,
        lotl=verified.lotl,
        lists=[info for info, _, _ in verified.lists],
        registry=registry,
        services=services,
    )


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def lotl_signers(pem_file: str | None) -> list[x509.Certificate]:
    """The certificates the LOTL may be signed with: those of ``pem_file``
    (``TRUSTED_LISTS_LOTL_SIGNERS``), else the last known ones pyHanko ships."""
    if pem_file:
        try:
            return list(load_certs_from_pemder_data(Path(pem_file).read_bytes()))
        except (OSError, ValueError) as exc:
            raise TrustedListError(
                f"Certificatele semnatarilor LOTL nu pot fi citite ({type(exc).__name__})."
            ) from None
    return eutl_parse.latest_known_lotl_tlso_certs()


def load(folder: Path, signers: list[x509.Certificate]) -> TrustedLists:
    """Read and verify the snapshot in ``folder`` (hashes, then signatures)."""
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        lotl_xml = _read_checked(folder, index["lotl"])
        files = {entry["territory"]: entry for entry in index["lists"]}
    except TrustedListError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TrustedListError(
            f"Instantaneul listelor de încredere nu poate fi citit ({type(exc).__name__})."
        ) from None

    def read_list(territory: str, url: str) -> str:
        entry = files.get(territory)
        if entry is None:
            raise TrustedListError(f"Instantaneul nu conține lista de încredere {territory}.")
        return _read_checked(folder, entry)

    verified = _verify_all(lotl_xml, index["lotl"]["url"], signers, read_list)
    return _build(verified, index["fetched_at"])


def _read_checked(folder: Path, entry: dict) -> str:
    data = (folder / Path(entry["file"]).name).read_bytes()
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise TrustedListError(
            f"Fișierul {entry['file']} al instantaneului nu corespunde amprentei SHA-256."
        )
    return data.decode("utf-8")


def current_folder(root: Path) -> Path | None:
    """The snapshot in use under ``root``, or None before the first refresh."""
    link = root / CURRENT
    if not link.exists():
        return None
    return link.resolve()


class SnapshotCache:
    """The snapshot in use, loaded and verified once per process and snapshot: a refresh
    swaps ``current``, and the next validation loads the new one."""

    def __init__(self, root: str | Path, signers_file: str | None):
        self.root = Path(root)
        self.signers_file = signers_file
        self._loaded: tuple[Path, TrustedLists | None] | None = None

    def get(self) -> TrustedLists | None:
        folder = current_folder(self.root)
        if folder is None:
            return None
        if self._loaded is None or self._loaded[0] != folder:
            try:
                lists: TrustedLists | None = load(folder, lotl_signers(self.signers_file))
            except TrustedListError as exc:
                # The validations go on with the folders of roots only (their reports say
                # "not from a trusted list"); the refresh command says what is wrong.
                log.error("trusted lists snapshot %s refused: %s", folder.name, exc.message)
                lists = None
            self._loaded = (folder, lists)
        return self._loaded[1]


# --- refreshing ----------------------------------------------------------------------


@dataclass(frozen=True)
class Refreshed:
    folder: Path
    lists: TrustedLists


def http_reader(timeout: float) -> Callable[[str], str]:
    """A GET of a list's URL (requests), bounded in time and size."""
    import requests

    def get(url: str) -> str:
        try:
            with requests.get(
                url,
                timeout=timeout,
                stream=True,
                headers={"Accept": f"{eutl_parse.ETSI_TSL_MIME_TYPE}, text/xml"},
            ) as response:
                response.raise_for_status()
                chunks, size = [], 0
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > MAX_LIST_BYTES:
                        raise TrustedListError(
                            f"Lista de la {url} depășește {MAX_LIST_BYTES} octeți."
                        )
                    chunks.append(chunk)
        except requests.RequestException as exc:
            raise TrustedListError(
                f"Lista de la {url} nu a putut fi descărcată ({type(exc).__name__})."
            ) from None
        return b"".join(chunks).decode("utf-8")

    return get


def folder_reader(source: Path) -> Callable[[str], str]:
    """Lists read from files (``--from DIR``): ``lotl.xml`` and ``<TERRITORY>.xml``."""

    def read(name: str) -> str:
        path = source / name
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise TrustedListError(
                f"Fișierul {path} nu poate fi citit ({type(exc).__name__})."
            ) from None

    return read


def refresh(
    root: str | Path,
    *,
    lotl_url: str,
    signers: list[x509.Certificate],
    now: datetime,
    fetch: Callable[[str], str] | None = None,
    source: Path | None = None,
) -> Refreshed:
    """Fetch (``fetch(url)``) or read from ``source`` the LOTL and every national list,
    verify them all, and make them the snapshot in use: a new folder, then the ``current``
    link swapped to it. On any error (:class:`TrustedListError`) nothing changes."""
    root = Path(root)
    if source is not None:
        read = folder_reader(source)
        lotl_xml = read(LOTL_FILE)

        def read_list(territory: str, url: str) -> str:
            return read(f"{territory}.xml")
    else:
        assert fetch is not None
        lotl_xml = fetch(lotl_url)

        def read_list(territory: str, url: str) -> str:
            return fetch(url)

    verified = _verify_all(lotl_xml, lotl_url, signers, read_list)
    fetched_at = now.astimezone(UTC).isoformat()
    lists = _build(verified, fetched_at)
    root.mkdir(parents=True, exist_ok=True)
    folder = root / f"snapshot-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    staging = root / f".{folder.name}.tmp"
    staging.mkdir()
    try:
        (staging / LOTL_FILE).write_text(verified.lotl_xml, encoding="utf-8")
        for info, xml, _ in verified.lists:
            (staging / info.file).write_text(xml, encoding="utf-8")
        index = {
            "fetched_at": fetched_at,
            "lotl": _entry(verified.lotl),
            "lists": [_entry(info) for info, _, _ in verified.lists],
        }
        (staging / INDEX).write_text(
            json.dumps(index, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_current(root, folder)
    _prune(root, keep={folder.name})
    return Refreshed(folder, lists)


def _entry(info: ListInfo) -> dict:
    return {
        "territory": info.territory,
        "sequence_number": info.sequence_number,
        "issued": info.issued,
        "next_update": info.next_update,
        "url": info.url,
        "sha256": info.sha256,
        "file": info.file,
    }


def _swap_current(root: Path, folder: Path) -> None:
    """Point ``current`` at ``folder`` in one step (a new link renamed over the old)."""
    temporary = root / f".{CURRENT}-{uuid.uuid4().hex[:8]}"
    os.symlink(folder.name, temporary)
    os.replace(temporary, root / CURRENT)


def _prune(root: Path, keep: set[str]) -> None:
    """Remove the snapshots before the previous one (the previous stays, to go back)."""
    snapshots = sorted(p for p in root.glob("snapshot-*") if p.is_dir() and p.name not in keep)
    for old in snapshots[:-1]:
        shutil.rmtree(old, ignore_errors=True)
