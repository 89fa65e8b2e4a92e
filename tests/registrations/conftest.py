"""Registrations are tested through the events' concrete model, the first that uses the mechanism; e-mails'
links point at a fixed public address."""

import pytest


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.MEDIANE_BASE_URL = "https://mediane.example.org"
