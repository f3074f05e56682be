"""A test EU list of trusted lists and its national lists (ETSI TS 119 612), made from the
test PKI, signed (XAdES enveloped, as pyHanko's parser expects) and served on loopback.

- "RO": the test scheme operator (``tlso``) lists the test intermediate CA as a CA/QC
  service of "Furnizor de test SRL", with the status history a test asks for
  (:func:`history`): granted since 2024, or granted then withdrawn on 2025-06-01 (before
  any signature the tests make: the test certificates are valid from 2025-01-01), or
  under an earlier status before it was granted.
- "BG": a second list, with the test time-stamping authority as a qualified time-stamp
  service only (so the intermediate CA is not on it).
- The LOTL, signed by the test LOTL signer (``lotl``), points to both with the scheme
  operator's certificate.

Made the way pyHanko's own test utilities make theirs (xsdata models, signxml's
XAdESSigner); nothing is fetched from the network.
"""

import threading
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import pem
from cryptography.hazmat.primitives import serialization
from lxml.etree import fromstring, tostring
from pyhanko.generated.etsi import MimeType, ts_119612
from pyhanko.sign.validation.qualified.eutl_parse import ETSI_TSL_MIME_TYPE
from pyhanko.sign.validation.qualified.tsp import CA_QC_URI, QTST_URI
from signxml import SignatureMethod
from signxml.xades import XAdESSigner
from werkzeug.serving import make_server
from werkzeug.wrappers import Response
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig
from xsdata.models.datatype import XmlDateTime

STATUS = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/"
GRANTED_SINCE = datetime(2024, 1, 1, tzinfo=UTC)
WITHDRAWN_ON = datetime(2025, 6, 1, tzinfo=UTC)
PROVIDER = "Furnizor de test SRL"
SEQUENCE = 63
ISSUED = datetime(2026, 1, 1, tzinfo=UTC)


def history(kind: str) -> list[tuple[str, datetime]]:
    """The status history of the test CA's service, newest first: "granted", "withdrawn"
    (granted, then withdrawn before any test signature), "changed" (accredited before 2024,
    granted since)."""
    if kind == "granted":
        return [("granted", GRANTED_SINCE)]
    if kind == "withdrawn":
        return [("withdrawn", WITHDRAWN_ON), ("granted", GRANTED_SINCE)]
    if kind == "changed":
        return [("granted", GRANTED_SINCE), ("accredited", datetime(2021, 1, 1, tzinfo=UTC))]
    raise ValueError(kind)


def _names(value: str) -> ts_119612.InternationalNamesType:
    return ts_119612.InternationalNamesType(
        (ts_119612.MultiLangNormStringType(value=value, lang="en"),)
    )


def _identity(cert) -> ts_119612.ServiceDigitalIdentity:
    return ts_119612.ServiceDigitalIdentity(
        (ts_119612.DigitalIdentityType(x509_certificate=cert.dump()),)
    )


def _service(cert, type_uri: str, name: str, statuses) -> ts_119612.TSPService:
    (status, since), *earlier = statuses
    return ts_119612.TSPService(
        service_information=ts_119612.ServiceInformation(
            service_type_identifier=ts_119612.ServiceTypeIdentifier(type_uri),
            service_name=_names(name),
            service_digital_identity=_identity(cert),
            service_status=ts_119612.ServiceStatus(STATUS + status),
            status_starting_time=XmlDateTime.from_datetime(since),
        ),
        service_history=ts_119612.ServiceHistory(
            service_history_instance=tuple(
                ts_119612.ServiceHistoryInstance(
                    service_type_identifier=ts_119612.ServiceTypeIdentifier(type_uri),
                    service_name=_names(name),
                    service_digital_identity=_identity(cert),
                    service_status=ts_119612.ServiceStatus(STATUS + old),
                    status_starting_time=XmlDateTime.from_datetime(start),
                )
                for old, start in earlier
            )
        )
        if earlier
        else None,
    )


def _sign(root, arch, label: str) -> bytes:
    key = serialization.load_der_private_key(
        arch.key_set.get_private_key(arch.get_cert_spec(label).subject_key).dump(),
        password=None,
    )
    data = XmlSerializer(config=SerializerConfig(indent="  ")).render(root)
    signed = XAdESSigner(signature_algorithm=SignatureMethod.RSA_SHA256).sign(
        fromstring(data.encode("utf-8")),
        key=key,
        cert=pem.armor("CERTIFICATE", arch.get_cert(label).dump()),
        always_add_key_value=False,
    )
    return tostring(signed, xml_declaration=True, encoding="UTF-8")


