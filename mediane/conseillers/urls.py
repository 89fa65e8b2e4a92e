"""URLs of the Conseillers numériques programme under /conseillers-numeriques/: host structures and their
requests, the selection committee, candidates, recommendations and the global assignment, recruitments."""

from . import urls_candidates, urls_committee, urls_hosts, urls_matching, urls_recruitment

app_name = "conseillers"

urlpatterns = [
    *urls_hosts.urlpatterns,
    *urls_committee.urlpatterns,
    *urls_candidates.urlpatterns,
    *urls_matching.urlpatterns,
    *urls_recruitment.urlpatterns,
]
