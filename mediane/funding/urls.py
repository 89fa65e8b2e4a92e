"""URLs of funding under /financements/: schemes and the eligibility finder, applications and payments."""

from . import urls_applications, urls_schemes

app_name = "funding"

urlpatterns = [*urls_schemes.urlpatterns, *urls_applications.urlpatterns]
