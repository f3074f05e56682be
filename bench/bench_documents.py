"""Benchmark of the documents pipeline on the art. 70 petition (a script, not a test).

Measures, in one run on this machine:
1. the warm pipeline, per document: case data -> context -> DOCX -> PDF/A-2b on the warm
   LibreOffice pool (``documents.converter``);
2. the one-shot path simple integrations take: the same DOCX, then
   ``soffice --headless --convert-to pdf`` started for each document (plain PDF, not even
   PDF/A; its profile folder is made once beforehand, so it is not charged for that);
3. the throughput of a batch of 100 documents through the warm pool.

Usage: ``.venv/bin/python bench/bench_documents.py [--warm 20] [--cold 8] [--batch 100]``
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from filing_service import adapters, create_app  # noqa: E402
from filing_service.cases.findings import findings  # noqa: E402
from filing_service.cases.schemas import CaseIn  # noqa: E402
from filing_service.clock import today  # noqa: E402
from filing_service.documents.catalog import DOC_TYPES  # noqa: E402
from filing_service.documents.context import build_context  # noqa: E402
from filing_service.documents.converter import ConverterPool, PoolSettings  # noqa: E402
from filing_service.documents.render import render_docx, template_bytes  # noqa: E402
from filing_service.documents.sample import sample_case  # noqa: E402
from filing_service.documents.scratch import scratch_case  # noqa: E402

DOC = DOC_TYPES["cerere_art70"]


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def describe(name: str, values: list[float]) -> None:
    print(
        f"{name:42} n={len(values):3}  median {statistics.median(values) * 1000:7.0f} ms"
        f"  p90 {p90(values) * 1000:7.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--cold", type=int, default=8)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--pool", type=int, default=2)
    args = parser.parse_args()

    app = create_app({"DATABASE_URL": "sqlite://", "TESTING": True})
    with app.app_context():
        on = today()
        template = template_bytes(adapters.current().templates / DOC.template)
        with scratch_case(
            CaseIn.model_validate(sample_case(on)), on, director="Ion Exemplu"
        ) as (session, case):

            def docx_of_case() -> bytes:
                found = findings(session, case, on)
                context = build_context(
                    session, case, DOC, "instanta", on, case.directorate, found
                )
                return render_docx(template, context)

            pool = ConverterPool(PoolSettings(size=args.pool))
            try:
                pool.start()
                pool.convert(docx_of_case())  # wait until the pool is up and warm
                warm = []
                for _ in range(args.warm):
                    started = time.perf_counter()
                    pdf = pool.convert(docx_of_case())
                    warm.append(time.perf_counter() - started)
                    assert pdf.startswith(b"%PDF-")
                cold = one_shot(docx_of_case, args.cold)
                # The batch: rendering is Python (one core), conversion LibreOffice; both
                # overlap across the pool's instances.
                started = time.perf_counter()
                with ThreadPoolExecutor(max_workers=args.pool * 2) as workers:
                    pdfs = list(
                        workers.map(lambda _: pool.convert(docx_of_case()), range(args.batch))
                    )
                batch = time.perf_counter() - started
                assert len(pdfs) == args.batch and all(p.startswith(b"%PDF-") for p in pdfs)
            finally:
                pool.close()

    print(
        f"art. 70 petition ({DOC.template} v{DOC.version}); pool of {args.pool} "
        f"LibreOffice instances; {Path('/proc/cpuinfo').read_text().count('processor')} "
        "CPU cores"
    )
    describe("warm pipeline (data -> PDF/A-2b)", warm)
    describe("one-shot soffice --convert-to pdf", cold)
    ratio = statistics.median(cold) / statistics.median(warm)
    print(f"{'one-shot / warm (medians)':42} {ratio:.1f}x")
    print(
        f"{'batch of ' + str(args.batch) + ' through the warm pool':42} {batch:.1f} s, "
        f"{args.batch / batch:.1f} documents/s, {batch / args.batch * 1000:.0f} ms each"
    )


def one_shot(docx_of_case, count: int) -> list[float]:
    """Render, then a new ``soffice --convert-to pdf`` for each document."""
    times = []
    with tempfile.TemporaryDirectory(prefix="bench-oneshot-") as folder:
        work = Path(folder)
        profile = f"-env:UserInstallation={(work / 'profile').as_uri()}"
        # Make the profile once, outside the measurement (a warm-up conversion).
        subprocess.run(
            [
                "soffice",
                profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                _write(work / "warmup.docx", docx_of_case()),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        for i in range(count):
            started = time.perf_counter()
            source = _write(work / f"doc{i}.docx", docx_of_case())
            subprocess.run(
                [
                    "soffice",
                    profile,
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    source,
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            times.append(time.perf_counter() - started)
            assert (work / f"doc{i}.pdf").read_bytes().startswith(b"%PDF-")
    return times


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


if __name__ == "__main__":
    main()
