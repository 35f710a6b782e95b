"""The one typed reader of environment variables.

Every setting that comes from the environment is read here through `env()`, which records
the variable's one-line doc; `docs/configuration.md` lists them all and a test keeps the two
in step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TypeVar, cast

T = TypeVar("T", str, bool, int, list)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class Variable:
    """A documented environment variable."""

    name: str
    default: object
    doc: str


REGISTRY: dict[str, Variable] = {}


class ConfigurationError(ValueError):
    """An environment variable holds a value that cannot be used."""


def env(name: str, *, default: T, doc: str) -> T:
    """Read `name` from the environment, cast to the type of `default`."""
    REGISTRY[name] = Variable(name=name, default=default, doc=doc)
    raw = os.environ.get(name)
    if raw is None:
        return default
    return cast(T, _cast(name, raw, default))


def _cast(name: str, raw: str, default: object) -> object:
    if isinstance(default, bool):
        value = raw.strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise ConfigurationError(f"{name} must be a boolean (1/0, true/false), not {raw!r}")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigurationError(f"{name} must be an integer, not {raw!r}") from None
    if isinstance(default, list):
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw
