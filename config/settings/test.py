"""Test settings: the base settings with fast hashing, immediate tasks and in-memory files."""

from config.settings.base import *  # noqa: F403
from config.settings.base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default", "documents", "notifications"]}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "onewindow.common.sms.MemorySmsBackend"
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = True

# Case numbers inside the test's transaction, so that each test starts the day's sequence at 1
# (the autonomous form has its own tests).
CASE_NUMBERS_AUTONOMOUS = False

# The demo loads in tests file no cases unless a test asks for them (the cases demo test does).
DEMO_CASES = 0
