"""Every response says which browser features the site never uses: Permissions-Policy."""

import pytest
from django.urls import reverse

from tests.consultation.factories import ContributionFactory

pytestmark = pytest.mark.django_db

DENIED = ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/forum/",
        "/lieux/",
        "/orientation/",
        "/api/v1/themes",
        "/page-qui-n-existe-pas/",
        "/compte/login/",
        "/static/css/mediane.css",
    ],
)
def test_every_response_denies_the_features_the_site_never_uses(client, path):
    response = client.get(path)
    response.close()  # a static file is streamed from disk

    features = response["Permissions-Policy"].split(", ")
    assert set(DENIED) <= set(features)
    assert all(feature.endswith("=()") for feature in features)  # granted to nobody, not even the site


def test_a_refused_write_carries_the_policy_too(client):
    contribution = ContributionFactory()

    response = client.post(reverse("consultation:support", args=[contribution.pk]))

    assert response.status_code == 302
    assert "camera=()" in response["Permissions-Policy"]