def national_list(arch, territory: str, providers, *, sequence: int = SEQUENCE) -> bytes:
    """A national list of ``territory``: ``providers`` is [(name, [TSPService...])]."""
    root = ts_119612.TrustServiceStatusList(
        scheme_information=ts_119612.SchemeInformation(
            tslversion_identifier=5,
            tslsequence_number=sequence,
            scheme_territory=ts_119612.SchemeTerritory(territory),
            list_issue_date_time=XmlDateTime.from_datetime(ISSUED),
            next_update=ts_119612.NextUpdate(
                XmlDateTime.from_datetime(datetime(2026, 7, 1, tzinfo=UTC))
            ),
        ),
        trust_service_provider_list=ts_119612.TrustServiceProviderList(
            tuple(
                ts_119612.TrustServiceProvider(
                    tspinformation=ts_119612.TSPInformation(tspname=_names(name)),
                    tspservices=ts_119612.TSPServices(tspservice=tuple(services)),
                )
                for name, services in providers
            )
        ),
    )
    return _sign(root, arch, "tlso")


def romanian_list(arch, kind: str = "granted", *, ca: str = "interm") -> bytes:
    service = _service(arch.get_cert(ca), CA_QC_URI, "CA calificată de test", history(kind))
    return national_list(arch, "RO", [(PROVIDER, [service])])


def bulgarian_list(arch) -> bytes:
    service = _service(arch.get_cert("tsa"), QTST_URI, "QTST de test", history("granted"))
    return national_list(arch, "BG", [("Furnizor BG de test", [service])], sequence=12)


def lotl(arch, base_url: str) -> bytes:
    """The LOTL pointing to ``{base_url}/RO.xml`` and ``{base_url}/BG.xml``."""
    pointers = tuple(
        ts_119612.OtherTSLPointer(
            tsllocation=f"{base_url}/{territory}.xml",
            service_digital_identities=ts_119612.ServiceDigitalIdentities(
                service_digital_identity=(_identity(arch.get_cert("tlso")),)
            ),
            additional_information=ts_119612.AdditionalInformation(
                other_information=(
                    ts_119612.AnyType(
                        content=(
                            ts_119612.SchemeTerritory(territory),
                            MimeType(ETSI_TSL_MIME_TYPE),
                        )
                    ),
                )
            ),
        )
        for territory in ("BG", "RO")  # the LOTL's order; the snapshot puts RO first
    )
    root = ts_119612.TrustServiceStatusList(
        scheme_information=ts_119612.SchemeInformation(
            tslsequence_number=345,
            scheme_territory=ts_119612.SchemeTerritory("EU"),
            scheme_information_uri=ts_119612.SchemeInformationURI(uri=()),
            pointers_to_other_tsl=ts_119612.PointersToOtherTSL(pointers),
            list_issue_date_time=XmlDateTime.from_datetime(ISSUED),
        ),
    )
    return _sign(root, arch, "lotl")


def lotl_signer_pem(arch, folder: Path) -> Path:
    """The test LOTL signer's certificate as a PEM file (``TRUSTED_LISTS_LOTL_SIGNERS``)."""
    path = folder / "lotl-signers.pem"
    path.write_bytes(pem.armor("CERTIFICATE", arch.get_cert("lotl").dump()))
    return path


def write_lists(arch, folder: Path, kind: str = "granted", **ro) -> Path:
    """The lists as files (``--from DIR``): lotl.xml, RO.xml, BG.xml."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lotl.xml").write_bytes(lotl(arch, "http://127.0.0.1:9"))
    (folder / "RO.xml").write_bytes(romanian_list(arch, kind, **ro))
    (folder / "BG.xml").write_bytes(bulgarian_list(arch))
    return folder


class ListServer:
    """The lists over real HTTP on a free loopback port; ``files`` may be changed."""

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.requests: list[str] = []
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        self.base_url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _app(self, environ, start_response):
        path = environ.get("PATH_INFO", "").lstrip("/")
        self.requests.append(path)
        body = self.files.get(path)
        response = (
            Response(body, content_type="application/vnd.etsi.tsl+xml")
            if body is not None
            else Response("not found", status=404)
        )
        return response(environ, start_response)

    def serve(self, arch, kind: str = "granted") -> "ListServer":
        self.files = {
            "eu-lotl.xml": lotl(arch, self.base_url),
            "RO.xml": romanian_list(arch, kind),
            "BG.xml": bulgarian_list(arch),
        }
        return self

    @property
    def lotl_url(self) -> str:
        return f"{self.base_url}/eu-lotl.xml"

    def start(self) -> "ListServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
