"""The one rate limiter: named limits, a sliding window counter in the cache, and the keys it counts by."""

import threading
import uuid

import pytest
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from mediane import ratelimits
from mediane.ratelimits import Rate, hit, hit_all, parse_rate, reset, seconds_until_allowed, undo, wait_phrase


@pytest.fixture
def five_per_minute(settings):
    """The `writes` limit, read from its setting at each hit, set to 5 a minute."""
    settings.MEDIANE_API_RATE_USER = "5/m"
    return "writes"


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("60/m", Rate(60, 60)),
        ("120/min", Rate(120, 60)),
        ("5/15m", Rate(5, 900)),
        ("20/h", Rate(20, 3600)),
        ("1000/day", Rate(1000, 86400)),
        (" 3 / 10s ", Rate(3, 10)),
    ],
)
def test_rates_are_read_in_the_format_the_settings_always_had(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["", "60", "60/x", "0/m", "-1/m", "soixante/m", "60/m/ip"])
def test_an_unreadable_rate_is_refused_in_french(text):
    with pytest.raises(ImproperlyConfigured, match="illisible"):
        parse_rate(text)


def test_a_limit_lets_its_amount_through_then_says_how_long_to_wait(five_per_minute, limiter_clock):
    verdicts = [hit(five_per_minute, "person:1") for _ in range(6)]

    assert [verdict.allowed for verdict in verdicts] == [True] * 5 + [False]
    # 10 s into the window: this window's 5 hits weigh fully until it ends, 50 s later, then slide out.
    assert verdicts[-1].retry_after == 50 + 12
    assert verdicts[-1].wait == "2 minutes"


def test_the_announced_wait_is_exactly_enough(five_per_minute, limiter_clock):
    for _ in range(5):
        hit(five_per_minute, "person:1")
    wait = hit(five_per_minute, "person:1").retry_after

    limiter_clock.advance(wait - 1)
    assert not hit(five_per_minute, "person:1").allowed
    limiter_clock.advance(1)
    assert hit(five_per_minute, "person:1").allowed


def test_each_key_has_its_own_count(five_per_minute, limiter_clock):
    for _ in range(5):
        hit(five_per_minute, "person:1")

    assert not hit(five_per_minute, "person:1").allowed
    assert hit(five_per_minute, "person:2").allowed


def test_refused_hits_are_not_counted_so_hammering_does_not_lengthen_the_wait(five_per_minute, limiter_clock):
    for _ in range(5):
        hit(five_per_minute, "person:1")
    first_refusal = hit(five_per_minute, "person:1").retry_after
    for _ in range(100):
        hit(five_per_minute, "person:1")

    assert hit(five_per_minute, "person:1").retry_after == first_refusal


def test_a_burst_across_two_windows_is_still_one_burst(five_per_minute, limiter_clock):
    limiter_clock.advance(47)  # 3 s before the window ends
    before = [hit(five_per_minute, "person:1").allowed for _ in range(3)]
    limiter_clock.advance(6)  # 3 s into the next window
    after = [hit(five_per_minute, "person:1").allowed for _ in range(5)]

    # A bare fixed window would let 3 + 5 through in 6 seconds.
    assert before == [True] * 3
    assert after == [True, True, False, False, False]


def test_the_count_slides_out_as_time_passes(five_per_minute, limiter_clock):
    for _ in range(5):
        hit(five_per_minute, "person:1")

    limiter_clock.advance(50 + 30)  # half of the last window still counts: 2.5 of the 5 hits
    assert [hit(five_per_minute, "person:1").allowed for _ in range(3)] == [True, True, False]
    limiter_clock.advance(60)
    assert [hit(five_per_minute, "person:1").allowed for _ in range(5)] == [True] * 4 + [False]


@pytest.mark.parametrize(
    ("previous", "current", "elapsed"),
    [(5, 0, 10.0), (5, 2, 30.0), (3, 2, 0.5), (0, 5, 10.0), (0, 5, 59.5), (4, 1, 45.0), (10, 3, 20.0)],
)
def test_the_wait_is_the_first_second_when_a_hit_passes(previous, current, elapsed):
    rate = Rate(5, 60)

    def passes_after(seconds):
        at = elapsed + seconds
        if at < rate.period:
            return previous * (1 - at / rate.period) + current + 1 <= rate.amount
        return current * (1 - (at - rate.period) / rate.period) + 1 <= rate.amount

    wait = seconds_until_allowed(rate, previous, current, elapsed)

    assert passes_after(wait)
    assert wait == 1 or not passes_after(wait - 1)


