"""``filing-service sign``: sign a PDF file from the command line (PKCS#12 or PKCS#11)."""
import os
from pathlib import Path

import click
from flask import current_app

from .. import clock
from ..auth.roles import ROLE_LABELS, Role
from . import pades
from .keys import SigningKeyError, open_signer
from .profiles import Level, parse_key
from .trust import load_trust_roots


@click.command("sign")
@click.option("--in", "input_path", required=True, type=click.Path(exists=True,
              dir_okay=False, path_type=Path), help="PDF-ul de semnat")
@click.option("--out", "output_path", required=True, type=click.Path(dir_okay=False,
              path_type=Path), help="Unde se scrie PDF-ul semnat (fișier nou)")
@click.option("--level", type=click.Choice([lv.value for lv in Level]), default="B-LT",
              show_default=True)
@click.option("--tsa-url", help="Autoritatea de marcare temporală (B-T și peste)")
@click.option("--pkcs12", type=click.Path(exists=True, dir_okay=False),
              help="Fișier PKCS#12 (demonstrație, dezvoltare)")
@click.option("--pkcs11-module", help="Modulul PKCS#11 (de ex. libsofthsm2.so)")
@click.option("--token-label")
@click.option("--key-label")
@click.option("--secret-env", default="FS_SIGN_SECRET", show_default=True,
              help="Variabila de mediu cu PIN-ul sau parola (altfel se cere interactiv)")
@click.option("--name", "signer_name", help="Numele afișat (implicit: din certificat)")
@click.option("--role", type=click.Choice([Role.LEGAL_COUNSEL.value, Role.DIRECTOR.value]),
              default=Role.LEGAL_COUNSEL.value, show_default=True)
@click.option("--location", default="România", show_default=True)
def sign_command(input_path, output_path, level, tsa_url, pkcs12, pkcs11_module,
                 token_label, key_label, secret_env, signer_name, role, location):
    """Sign a PDF at a PAdES level, as a new file (the input is never changed)."""
    if output_path.resolve() == input_path.resolve():
        raise click.BadParameter("fișierul semnat trebuie să fie unul nou", param_hint="--out")
    if bool(pkcs12) == bool(pkcs11_module):
        raise click.UsageError("Indicați fie --pkcs12, fie --pkcs11-module (cu --token-label "
                               "și --key-label).")
    spec = {"type": "pkcs12", "path": pkcs12} if pkcs12 else {
        "type": "pkcs11", "module": pkcs11_module, "token_label": token_label,
        "key_label": key_label}
    try:
        key = parse_key("cli", {**spec, "secret": secret_env})
        level = Level(level)
        if level.needs_tsa and not tsa_url:
            raise click.BadParameter(f"nivelul {level} cere --tsa-url", param_hint="--tsa-url")
        roots = load_trust_roots(current_app.config["SIGNATURE_TRUST_DIRS"])

        def secret(spec):
            return os.environ.get(spec.secret) or click.prompt(
                "PIN / parolă", hide_input=True, err=True)

        with open_signer(key, secret) as signer:
            name = signer_name or signer.signing_cert.subject.native.get("common_name", "")
            signed = pades.sign_pdf(
                input_path.read_bytes(), signer, level=level, tsa_url=tsa_url,
                trust_roots=roots, appearance=pades.Appearance(
                    signer_name=name, role_label=ROLE_LABELS[Role(role)],
                    signed_at=clock.now(), location=location))
    except (SigningKeyError, pades.SigningFailed) as exc:
        raise click.ClickException(exc.message) from None
    except Exception as exc:
        message = getattr(exc, "message", None)
        if message:  # DomainError from the key checks
            raise click.ClickException(message) from None
        raise
    output_path.write_bytes(signed)
    click.echo(f"Semnat ({level}): {output_path}")
