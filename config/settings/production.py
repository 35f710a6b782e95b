"""Production settings: the base settings with secure defaults, refusing unsafe values."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env
from config.settings.base import *  # noqa: F403
from config.settings.base import DEBUG, DEMO_SECRET_KEY, SECRET_KEY

IS_PRODUCTION = True
REQUIRE_MFA = env("REQUIRE_MFA", default=True, doc="Require TOTP two-factor authentication for every staff user (on in production).")
SESSION_COOKIE_SECURE = env("SECURE_COOKIES", default=True, doc="Send session and CSRF cookies over HTTPS only.")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

if SECRET_KEY == DEMO_SECRET_KEY or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("Production settings refuse the demo SECRET_KEY: set a random SECRET_KEY of at least 32 characters.")
if DEBUG:
    raise ImproperlyConfigured("Production settings refuse DEBUG=1.")

# nginx redirects HTTP to HTTPS and sends Strict-Transport-Security (docs/deployment.md).
SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008"]
