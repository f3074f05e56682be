"""``filing-service sign``: sign a PDF file from the command line (PKCS#12 or PKCS#11);
``filing-service signatures refresh-trusted-lists``: the EU trusted lists' snapshot."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from .. import clock
from ..auth.roles import ROLE_LABELS, Role
from ..config import environment_secret
from ..errorcodes import Code
from . import pades, trusted_lists
from .keys import SigningKeyError, open_signer
from .profiles import Level, parse_key
from .trust import load_trust_roots


@click.command("sign")
@with_appcontext
@click.option(
    "--in",
    "input_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="PDF-ul de semnat",
)
@click.option(
    "--out",
    "output_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Unde se scrie PDF-ul semnat (fișier nou)",
)
@click.option(
    "--level", type=click.Choice([lv.value for lv in Level]), default="B-LT", show_default=True
)
@click.option("--tsa-url", help="Autoritatea de marcare temporală (B-T și peste)")
@click.option(
    "--pkcs12",
    type=click.Path(exists=True, dir_okay=False),
    help="Fișier PKCS#12 (demonstrație, dezvoltare)",
)
@click.option("--pkcs11-module", help="Modulul PKCS#11 (de ex. libsofthsm2.so)")
@click.option("--token-label")
@click.option("--key-label")
@click.option(
    "--secret-env",
    default="FS_SIGN_SECRET",
    show_default=True,
    help="Variabila de mediu cu PIN-ul sau parola (altfel se cere interactiv)",
)
@click.option("--name", "signer_name", help="Numele afișat (implicit: din certificat)")
@click.option(
    "--role",
    type=click.Choice([Role.LEGAL_COUNSEL.value, Role.DIRECTOR.value]),
    default=Role.LEGAL_COUNSEL.value,
    show_default=True,
)
@click.option("--location", default="România", show_default=True)
def sign_command(
    input_path,
    output_path,
    level,
    tsa_url,
    pkcs12,
    pkcs11_module,
    token_label,
    key_label,
    secret_env,
    signer_name,
    role,
    location,
):
    """Sign a PDF at a PAdES level, as a new file (the input is never changed)."""
    if output_path.resolve() == input_path.resolve():
        raise click.BadParameter("fișierul semnat trebuie să fie unul nou", param_hint="--out")
    if bool(pkcs12) == bool(pkcs11_module):
        raise click.UsageError(
            "Indicați fie --pkcs12, fie --pkcs11-module (cu --token-label și --key-label)."
        )
    spec = (
        {"type": "pkcs12", "path": pkcs12}
        if pkcs12
        else {
            "type": "pkcs11",
            "module": pkcs11_module,
            "token_label": token_label,
            "key_label": key_label,
        }
    )
    try:
        key = parse_key("cli", {**spec, "secret": secret_env})
        level = Level(level)
        if level.needs_tsa and not tsa_url:
            raise click.BadParameter(f"nivelul {level} cere --tsa-url", param_hint="--tsa-url")
        roots = load_trust_roots(current_app.config["SIGNATURE_TRUST_DIRS"])

        def secret(spec):
            return environment_secret(spec.secret) or click.prompt(
                "PIN / parolă", hide_input=True, err=True
            )

        with open_signer(key, secret) as signer:
            name = signer_name or signer.signing_cert.subject.native.get("common_name", "")
            signed = pades.sign_pdf(
                input_path.read_bytes(),
                signer,
                level=level,
                tsa_url=tsa_url,
                trust_roots=roots,
                appearance=pades.Appearance(
                    signer_name=name,
                    role_label=ROLE_LABELS[Role(role)],
                    signed_at=clock.now(),
                    location=location,
                ),
            )
    except (SigningKeyError, pades.SigningFailed) as exc:
        raise click.ClickException(exc.message) from None
    except Exception as exc:
        message = getattr(exc, "message", None)
        if message:  # DomainError from the key checks
            raise click.ClickException(message) from None
        raise
    output_path.write_bytes(signed)
    click.echo(f"Semnat ({level}): {output_path}")


# The TEST-ONLY files are the repository's, never package data (a wheel must not carry
# keys): the demo is loaded from a checkout (``make demo``), from its root folder.
DEMO_DIR = Path("signatures") / "test-pki" / "demo"
DEMO_PASSPHRASE = "demo-semnatura-TEST"  # of the public TEST-ONLY demo files, not a secret


@click.command("signing-demo")
@with_appcontext
@click.option("--directorate", default="CJ", show_default=True)
@click.option(
    "--pki-dir",
    default=DEMO_DIR,
    show_default=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Dosarul cu fișierele PKCS#12 de TEST ale demonstrației",
)
def signing_demo_command(directorate, pki_dir):
    """Give a directorate a demo signature profile (B-B, the TEST-ONLY PKCS#12 files of
    the test PKI for ana.popescu and mihai.ionescu); never for production."""
    import json

    from sqlalchemy import select

    from ..db import unit_of_work
    from ..models import Directorate

    secrets_file = Path(current_app.config["SIGNING_SECRETS_FILE"])
    with unit_of_work() as uow:
        target = uow.session.scalar(
            select(Directorate).where(Directorate.code == directorate.upper())
        )
        if target is None:
            raise click.BadParameter(
                f"direcția {directorate} nu există", param_hint="--directorate"
            )
        if (target.settings or {}).get("signature_profile"):
            click.echo("Direcția are deja un profil de semnătură; nu a fost schimbat.")
            return
        keys = {
            f"demo-{label}": {
                "type": "pkcs12",
                "users": [user],
                "path": str(pki_dir.resolve() / f"TEST-ONLY-{label}.p12"),
                "secret": "FS_DEMO_P12",
            }
            for label, user in (("consilier", "ana.popescu"), ("director", "mihai.ionescu"))
        }
        target.settings = {
            **(target.settings or {}),
            "signature_profile": {"level": "B-B", "keys": keys},
        }
        existing = json.loads(secrets_file.read_text()) if secrets_file.is_file() else {}
        secrets_file.parent.mkdir(parents=True, exist_ok=True)
        secrets_file.write_text(json.dumps({**existing, "FS_DEMO_P12": DEMO_PASSPHRASE}))
        secrets_file.chmod(0o600)
        uow.commit()
    click.echo(f"Profil de semnătură demonstrativ (B-B, chei de TEST) pentru {directorate}.")


signatures_cli = AppGroup(
    "signatures",
    help="Semnăturile electronice: listele de încredere ale UE (instantaneul folosit la "
    "validare).",
)


@signatures_cli.command("refresh-trusted-lists")
@click.option(
    "--lotl-url",
    help="Adresa listei listelor de încredere a UE (implicit TRUSTED_LISTS_LOTL_URL)",
)
@click.option(
    "--from",
    "source",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Dosar cu listele ca fișiere (lotl.xml și <TERITORIU>.xml), pentru mașini "
    "fără acces la rețea",
)
def refresh_trusted_lists_command(lotl_url, source):
    """Fetch (or read from files) the EU list of trusted lists and every national list,
    Romania's first, verify their signatures and make them the snapshot validations use;
    a failure keeps the snapshot in use. Run it daily (the lists change often)."""
    config = current_app.config
    url = lotl_url or config["TRUSTED_LISTS_LOTL_URL"]
    try:
        refreshed = trusted_lists.refresh(
            config["TRUSTED_LISTS_DIR"],
            lotl_url=url,
            signers=trusted_lists.lotl_signers(config["TRUSTED_LISTS_LOTL_SIGNERS"]),
            now=clock.now(),
            fetch=None
            if source
            else trusted_lists.http_reader(config["TRUSTED_LISTS_TIMEOUT"]),
            source=source,
        )
    except trusted_lists.TrustedListError as exc:
        raise click.ClickException(
            f"[{Code.TRUSTED_LIST_REFUSED}] {exc.message} Instantaneul în uz nu s-a schimbat."
        ) from None
    lists = refreshed.lists
    click.echo(
        f"Listele de încredere au fost actualizate ({lists.fetched_at}): lista listelor "
        f"{lists.lotl.label}, {len(lists.lists)} liste naționale, "
        f"{len(lists.services)} servicii CA/QC."
    )
    for info in lists.lists:
        click.echo(f"  {info.label}, următoarea actualizare {info.next_update or '—'}")
