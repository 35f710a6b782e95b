"""Configuration: `config.env.env` casts and rejects values, and docs/configuration.md lists every variable.

The settings register each variable they read in `config.env.REGISTRY`. Some variables are read only
on one branch (the S3 ones with STORAGE_BACKEND=s3, the test template with PostgreSQL), and the
production settings refuse the demo key, so the registry is collected in a subprocess whose
environment takes every branch; the settings' source is also scanned for `env("...")` calls so a
variable on a branch the subprocess missed is still caught.
"""

import ast
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from config import env as config_env
from config.env import ConfigurationError, env

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "configuration.md"
SETTINGS_DIR = ROOT / "config" / "settings"

# Every branch of the settings: PostgreSQL (test template), S3 storage, production (proper key).
_COLLECT_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(48),
    "DATABASE_URL": "postgres://onewindow@db.invalid:5432/onewindow",
    "STORAGE_BACKEND": "s3",
}
_COLLECT_SCRIPT = """
import json
import config.settings.base
from config.env import REGISTRY
base = {name: var.doc for name, var in REGISTRY.items()}
import config.settings.production
import config.settings.test
print(json.dumps({"base": base, "all": {name: var.doc for name, var in REGISTRY.items()}}))
"""

# The process environment is read here and nowhere else (wsgi.py and manage.py only choose the
# settings module).
_ENVIRONMENT_READERS_ALLOWED = {ROOT / "config" / "env.py", ROOT / "config" / "wsgi.py", ROOT / "manage.py"}


def _clean_environ(**extra: str) -> dict[str, str]:
    """The current environment without the variables the tests set and Django's own, plus `extra`."""
    names = set(_COLLECT_ENV) | {"DEBUG", "REQUIRE_MFA", "SECURE_COOKIES"}
    environ = {key: value for key, value in os.environ.items() if key not in names and not key.startswith("DJANGO_")}
    return {**environ, **extra}


