"""The programme's counters under advisers who report at the same moment, for real on PostgreSQL (skipped on
SQLite): no deadlock, no lost count, even when the reports touch the same counters in different orders (the same
thématiques listed differently, a change of month)."""

import datetime as dt

import pytest
from django.utils import timezone

from mediane.conseillers import counters
from mediane.conseillers.models_reports import NATIONAL, ActivityCounter, ActivityReport
from mediane.conseillers.services_reports import record_report, recount, update_report
from tests.conseillers.factories import adviser, report, report_data
from tests.registrations.test_concurrency import _run_together, needs_postgresql  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("needs_postgresql")]
ADVISERS = 6
THEMES = ["email", "sante", "logement", "navigation_sur_internet", "argent_impots"]


def _stored():
    return {
        (c.scope, c.month, c.dimension, c.value): (c.activities, c.people, c.minutes)
        for c in ActivityCounter.objects.all()
        if c.activities or c.people or c.minutes
    }


@pytest.mark.django_db(transaction=True)
def test_advisers_reporting_together_lose_no_count_and_never_deadlock():
    recruitments = [adviser() for _ in range(ADVISERS)]
    earlier = [report(recruitment) for recruitment in recruitments]

    def work(index):
        recruitment = recruitments[index]
        user = recruitment.candidate.user
        themes = THEMES[index % 5 :] + THEMES[: index % 5]  # the same counters, touched in another order
        record_report(report_data(thematiques=themes), by=user, recruitment=recruitment)
        moved = timezone.localdate() - dt.timedelta(days=40 + index)
        update_report(earlier[index], report_data(date=moved, thematiques=list(reversed(themes))), by=user)
        return True

    assert _run_together(work, ADVISERS) == [True] * ADVISERS
    assert ActivityReport.objects.count() == 2 * ADVISERS
    assert _stored() == counters.difference([], ActivityReport.objects.all(), NATIONAL)


@pytest.mark.django_db(transaction=True)
def test_advisers_creating_the_same_new_counters_together_never_deadlock():
    """Every thread's report falls in a month no counter has yet: they all insert the same new rows."""
    recruitments = [adviser() for _ in range(ADVISERS)]
    new_month = timezone.localdate() - dt.timedelta(days=200)

    def work(index):
        recruitment = recruitments[index]
        themes = THEMES[index % 5 :] + THEMES[: index % 5]
        record_report(report_data(date=new_month, thematiques=themes), by=recruitment.candidate.user)
        return True

    assert _run_together(work, ADVISERS) == [True] * ADVISERS
    assert _stored() == counters.difference([], ActivityReport.objects.all(), NATIONAL)


@pytest.mark.django_db(transaction=True)
def test_a_recount_while_advisers_report_loses_no_count():
    recruitments = [adviser() for _ in range(ADVISERS)]
    for recruitment in recruitments:
        report(recruitment)

    def work(index):
        if index == 0:
            recount()
        else:
            recruitment = recruitments[index]
            record_report(report_data(thematiques=THEMES[:index]), by=recruitment.candidate.user)
        return True

    assert _run_together(work, ADVISERS) == [True] * ADVISERS
    assert _stored() == counters.difference([], ActivityReport.objects.all(), NATIONAL)
