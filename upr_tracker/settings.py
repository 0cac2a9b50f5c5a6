"""Settings for UPR Tracker, read from the environment.

With no configuration at all the tracker runs locally on SQLite in the project
folder with DEBUG on, so a newcomer sees it work in one command. Production sets
at least SECRET_KEY, DEBUG=false, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .scaling import cache_settings, postgresql_options, replica_databases

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)

# A fixed key would let anyone forge sessions; a local run gets one generated
# into the (git-ignored) project folder so logins survive restarts.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    _key_file = BASE_DIR / ".secret_key"
    if not _key_file.exists():
        from django.core.management.utils import get_random_secret_key

        _key_file.write_text(get_random_secret_key())
    SECRET_KEY = _key_file.read_text().strip()

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "axes",
    "web",
    "recommendations",
    "missions",
    "workspace",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "recommendations.caching.FiguresVersionOncePerRequest",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "upr_tracker.urls"
WSGI_APPLICATION = "upr_tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
    )
}
# PostgreSQL without JIT compilation (it costs more than the tracker's queries take).
if not envbool("DATABASE_JIT", False):
    DATABASES["default"]["OPTIONS"] = postgresql_options(DATABASES["default"])
# Read replicas for the pages of figures, and the router that sends their reads there.
DATABASES.update(
    replica_databases(
        os.environ.get("DATABASE_REPLICA_URLS", ""),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        jit=envbool("DATABASE_JIT", False),
    )
)
DATABASE_ROUTERS = ["web.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every app server: the database's own table by default (see upr_tracker.scaling).
CACHES = cache_settings(os.environ.get("CACHE_URL", ""))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workspace:landing"
LOGOUT_REDIRECT_URL = "dashboard"

# Brute force: django-axes counts failed logins in the database (shared by every
# app server) and locks a username at one address out after a few failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "workspace/locked_out.html"
# Lockouts are still logged; only the start-up banner on every command goes.
AXES_VERBOSE = False

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Uploaded evidence lives outside the static tree and is served by views that
# check who may read it, never by the web server directly.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "uploads"))
MEDIA_URL = "/evidence/"
# Locally (and under the test runner, which turns DEBUG off) whitenoise serves the
# files straight from the apps and static/; production serves collectstatic's copies.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "upr-tracker@localhost")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The tracker's own settings.
# Anonymous visitors may read validated figures only where a deployment says so.
UPR_PUBLIC_DASHBOARD = envbool("UPR_PUBLIC_DASHBOARD", False)
# A supported recommendation with no validated progress for this long is overdue.
UPR_OVERDUE_MONTHS = envint("UPR_OVERDUE_MONTHS", 12)
# Evidence uploads: the largest file accepted and the kinds (by extension; the
# known ones are also recognised by their content).
UPR_UPLOAD_MAX_BYTES = envint("UPR_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
UPR_UPLOAD_ALLOWED_TYPES = envlist(
    "UPR_UPLOAD_ALLOWED_TYPES",
    [
        *["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx"],
        *["png", "jpg", "jpeg", "gif", "webp"],
    ],
)
# The address people reach the tracker at, for the links in reminder e-mails.
UPR_SITE_URL = os.environ.get("UPR_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Where `load_demo` remembers the passwords it generated, so `make run` can print them.
UPR_DEMO_PASSWORD_FILE = Path(
    os.environ.get("UPR_DEMO_PASSWORD_FILE", BASE_DIR / ".demo_passwords")
)

# ---------------------------------------------------------------------------
# The REST API (/api/v1/, issue 4): Django REST framework, django-filter,
# drf-spectacular with its sidecar (the docs' assets served by the app itself).
INSTALLED_APPS += [
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api_tokens",
]
REST_FRAMEWORK = {
    # The token first: an unauthenticated request is then answered 401 with
    # "WWW-Authenticate: Token", not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "web.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["web.api.permissions.MayReadOrWrite"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["web.api.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "web.api.pagination.PageNumberPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "web.api.exceptions.handle_exception",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "UPR Tracker API",
    "DESCRIPTION": (
        "Recommendations of the UN human-rights mechanisms, what is done about them, "
        "and the share implemented. Authenticate with `Authorization: Token <token>` "
        "(tokens: `manage.py create_api_token USERNAME`) or the site's session. Lists "
        "are paginated (`page`, `page_size` 1–500) and give every row as CSV with "
        "`?format=csv`. Single resources carry an ETag; send it in `If-Match` when "
        "writing to be refused (412) rather than overwrite someone else's change. "
        'Errors are JSON: `{"detail": …}` or field → messages.'
    ),
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No call to the online validator: the docs work offline.
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "deepLinking": True},
    "ENUM_NAME_OVERRIDES": {
        "Position": "recommendations.models.Position",
        "ImplementationStatus": "recommendations.models.Status",
        "ActionStatus": "recommendations.models.ImplementationAction.ActionStatus",
        "WorkflowState": "recommendations.models.ProgressUpdate.WorkflowState",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "web.api.schema.complete_operations",
    ],
}
# ---------------------------------------------------------------------------
