"""Settings of the embedded default (`make run`); every value can be set from the environment.

Each variable is read through `config.env.env` with a one-line doc and listed in
`docs/configuration.md`.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env("VAR_DIR", default=str(BASE_DIR / "var"), doc="Directory for the SQLite database, uploads and collected static files."))

DEMO_SECRET_KEY = "onewindow-demo-secret-key-do-not-use-in-production"
SECRET_KEY = env("SECRET_KEY", default=DEMO_SECRET_KEY, doc="Django secret key; production refuses the demo default.")
IS_PRODUCTION = False  # True only in config.settings.production (demo loaders refuse to run there)
DEBUG = env("DEBUG", default=False, doc="Django debug mode; never on in production.")
ALLOWED_HOSTS = env(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"], doc="Comma-separated host names the server answers to."
)
CSRF_TRUSTED_ORIGINS = env(
    "CSRF_TRUSTED_ORIGINS", default=[], doc="Comma-separated origins (scheme://host) trusted for CSRF behind a proxy."
)
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000", doc="Public base URL, used in QR codes, links in messages and documents.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "onewindow.common",
    "onewindow.orgs",
    "onewindow.accounts",
    "onewindow.audit",
    "onewindow.workdays",
    "onewindow.deadlines",
    "onewindow.licenses",
    "onewindow.catalog",
    "onewindow.notifications",
    "onewindow.cases",
    "onewindow.supervision",
    "onewindow.ratings",
    "onewindow.portal",
    "onewindow.workbench",
    "onewindow.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "onewindow.common.middleware.RequestContextMiddleware",
    "onewindow.common.middleware.SecurityHeadersMiddleware",
    "onewindow.common.middleware.RequestSanityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "onewindow.common.middleware.ChineseByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "onewindow.accounts.middleware.MfaRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "onewindow.common.context_processors.site",
            ],
        },
    },
]

# Database -----------------------------------------------------------------------------------
DATABASE_URL = env(
    "DATABASE_URL",
    default=f"sqlite:///{VAR_DIR / 'onewindow.sqlite3'}",
    doc="Database URL: sqlite:///path (default, WAL mode) or postgres://user@host:port/name.",
)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env("DATABASE_CONN_MAX_AGE", default=60, doc="Seconds a PostgreSQL connection is kept open between requests."),
    )
}
CASE_NUMBERS_AUTONOMOUS = env(
    "CASE_NUMBERS_AUTONOMOUS",
    default=True,
    doc="PostgreSQL: take each case number in a transaction of its own, so a county's submissions do not queue on its number row until each commits (a failed filing leaves a gap in the day's sequence). Off: gapless, one filing of a county at a time.",
)
SQLITE_SYNCHRONOUS = env(
    "SQLITE_SYNCHRONOUS",
    default="FULL",
    doc="SQLite's synchronous mode: FULL (an acknowledged write survives a power loss) or NORMAL (faster; survives a crash of the server only).",
).upper()
if SQLITE_SYNCHRONOUS not in ("FULL", "NORMAL"):
    raise ImproperlyConfigured("SQLITE_SYNCHRONOUS must be FULL or NORMAL")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE makes a writing transaction take the lock at BEGIN, so two writers queue
        # instead of failing on lock upgrade; WAL lets readers run beside the writer.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": f"PRAGMA journal_mode=WAL; PRAGMA synchronous={SQLITE_SYNCHRONOUS}; PRAGMA foreign_keys=ON;",
    }
else:
    DATABASES["default"].setdefault("TEST", {})
    DATABASES["default"]["TEST"]["TEMPLATE"] = env(
        "DATABASE_TEST_TEMPLATE",
        default="template0",
        doc="PostgreSQL template the test database is created from (must have a UTF-8 LC_CTYPE).",
    )
    DATABASES["default"]["TEST"]["CHARSET"] = "UTF8"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts and security ---------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "portal:home"
REQUIRE_MFA = env("REQUIRE_MFA", default=False, doc="Require TOTP two-factor authentication for every staff user (on in production).")
OTP_TOTP_ISSUER = "OneWindow 一窗通办"

AXES_FAILURE_LIMIT = env("LOGIN_FAILURE_LIMIT", default=5, doc="Failed logins allowed per user and IP before the account is locked out.")
AXES_COOLOFF_TIME = env("LOGIN_COOLOFF_MINUTES", default=15, doc="Minutes a locked-out login stays locked.") / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env("PROXY_COUNT", default=0, doc="Number of reverse proxies in front of the server (for client IPs).")
# The API's rate limits (django-ninja throttles) key on the same client address: without this,
# ninja keys on the whole X-Forwarded-For header, which any client can vary to escape the limit.
NINJA_NUM_PROXIES = AXES_IPWARE_PROXY_COUNT

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env("SESSION_MINUTES", default=480, doc="Minutes a staff session lasts.") * 60
SESSION_COOKIE_SECURE = env("SECURE_COOKIES", default=False, doc="Send session and CSRF cookies over HTTPS only.")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"
)
DATA_UPLOAD_MAX_MEMORY_SIZE = env("MAX_REQUEST_MB", default=20, doc="Largest request body accepted, in MB.") * 1024 * 1024
CASE_UPLOAD_MAX_BYTES = env("CASE_UPLOAD_MAX_MB", default=10, doc="Largest file accepted as one material of a case, in MB.") * 1024 * 1024
CASE_CORRECTION_DAYS = env(
    "CASE_CORRECTION_DAYS", default=15, doc="Working days an applicant is given to supply what a correction notice lists."
)
SUPERVISION_ORDER_REPLY_DAYS = env(
    "SUPERVISION_ORDER_REPLY_DAYS", default=3, doc="Working days a department has to answer a supervision order (督办)."
)
RATING_RECTIFICATION_DAYS = env(
    "RATING_RECTIFICATION_DAYS", default=15, doc="Working days a department has to rectify a bad review and answer the rater (差评整改)."
)
COMPLAINT_REPLY_DAYS = env("COMPLAINT_REPLY_DAYS", default=5, doc="Working days an assigned department has to answer a complaint (投诉).")

# Internationalization -------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Static files and storage -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# `assets/vendor`: front-end libraries `make setup` takes from the npm registry (see package.json).
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor", BASE_DIR / "assets" / "vendor")]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGE_BACKEND = env("STORAGE_BACKEND", default="local", doc="Where uploaded and generated files go: local (MEDIA_ROOT) or s3.")
_default_storage: dict = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if STORAGE_BACKEND == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET", default="onewindow", doc="S3 bucket for files (with STORAGE_BACKEND=s3)."),
            "endpoint_url": env("S3_ENDPOINT_URL", default="", doc="S3-compatible endpoint, e.g. a MinIO or Ceph gateway on the intranet.")
            or None,
            "access_key": env("S3_ACCESS_KEY", default="", doc="S3 access key id."),
            "secret_key": env("S3_SECRET_KEY", default="", doc="S3 secret access key."),
            "default_acl": None,
            "querystring_auth": True,
        },
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Tasks, mail, SMS --------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "documents", "notifications"]}}
EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend", doc="Django e-mail backend (console by default)."
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost", doc="SMTP host when EMAIL_BACKEND is the SMTP backend.")
EMAIL_PORT = env("EMAIL_PORT", default=25, doc="SMTP port.")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="onewindow@localhost", doc="Sender address of e-mails.")
ITEM_BASIC_CODE_PATTERN = env(
    "ITEM_BASIC_CODE_PATTERN",
    default=r"^\d{8,12}$",
    doc="Regular expression a service item's basic code (基本编码) must match; provinces differ.",
)
ITEM_IMPLEMENTATION_CODE_PATTERN = env(
    "ITEM_IMPLEMENTATION_CODE_PATTERN",
    default=r"^[0-9A-Z]{8,40}$",
    doc="Regular expression a service item's implementation code (实施编码) must match.",
)
SMS_BACKEND = env(
    "SMS_BACKEND", default="onewindow.common.sms.ConsoleSmsBackend", doc="Dotted path of the SMS gateway class (console by default)."
)

# Demo --------------------------------------------------------------------------------------
DEMO_CASES = env("DEMO_CASES", default=300, doc="Number of demo cases load_demo files (0: none).")
DEMO_PASSWORD = env("DEMO_PASSWORD", default="onewindow-demo", doc="Password of the demo accounts created by load_demo.")

# Logging -----------------------------------------------------------------------------------
LOG_LEVEL = env("LOG_LEVEL", default="INFO", doc="Log level of the onewindow loggers.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"onewindow": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False}},
}
