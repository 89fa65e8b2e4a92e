"""URLs of the programme's recruitment pages (under /conseillers-numeriques/)."""

urlpatterns: list = []
