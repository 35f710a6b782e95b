"""The production settings refuse to start with the demo secret key, a short key or DEBUG on.

Each case imports `config.settings.production` in a fresh interpreter, since the refusal happens
at import time.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROPER_KEY = secrets.token_urlsafe(48)
DEMO_KEY = "onewindow-demo-secret-key-do-not-use-in-production"
KEY_REFUSED = "Production settings refuse the demo SECRET_KEY: set a random SECRET_KEY of at least 32 characters."
DEBUG_REFUSED = "Production settings refuse DEBUG=1."
_PRINT_SETTINGS = (
    "import config.settings.production as s; print(s.IS_PRODUCTION, s.REQUIRE_MFA, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)"
)


def _environ(**values: str) -> dict[str, str]:
    """The current environment without the variables under test and Django's own (another test may
    have set DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rejects), plus `values`."""
    removed = {"SECRET_KEY", "DEBUG", "REQUIRE_MFA", "SECURE_COOKIES", "STORAGE_BACKEND"}
    environ = {key: value for key, value in os.environ.items() if key not in removed and not key.startswith("DJANGO_")}
    return {**environ, "DATABASE_URL": "sqlite:///:memory:", **values}


def _run(*args: str, **values: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=_environ(**values), capture_output=True, text=True, timeout=180)


def _import_production(**values: str) -> subprocess.CompletedProcess[str]:
    return _run("-c", _PRINT_SETTINGS, **values)


def _assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode != 0
    assert f"django.core.exceptions.ImproperlyConfigured: {message}" in result.stderr
    assert result.stdout == ""


def test_the_demo_key_in_the_base_settings_is_the_one_production_refuses():
    from config.settings import base

    assert base.DEMO_SECRET_KEY == DEMO_KEY


def test_refuses_to_start_without_secret_key():
    _assert_refused(_import_production(), KEY_REFUSED)


def test_refuses_the_demo_secret_key():
    _assert_refused(_import_production(SECRET_KEY=DEMO_KEY), KEY_REFUSED)


@pytest.mark.parametrize("key", ["too-short", "x" * 31])
def test_refuses_a_short_secret_key(key):
    _assert_refused(_import_production(SECRET_KEY=key), KEY_REFUSED)


@pytest.mark.parametrize("value", ["1", "true", "on"])
def test_refuses_debug(value):
    _assert_refused(_import_production(SECRET_KEY=PROPER_KEY, DEBUG=value), DEBUG_REFUSED)


def test_refuses_an_unreadable_debug_value():
    result = _import_production(SECRET_KEY=PROPER_KEY, DEBUG="maybe")
    assert result.returncode != 0
    assert "ConfigurationError: DEBUG must be a boolean" in result.stderr


def test_starts_with_a_proper_key_and_secure_defaults():
    result = _import_production(SECRET_KEY=PROPER_KEY)
    assert result.returncode == 0, result.stderr
    is_production, require_mfa, session_secure, csrf_secure, debug = result.stdout.split()
    assert is_production == "True"
    assert require_mfa == "True"
    assert (session_secure, csrf_secure) == ("True", "True")
    assert debug == "False"


def test_accepts_a_key_of_exactly_32_characters():
    assert _import_production(SECRET_KEY="k" * 32).returncode == 0


def test_debug_off_is_accepted():
    assert _import_production(SECRET_KEY=PROPER_KEY, DEBUG="0").returncode == 0


def test_mfa_and_secure_cookies_can_be_turned_off_explicitly():
    result = _import_production(SECRET_KEY=PROPER_KEY, REQUIRE_MFA="0", SECURE_COOKIES="0")
    assert result.returncode == 0, result.stderr
    _, require_mfa, session_secure, csrf_secure, _ = result.stdout.split()
    assert (require_mfa, session_secure, csrf_secure) == ("False", "False", "False")


def test_base_settings_leave_mfa_off_for_the_embedded_default():
    result = _run("-c", "import config.settings.base as s; print(s.REQUIRE_MFA, s.IS_PRODUCTION)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_deploy_check_passes_with_a_proper_key():
    command = ("manage.py", "check", "--deploy", "--fail-level", "ERROR")
    result = _run(*command, SECRET_KEY=PROPER_KEY, DJANGO_SETTINGS_MODULE="config.settings.production")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ERRORS:" not in result.stderr
