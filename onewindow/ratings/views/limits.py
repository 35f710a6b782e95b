"""A per-address request limit for the public pages (Django's cache), as the cases progress page has."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

from onewindow.common import time
from onewindow.common.middleware import client_ip


def over_limit(request: HttpRequest, scope: str, *, limit: int, seconds: int) -> bool:
    """Count one request of the client's address in the current window of `seconds`; True past `limit`."""
    window = int(time.now().timestamp()) // seconds
    key = f"ratings:{scope}:{client_ip(request) or 'unknown'}:{window}"
    if cache.add(key, 1, timeout=seconds * 2):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds * 2)
        return False
    return count > limit
