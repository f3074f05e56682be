"""Revocation data (OCSP responses, CRLs) kept per process, for as long as it is valid.

A B-LT signature embeds the OCSP response and the CRLs of its chain; fetching them anew
for every signature costs more than the signature itself. :class:`RevocationCache`
keeps each response until its ``nextUpdate`` and never past it: an entry is handed out
only to a validation whose moment is within ``[thisUpdate - tolerance, nextUpdate)``;
after that it is fetched again, so a certificate revoked meanwhile is seen as revoked
once the response that said "good" has expired (as with any OCSP response). Data
without a ``nextUpdate`` is not kept, unless ``max_age_without_next_update`` allows a
short while.

The cache is one per process (``process_cache``), shared by the threads of a gunicorn
worker behind a lock, and bounded (least recently used out first). It keeps DER bytes,
not parsed objects: asn1crypto parses lazily and is not safe to share between threads.

:class:`CachingFetcherBackend` puts it behind pyhanko-certvalidator's fetchers: one
backend per validation context (the moment is the context's), whose OCSP and CRL
fetchers answer from the cache and fetch (then store) what it lacks. Its HTTP sessions
use one TLS context per process (``shared_ssl_context``): building one loads the CA
bundle, which costs tens of milliseconds.
"""

import functools
import ssl
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiohttp
import certifi
from asn1crypto import crl, ocsp
from pyhanko_certvalidator.fetchers.aiohttp_fetchers import (
    AIOHttpCertificateFetcher,
    AIOHttpCRLFetcher,
    AIOHttpOCSPFetcher,
)
from pyhanko_certvalidator.fetchers.aiohttp_fetchers.util import LazySession
from pyhanko_certvalidator.fetchers.api import FetcherBackend, Fetchers, FetchLimits
from pyhanko_certvalidator.fetchers.common_utils import FetchBudget
from pyhanko_certvalidator.util import issuer_serial

DEFAULT_SIZE = 512
TOLERANCE = timedelta(seconds=1)  # as pyhanko-certvalidator's default time tolerance


@dataclass(frozen=True)
class _Entry:
    der: bytes
    this_update: datetime
    next_update: datetime


