"""Benchmark: recomputing 100,000 deadlines.

1. The domain alone: 100,000 terms computed by the CPC rules (mixed rules, dates over
   eight years, a calendar with closure days).
2. The database (SQLite file, or ``DATABASE_URL``): 25,000 cases with four deadlines each
   are recomputed for a whole directorate, as after a closure day is added: first
   creating the 100,000 rows, then moving all of them (every trigger a day later, each
   move audited), then once more with nothing to change.

Usage: ``.venv/bin/python bench/bench_deadlines.py [--cases 25000]``; prints its figures.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select, text, update

from filing_service import create_app, migrate
from filing_service.auth.actor import Actor
from filing_service.db import unit_of_work
from filing_service.deadlines import catalogue, service
from filing_service.deadlines.calendar import WorkCalendar
from filing_service.deadlines.counting import compute
from filing_service.models import Case, Directorate, Event
from filing_service.models.deadline import Deadline

EVENTS = ("dispozitie_plasament_urgenta", "comunicare_hotarare", "cerere_masura_primita")


def timed(label: str, count: int, work) -> float:
    """Run ``work``; print wall-clock and CPU seconds (the machine may be shared, so the
    CPU time of this process is the steadier figure) and the rate per CPU second."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rate = count / cpu if cpu else float("inf")
    print(
        f"{label:<56} {seconds:7.2f} s wall {cpu:7.2f} s CPU {rate:9,.0f} /CPU s  ({result})",
        flush=True,
    )
    return seconds


def bench_domain(n: int = 100_000) -> None:
    rng = random.Random(272)
    rules = [r for r in catalogue.rules().values() if r.unit != "hours"]
    closures = [
        (date(2026, 1, 1) + timedelta(days=rng.randrange(800)), "închis") for _ in range(40)
    ]
    calendar = WorkCalendar.with_closures(closures)
    triggers = [
        (rng.choice(rules), date(2024, 1, 1) + timedelta(days=rng.randrange(2900)))
        for _ in range(n)
    ]
    timed(
        f"domain: {n:,} terms computed",
        n,
        lambda: len([compute(r.spec, d, calendar=calendar) for r, d in triggers]),
    )


def seed(session, directorate_id: int, cases: int) -> None:
    """``cases`` bare cases (the recomputation reads only events and hearings)."""
    now = datetime.now(UTC)
    rng = random.Random(134)
    session.execute(
        insert(Case),
        [
            {
                "directorate_id": directorate_id,
                "reference": f"BENCH-{i:06d}",
                "status": "deschis",
                "opened_on": date(2026, 1, 1),
                "created_at": now,
                "updated_at": now,
            }
            for i in range(cases)
        ],
    )
    ids = session.scalars(select(Case.id).where(Case.directorate_id == directorate_id)).all()
    session.execute(
        insert(Event),
        [
            {
                "case_id": case_id,
                "kind": kind,
                "occurred_on": date(2025, 1, 1) + timedelta(days=rng.randrange(700)),
                "data": {},
                "created_at": now,
            }
            for case_id in ids
            for kind in EVENTS
        ],
    )


def bench_database(url: str, cases: int) -> None:
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    with app.app_context(), unit_of_work() as uow:
        directorate = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        seed(uow.session, directorate.id, cases)
        uow.commit()
        actor = Actor(
            kind="system", id=0, name="bench", directorate_id=directorate.id, role="sistem"
        )
        total = cases * 4
        session = uow.session

        def recompute():
            changed = service.recompute_directorate(
                session, directorate.id, actor, as_of=date(2026, 3, 4)
            )
            session.commit()
            session.expunge_all()
            return f"{changed:,} changed"

        timed(f"database: create {total:,} deadlines ({cases:,} cases)", total, recompute)
        session.execute(
            update(Event).values(occurred_on=Event.occurred_on + timedelta(days=1))
            if not url.startswith("sqlite")
            else text("UPDATE events SET occurred_on = date(occurred_on, '+1 day')")
        )
        session.commit()
        timed(f"database: move all {total:,} deadlines (audited)", total, recompute)
        timed(f"database: recompute {total:,} unchanged deadlines", total, recompute)
        assert session.scalar(select(Deadline.id).limit(1)) is not None
    app.extensions["db_engine"].dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=25_000)
    args = parser.parse_args()
    bench_domain()
    url = os.environ.get("DATABASE_URL")
    with tempfile.TemporaryDirectory() as tmp:
        if not url:
            url = f"sqlite:///{tmp}/bench.sqlite3"
            migrate.upgrade(url)
        print(f"database: {url.split('://')[0]}")
        bench_database(url, args.cases)


if __name__ == "__main__":
    main()
