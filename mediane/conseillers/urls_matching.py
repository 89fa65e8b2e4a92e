"""URLs of the programme's matching pages (under /conseillers-numeriques/)."""

urlpatterns: list = []
