"""The revocation cache: an OCSP response (or a CRL) is reused while it is valid and
fetched again once its nextUpdate has passed, so a certificate revoked meanwhile is seen
as revoked; the cache is one per process, bounded, and safe to share between threads.

These tests have a test PKI of their own (they move its clock and revoke a certificate),
answering as at fixed moments around ``FIXED_NOW``: certomancer's OCSP responses are
valid for 10 minutes, its intermediate CRL for 30 days. The requests it receives are
counted.
"""

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from filing_service import create_app
from filing_service.errorcodes import Code
from filing_service.signing import pades
from filing_service.signing.keys import LoadedKeySigner
from filing_service.signing.profiles import Level
from filing_service.signing.revocation import (
    RevocationCache,
    configure_process_cache,
    process_cache,
)
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf
from tests.clock import FIXED_NOW

from .pki import TRUST_DIR, TestPki

T0 = FIXED_NOW.astimezone(UTC)
PASSPHRASE = "fraza-cache"


@pytest.fixture
def own_pki(tmp_path):
    pki = TestPki(tmp_path).start()
    requests: Counter = Counter()

    def count(path: str) -> None:
        kind = "ocsp" if "/ocsp/" in path else "crl" if "/crls/" in path else "tsa"
        requests[kind] += 1

    pki.on_request = count
    pki.requests = requests  # type: ignore[attr-defined]
    yield pki
    pki.stop()


@pytest.fixture
def director(own_pki):
    path = own_pki.pkcs12("director", PASSPHRASE)
    return LoadedKeySigner.from_pkcs12(path.read_bytes(), PASSPHRASE.encode())


def _sign_at(pki, signer, data: bytes, moment: datetime, cache: RevocationCache) -> bytes:
    pki.set_time(moment)  # the responders answer as at the same moment
    return pades.sign_pdf(
        data,
        signer,
        level=Level.B_LT,
        tsa_url=pki.tsa_url,
        trust_roots=load_trust_roots([TRUST_DIR]),
        appearance=pades.Appearance("Mihai Ionescu", "Director executiv", moment, "Cluj"),
        moment=moment,
        revocation_cache=cache,
    )


def test_a_cached_response_is_reused_within_its_validity(own_pki, director, pdfa):
    cache = RevocationCache()
    _sign_at(own_pki, director, pdfa, T0, cache)
    assert own_pki.requests["ocsp"] == 1 and own_pki.requests["crl"] >= 1
    fetched = dict(own_pki.requests)

    later = _sign_at(own_pki, director, pdfa, T0 + timedelta(minutes=9), cache)
    assert own_pki.requests["ocsp"] == fetched["ocsp"]  # no new OCSP request
    assert own_pki.requests["crl"] == fetched["crl"]  # nor CRL
    assert own_pki.requests["tsa"] == fetched["tsa"] + 1  # a time-stamp per signature
    # the reused data is embedded: the signature is a complete B-LT
    [report] = validate_pdf(
        later, load_trust_roots([TRUST_DIR]), moment=T0 + timedelta(minutes=9)
    )
    assert (report.trusted, report.level) == (True, "B-LT")


def test_after_next_update_the_response_is_fetched_again(own_pki, director, pdfa):
    cache = RevocationCache()
    _sign_at(own_pki, director, pdfa, T0, cache)
    crls = own_pki.requests["crl"]
    _sign_at(own_pki, director, pdfa, T0 + timedelta(minutes=10, seconds=1), cache)
    assert own_pki.requests["ocsp"] == 2  # the first one's nextUpdate has passed
    assert own_pki.requests["crl"] == crls  # the CRLs are valid for 30 days
    assert cache.hits >= 1


def test_a_response_is_not_used_for_a_moment_before_it_was_issued(own_pki, director, pdfa):
    cache = RevocationCache()
    _sign_at(own_pki, director, pdfa, T0, cache)
    _sign_at(own_pki, director, pdfa, T0 - timedelta(minutes=5), cache)
    assert own_pki.requests["ocsp"] == 2