def hit_at_once(name: str, key: str, threads: int = 20) -> list[bool]:
    """`threads` hits released together, as concurrent requests would be: whether each was allowed."""
    results = []
    barrier = threading.Barrier(threads)

    def attempt():
        barrier.wait()
        results.append(hit(name, key).allowed)

    started = [threading.Thread(target=attempt) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return results


def test_concurrent_hits_never_let_more_than_the_limit_through(five_per_minute, limiter_clock):
    assert hit_at_once(five_per_minute, "person:1").count(True) == 5


def test_redis_counts_concurrent_hits_exactly_too(five_per_minute, limiter_clock):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis ne répond pas sur 127.0.0.1:6379")
    backend = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379",
        "KEY_PREFIX": f"test-ratelimits-{uuid.uuid4().hex}",  # never touches anyone else's keys
    }
    with override_settings(CACHES={"default": backend}):
        assert type(caches["default"]).__name__ == "RedisCache"
        results = hit_at_once(five_per_minute, "person:1")
        reset(five_per_minute, "person:1")  # never `cache.clear()`: on Redis it empties the whole database

    assert results.count(True) == 5


def test_several_limits_are_counted_all_or_none(settings, limiter_clock):
    settings.MEDIANE_API_RATE_USER = "5/m"
    settings.MEDIANE_API_RATE_ANON = "2/m"
    hit_all(("writes", "k"), ("api-anonymous", "k"))
    hit_all(("writes", "k"), ("api-anonymous", "k"))

    refused = hit_all(("writes", "k"), ("api-anonymous", "k"))

    assert not refused.allowed
    # The refusal of the second limit gave back the hit of the first: 3 more writes pass, not 2.
    assert [hit("writes", "k").allowed for _ in range(4)] == [True, True, True, False]


def test_undo_gives_a_hit_back_and_reset_forgets_them_all(five_per_minute, limiter_clock):
    verdicts = [hit(five_per_minute, "person:1") for _ in range(5)]
    undo(verdicts[0])
    assert hit(five_per_minute, "person:1").allowed
    assert not hit(five_per_minute, "person:1").allowed

    reset(five_per_minute, "person:1")

    assert [hit(five_per_minute, "person:1").allowed for _ in range(6)] == [True] * 5 + [False]


def test_a_rate_changed_in_the_settings_applies_at_the_next_hit(settings, limiter_clock):
    settings.MEDIANE_API_RATE_USER = "1/m"
    assert [hit("writes", "person:1").allowed for _ in range(2)] == [True, False]

    settings.MEDIANE_API_RATE_USER = "3/m"

    assert hit("writes", "person:1").allowed


def test_counting_keys_never_hold_an_address_or_an_e_mail_in_clear(limiter_clock):
    hit("login-failures-account", "address:192.0.2.44|camille@example.org")

    keys = [key for key in cache._cache if "ratelimit" in key]
    assert keys
    assert not [key for key in keys if "camille" in key or "192.0.2.44" in key]


def test_ipv6_addresses_of_one_network_share_a_count(rf):
    first = rf.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    second = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    elsewhere = rf.get("/", REMOTE_ADDR="2001:db8:1:3::1")

    assert ratelimits.address_key(first) == ratelimits.address_key(second) == "address:2001:db8:1:2::/64"
    assert ratelimits.address_key(elsewhere) != ratelimits.address_key(first)


def test_ipv4_addresses_are_counted_one_by_one_and_unknown_ones_together(rf):
    assert ratelimits.address_key(rf.get("/", REMOTE_ADDR="192.0.2.44")) == "address:192.0.2.44"
    assert ratelimits.address_key(rf.get("/", REMOTE_ADDR="")) == "address:unknown"


@pytest.mark.parametrize(
    ("seconds", "phrase"),
    [
        (1, "1 seconde"),
        (40, "40 secondes"),
        (60, "1 minute"),
        (61, "2 minutes"),
        (900, "15 minutes"),
        (7200, "2 heures"),
    ],
)
def test_the_wait_is_said_in_plain_french(seconds, phrase):
    assert wait_phrase(seconds) == phrase


def test_an_unreadable_rate_in_the_environment_is_reported_at_start_up(settings):
    settings.MEDIANE_API_RATE_USER = "beaucoup"

    errors = ratelimits.check_rates(None)

    assert [error.id for error in errors] == ["mediane.E001"]
    assert errors[0].msg.startswith("MEDIANE_API_RATE_USER : Limite « beaucoup » illisible")


def test_the_rates_of_the_settings_pass_the_start_up_check():
    assert ratelimits.check_rates(None) == []
