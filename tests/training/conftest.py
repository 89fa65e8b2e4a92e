"""Fixtures of the training tests: e-mails link to a fixed public address."""

import pytest


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.MEDIANE_BASE_URL = "https://mediane.example.org"
