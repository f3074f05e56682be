"""``filing-service sign``: a PDF signed from the command line, with a PKCS#12 file or a
PKCS#11 token, the secret from the environment; the input is left as it was."""

import os
import subprocess
import sys
from pathlib import Path

from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf

from .conftest import P12_PASSPHRASE, pdfsig
from .pki import SOFTHSM_MODULE, TRUST_DIR

CLI = [sys.executable, "-m", "filing_service"]


def run_sign(tmp_path, args, secret: str, extra_env=None):
    env = {
        **os.environ,
        "FS_SIGN_SECRET": secret,
        "SIGNATURE_TRUST_DIRS": str(TRUST_DIR),
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        **(extra_env or {}),
    }
    return subprocess.run(
        [*CLI, "sign", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def test_the_cli_signs_at_b_lt_with_a_pkcs12_file(tmp_path, pdfa, pki, p12_files, nssdir):
    source, target = tmp_path / "cerere.pdf", tmp_path / "cerere-semnata.pdf"
    source.write_bytes(pdfa)
    done = run_sign(
        tmp_path,
        [
            "--in",
            str(source),
            "--out",
            str(target),
            "--level",
            "B-LT",
            "--tsa-url",
            pki.tsa_url,
            "--pkcs12",
            str(p12_files["consilier"]),
        ],
        P12_PASSPHRASE,
    )
    assert done.returncode == 0, done.stderr
    assert source.read_bytes() == pdfa
    [report] = validate_pdf(target.read_bytes(), load_trust_roots([TRUST_DIR]))
    assert (report.trusted, report.level, report.signer) == (True, "B-LT", "Ana Popescu")
    assert "Signature is Valid" in pdfsig(target, nssdir)


def test_the_cli_signs_with_a_key_on_the_pkcs11_token(tmp_path, pdfa, pki, token):
    source, target = tmp_path / "cerere.pdf", tmp_path / "cerere-semnata.pdf"
    source.write_bytes(pdfa)
    done = run_sign(
        tmp_path,
        [
            "--in",
            str(source),
            "--out",
            str(target),
            "--level",
            "B-T",
            "--tsa-url",
            pki.tsa_url,
            "--pkcs11-module",
            SOFTHSM_MODULE,
            "--token-label",
            token.label,
            "--key-label",
            "director",
            "--role",
            "director",
        ],
        token.pin,
        token.env,
    )
    assert done.returncode == 0, done.stderr
    [report] = validate_pdf(target.read_bytes(), load_trust_roots([TRUST_DIR]))
    assert (report.valid, report.level, report.signer) == (True, "B-T", "Mihai Ionescu")


def test_the_cli_says_the_pin_is_wrong_without_printing_it(tmp_path, pdfa, token):
    source = tmp_path / "cerere.pdf"
    source.write_bytes(pdfa)
    done = run_sign(
        tmp_path,
        [
            "--in",
            str(source),
            "--out",
            str(tmp_path / "x.pdf"),
            "--level",
            "B-B",
            "--pkcs11-module",
            SOFTHSM_MODULE,
            "--token-label",
            token.label,
            "--key-label",
            "director",
        ],
        "424242",
        token.env,
    )
    assert done.returncode != 0
    assert "PIN greșit" in done.stderr
    assert "424242" not in done.stdout + done.stderr
    assert not Path(tmp_path / "x.pdf").exists()
