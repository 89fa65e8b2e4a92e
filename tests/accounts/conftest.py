"""Fixtures of the accounts tests: allauth's rate limits live in the cache, so each test starts clean."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()
