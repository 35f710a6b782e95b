"""API token format and hashing: `ow_<prefix>_<secret>`; only SHA-256 of the whole is stored."""

import hashlib
import secrets

TOKEN_PREFIX = "ow"


def new_token() -> tuple[str, str, str]:
    """A fresh token: (plain token shown once, its prefix, its hash)."""
    prefix = secrets.token_hex(4)
    plain = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    return plain, prefix, hash_token(plain)


def hash_token(plain: str) -> str:
    return hashlib.sha256(plain.encode()).hexdigest()
