"""The department's seal (印章) drawn as SVG: a red ring, the full name along the upper arc, a
five-pointed star, the purpose text across and a seal code along the lower arc.

The drawing is a pure function of the name, so every document of a department carries the same
seal. It marks the document as issued by the platform; authenticity is proved by the QR code and
the verification page, not by the picture.
"""

from __future__ import annotations

import base64
import hashlib
import math
from xml.sax.saxutils import escape

RED = "#d40f1b"
SIZE = 200
CENTER = SIZE / 2
RING_RADIUS = 94
RING_WIDTH = 5
FONT = "'Noto Serif CJK SC','Noto Sans CJK SC',serif"
PURPOSE = "政务服务专用章"


def seal_code(name: str) -> str:
    """The 13-digit code along the lower arc, like the filing number cut into a real seal."""
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
    return f"{int(digest, 16) % 10**13:013d}"


def seal_svg(name: str, purpose: str = PURPOSE) -> str:
    """The seal of `name` as a standalone SVG document."""
    parts = [
        f'<circle cx="{CENTER}" cy="{CENTER}" r="{RING_RADIUS}" fill="none" stroke="{RED}" stroke-width="{RING_WIDTH}"/>',
        *_upper_arc(name),
        _star(CENTER, CENTER + 2, 27),
        _text(CENTER, 150, purpose, 15, weight="bold"),
        *_lower_arc(seal_code(name)),
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">' + "".join(parts) + "</svg>"
    )


def seal_data_uri(name: str, purpose: str = PURPOSE) -> str:
    """The seal as a `data:` URI for an <img>."""
    encoded = base64.b64encode(seal_svg(name, purpose).encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def _upper_arc(name: str) -> list[str]:
    """The name clockwise along the top, each character upright towards the rim."""
    chars = list(name.strip()) or ["　"]
    span = min(250.0, 24.0 * len(chars) + 20.0)  # degrees; short names stay near the top
    step = span / len(chars)
    font = min(26.0, 0.92 * math.radians(step) * 70)
    baseline = RING_RADIUS - RING_WIDTH - 4 - 0.88 * font
    return [
        _text(CENTER, CENTER - baseline, char, font, weight="bold", rotate=-span / 2 + step * (index + 0.5))
        for index, char in enumerate(chars)
    ]


def _lower_arc(code: str) -> list[str]:
    """The seal code left to right along the bottom, characters upright."""
    span = 70.0
    step = span / len(code)
    radius = RING_RADIUS - RING_WIDTH - 4
    return [_text(CENTER, CENTER + radius, char, 8, rotate=span / 2 - step * (index + 0.5)) for index, char in enumerate(code)]


def _star(cx: float, cy: float, radius: float) -> str:
    inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for index in range(10):
        angle = math.radians(-90 + 36 * index)
        r = radius if index % 2 == 0 else inner
        points.append(f"{cx + r * math.cos(angle):.2f},{cy + r * math.sin(angle):.2f}")
    return f'<polygon points="{" ".join(points)}" fill="{RED}"/>'


def _text(x: float, y: float, text: str, size: float, *, weight: str = "normal", rotate: float = 0.0) -> str:
    transform = f' transform="rotate({rotate:.2f} {CENTER} {CENTER})"' if rotate else ""
    return (
        f'<text x="{x:.2f}" y="{y:.2f}" text-anchor="middle" font-family="{FONT}" font-size="{size:.2f}" '
        f'font-weight="{weight}" fill="{RED}"{transform}>{escape(text)}</text>'
    )