class RevocationCache:
    """OCSP responses keyed by (issuer and serial, responder key), CRLs by URL.

    ``max_entries`` bounds the size (0: nothing is kept, every validation fetches);
    ``max_age_without_next_update`` is how long data without a ``nextUpdate`` may be
    reused (default: not at all).
    """

    def __init__(
        self,
        max_entries: int = DEFAULT_SIZE,
        *,
        max_age_without_next_update: timedelta = timedelta(0),
    ):
        self.max_entries = max_entries
        self.max_age_without_next_update = max_age_without_next_update
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    @property
    def enabled(self) -> bool:
        return self.max_entries > 0

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.hits = self.misses = 0

    def get(self, key: Hashable, moment: datetime) -> bytes | None:
        """The DER kept under ``key`` if it is valid at ``moment``; else None (an entry
        expired at ``moment`` is dropped)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            if moment >= entry.next_update:
                del self._entries[key]
                self.misses += 1
                return None
            if moment < entry.this_update - TOLERANCE:
                self.misses += 1  # issued after the moment asked about: not evidence
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry.der

    def put(
        self, key: Hashable, der: bytes, this_update: datetime, next_update: datetime | None
    ) -> None:
        """Keep ``der`` until ``next_update`` (or the short bound when there is none)."""
        if not self.enabled:
            return
        if next_update is None:
            if self.max_age_without_next_update <= timedelta(0):
                return
            next_update = this_update + self.max_age_without_next_update
        if next_update <= this_update:
            return
        with self._lock:
            self._entries[key] = _Entry(der, this_update, next_update)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


_process_cache = RevocationCache()


def process_cache() -> RevocationCache:
    """The cache of this process (one per gunicorn worker)."""
    return _process_cache


def configure_process_cache(
    max_entries: int, max_age_without_next_update: timedelta = timedelta(0)
) -> RevocationCache:
    """Set the process cache's bounds (``create_app``: ``REVOCATION_CACHE_SIZE``,
    ``REVOCATION_CACHE_NO_NEXT_UPDATE_SECONDS``); what it holds is kept if still within
    the new size."""
    cache = _process_cache
    with cache._lock:
        cache.max_entries = max(0, max_entries)
        cache.max_age_without_next_update = max_age_without_next_update
        while len(cache._entries) > cache.max_entries:
            cache._entries.popitem(last=False)
    return cache


@functools.cache
def shared_ssl_context() -> ssl.SSLContext:
    """One TLS client context per process (as pyhanko's, on certifi's CA bundle); an
    ``SSLContext`` may be shared by threads once set up."""
    return ssl.create_default_context(cafile=certifi.where())


class SharedTlsSession(LazySession):
    """pyhanko's lazy HTTP session, on the process's TLS context. Still one session per
    operation: an aiohttp session belongs to the event loop that made it."""

    def get_session(self):
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(ssl=shared_ssl_context())
            )
        return self._session


def _ocsp_validity(der: bytes) -> tuple[datetime, datetime | None] | None:
    """(latest thisUpdate, earliest nextUpdate) of a successful basic OCSP response;
    None (not kept) for anything else."""
    try:
        response = ocsp.OCSPResponse.load(der)
        if response["response_status"].native != "successful":
            return None
        singles = response.basic_ocsp_response["tbs_response_data"]["responses"]
        if not len(singles):
            return None
        this_update = max(s["this_update"].native for s in singles)
        nexts = [s["next_update"].native for s in singles]
    except (ValueError, KeyError, TypeError):
        return None
    return this_update, (None if any(n is None for n in nexts) else min(nexts))


def _crl_validity(der: bytes) -> tuple[datetime, datetime | None] | None:
    try:
        tbs = crl.CertificateList.load(der)["tbs_cert_list"]
        return tbs["this_update"].native, tbs["next_update"].native
    except (ValueError, KeyError, TypeError):
        return None


class _CachingOCSPFetcher(AIOHttpOCSPFetcher):
    def __init__(self, session, cache: RevocationCache, moment: datetime, **kwargs):
        super().__init__(session, **kwargs)
        self._cache, self._moment = cache, moment

    async def _fetch(self, cert, authority):
        key = ("ocsp", issuer_serial(cert), authority.hashable)
        der = self._cache.get(key, self._moment)
        if der is not None:
            return ocsp.OCSPResponse.load(der)
        response = await super()._fetch(cert, authority)
        der = response.dump()
        validity = _ocsp_validity(der)
        if validity is not None:
            self._cache.put(key, der, *validity)
        return response


class _CachingCRLFetcher(AIOHttpCRLFetcher):
    def __init__(self, session, cache: RevocationCache, moment: datetime, **kwargs):
        super().__init__(session, **kwargs)
        self._cache, self._moment = cache, moment

    async def _single_fetch(self, url):
        key = ("crl", url)
        der = self._cache.get(key, self._moment)
        if der is None:
            fetched = await super()._single_fetch(url)
            der = fetched.dump()
            validity = _crl_validity(der)
            if validity is not None:
                self._cache.put(key, der, *validity)
            return fetched

        async def from_cache():
            return crl.CertificateList.load(der)

        # Recorded as a fetch of this context, so that it is embedded and counted.
        return await self._post_fetch_task(url, from_cache)


class CachingFetcherBackend(FetcherBackend):
    """Fetchers for one validation context at ``moment``, answering from ``cache``."""

    def __init__(
        self,
        cache: RevocationCache,
        moment: datetime,
        *,
        per_request_timeout: float = 10,
        limits: FetchLimits = FetchLimits(),  # noqa: B008
    ):
        self.cache = cache
        self.moment = moment
        self.session = SharedTlsSession()
        self.per_request_timeout = per_request_timeout
        self.limits = limits

    def get_fetchers(self) -> Fetchers:
        budget = FetchBudget(self.limits)
        timeout = self.per_request_timeout
        session, cache, moment = self.session, self.cache, self.moment
        return Fetchers(
            ocsp_fetcher=_CachingOCSPFetcher(
                session, cache, moment, per_request_timeout=timeout, budget=budget
            ),
            crl_fetcher=_CachingCRLFetcher(
                session, cache, moment, per_request_timeout=timeout, budget=budget
            ),
            cert_fetcher=AIOHttpCertificateFetcher(
                session, per_request_timeout=timeout, budget=budget
            ),
        )

    async def close(self):
        await self.session.close()
