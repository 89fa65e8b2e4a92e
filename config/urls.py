"""Root URL map: public pages, the forum, accounts, the API and the admin."""

from django.contrib import admin
from django.urls import include, path

from config.api import api, unknown_address
from mediane import dev_inbox

urlpatterns = [
    path("", include("mediane.pages.urls")),
    path("forum/", include("mediane.consultation.urls")),
    path("syntheses/", include("mediane.synthesis.urls")),
    path("groupe-de-travail/", include("mediane.workinggroup.urls")),
    path("feuille-de-route/", include("mediane.roadmap.urls")),
    path("evenements/", include("mediane.events.urls")),
    path("formation/", include("mediane.training.urls")),
    path("financements/", include("mediane.funding.urls")),
    path("conseillers-numeriques/", include("mediane.conseillers.urls")),
    # Organisers' imports (/structures/imports/) and the public exports of places (/lieux/export.csv, .json).
    path("", include("mediane.structures.urls")),
    # The directory of places; structures' open-data exports (/lieux/export.csv, .json) use other paths beside it.
    path("lieux/", include("mediane.orientation.urls")),
    path("orientation/", include("mediane.orientation.urls_diagnostic")),
    path("compte/", include("mediane.accounts.urls")),
    path("compte/", include("allauth.urls")),
    path("api/", api.urls),
    path("api/<path:rest>", unknown_address),
    path("admin/", admin.site.urls),
    # Development only (404 elsewhere): the e-mails of a `make run` instance, with their links.
    path("dev/courriels/", dev_inbox.inbox, name="dev_inbox"),
]

handler400 = "mediane.pages.views.bad_request"
handler403 = "mediane.pages.views.permission_denied"
handler404 = "mediane.pages.views.page_not_found"
handler500 = "mediane.pages.views.server_error"
