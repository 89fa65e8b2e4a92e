"""Site-wide template values: name, branding switch (State DSFR branding is reserved for State sites)."""

from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.MEDIANE_SITE_NAME,
        "SITE_TAGLINE": settings.MEDIANE_SITE_TAGLINE,
        "SITE_OPERATOR": settings.MEDIANE_OPERATOR,
        "STATE_BRANDING": settings.MEDIANE_STATE_BRANDING,
    }