def test_a_revoked_certificate_is_seen_revoked_once_the_cached_response_expired(
    own_pki, director, pdfa
):
    cache = RevocationCache()
    signed = _sign_at(own_pki, director, pdfa, T0, cache)  # "good", until T0 + 10 min
    own_pki.revoke("director", since=T0 + timedelta(minutes=1))

    # Within the response's validity its answer stands (as any OCSP response's would).
    _sign_at(own_pki, director, pdfa, T0 + timedelta(minutes=5), cache)

    # Past it, the status is asked again and the revocation is seen, when signing...
    with pytest.raises(pades.SigningFailed) as refused:
        _sign_at(own_pki, director, pdfa, T0 + timedelta(minutes=11), cache)
    assert refused.value.code == Code.CERTIFICATE_VALIDATION_FAILED
    # ... and when validating with fetching, through the same cache.
    [report] = validate_pdf(
        signed,
        load_trust_roots([TRUST_DIR]),
        allow_fetching=True,
        moment=T0 + timedelta(minutes=12),
        revocation_cache=cache,
    )
    assert report.revoked
    assert report.summary.startswith("Certificatul semnatarului este revocat.")


def test_validation_with_fetching_answers_from_the_cache(own_pki, director, pdfa):
    cache = RevocationCache()
    signed = _sign_at(own_pki, director, pdfa, T0, cache)
    ocsp = own_pki.requests["ocsp"]
    [report] = validate_pdf(
        signed,
        load_trust_roots([TRUST_DIR]),
        allow_fetching=True,
        moment=T0 + timedelta(minutes=2),
        revocation_cache=cache,
    )
    assert report.trusted and not report.revoked
    assert own_pki.requests["ocsp"] == ocsp


def test_without_the_cache_every_signature_fetches(own_pki, director, pdfa):
    off = RevocationCache(max_entries=0)  # REVOCATION_CACHE_SIZE=0
    _sign_at(own_pki, director, pdfa, T0, off)
    _sign_at(own_pki, director, pdfa, T0 + timedelta(minutes=1), off)
    assert own_pki.requests["ocsp"] == 2
    assert len(off) == 0


# --- the cache itself ----------------------------------------------------------------


def test_the_cache_is_bounded_least_recently_used_out_first():
    cache = RevocationCache(max_entries=2)
    until = T0 + timedelta(hours=1)
    cache.put("a", b"A", T0, until)
    cache.put("b", b"B", T0, until)
    assert cache.get("a", T0) == b"A"  # "a" used: "b" is now the oldest
    cache.put("c", b"C", T0, until)
    assert len(cache) == 2
    assert cache.get("b", T0) is None
    assert (cache.get("a", T0), cache.get("c", T0)) == (b"A", b"C")


def test_an_entry_is_never_handed_out_at_or_after_its_next_update():
    cache = RevocationCache()
    cache.put("k", b"K", T0, T0 + timedelta(minutes=10))
    assert cache.get("k", T0 + timedelta(minutes=10) - timedelta(microseconds=1)) == b"K"
    assert cache.get("k", T0 + timedelta(minutes=10)) is None
    assert len(cache) == 0  # dropped once expired


def test_data_without_next_update_is_kept_only_if_a_bound_is_set():
    assert len(_put_without_next_update(RevocationCache())) == 0
    bounded = _put_without_next_update(
        RevocationCache(max_age_without_next_update=timedelta(seconds=30))
    )
    assert bounded.get("k", T0 + timedelta(seconds=29)) == b"K"
    assert bounded.get("k", T0 + timedelta(seconds=30)) is None


def _put_without_next_update(cache: RevocationCache) -> RevocationCache:
    cache.put("k", b"K", T0, None)
    return cache


def test_threads_share_one_cache_within_its_bound():
    cache = RevocationCache(max_entries=50)
    until = T0 + timedelta(hours=1)
    errors = []

    def work(n: int) -> None:
        try:
            for i in range(200):
                cache.put((n, i), b"x", T0, until)
                cache.get((n, i // 2), T0)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(cache) == 50


def test_the_process_cache_is_one_and_configured_by_the_app(tmp_path):
    seen = []
    thread = threading.Thread(target=lambda: seen.append(process_cache()))
    thread.start()
    thread.join()
    assert seen == [process_cache()]  # every thread of the process, the same cache
    try:
        create_app(
            {
                "DATABASE_URL": "sqlite://",
                "TESTING": True,
                "STORAGE_DIR": str(tmp_path / "storage"),
                "REVOCATION_CACHE_SIZE": 7,
                "REVOCATION_CACHE_NO_NEXT_UPDATE_SECONDS": 60,
            }
        )
        assert process_cache().max_entries == 7
        assert process_cache().max_age_without_next_update == timedelta(seconds=60)
    finally:
        configure_process_cache(512)
