"""Benchmark: the web pages a legal counsel opens all day, on a directorate with many
cases (SQLite file, or ``DATABASE_URL``), rendered through the Flask app (no network).

Seeds ``--cases`` emergency placements (each with its deadlines, as the case hook makes
them), then times the dashboard, the case list, a search by name, by CNP and by court
number, one case page and the month calendar: the median and the 95th percentile of
``--repeat`` requests each.

Usage: ``.venv/bin/python bench/bench_web.py [--cases 2000] [--repeat 30]``.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from filing_service import create_app, migrate
from filing_service.auth.actor import Actor
from filing_service.auth.passwords import hash_password
from filing_service.cases import schemas, service
from filing_service.db import unit_of_work
from filing_service.law.cnp import build_cnp
from filing_service.models import Directorate, User

FIRST = ["Andrei", "Maria", "Ioana", "Ștefan", "Elena", "Mihai", "Ana", "Radu", "Irina"]
LAST = ["Popescu", "Ionescu", "Mureșan", "Stoica", "Dumitrescu", "Pop", "Rusu", "Lazăr"]


def seed(app, cases: int) -> dict:
    """Cases of Cluj opened over the last 60 days; returns a CNP and a court number."""
    today = date.today()
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        cluj.legal_representative = "Mihai Ionescu"
        uow.session.add(
            User(
                directorate_id=cluj.id,
                username="bench.consilier",
                full_name="Consilier Bench",
                role="consilier_juridic",
                password_hash=hash_password("Parola-Bench-2026"),
            )
        )
        uow.commit()
        actor = Actor("user", 0, "bench", cluj.id, "consilier_juridic")
        for i in range(cases):
            ordered = today - timedelta(days=i % 60)
            born = date(2010 + i % 15, 1 + i % 12, 1 + i % 28)
            data = schemas.CaseIn.model_validate(
                {
                    "situation": "c",
                    "court": "Tribunalul Cluj",
                    "court_case_number": f"{1000 + i}/117/{today.year}",
                    "opened_on": ordered.isoformat(),
                    "child": {
                        "first_name": FIRST[i % 9],
                        "last_name": LAST[i % 8],
                        "cnp": build_cnp(
                            born,
                            sex="M" if i % 2 else "F",
                            county_code="12",
                            serial=1 + i % 900,
                        ),
                        "domicile_area": "CJ",
                        "consent": True,
                    },
                    "placement_target": {"kind": "asistent_maternal", "name": f"AMP {i}"},
                    "measure": {
                        "kind": "plasament_regim_urgenta",
                        "authority": "director",
                        "status": "in_vigoare",
                        "decided_on": ordered.isoformat(),
                        "starts_on": ordered.isoformat(),
                    },
                    "events": [
                        {
                            "kind": "dispozitie_plasament_urgenta",
                            "occurred_on": ordered.isoformat(),
                        }
                    ],
                }
            )
            service.create_case(uow, actor, data, ordered)
        sample = service.list_cases(uow.session, actor, schemas.CaseQuery())[0][0]
        return {"id": sample.id, "cnp": sample.child.cnp, "number": sample.court_case_number}


def measure(client, label: str, url: str, repeat: int) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(
        f"{label:<34} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
        migrate.upgrade(url)
        app = create_app(
            {
                "DATABASE_URL": url,
                "SECRET_KEY": "bench",
                "STORAGE_DIR": f"{folder}/storage",
                "WTF_CSRF_ENABLED": True,
            }
        )
        start = time.perf_counter()
        ids = seed(app, args.cases)
        print(
            f"seeded {args.cases:,} cases with their deadlines in "
            f"{time.perf_counter() - start:.1f} s",
            flush=True,
        )
        client = app.test_client()
        page = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        client.post(
            "/login",
            data={
                "username": "bench.consilier",
                "password": "Parola-Bench-2026",
                "csrf_token": token,
            },
        )
        for label, path in [
            ("dashboard (deadlines, 30 days)", "/"),
            ("case list, page 1", "/cases"),
            ("search by name", "/cases?q=maria+pop"),
            ("search by CNP", f"/cases?q={ids['cnp']}"),
            ("search by court case number", f"/cases?q={ids['number']}"),
            ("case page", f"/cases/{ids['id']}"),
            ("month calendar", "/calendar"),
            ("document wizard (step 1)", f"/cases/{ids['id']}/documents"),
        ]:
            measure(client, label, path, args.repeat)
        app.extensions["db_engine"].dispose()


if __name__ == "__main__":
    main()
