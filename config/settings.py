"""Settings for Routekaart: one module, everything read from the environment.

Check out, `make run`, and it works: SQLite is the default database so that a newcomer needs no
server. Production sets DEBUG off, a SECRET_KEY, ALLOWED_HOSTS and usually DATABASE_URL.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    """Read "True"/"False" (also 1/0); anything else is a configuration error, not a silent False."""
    value = os.getenv(name)
    if value is None or value == "":
        return default
    if value in ("True", "true", "1"):
        return True
    if value in ("False", "false", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.getenv(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.getenv(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent
CONTENT_DIR = Path(os.getenv("CONTENT_DIR", BASE_DIR / "content"))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DEBUG is off (set DEBUG=True to develop)"
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "simple_history",
    "kern",
    "routekaart",
    "casussen",
    "afspraken",
    "contacten",
    "leden",
]

MIDDLEWARE = [
    # Pages compressed for slow phone networks (with Django's BREACH mitigation; whitenoise
    # sends static files precompressed itself).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into its own response.
    "axes.middleware.AxesMiddleware",
]

# The load benchmark (bench/last.py) adds a bare comparison view through its own urlconf.
ROOT_URLCONF = os.getenv("ROOT_URLCONF", "config.urls")
WSGI_APPLICATION = "config.wsgi.application"

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
                "kern.context_processors.links",
            ],
        },
    },
]

# SQLite by default (zero set-up); DATABASE_URL (postgres://…) for production and the CI leg.
# Persistent connections: opening one costs more than a whole cached route step (about 0.6 ms
# on SQLite), and every request asks the database at least whether the content changed.
DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", "")
        or f"sqlite:///{os.getenv('DB_NAME', BASE_DIR / 'db.sqlite3')}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # A transaction takes the write lock when it begins (BEGIN IMMEDIATE), not halfway
        # through, when SQLite can only give up: a second writer then waits its turn (up to
        # `timeout` seconds) instead of failing with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 20),
        # WAL: readers never wait for the writer, nor the writer for readers. NORMAL is safe in
        # WAL mode (a power cut may lose the last commit, never corrupt the file).
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a real file, not Django's shared-cache in-memory database, whose table locks
    # make live_server threads fail instead of wait. One file per process, so that several
    # test runs at once don't clash (pytest-xdist adds its own suffix per worker).
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"routekaart-test-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/afspraken/"
# None: logging out shows registration/logged_out.html ("Je bent uitgelogd") instead of a redirect.
LOGOUT_REDIRECT_URL = None
# How long a signed download link to an agreements PDF stays valid.
AFSPRAKEN_LINK_DAGEN = env_int("AFSPRAKEN_LINK_DAGEN", 30)

# Login throttling: after AXES_FAILURE_LIMIT wrong passwords the username+IP pair is locked.
# The attempts are rows in the database (counted under select_for_update), so every server
# counts the same wrong passwords.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy REMOTE_ADDR is the proxy's address, so every visitor would share one
# lockout: five wrong passwords from anyone would lock that username for everyone.
# TRUSTED_PROXY_COUNT is the number of reverse proxies in front of the app that each append the
# address they received the request from to X-Forwarded-For; the client is then that many
# entries from the right. 0 (the default): X-Forwarded-For is ignored, since a client can send
# anything in it. python-ipware (which axes uses) counts only the proxies listed *after* the
# client, and the nearest proxy is in REMOTE_ADDR, hence the minus one. Not strict: entries a
# client forged in front of the real chain are skipped rather than rejecting the header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT > 0:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    AXES_IPWARE_PROXY_COUNT = None
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
IPWARE_STRICT = False

# E-mail (password reset, invitations, reminders) through Django's backend. Development prints
# mails on the console; production sets EMAIL_BACKEND to SMTP and the EMAIL_* variables (README);
# tests use locmem (pytest-django).
EMAIL_BACKEND = os.getenv(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "Routekaart <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, for links in mails sent without a request (reminders).
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Hashed, compressed files in production; tests and development use plain storage.
STATICFILES_BACKEND = os.getenv(
    "STATICFILES_BACKEND",
    "django.contrib.staticfiles.storage.StaticFilesStorage"
    if DEBUG
    else "whitenoise.storage.CompressedManifestStaticFilesStorage",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": STATICFILES_BACKEND},
}

# One machine: the local-memory cache of each process, and sessions as files. Several servers
# (REDIS_URL, e.g. redis://redis:6379/0): one Redis for the cache and the sessions, so that a
# login, a walk's notes, the throttles (kern/rem.py) and the {% cache %} blocks are the same
# on every server. Redis must not evict keys before they expire (maxmemory-policy noeviction, the
# default): a session is a key. The short socket timeouts make /gezond/ answer 503 instead of
# hanging when Redis is unreachable.
REDIS_URL = os.getenv("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.getenv("CACHE_KEY_PREFIX", "routekaart"),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Route notes live in the session only: server-side sessions (not in a database table, so notes
# never land in one), and the cookie holds nothing but a random key. Files on one machine
# (kern/session_store.py), the cache with REDIS_URL (kern/session_redis.py); both
# write back only what their own request changed, under a lock per session. Two hours of
# inactivity ends them: the walk's notes module (routekaart/notities.py) refreshes the expiry
# when the walker is active, so a plain GET never writes the session back (which would race
# with a save of notes in another tab). With files, run `manage.py clearsessions` daily to
# delete expired ones (Redis expires its keys itself).
SESSION_ENGINE = os.getenv(
    "SESSION_ENGINE", "kern.session_redis" if REDIS_URL else "kern.session_store"
)
SESSION_CACHE_ALIAS = "default"
SESSION_FILE_PATH = os.getenv("SESSION_FILE_PATH", str(BASE_DIR / "var" / "sessies"))
Path(SESSION_FILE_PATH).mkdir(parents=True, exist_ok=True)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 2 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Security headers. HTTPS-only settings switch on with HTTPS=True (default: on when DEBUG is off).
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
# A load balancer's health probe speaks plain HTTP to the server itself: answer it, don't send
# it to https (kern/gezond.py).
SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Strict CSP: everything from our own origin, no inline script or style attribute, no frames.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Logs go to the console (a container's or service manager's log). No log line holds a secret of
# a URL (an invitation or reset token, a PDF link, a join code): the filter masks them in every
# line the console handler writes, and on Django's own request loggers (kern/logboek.py;
# gunicorn's access log has the same masking through deploy/gunicorn.conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"verberg_tokens": {"()": "kern.logboek.VerbergTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["verberg_tokens"]},
    },
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every layout step at INFO, and a warning for each screen-only CSS rule of
    # the shared stylesheet (SVG, media queries) when it prints the route report: expected noise.
    # Real errors still get through.
    "loggers": {
        "axes": {"level": "WARNING"},
        "django.request": {"filters": ["verberg_tokens"]},
        # runserver's request lines: to the console (instead of Django's own handler).
        "django.server": {
            "handlers": ["console"],
            "filters": ["verberg_tokens"],
            "level": "INFO",
            "propagate": False,
        },
        "weasyprint": {"level": "ERROR"},
        "weasyprint.progress": {"level": "ERROR"},
    },
}
