"""Domain errors raised by services and selectors, carrying a machine code and a Chinese message.

The API turns them into `{"code": ..., "message": ..., "details": ...}` with the right status;
pages show the message.
"""

from typing import Any


class DomainError(Exception):
    """Base of errors a service or selector raises on purpose."""

    status = 400
    default_code = "invalid"

    def __init__(self, message: str, *, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.details = details

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            body["details"] = self.details
        return body


class InvalidInput(DomainError):
    """The request is malformed or breaks a rule; nothing was written."""

    status = 400
    default_code = "invalid_input"


class NotAuthenticated(DomainError):
    status = 401
    default_code = "not_authenticated"


class Forbidden(DomainError):
    """The user may see the object but not do this to it."""

    status = 403
    default_code = "forbidden"


class NotFound(DomainError):
    """The object does not exist or the user may not see it (the two are not distinguished)."""

    status = 404
    default_code = "not_found"


class Conflict(DomainError):
    """The object changed state in the meantime, or the action is not allowed in its state."""

    status = 409
    default_code = "conflict"


class UnsupportedMediaType(DomainError):
    """The request body is not in a format the endpoint reads."""

    status = 415
    default_code = "unsupported_media_type"
