"""Request id and client IP of the current request, for audit events and logs."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str = ""
    ip: str | None = None


_EMPTY = RequestContext()
_current: ContextVar[RequestContext | None] = ContextVar("onewindow_request", default=None)


def current() -> RequestContext:
    """The context of the request being served (empty outside a request)."""
    return _current.get() or _EMPTY


def set_current(context: RequestContext):  # type: ignore[no-untyped-def]
    """Set the context; returns a token for `reset`."""
    return _current.set(context)


def reset(token) -> None:  # type: ignore[no-untyped-def]
    _current.reset(token)
