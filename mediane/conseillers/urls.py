"""URLs of the Conseillers numériques programme under /conseillers-numeriques/: host structures and their
requests, the selection committee, candidates, recommendations and the global assignment, recruitments, the
advisers' activity reports (recording, exports and imports) and the programme's dashboard."""

from . import (
    urls_candidates,
    urls_committee,
    urls_dashboard,
    urls_exports,
    urls_hosts,
    urls_matching,
    urls_recruitment,
    urls_reports,
)

app_name = "conseillers"

urlpatterns = [
    *urls_hosts.urlpatterns,
    *urls_committee.urlpatterns,
    *urls_candidates.urlpatterns,
    *urls_matching.urlpatterns,
    *urls_recruitment.urlpatterns,
    *urls_reports.urlpatterns,
    *urls_exports.urlpatterns,
    *urls_dashboard.urlpatterns,
]
