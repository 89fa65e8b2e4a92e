"""URLs of the programme's candidates pages (under /conseillers-numeriques/)."""

urlpatterns: list = []
