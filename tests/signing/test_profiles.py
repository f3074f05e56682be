"""A directorate's signature profile: the level, the TSA, the keys; never a secret."""

import pytest

from filing_service.law.errors import DomainError
from filing_service.signing.profiles import Level, parse_profile

P12 = {"type": "pkcs12", "path": "/etc/filing/ana.p12", "secret": "FS_P12_ANA"}


def test_the_level_defaults_to_b_lt_when_a_tsa_is_configured():
    assert parse_profile({"tsa_url": "http://tsa.test/", "keys": {}}).level is Level.B_LT


def test_the_level_defaults_to_b_b_without_a_tsa():
    assert parse_profile({"keys": {"k": P12}}).level is Level.B_B


def test_a_time_stamped_level_without_a_tsa_is_refused():
    with pytest.raises(DomainError) as raised:
        parse_profile({"level": "B-T"})
    assert raised.value.field == "tsa_url"


def test_an_unknown_level_names_the_accepted_ones():
    with pytest.raises(DomainError, match="B-LTA"):
        parse_profile({"level": "B-X"})


@pytest.mark.parametrize("word", ["pin", "PIN", "passphrase", "password", "parola"])
def test_a_secret_in_the_profile_is_refused_without_repeating_it(word):
    with pytest.raises(DomainError) as raised:
        parse_profile({"keys": {"k": {**P12, word: "s3cr3t-777"}}})
    assert raised.value.field == "keys.k"
    assert "s3cr3t-777" not in raised.value.message


def test_a_pkcs11_key_needs_module_token_and_key_labels():
    with pytest.raises(DomainError) as raised:
        parse_profile(
            {
                "keys": {
                    "k": {
                        "type": "pkcs11",
                        "secret": "PIN",
                        "module": "/usr/lib/softhsm/libsofthsm2.so",
                        "token_label": "T",
                    }
                }
            }
        )
    assert raised.value.field == "keys.k.key_label"


def test_the_recorded_part_of_a_key_holds_no_secret_name_or_value():
    key = parse_profile({"keys": {"k": P12}}).keys["k"]
    assert key.public() == {"name": "k", "type": "pkcs12", "path": "/etc/filing/ana.p12"}


def test_a_missing_profile_is_a_clear_error():
    with pytest.raises(DomainError, match="profil de semnătură"):
        parse_profile(None)