@pytest.fixture(scope="module")
def registry() -> dict[str, dict[str, str]]:
    """`{"base": {name: doc}, "all": {name: doc}}` as registered by importing the settings."""
    result = subprocess.run(
        [sys.executable, "-c", _COLLECT_SCRIPT],
        cwd=ROOT,
        env=_clean_environ(**_COLLECT_ENV),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _doc_table() -> dict[str, list[str]]:
    """The rows of the variables table in docs/configuration.md, by variable name."""
    rows: dict[str, list[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        name = cells[0].strip("`")
        if re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            assert name not in rows, f"{name} is listed twice in docs/configuration.md"
            rows[name] = cells
    return rows


def _names_in_source() -> set[str]:
    """Every `env("NAME", ...)` call in the settings modules."""
    names = set()
    for path in SETTINGS_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "env":
                assert node.args and isinstance(node.args[0], ast.Constant), f"{path.name}: env() needs a literal name"
                names.add(node.args[0].value)
    return names


def _reads_environment(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb", "getenvb"):
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                return True
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            if {alias.name for alias in node.names} & {"environ", "getenv", "environb", "getenvb"}:
                return True
    return False


# -- the documentation keeps step with the settings -----------------------------------------


def test_every_registered_variable_is_documented(registry):
    missing = sorted(set(registry["all"]) - set(_doc_table()))
    assert not missing, f"add these to the table in docs/configuration.md: {missing}"


def test_every_documented_variable_is_registered(registry):
    unknown = sorted(set(_doc_table()) - set(registry["all"]))
    assert not unknown, f"docs/configuration.md lists variables no settings module reads: {unknown}"


def test_every_env_call_in_the_settings_is_registered(registry):
    assert _names_in_source() == set(registry["all"])


def test_documented_description_is_the_registered_doc(registry):
    table = _doc_table()
    differing = sorted(name for name, doc in registry["all"].items() if name in table and table[name][2] != doc)
    assert not differing, f"the description in docs/configuration.md differs from the env() doc of {differing}"


def test_documented_row_names_the_settings_that_read_it(registry):
    for name, cells in _doc_table().items():
        assert len(cells) == 4, f"{name}: a row has name, default, description, settings"
        assert cells[3], f"{name}: say which settings read it"


def test_production_registers_no_variable_base_lacks(registry):
    """Nothing exists only in production (STYLE.md 8): production only changes defaults."""
    assert set(registry["all"]) == set(registry["base"])


def test_only_config_env_reads_the_process_environment():
    offenders = []
    for folder in ("config", "onewindow"):
        for path in (ROOT / folder).rglob("*.py"):
            if path in _ENVIRONMENT_READERS_ALLOWED or "tests" in path.relative_to(ROOT).parts:
                continue
            if _reads_environment(ast.parse(path.read_text(encoding="utf-8"))):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"read settings through config.env.env, not os.environ: {offenders}"


def test_the_settings_modules_import():
    import config.settings.base
    import config.settings.test

    assert config.settings.base.IS_PRODUCTION is False
    assert config.settings.test.TIME_ZONE == "Asia/Shanghai"


# -- env() casting ---------------------------------------------------------------------------


@pytest.fixture
def registry_sandbox(monkeypatch):
    """A fresh REGISTRY, so these tests leave the settings' registry as it was."""
    sandbox: dict = {}
    monkeypatch.setattr(config_env, "REGISTRY", sandbox)
    return sandbox


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("0", False),
        ("true", True),
        ("false", False),
        ("yes", True),
        ("no", False),
        ("on", True),
        ("off", False),
        ("TRUE", True),
        (" Off ", False),
        ("", False),
    ],
)
def test_bool_values(monkeypatch, registry_sandbox, raw, expected):
    monkeypatch.setenv("OW_TEST_FLAG", raw)
    assert env("OW_TEST_FLAG", default=not expected, doc="A flag.") is expected


@pytest.mark.parametrize("raw", ["2", "maybe", "enabled", "y"])
def test_bad_bool_raises_naming_the_variable(monkeypatch, registry_sandbox, raw):
    monkeypatch.setenv("OW_TEST_FLAG", raw)
    with pytest.raises(ConfigurationError, match=r"^OW_TEST_FLAG must be a boolean") as caught:
        env("OW_TEST_FLAG", default=False, doc="A flag.")
    assert repr(raw) in str(caught.value)


def test_int_value(monkeypatch, registry_sandbox):
    monkeypatch.setenv("OW_TEST_NUMBER", "42")
    assert env("OW_TEST_NUMBER", default=7, doc="A number.") == 42
    monkeypatch.setenv("OW_TEST_NUMBER", "-3")
    assert env("OW_TEST_NUMBER", default=7, doc="A number.") == -3


@pytest.mark.parametrize("raw", ["forty", "4.5", "", "20MB"])
def test_bad_int_raises_naming_the_variable(monkeypatch, registry_sandbox, raw):
    monkeypatch.setenv("OW_TEST_NUMBER", raw)
    with pytest.raises(ConfigurationError, match=r"^OW_TEST_NUMBER must be an integer"):
        env("OW_TEST_NUMBER", default=7, doc="A number.")


def test_configuration_error_is_a_value_error():
    assert issubclass(ConfigurationError, ValueError)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a.example", ["a.example"]),
        ("a.example,b.example", ["a.example", "b.example"]),
        (" a.example , b.example ,, c.example, ", ["a.example", "b.example", "c.example"]),
        ("", []),
        (" , ", []),
    ],
)
def test_list_values(monkeypatch, registry_sandbox, raw, expected):
    monkeypatch.setenv("OW_TEST_HOSTS", raw)
    assert env("OW_TEST_HOSTS", default=["localhost"], doc="Hosts.") == expected


def test_string_value_is_kept_as_given(monkeypatch, registry_sandbox):
    monkeypatch.setenv("OW_TEST_URL", "postgres://user@db:5432/onewindow")
    assert env("OW_TEST_URL", default="sqlite:///x", doc="A URL.") == "postgres://user@db:5432/onewindow"


@pytest.mark.parametrize("default", [True, False, 20, ["localhost"], "local"])
def test_unset_variable_gives_the_default(monkeypatch, registry_sandbox, default):
    monkeypatch.delenv("OW_TEST_UNSET", raising=False)
    assert env("OW_TEST_UNSET", default=default, doc="Unset.") == default


def test_env_records_name_default_and_doc(monkeypatch, registry_sandbox):
    monkeypatch.setenv("OW_TEST_NUMBER", "9")
    env("OW_TEST_NUMBER", default=7, doc="A number.")
    variable = registry_sandbox["OW_TEST_NUMBER"]
    assert (variable.name, variable.default, variable.doc) == ("OW_TEST_NUMBER", 7, "A number.")


def test_bad_value_in_a_real_setting_stops_the_settings_import():
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings.base"],
        cwd=ROOT,
        env=_clean_environ(DATABASE_URL="sqlite:///:memory:", MAX_REQUEST_MB="twenty"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ConfigurationError: MAX_REQUEST_MB must be an integer, not 'twenty'" in result.stderr
