"""Médiane's only settings module: every value comes from the environment.

`MEDIANE_ENV` picks the defaults (development, test or production). Production refuses to start with an
unsafe value (debug on, default secret key, no allowed host), so a forgotten variable fails loudly.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email
from whitenoise.compress import Compressor as WhiteNoiseCompressor

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on", "oui"}:
        return True
    if value in {"0", "false", "no", "off", "non"}:
        return False
    raise ImproperlyConfigured(f"{name} doit valoir true ou false, pas « {raw} ».")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} doit être un nombre entier, pas « {raw} ».") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# Under pytest the defaults are the test ones (fast hasher, no e-mail verification wait).
MEDIANE_ENV = env_str("MEDIANE_ENV", "test" if "pytest" in sys.modules else "development")
if MEDIANE_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured("MEDIANE_ENV doit valoir development, test ou production.")
PRODUCTION = MEDIANE_ENV == "production"

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else _DEV_SECRET_KEY)
DEBUG = env_bool("DEBUG", MEDIANE_ENV == "development")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("DEBUG ne doit pas être activé en production.")
    if not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("SECRET_KEY doit être défini en production (au moins 50 caractères).")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS doit être défini en production.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "dsfr",
    "widget_tweaks",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "csp",
    "ninja",
    "mediane.jobs",
    "mediane.accounts",
    "mediane.structures",
    "mediane.orientation",
    "mediane.consultation",
    "mediane.synthesis",
    "mediane.workinggroup",
    "mediane.roadmap",
    "mediane.registrations",
    "mediane.events",
    "mediane.training",
    "mediane.funding",
    "mediane.conseillers",
    "mediane.pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so that static files carry the header too: every response does.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages go compressed (gzip): a slow phone gets the directory's 44 kB of HTML as 7 kB. Static files never reach
    # it (WhiteNoise answered them with their own .br or .gz). Django pads each compressed page at random, against
    # BREACH, and CSRF tokens are masked anew on every response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
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
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mediane.pages.context_processors.site",
                "mediane.pages.context_processors.navigation",
            ],
            # Project-wide template tags that live outside any app (markup in templates/components/).
            "libraries": {"components": "mediane.components"},
            # French plurals (0 and 1 take the singular) and names with their article, in every template.
            "builtins": ["mediane.french.templatetags"],
        },
    },
]

# Database: SQLite (WAL) by default, anything dj-database-url understands through DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "var" / "mediane.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions are stored with the person they are signed in as (`accounts.Session`), so that deleting an account ends
# them all: database sessions by default, with the cache in front when Redis is there.
SESSION_ENGINE = "mediane.accounts.sessions"
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mediane",
        }
    }
    SESSION_ENGINE = "mediane.accounts.sessions_cached"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "mediane"}}

# Background jobs (`mediane/jobs/`): "celery" sends them to Celery workers through the broker (Redis in
# production); "thread" runs them in a thread of the web process (the embedded default: no other service);
# "inline" runs them at once, in the request (tests).
TASKS_MODE = env_str("TASKS_MODE", "inline" if MEDIANE_ENV == "test" else ("celery" if REDIS_URL else "thread"))
if TASKS_MODE not in {"celery", "thread", "inline"}:
    raise ImproperlyConfigured("TASKS_MODE doit valoir celery, thread ou inline.")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
if TASKS_MODE == "celery" and not CELERY_BROKER_URL:
    raise ImproperlyConfigured("TASKS_MODE=celery demande REDIS_URL ou CELERY_BROKER_URL.")
# A task is acknowledged once done, and handed to another worker when its worker dies (`mediane/jobs/queue.py`).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery beat (`celery -A config worker --beat`) looks for dead jobs every 15 seconds.
# The roadmap's followers get their digest every hour (`mediane/roadmap/tasks.py`).
CELERY_BEAT_SCHEDULE = {
    "jobs-recover-dead": {"task": "jobs.recover_dead", "schedule": 15.0},
    "roadmap-send-digests": {"task": "roadmap.send_digests", "schedule": 3600.0},
    # Private files no row holds any more (`mediane.privatefiles.purge_all_orphans`), once a day.
    "jobs-purge-private-files": {"task": "jobs.purge_private_files", "schedule": 86400.0},
    # Candidates' CVs past their retention (`conseillers.services_candidates.purge_cvs`), every day at 00:30 in
    # Paris: a CV goes on the date its candidate was shown, not up to a day later.
    "conseillers-purge-cvs": {"task": "conseillers.purge_cvs", "schedule": crontab(hour=0, minute=30)},
    # The yearly reminder to the managers of places not confirmed for a year (`structures.services_care`), every
    # day at 9:00 in Paris: each manager gets one e-mail, once a year.
    "structures-remind-managers": {"task": "structures.remind_managers", "schedule": crontab(hour=9, minute=0)},
}
# Beat's crontabs read the hours in the site's time zone.
CELERY_TIMEZONE = "Europe/Paris"  # TIME_ZONE, set further down
# A running job silent for this many seconds has lost its process: it is retried once, then failed.
MEDIANE_JOBS_DEAD_AFTER = env_int("MEDIANE_JOBS_DEAD_AFTER", 45)
# Thread mode: each web process has a watchdog thread that retries or fails the jobs of a process that died.
MEDIANE_JOBS_WATCHDOG = env_bool("MEDIANE_JOBS_WATCHDOG", MEDIANE_ENV != "test")
# Celery mode: a job may wait this long (seconds) for a free worker before it is taken for lost and sent again.
MEDIANE_JOBS_QUEUE_TIMEOUT = env_int("MEDIANE_JOBS_QUEUE_TIMEOUT", 30 * 60)
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The synthesis engine's vector backend used when an organiser launches a synthesis without choosing one.
MEDIANE_SYNTHESIS_BACKEND = env_str("MEDIANE_SYNTHESIS_BACKEND", "tfidf")

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if MEDIANE_ENV == "test":
    # Tests create hundreds of users: a fast hasher keeps the suite quick. Never used elsewhere.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: e-mail is the login, and it must be verified before the account can be used.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SIGNUP_FORM_CLASS = "mediane.accounts.forms.SignupProfileForm"
ACCOUNT_ADAPTER = "mediane.accounts.adapters.AccountAdapter"
MEDIANE_CONFIRMATION_PAUSE = 180
ACCOUNT_RATE_LIMITS = {
    # Failed logins are limited by Médiane's own limiter (`mediane/ratelimits.py`, through the adapter): per
    # address and account, and per address, so that nobody can lock the owner of an account out. allauth's
    # version counted per account from everywhere, which let anyone do it: switched off, not doubled.
    "login_failed": None,
    # allauth keeps its own limits on its e-mail flows (sign-up, password reset, e-mail confirmation); they read
    # the client's address from `mediane/client_address.py` through the adapter.
    "signup": "20/h/ip",
    # One confirmation e-mail per address every 3 minutes (allauth's default, written here so that « Renvoyer
    # l'e-mail » can say how long to wait: `MEDIANE_CONFIRMATION_PAUSE`).
    "confirm_email": f"1/{MEDIANE_CONFIRMATION_PAUSE}s/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Médiane] "
# Confirming in the browser that signed up (or logged in) signs the person in and takes them where they were going;
# from another browser, they sign in once confirmed.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Built by `make install` (`manage.py build_assets`, mediane/assets/), never committed: the DSFR that the
# pages use, purged of the rest, and the DSFR files they load (scripts, favicons, the fonts and icons it names).
MEDIANE_BUILD_STATIC = BASE_DIR / "build" / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    MEDIANE_BUILD_STATIC,
    # Front-end packages come from npm at install time (`npm ci`), never from a committed copy.
    ("vendor/htmx.org", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    # Every app's static folder but django-dsfr's whole DSFR: the files of it that pages load are in the build.
    "mediane.assets.finders.AppDirectoriesFinder",
]
# Static files as people get them wherever DEBUG is off, in production and on `make run`: collected by
# `collectstatic`, under hashed names cached for ten years, compressed with gzip and Brotli. With DEBUG on
# (`make run DEBUG=true`) and in tests (no collectstatic), WhiteNoise serves the static folders as they are.
COLLECTED_STATIC = PRODUCTION or (MEDIANE_ENV == "development" and not DEBUG)
# Source maps are read by developer tools only, never by a visitor's browser: WhiteNoise need not compress them (their
# 8 MB, for the API's documentation and the map, were half the time of `collectstatic`).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*WhiteNoiseCompressor.SKIP_COMPRESS_EXTENSIONS, "map"]
# --- E2E: without collected static files WhiteNoise reads the finders (no collectstatic, no missing-dir warning) ---
WHITENOISE_AUTOREFRESH = not COLLECTED_STATIC
WHITENOISE_USE_FINDERS = not COLLECTED_STATIC
# --- end E2E ---
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            # Brotli (`brotli` in requirements.txt) is what makes WhiteNoise write the .br files beside the .gz.
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if COLLECTED_STATIC
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
    # Private files (`mediane/privatefiles.py`: funding applications' documents, CVs): never under a served URL.
    # On disk at MEDIANE_PRIVATE_ROOT; with MEDIANE_PRIVATE_S3_BUCKET, a private S3 bucket (django-storages).
    "private": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env_str("MEDIANE_PRIVATE_S3_BUCKET"),
                "endpoint_url": env_str("MEDIANE_PRIVATE_S3_ENDPOINT_URL") or None,
                "region_name": env_str("MEDIANE_PRIVATE_S3_REGION") or None,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
        if env_str("MEDIANE_PRIVATE_S3_BUCKET")
        else {
            "BACKEND": "mediane.privatefiles.PrivateFileSystemStorage",
            "OPTIONS": {"location": Path(env_str("MEDIANE_PRIVATE_ROOT", str(BASE_DIR / "var" / "prive")))},
        }
    ),
}
# The heaviest private file accepted (supporting documents, CVs). Django counts a multipart body's files apart from
# DATA_UPLOAD_MAX_MEMORY_SIZE (its fields only), so a heavier file reaches the form, which refuses it in French;
# the reverse proxy's body limit must stay above it (docs/deployment.md).
MEDIANE_PRIVATE_FILE_MAX_MB = env_int("MEDIANE_PRIVATE_FILE_MAX_MB", 10)

# In development, e-mails are printed on the console and kept under var/courriels/ by `mediane/dev_inbox.py`, whose
# page (/dev/courriels/, linked from « Confirmez votre adresse e-mail ») shows them with their links: a newcomer on
# `make run` can confirm an account without a mail server. Never in production.
DEV_INBOX_BACKEND = "mediane.dev_inbox.InboxBackend"
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else (DEV_INBOX_BACKEND if MEDIANE_ENV == "development" else "django.core.mail.backends.console.EmailBackend"),
)
if PRODUCTION and EMAIL_BACKEND == DEV_INBOX_BACKEND:
    raise ImproperlyConfigured(
        "La boîte de réception de développement ne sert jamais en production : réglez EMAIL_BACKEND (SMTP)."
    )
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "courriels"))
# The page exists only in development, and only when e-mails go to it.
MEDIANE_DEV_INBOX = MEDIANE_ENV == "development" and EMAIL_BACKEND == DEV_INBOX_BACKEND
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Médiane <ne-pas-repondre@mediane.localhost>")

# Security. Cookies are secure wherever the site runs over HTTPS (always in production).
HTTPS = env_bool("HTTPS", PRODUCTION)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", PRODUCTION) else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the site never uses are denied to every page and anything it embeds, so that an injected
# script or a third-party frame cannot ask for them. The directory's map needs no geolocation: people type a
# commune. Only features that Chromium knows without a flag are listed: an unknown one is a console warning.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "picture-in-picture",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
}
# Request bodies above this size are refused before they reach a form (oversize payloads).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The columns step of a source's mapping posts up to three fields per column of the file (what it holds, its
# separator, whether it is published), and a file may have up to 1,000 columns (`forms_mapping.MAX_COLUMNS`,
# refused in French above): Django's default of 1,000 fields would answer an English 400 from about 330 columns.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
MEDIANE_MAX_IMPORT_BYTES = env_int("MEDIANE_MAX_IMPORT_BYTES", 5 * 1024 * 1024)

# Content Security Policy: no inline script anywhere, assets from this origin only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The DSFR and Marianne are reserved for State websites: a local authority or association switches this off.
MEDIANE_STATE_BRANDING = env_bool("MEDIANE_STATE_BRANDING", True)
MEDIANE_SITE_NAME = env_str("MEDIANE_SITE_NAME", "Médiane")
MEDIANE_SITE_TAGLINE = env_str("MEDIANE_SITE_TAGLINE", "L'inclusion numérique en bibliothèque")
# Who runs this instance, with its article, as the name reads inside a sentence: « le ministère de la Culture
# s'engage… », « auprès du ministère de la Culture » (`mediane/french` contracts it after « de » and « à », and
# takes the article off on a cover: « Ministère de la Culture »). A name without article is written as it is.
MEDIANE_OPERATOR = env_str("MEDIANE_OPERATOR", "le ministère de la Culture")
# Where people write to the operator (accessibility statement, legal notice). Production must give one
# (`check --deploy`, mediane.W003).
MEDIANE_CONTACT_EMAIL = env_str("MEDIANE_CONTACT_EMAIL", "" if PRODUCTION else "contact@mediane.localhost")
if MEDIANE_CONTACT_EMAIL:
    try:
        validate_email(MEDIANE_CONTACT_EMAIL)
    except ValidationError as exc:
        raise ImproperlyConfigured(
            f"MEDIANE_CONTACT_EMAIL doit être une adresse e-mail, pas « {MEDIANE_CONTACT_EMAIL} »."
        ) from exc
# The host of this instance, for the legal notice: name, address and telephone (one per line). Outside production an
# empty value makes the notice say that the instance runs locally; production must give it (mediane.W002).
MEDIANE_HOST_INFO = env_str("MEDIANE_HOST_INFO")
# Absolute links in e-mails (digests) are built on this address: e-mails have no request to read it from.
MEDIANE_BASE_URL = env_str("MEDIANE_BASE_URL", "http://localhost:8000")

# The map of the places directory (Leaflet). Empty: no map, the list alone. Otherwise a tile URL template such as
# https://tile.openstreetmap.org/{z}/{x}/{y}.png (respect the tile server's usage policy); its host is added to the
# CSP's img-src on the directory page only. The attribution is shown on the map, as the tile provider requires.
MEDIANE_MAP_TILES_URL = env_str("MEDIANE_MAP_TILES_URL")
MEDIANE_MAP_ATTRIBUTION = env_str("MEDIANE_MAP_ATTRIBUTION", "© les contributeurs d'OpenStreetMap")
if MEDIANE_MAP_TILES_URL:
    if not MEDIANE_MAP_TILES_URL.startswith(("https://", "http://")) or not all(
        part in MEDIANE_MAP_TILES_URL for part in ("{z}", "{x}", "{y}")
    ):
        raise ImproperlyConfigured(
            "MEDIANE_MAP_TILES_URL doit être une adresse http(s) contenant {z}, {x} et {y}, "
            "par exemple https://tile.openstreetmap.org/{z}/{x}/{y}.png."
        )
    if PRODUCTION and not MEDIANE_MAP_TILES_URL.startswith("https://"):
        raise ImproperlyConfigured("MEDIANE_MAP_TILES_URL doit commencer par https:// en production.")

# Rate limits (`mediane/ratelimits.py`). Requests without a session, per address: the API's reads.
MEDIANE_API_RATE_ANON = env_str("MEDIANE_API_RATE_ANON", "120/m")
# Writes of a signed-in person, through the API and the forum's forms alike (one count per person).
MEDIANE_API_RATE_USER = env_str("MEDIANE_API_RATE_USER", "60/m")
# How many reverse proxies in front of Médiane append to X-Forwarded-For (1 behind the nginx of
# docs/deployment.md). 0: the header is never read, the address is the connection's (`mediane/client_address.py`).
MEDIANE_TRUSTED_PROXIES = env_int("MEDIANE_TRUSTED_PROXIES", 0)
if MEDIANE_TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured("MEDIANE_TRUSTED_PROXIES doit être un nombre entier positif ou nul (0, 1, 2…).")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every layout step of a dossier at INFO: keep its warnings only.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}
