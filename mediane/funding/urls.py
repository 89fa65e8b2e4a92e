"""URLs of funding under /financements/: schemes and the eligibility finder, applications and payments."""

from . import urls_applications, urls_schemes

app_name = "funding"

# Applications first: their addresses all start with a fixed word (mes-demandes/, demandes/, instruction/,
# chiffres/), which a scheme's `<slug>/` would otherwise take.
urlpatterns = [*urls_applications.urlpatterns, *urls_schemes.urlpatterns]
