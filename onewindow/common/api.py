"""The API's shared pieces: the error format, the handlers that produce it, page schemas."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from onewindow.common.errors import DomainError, UnsupportedMediaType


class ErrorOut(Schema):
    """Every API error: a machine code, a Chinese message, optional details."""

    code: str
    message: str
    details: Any | None = None


def _error(api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str, details: Any = None) -> HttpResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return api.create_response(request, body, status=status)


def _validation_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    details = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload")]
        details.append({"field": ".".join(location), "message": error.get("msg", "")})
    return details


class JsonBodyParser(Parser):
    """Reads a body schema only from a JSON request: a body sent as text, a form or XML is refused with
    415 rather than parsed as JSON whatever its type (endpoints taking files read multipart themselves)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if request.body and content_type != "application/json":
            raise UnsupportedMediaType(_("请求内容须为 JSON(Content-Type: application/json)。"))
        return super().parse_body(request)


class OneWindowAPI(NinjaAPI):
    """The NinjaAPI whose OpenAPI schema is built once per process: it is public, and building it
    walks every operation (about a second of CPU), which must not be something anyone can ask for."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None) -> Any:
        key = path_prefix if path_prefix is not None else self.get_root_path(path_params or {})
        cache = self.__dict__.setdefault("_schemas", {})
        if key not in cache:
            cache[key] = super().get_openapi_schema(path_prefix=key)
        return cache[key]


def install_error_handlers(api: NinjaAPI) -> None:
    """Make every error answer in the one JSON format."""

    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return _error(api, request, exc.status, exc.code, exc.message, exc.details)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return _error(api, request, 400, "invalid_input", _("请求参数不正确。"), _validation_details(exc.errors))

    @api.exception_handler(ValidationError)
    def django_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return _error(api, request, 400, "invalid_input", "; ".join(exc.messages), details)

    @api.exception_handler(AuthenticationError)
    def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _error(api, request, 401, "not_authenticated", _("需要登录或有效的访问令牌。"))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _error(api, request, 404, "not_found", _("未找到,或无权查看。"))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return _error(api, request, exc.status_code, "http_error", str(exc))
