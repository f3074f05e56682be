"""Benchmark: 119 reports through the HTTP API, from receipt to a committed case.

1. Sequential: N reports (JSON), each routed to one of 47 directorates by place, each
   opening a case with its verification deadline; latency per report (p50, p95, max).
2. Duplicates: the same N reports sent again (answered from the stored report).
3. Concurrent: N more reports from 8 threads at once (the case-number lock and retries).
4. The queue: the dispatcher lists the routing queue with N unroutable reports waiting.

On a SQLite file, then on PostgreSQL if it answers (``TEST_PG_URL``, as the tests).
Usage: ``.venv/bin/python bench/bench_intake.py [--reports 300]``; prints its figures.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from sqlalchemy import select

from filing_service import create_app, migrate
from filing_service.auth.tokens import issue_token
from filing_service.db import unit_of_work
from filing_service.intake.service import grant_dispatcher
from filing_service.law.directorates import DIRECTORATES
from filing_service.models import Directorate
from tests import builders

PG_ADMIN = os.environ.get("TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _token(app, code: str) -> tuple[dict, int]:
    with app.app_context(), unit_of_work() as uow:
        directorate_id = uow.session.scalar(
            select(Directorate.id).where(Directorate.code == code)
        )
        issued = issue_token(uow.session, directorate_id, f"bench {code}")
        uow.commit()
        return {"Authorization": f"Bearer {issued.token}"}, issued.record.id


def _report(i: int) -> dict:
    seed = DIRECTORATES[i % len(DIRECTORATES)]
    place = (
        {"county": "București", "sector": int(seed.code[1])}
        if seed.county == "București"
        else {"county": seed.county, "locality": seed.seat}
    )
    return builders.report_119(
        place=place,
        urgent=i % 5 == 0,
        children=[builders.reported_child(serial=1 + i % 997, county=seed.cnp_county_code)],
    )


def _percentiles(label: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[int(len(ms) * 0.95) - 1]
    total = sum(seconds)
    print(
        f"  {label:<44} {len(ms):5d}  p50 {statistics.median(ms):7.1f} ms  "
        f"p95 {p95:7.1f} ms  max {ms[-1]:7.1f} ms  {len(ms) / total:7.1f} /s"
    )


def run(url: str, n: int) -> None:
    migrate.upgrade(url)
    app = create_app({"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "bench"})
    client = app.test_client()
    headers, _ = _token(app, "CJ")
    dispatcher, token_id = _token(app, "B1")
    with app.app_context(), unit_of_work() as uow:
        grant_dispatcher(uow.session, token_id)
        uow.commit()

    reports = [_report(i) for i in range(n)]
    timings = []
    for report in reports:
        start = time.perf_counter()
        answer = client.post("/api/v1/intake/reports", json=report, headers=headers)
        timings.append(time.perf_counter() - start)
        assert answer.status_code == 201, answer.get_json()
    _percentiles("new report -> committed case", timings)

    timings = []
    for report in reports:
        start = time.perf_counter()
        answer = client.post("/api/v1/intake/reports", json=report, headers=headers)
        timings.append(time.perf_counter() - start)
        assert answer.status_code == 200
    _percentiles("duplicate send (same call id)", timings)

    more = [_report(n + i) for i in range(n)]
    per_thread = [more[i::8] for i in range(8)]
    statuses: list[int] = []

    def worker(batch):
        own = app.test_client()
        for report in batch:
            statuses.append(
                own.post("/api/v1/intake/reports", json=report, headers=headers).status_code
            )

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(b,)) for b in per_thread]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    print(
        f"  {'8 threads, new reports':<44} {len(more):5d}  {seconds:7.2f} s total"
        f"  {len(more) / seconds:7.1f} /s  (all 201: {statuses.count(201) == len(more)})"
    )

    for _i in range(n):
        client.post(
            "/api/v1/intake/reports", json=builders.report_119(place={}), headers=headers
        )
    start = time.perf_counter()
    page = client.get("/api/v1/intake/routing-queue?per_page=100", headers=dispatcher)
    print(
        f"  {'routing queue, first page of ' + str(page.get_json()['total']):<44}"
        f"        {(time.perf_counter() - start) * 1000:7.1f} ms"
    )
    app.extensions["db_engine"].dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=300)
    n = parser.parse_args().reports
    with tempfile.TemporaryDirectory() as tmp:
        print(f"SQLite ({n} reports)")
        run(f"sqlite:///{tmp}/bench.sqlite3", n)
    name = f"fs_bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL not reachable ({exc}); skipped")
        return
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        print(f"PostgreSQL ({n} reports)")
        base = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
        run(f"{base}/{name}", n)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
