"""The client's address is read in one place, trusting exactly the configured number of reverse proxies."""

import pytest
from django.core import checks

from mediane.client_address import check_trusted_proxies, client_address, parse_address


def request_from(rf, remote="203.0.113.9", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **extra)


def test_with_no_trusted_proxy_the_forwarded_header_is_never_read(rf, settings):
    settings.MEDIANE_TRUSTED_PROXIES = 0

    assert client_address(request_from(rf, forwarded="198.51.100.1")) == "203.0.113.9"


def test_behind_one_proxy_the_right_most_entry_is_the_client(rf, settings):
    settings.MEDIANE_TRUSTED_PROXIES = 1

    # The client typed the first two entries; nginx appended the address it saw.
    request = request_from(rf, remote="127.0.0.1", forwarded="10.0.0.1, 198.51.100.7, 192.0.2.44")

    assert client_address(request) == "192.0.2.44"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(rf, settings):
    settings.MEDIANE_TRUSTED_PROXIES = 2

    request = request_from(rf, remote="127.0.0.1", forwarded="10.0.0.1, 192.0.2.44, 198.51.100.250")

    assert client_address(request) == "192.0.2.44"


def test_entries_typed_by_the_client_before_an_empty_one_do_not_shift_the_count(rf, settings):
    settings.MEDIANE_TRUSTED_PROXIES = 1

    assert client_address(request_from(rf, remote="127.0.0.1", forwarded="1.1.1.1,, 192.0.2.44")) == "192.0.2.44"


@pytest.mark.parametrize(
    "forwarded",
    ["", "192.0.2.44", "not-an-address, 198.51.100.250", "999.1.1.1, 198.51.100.250", "192.0.2.44 x, 10.0.0.2"],
    ids=["empty", "too-few-entries", "malformed", "out-of-range", "trailing-junk"],
)
def test_a_header_that_cannot_be_trusted_falls_back_to_the_connection(rf, settings, forwarded):
    settings.MEDIANE_TRUSTED_PROXIES = 2

    assert client_address(request_from(rf, remote="127.0.0.1", forwarded=forwarded)) == "127.0.0.1"


def test_a_missing_header_behind_a_proxy_falls_back_to_the_connection(rf, settings):
    settings.MEDIANE_TRUSTED_PROXIES = 1

    assert client_address(request_from(rf, remote="127.0.0.1")) == "127.0.0.1"


def test_a_connection_without_a_usable_address_has_none(rf, settings):
    settings.MEDIANE_TRUSTED_PROXIES = 0

    assert client_address(request_from(rf, remote="")) is None
    assert client_address(request_from(rf, remote="unix:/run/gunicorn.sock")) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 192.0.2.44 ", "192.0.2.44"),
        ("192.0.2.44:51234", "192.0.2.44"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ("::ffff:192.0.2.44", "192.0.2.44"),
        ("192.0.2.44<script>", None),
        ("", None),
    ],
)
def test_addresses_are_validated_and_normalised(raw, expected):
    assert parse_address(raw) == expected


def test_the_deploy_check_warns_when_behind_a_proxy_no_proxy_is_trusted(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.MEDIANE_TRUSTED_PROXIES = 0

    warnings = check_trusted_proxies(None)

    assert [warning.id for warning in warnings] == ["mediane.W001"]
    assert warnings[0].level == checks.WARNING
    assert "MEDIANE_TRUSTED_PROXIES" in warnings[0].msg


def test_the_deploy_check_is_quiet_once_the_proxy_is_trusted_or_absent(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.MEDIANE_TRUSTED_PROXIES = 1
    assert check_trusted_proxies(None) == []

    settings.SECURE_PROXY_SSL_HEADER = None
    settings.MEDIANE_TRUSTED_PROXIES = 0
    assert check_trusted_proxies(None) == []


def test_the_deploy_check_is_registered():
    assert check_trusted_proxies in checks.registry.registry.get_checks(include_deployment_checks=True)
