"""Benchmark: validating a typical 20 KB case submission.

A case of DGASPC Cluj (schemas/examples/case-valid.xml) grown to about 20 KB with events
and the art. 139 report texts, then validated, one run per stage, on one core:

1. parse + XSD: the hardened parser and the case-submission schema;
2. parse + XSD + model: also mapped to CaseIn (pydantic, every field type);
3. parse + XSD + model + rules: also the integrity checks and the Law 272 rules engine
   (``law.rules.evaluate``) on the case built in memory, as create_case builds it, with
   no database: the validation itself;
4. the whole dry run (POST /submissions/validate without HTTP): the same through the
   cases service on a SQLite database (rows inserted, audit, deadline hooks), rolled back;
5. the same through HTTP (Flask test client, bearer token).

Usage: ``.venv/bin/python bench/bench_xml.py [--seconds 3]``; prints its figures.
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from filing_service import create_app, migrate  # noqa: E402
from filing_service.auth.actor import Actor  # noqa: E402
from filing_service.auth.tokens import issue_token  # noqa: E402
from filing_service.cases.facts import case_facts  # noqa: E402
from filing_service.cases.integrity import check_case, complete_from_cnp  # noqa: E402
from filing_service.cases.schemas import CaseIn, EventIn  # noqa: E402
from filing_service.db import unit_of_work  # noqa: E402
from filing_service.law import rules  # noqa: E402
from filing_service.models import (  # noqa: E402
    Case,
    Child,
    Directorate,
    Event,
    Measure,
    Parent,
    PlacementTarget,
)
from filing_service.submissions import codec  # noqa: E402
from filing_service.submissions.service import import_case, read_case  # noqa: E402
from filing_service.xml.parsing import parse_xml, validate_against  # noqa: E402

TODAY = date(2026, 11, 22)
PARAGRAPH = (
    "Managerul de caz a constatat la vizita la domiciliu că locuința nu are "
    "încălzire, iar copilul nu a frecventat școala în ultimele două săptămâni. "
)


def typical_submission(target_bytes: int = 20_000) -> bytes:
    """The valid example, its report texts longer, events added until ~20 KB."""
    case = read_case((ROOT / "schemas/examples/case-valid.xml").read_bytes())[0]
    child = case.child.model_copy(
        update={
            name: (getattr(case.child, name) or "") + "\n" + PARAGRAPH * 3
            for name in ("personality", "health", "history", "education", "living_conditions")
        }
    )
    events = list(case.events)
    day = date(2026, 1, 5)
    while (
        len(codec.encode(case.model_copy(update={"child": child, "events": events})))
        < target_bytes
    ):
        events.append(
            EventIn(
                kind="solicitare_informatii",
                occurred_on=day,
                description=f"Adresă către primărie nr. {len(events)}. " + PARAGRAPH,
                data={"destinatar": "Primăria Cluj-Napoca", "numar": len(events)},
            )
        )
        day += timedelta(days=3)
    return codec.encode(
        CaseIn.model_validate(
            case.model_copy(update={"child": child, "events": events}).model_dump()
        )
    )


def rules_in_memory(data: bytes) -> list:
    """Parse, XSD, model, then integrity and rules on transient ORM objects (never added
    to a session), built the way cases.service.create_case builds them."""
    case_in = read_case(data)[0]
    case = Case(
        **case_in.model_dump(
            exclude={"child", "parents", "placement_target", "measure", "events"}
        )
    )
    case.opened_on = case.opened_on or TODAY
    case.child = Child(**case_in.child.model_dump())
    case.parents = [Parent(**p.model_dump()) for p in case_in.parents]
    target = PlacementTarget(**case_in.placement_target.model_dump())
    case.placement_targets = [target]
    measure = case_in.measure.model_dump()
    measure.pop("placement_target_id")
    case.measures = [Measure(**measure, placement_target=target)]
    case.events = [Event(**e.model_dump()) for e in case_in.events]
    for person in (case.child, *case.parents, target):
        complete_from_cnp(person)
    check_case(case, TODAY)
    findings = rules.evaluate(case_facts(None, case, TODAY))
    assert not rules.errors(findings), findings
    return findings


def rate(label: str, work, seconds: float) -> None:
    """Run ``work`` for ``seconds``; print its rate per wall second and per CPU second of
    this process (the rate one core gives when the machine is shared with other load)."""
    work()  # warm: schemas compiled, caches filled
    count, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        work()
        count += 1
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{label:<44} {count / wall:7.0f} /s wall  {count / used:7.0f} /s per core "
        f"({used / count * 1000:6.2f} ms CPU each)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="per stage")
    args = parser.parse_args()
    data = typical_submission()
    print(
        f"submission: {len(data)} bytes, {data.count(b'<event>')} events; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )

    rate(
        "1. parse + XSD",
        lambda: validate_against(parse_xml(data), "case-submission", data),
        args.seconds,
    )
    rate("2. parse + XSD + model (CaseIn)", lambda: read_case(data), args.seconds)
    rate("3. parse + XSD + model + Law 272 rules", lambda: rules_in_memory(data), args.seconds)

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        migrate.upgrade(url)
        app = create_app(
            {
                "DATABASE_URL": url,
                "SECRET_KEY": "bench",
                "TESTING": True,
                "FIXED_NOW": datetime(2026, 11, 22, 10, tzinfo=ZoneInfo("Europe/Bucharest")),
                "LOG_LEVEL": "WARNING",
            }
        )
        with app.app_context():
            with unit_of_work() as uow:
                cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
                token = issue_token(uow.session, cluj.id, "bench").token
                actor = Actor("token", 1, "bench", cluj.id, "sistem")
                uow.commit()

            def dry_run():
                with unit_of_work() as uow:
                    outcome = import_case(uow, actor, data, TODAY, dry_run=True)
                assert outcome.action == "created"

            rate("4. dry run through the service (SQLite)", dry_run, args.seconds)
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/xml"}

        def over_http():
            response = client.post("/api/v1/submissions/validate", data=data, headers=headers)
            assert response.status_code == 200, response.get_json()

        rate("5. POST /submissions/validate (test client)", over_http, args.seconds)
        app.extensions["db_engine"].dispose()


if __name__ == "__main__":
    main()
