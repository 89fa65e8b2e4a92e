"""Site-wide template values: name, branding switch (State DSFR branding is reserved for State sites), menu."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .organisation import has_organisation_pages


def site(request):
    return {
        "SITE_NAME": settings.MEDIANE_SITE_NAME,
        "SITE_TAGLINE": settings.MEDIANE_SITE_TAGLINE,
        # With its article, as it reads in a sentence: `|capfirst` at the start, `|with_preposition:"de"` after « de ».
        "SITE_OPERATOR": settings.MEDIANE_OPERATOR,
        "CONTACT_EMAIL": settings.MEDIANE_CONTACT_EMAIL,
        "STATE_BRANDING": settings.MEDIANE_STATE_BRANDING,
        # Development only: the inbox of `mediane/dev_inbox.py`, linked where a newcomer waits for an e-mail.
        "DEV_INBOX": settings.MEDIANE_DEV_INBOX,
    }


def navigation(request):
    """Whether the main menu shows « Organisation »: read only by the pages that show the header."""
    user = getattr(request, "user", None)
    return {"ORGANISATION_MENU": SimpleLazyObject(lambda: user is not None and has_organisation_pages(user))}
