"""The API's shared pieces: the error format, the handlers that produce it, page schemas."""

from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from onewindow.common.codes import MAX_ID
from onewindow.common.errors import DomainError, UnsupportedMediaType

# A database id in a query, body or path: positive and within 64 bits, so that a huge number is a
# 400 with its field rather than an overflow inside the database driver.
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class ErrorOut(Schema):
    """Every API error: a machine code, a Chinese message, optional details."""

    code: str
    message: str
    details: Any | None = None


class DepartmentRefOut(Schema):
    """A department named in another object (the one schema of that name in the API)."""

    id: int
    name: str


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
            cache[key] = declare_common_errors(super().get_openapi_schema(path_prefix=key))
        return cache[key]


# The errors any operation may answer without naming them: bad parameters, no or a bad token, an
# object not found (or not visible), a body too large or not JSON, too many requests.
COMMON_ERRORS = {
    "400": "请求参数不正确(invalid_input 等)",
    "401": "需要登录或有效的访问令牌",
    "404": "未找到,或无权查看",
    "413": "请求内容过大",
    "415": "请求内容须为 JSON",
    "429": "请求过于频繁",
}
_OPERATIONS = ("get", "post", "put", "patch", "delete")


def declare_common_errors(schema: Any) -> Any:
    """Declare the common errors, in the error format, on every operation that does not already."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ErrorOut", ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}"))
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in _OPERATIONS:
                continue
            responses = operation.setdefault("responses", {})
            for status, description in COMMON_ERRORS.items():
                # django-ninja keys responses by int: one key per status, whichever type it has.
                if status not in responses and int(status) not in responses:
                    responses[int(status)] = {"description": description, "content": error}
    return schema


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
        # Ninja wraps whatever the body parser raised into an English 400 "Cannot parse request body".
        cause = exc.__cause__
        if isinstance(cause, DomainError):
            return domain_error(request, cause)
        if cause is not None and exc.status_code == 400:
            return _error(api, request, 400, "invalid_json", _("请求内容不是有效的 JSON。"))
        return _error(api, request, exc.status_code, "http_error", str(exc))
