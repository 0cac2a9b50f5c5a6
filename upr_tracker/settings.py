"""Settings for UPR Tracker, read from the environment.

With no configuration at all the tracker runs on SQLite in the project folder
with DEBUG off (secure by default); `make run` turns DEBUG on for the local
demo. Production sets at least ALLOWED_HOSTS and DATABASE_URL (and SECRET_KEY
when several app servers must share one).
"""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .scaling import RANDOM_PAGE_COST, cache_settings, postgresql_options, replica_databases

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


# Off unless asked for: a debug page shows settings and code to anyone.
DEBUG = envbool("DEBUG", False)


def secret_key_from_file(path: Path) -> str:
    """The key kept in ``path``, generated there (readable by its owner only) when
    missing. A key file we own that others may read is made private again."""
    from django.core.management.utils import get_random_secret_key

    try:
        if not path.exists():
            # Written aside, then linked into place: processes starting together
            # (gunicorn's workers) all read the one key that won, never a half-written file.
            draft = path.with_name(f".{path.name}.{os.getpid()}")
            with os.fdopen(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
                f.write(get_random_secret_key())
            try:
                os.link(draft, path)
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        status = path.stat()
        if status.st_mode & 0o077 and status.st_uid == os.getuid():
            path.chmod(0o600)
        key = path.read_text().strip()
    except OSError as error:
        raise ImproperlyConfigured(
            f"Set SECRET_KEY, or let the tracker keep its key in {path} ({error})"
        ) from error
    if not key:
        raise ImproperlyConfigured(f"The secret key file {path} is empty")
    return key


# A fixed key would let anyone forge sessions. Without SECRET_KEY the key is
# generated once into SECRET_KEY_FILE (git-ignored, mode 0600) so that logins
# survive restarts; several app servers must share one key (set it, or point
# SECRET_KEY_FILE at one shared file).
SECRET_KEY = os.environ.get("SECRET_KEY", "") or secret_key_from_file(
    Path(os.environ.get("SECRET_KEY_FILE") or BASE_DIR / ".secret_key")
)

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
    # The language: the cookie the switcher sets, else the browser's Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # ... and for a signed-in user, the language chosen on their profile.
    "workspace.language.ProfileLanguageMiddleware",
    # ... and for the API, the one ?lang= names.
    "web.api.language.ApiLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After a signed-in user's change, the pages kept for anonymous visitors are renewed.
    "web.public_pages.PublicPagesChangedMiddleware",
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
                "django.template.context_processors.i18n",
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
# PostgreSQL without JIT compilation (it costs more than the tracker's queries take), its
# planner pricing index probes as on data held in memory (upr_tracker.scaling).
DATABASE_JIT = envbool("DATABASE_JIT", False)
DATABASE_RANDOM_PAGE_COST = os.environ.get("DATABASE_RANDOM_PAGE_COST", RANDOM_PAGE_COST)
DATABASES["default"]["OPTIONS"] = postgresql_options(
    DATABASES["default"], jit=DATABASE_JIT, random_page_cost=DATABASE_RANDOM_PAGE_COST
)
# Read replicas for the pages of figures, and the router that sends their reads there.
DATABASES.update(
    replica_databases(
        os.environ.get("DATABASE_REPLICA_URLS", ""),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        jit=DATABASE_JIT,
        random_page_cost=DATABASE_RANDOM_PAGE_COST,
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
# The interface's languages, each named in itself (the switcher shows these names).
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("be", "Беларуская")]
# The catalogues: locale/<language>/LC_MESSAGES/django.po, compiled to .mo by
# `manage.py compile_translations` (README: Languages).
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them (one format per language, everywhere).
FORMAT_MODULE_PATH = ["upr_tracker.formats"]
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
# What anonymous visitors read is decided per review (a coordinator publishes it). The
# old all-or-nothing switch is read once, by the migration that replaced it: "true" then
# publishes every review (recommendations/migrations/0018_…); it has no other effect.
UPR_PUBLIC_DASHBOARD = envbool("UPR_PUBLIC_DASHBOARD", False)
# How long a public page is kept for anonymous visitors (seconds; 0: not kept). Anything a
# signed-in user changes, and every publication, validation or approval, renews them at once.
UPR_PUBLIC_PAGE_SECONDS = envint("UPR_PUBLIC_PAGE_SECONDS", 300)
# Public comments: the least time (seconds) between showing the form and sending it, and
# how many comments one address may send in an hour.
UPR_COMMENT_MIN_SECONDS = envint("UPR_COMMENT_MIN_SECONDS", 5)
UPR_COMMENTS_PER_HOUR = envint("UPR_COMMENTS_PER_HOUR", 5)
# A supported recommendation with no validated progress for this long is overdue.
UPR_OVERDUE_MONTHS = envint("UPR_OVERDUE_MONTHS", 12)
# Due dates (an action's planned end, an indicator's report date) are reminded of this
# many days before, on the day and once past (send_reminders).
UPR_REMINDER_LEAD_DAYS = envint("UPR_REMINDER_LEAD_DAYS", 14)
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
REST_FRAMEWORK: dict[str, Any] = {
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
SPECTACULAR_SETTINGS: dict[str, Any] = {
    "TITLE": "UPR Tracker API",
    # Translated (upr_tracker.api_schema writes the document in the request's language).
    "DESCRIPTION": _(
        "Recommendations of the UN human-rights mechanisms, what is done about them, "
        "and the share implemented. Authenticate with `Authorization: Token <token>` "
        "(tokens: `manage.py create_api_token USERNAME`) or the site's session. Lists "
        "are paginated (`page`, `page_size` 1–500) and give every row as CSV with "
        "`?format=csv`. Single resources carry an ETag; send it in `If-Match` when "
        "writing to be refused (412) rather than overwrite someone else's change. "
        'Errors are JSON: `{"detail": …}` or field → messages. Texts are in the language '
        "asked for with `?lang=` (en, ru, be) or `Accept-Language`; a recommendation's "
        "`text` is in that language where one is recorded, and `text_language` says which."
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
        "AssessmentModerationState": (
            "recommendations.models.IndependentAssessment.ModerationState"
        ),
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "web.api.schema.complete_operations",
    ],
}
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Production readiness (issue 14): concurrent writers, faults, security headers,
# API throttling. Each block says what it guards against.

# The database. SQLite takes concurrent writers when it keeps a write-ahead log
# (readers never wait for a writer), waits for a busy lock instead of failing at
# once, and takes the write lock when a transaction starts (IMMEDIATE): a
# transaction that read first and then tried to write could otherwise fail at
# once with "database is locked" however long the timeout. What still times out
# is answered 503 (upr_tracker.database_unavailable), never 500.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": envint("SQLITE_BUSY_TIMEOUT_SECONDS", 20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
    # The test database is a file too, so that a live server's threads each get
    # their own connection and really compete for the lock (an in-memory test
    # database is one connection shared by all of them).
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ.get(
        "SQLITE_TEST_DATABASE",
        str(Path(os.environ.get("TMPDIR", "/tmp")) / f"upr-tracker-test-{os.getpid()}.sqlite3"),
    )
# A connection kept between requests is checked before use, so the app recovers
# by itself once a database that went away comes back.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Backups and their restore, the evidence files' clean-up, the cache's table.
INSTALLED_APPS += ["operations"]

# Answer load balancers (/healthz) before host and HTTPS checks, and turn a busy
# or unreachable database into a clear 503 instead of a 500.
MIDDLEWARE.insert(0, "upr_tracker.health.HealthCheckMiddleware")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "upr_tracker.database_unavailable.DatabaseUnavailableMiddleware",
)

# Content-Security-Policy (django-csp): every page loads scripts, styles, images
# and fonts from the tracker itself only; the API docs' one inline script and
# style carry a nonce (templates/drf_spectacular/swagger_ui.html).
from csp.constants import NONCE, NONE, SELF  # noqa: E402

INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # One inline style attribute, by its hash: django-simple-history's admin
        # history list writes style="border-top: 0" on its paginator.
        "style-src-attr": [
            "'unsafe-hashes'",
            "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",
        ],
        # Swagger UI's stylesheet draws its icons as data: images.
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "same-origin"

# API throttling: requests per token (or signed-in user) and per client address
# (anonymous requests). Rates as DRF writes them: "600/minute", "20000/day".
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = [
    "api_tokens.throttles.PerTokenThrottle",
    "api_tokens.throttles.PerAddressThrottle",
]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "token": os.environ.get("API_THROTTLE_TOKEN", "600/minute") or None,
    "address": os.environ.get("API_THROTTLE_ADDRESS", "120/minute") or None,
}
# The client's address is REMOTE_ADDR unless a number of trusted proxies in front
# add X-Forwarded-For (a client could otherwise pick its own address).
REST_FRAMEWORK["NUM_PROXIES"] = envint("API_TRUSTED_PROXIES", 0)

# The OpenAPI document and its docs are shown to whoever may read the data.
SPECTACULAR_SETTINGS["SERVE_PERMISSIONS"] = ["web.api.permissions.MayRead"]
# ... and it documents the 429 and 503 every operation may give.
SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"] = [
    *SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"],
    "upr_tracker.api_schema.document_operational_errors",
]

# /healthz must answer the load balancer over plain HTTP on any address.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Audit (issue 14, point 7): who logged in and failed to, who downloaded what, who
# changed what (audit/). django-axes keeps each failed login as well as the counts
# its lockout needs (the counts are reset by a successful login); it keeps the last
# AXES_ACCESS_FAILURE_LOG_PER_USER_LIMIT (1,000) failures per username.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
INSTALLED_APPS += ["audit"]
# Every download is recorded as it is answered, with the user the request was answered for.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "audit.middleware.DownloadRecordMiddleware",
)
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Background jobs (jobs/): a large import and the status report's Word document run
# outside the request, through Django's Tasks framework (the django-tasks backport) with
# its database backend (django-tasks-db): the queue is a table of the tracker's own
# database, so SQLite and PostgreSQL need nothing more. `manage.py db_worker` runs them
# (`make run` and scripts/serve.sh start one beside the server).
INSTALLED_APPS += ["django_tasks", "django_tasks_db", "jobs"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# ---------------------------------------------------------------------------
