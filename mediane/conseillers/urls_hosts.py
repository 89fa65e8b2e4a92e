"""URLs of the programme's hosts pages (under /conseillers-numeriques/)."""

urlpatterns: list = []
