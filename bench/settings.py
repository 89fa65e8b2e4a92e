"""Benchmark-only settings: the production settings plus a bare « floor » route (see bench/floor_urls.py).

The application's own URLs are unchanged; only the root URLconf differs, so the floor view runs through
exactly the same middleware, template engine and context processors as the real pages.
"""

import os

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
# collectstatic writes here, so a benchmark never touches the project's own staticfiles/ directory.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", "/tmp/mediane-bench-static")  # noqa: S108
# Request logging to the console would measure the terminal, not the application.
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING", "handlers": []}}
