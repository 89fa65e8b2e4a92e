"""The roadmap's addresses, under /feuille-de-route/: the public pages (`urls_public.py`), the charter
(`urls_charter.py`) and the organisers' pages (`urls_manage.py`), in one namespace."""

from .urls_charter import urlpatterns as charter_patterns
from .urls_manage import urlpatterns as manage_patterns
from .urls_public import urlpatterns as public_patterns

app_name = "roadmap"

urlpatterns = [*public_patterns, *charter_patterns, *manage_patterns]
