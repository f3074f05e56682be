"""Passwords are hashed with argon2id and verified without raising."""

from filing_service.auth.passwords import hash_password, needs_rehash, verify_password


def test_a_password_is_hashed_with_argon2id_and_verified():
    hashed = hash_password("Parolă-lungă-2026")
    assert hashed.startswith("$argon2id$")
    assert "Parolă" not in hashed
    assert verify_password(hashed, "Parolă-lungă-2026")
    assert not needs_rehash(hashed)


def test_a_wrong_password_or_a_broken_hash_is_just_false():
    hashed = hash_password("corect")
    assert verify_password(hashed, "greșit") is False
    assert verify_password("not-a-hash", "corect") is False
