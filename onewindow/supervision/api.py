"""The supervision API."""

from ninja import Router

router = Router(tags=["电子监察"])
