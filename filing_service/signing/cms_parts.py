"""Reusing, per signer, the parts of a PAdES CMS that do not change between signatures.

pyhanko builds every CMS from Python values: the signer's identifier (issuer name and
serial number), the algorithm identifiers, the certificate set and the ESS
signing-certificate-v2 attribute are made and re-serialised by asn1crypto at every
signature, which is most of the time a B-B signature takes. For one signer (one opened
key, one certificate) all of them are constant: in a PAdES CMS only the message digest,
the signature value and the unsigned attributes (the signature time-stamp) change.

``ReusingCmsParts`` (a mixin for our ``Signer`` classes) keeps those parts as DER, on
the signer object itself (so nothing is ever carried to another signer or key), keyed
by everything they are made from (digest algorithm, signing certificate, certificate
registry), and writes each CMS by joining them. The first time, the parts are taken
from a CMS built by pyhanko's own code and joined again: unless that gives back
pyhanko's bytes exactly, the parts are not used and pyhanko's code does every signature.
Anything outside the PAdES shape (CAdES attributes, another content type, attribute
certificates, a custom attribute spec) goes to pyhanko's code as well.

Thread safety: the cache is a dict of immutable bytes; two threads computing the same
entry at once compute the same value, and dict assignment is atomic.
"""

from typing import Any

from asn1crypto import cms

_PLAIN_DATA = {"content_type": "data"}


def _der(tag: int, content: bytes) -> bytes:
    """A DER TLV with a one-byte tag."""
    size = len(content)
    if size < 0x80:
        return bytes((tag, size)) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + content


def _retag(der: bytes, tag: int) -> bytes:
    """A SET OF's encoding under an IMPLICIT context tag (same length, same content)."""
    return bytes((tag,)) + der[1:]


def _marker(size: int) -> bytes:
    return bytes((index * 37 + 11) % 256 for index in range(size))


class ReusingCmsParts:
    """Mixin for a pyhanko ``Signer``: constant CMS parts are serialised once."""

    def _cms_parts(self) -> dict:
        parts = self.__dict__.get("_reused_cms_parts")
        if parts is None:
            parts = self.__dict__.setdefault("_reused_cms_parts", {})
        return parts

    def _signer_key(self) -> tuple | None:
        cert = self.signing_cert  # type: ignore[attr-defined]
        if cert is None or self.attribute_certs:  # type: ignore[attr-defined]
            return None
        registry = self.cert_registry or ()  # type: ignore[attr-defined]
        return (
            cert.sha256,
            tuple(sorted(c.sha256 for c in registry)),
            bool(self.embed_roots),  # type: ignore[attr-defined]
        )

    async def signed_attrs(  # type: ignore[no-untyped-def]
        self,
        data_digest: bytes,
        digest_algorithm: str,
        attr_settings=None,
        content_type="data",
        use_pades=False,
        timestamper=None,
        dry_run=False,
        is_pdf_sig=True,
    ):
        parent: Any = super()

        def pyhankos(digest: bytes):  # pyhanko's own attributes for ``digest``
            return parent.signed_attrs(
                digest,
                digest_algorithm,
                attr_settings=attr_settings,
                content_type=content_type,
                use_pades=use_pades,
                timestamper=timestamper,
                dry_run=dry_run,
                is_pdf_sig=is_pdf_sig,
            )

        signer_key = self._signer_key()
        if (
            signer_key is None
            or not (use_pades and is_pdf_sig)
            or self.signed_attr_prov_spec is not None  # type: ignore[attr-defined]
            or (attr_settings is not None and attr_settings.cades_signed_attrs is not None)
        ):
            return await pyhankos(data_digest)
        # PAdES: content-type, message-digest, signing-certificate-v2; no signing time
        size = len(data_digest)
        key = ("signed_attrs", signer_key, digest_algorithm, str(content_type), size)
        parts = self._cms_parts()
        template = parts.get(key)
        if template is None:
            marker = _marker(len(data_digest))
            reference = await pyhankos(marker)
            der = reference.dump()
            if der.count(marker) == 1:
                before, after = der.split(marker)
                template = (before, after)
            else:
                template = ()  # cannot be spliced safely: pyhanko's code every time
            parts[key] = template
        if not template:
            return await pyhankos(data_digest)
        before, after = template
        return cms.CMSAttributes.load(before + data_digest + after)

    def _package_signature(  # type: ignore[no-untyped-def]
        self,
        *,
        digest_algorithm: str,
        cms_version,
        signed_attrs: cms.CMSAttributes,
        signature: bytes,
        unsigned_attrs: cms.CMSAttributes | None,
        encap_content_info,
    ) -> cms.ContentInfo:
        parent: Any = super()
        signer_key = self._signer_key()
        plain_data = encap_content_info is None or (
            isinstance(encap_content_info, dict) and encap_content_info == _PLAIN_DATA
        )
        if signer_key is None or not plain_data or digest_algorithm == "shake256":
            return parent._package_signature(
                digest_algorithm=digest_algorithm,
                cms_version=cms_version,
                signed_attrs=signed_attrs,
                signature=signature,
                unsigned_attrs=unsigned_attrs,
                encap_content_info=encap_content_info,
            )
        key = ("package", signer_key, digest_algorithm, str(cms_version))
        parts = self._cms_parts()
        template = parts.get(key)
        if template is None:
            reference = parent._package_signature(
                digest_algorithm=digest_algorithm,
                cms_version=cms_version,
                signed_attrs=signed_attrs,
                signature=signature,
                unsigned_attrs=unsigned_attrs,
                encap_content_info=encap_content_info,
            )
            template = _template_of(reference)
            joined = template and _join(template, signed_attrs, signature, unsigned_attrs)
            if joined != reference.dump():
                template = ()  # our joining would differ from pyhanko's: never use it
            parts[key] = template
            return reference
        if not template:
            return parent._package_signature(
                digest_algorithm=digest_algorithm,
                cms_version=cms_version,
                signed_attrs=signed_attrs,
                signature=signature,
                unsigned_attrs=unsigned_attrs,
                encap_content_info=encap_content_info,
            )
        return cms.ContentInfo.load(_join(template, signed_attrs, signature, unsigned_attrs))


def _template_of(reference: cms.ContentInfo) -> tuple:
    """The constant DER parts of a SignedData with one SignerInfo, in order."""
    signed_data = reference["content"]
    infos = signed_data["signer_infos"]
    if len(infos) != 1:
        return ()
    info = infos[0]
    return (
        reference["content_type"].dump(),
        signed_data["version"].dump()
        + signed_data["digest_algorithms"].dump()
        + signed_data["encap_content_info"].dump()
        + signed_data["certificates"].dump(),
        info["version"].dump() + info["sid"].dump() + info["digest_algorithm"].dump(),
        info["signature_algorithm"].dump(),
    )


def _join(
    template: tuple,
    signed_attrs: cms.CMSAttributes,
    signature: bytes,
    unsigned_attrs: cms.CMSAttributes | None,
) -> bytes:
    content_type, data_head, info_head, signature_algorithm = template
    info = (
        info_head
        + _retag(signed_attrs.dump(), 0xA0)
        + signature_algorithm
        + _der(0x04, signature)
    )
    if unsigned_attrs is not None:
        info += _retag(unsigned_attrs.dump(), 0xA1)
    signed_data = _der(0x30, data_head + _der(0x31, _der(0x30, info)))
    return _der(0x30, content_type + _der(0xA0, signed_data))
