"""Middleware: request id and client IP into the request context; security headers."""

import json
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from onewindow.common import request_context

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, trusting X-Forwarded-For only for the configured proxy count."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


class RequestContextMiddleware:
    """Gives each request an id (from X-Request-ID when well-formed) and records its IP."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_context.set_current(request_context.RequestContext(request_id=request_id, ip=client_ip(request)))
        try:
            response = self.get_response(request)
        finally:
            request_context.reset(token)
        response["X-Request-ID"] = request_id
        return response


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy (everything from our own origin; no CDN)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response and not getattr(response, "csp_exempt", False):
            response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class ChineseByDefaultMiddleware:
    """Chinese unless the user chose another language: the browser's Accept-Language is ignored.

    A hall kiosk or a clerk's PC with an English browser must still show the Chinese site; the
    language switch (a cookie set by Django's set_language view) is the only way to English.
    Placed before LocaleMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


API_PREFIX = "/api/"
_NUL_ESCAPE = b"\\u0000"


class RequestSanityMiddleware:
    """Turns away input no page or endpoint can use, before it reaches a database or a parser:

    - a NUL character in the path or a query parameter (PostgreSQL refuses it in text: a 500);
    - on the API, a JSON body over the size limit (413, in the API's error format rather than
      Django's HTML page) or with a NUL inside a string (400).
    Pages get a plain Chinese 400; the API its JSON error with a machine code. It also turns the
    API's bare 404 (no such path) and 405 (method not allowed) into that JSON format.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        is_api = request.path.startswith(API_PREFIX)
        if "\x00" in request.path or any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            return _refuse(is_api, 400, "nul_character", _("请求中含有不允许的空字符。"))
        if is_api and request.method in ("POST", "PUT", "PATCH"):
            refused = _check_api_body(request)
            if refused is not None:
                return refused
        response = self.get_response(request)
        if is_api and response.status_code in (404, 405) and not response.get("Content-Type", "").startswith("application/json"):
            return _api_status(response)
        return response


def _check_api_body(request: HttpRequest) -> HttpResponse | None:
    """A JSON body within the size limit and without NUL characters (other types: see `common.api.JsonBodyParser`)."""
    content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        return None
    try:
        body = request.body
    except RequestDataTooBig:
        return _refuse(True, 413, "request_too_large", _("请求内容过大。"))
    if _NUL_ESCAPE in body or b"\x00" in body:
        try:
            data = json.loads(body)
        except ValueError:
            return None  # malformed JSON: the API answers that itself
        if _has_nul(data):
            return _refuse(True, 400, "nul_character", _("请求中含有不允许的空字符。"))
    return None


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _api_status(response: HttpResponse) -> HttpResponse:
    """The JSON body for a 404 or 405 that no API operation produced (URL resolver, ninja's method check)."""
    if response.status_code == 405:
        allowed = response.get("Allow", "")
        answer = _refuse(True, 405, "method_not_allowed", _("此地址不支持该请求方法。"))
        if allowed:
            answer["Allow"] = allowed
        return answer
    return _refuse(True, 404, "not_found", _("未找到,或无权查看。"))


def _refuse(is_api: bool, status: int, code: str, message: str) -> HttpResponse:
    if is_api:
        return JsonResponse({"code": code, "message": message, "details": {}}, status=status, json_dumps_params={"ensure_ascii": False})
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
