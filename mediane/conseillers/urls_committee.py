"""URLs of the programme's committee pages (under /conseillers-numeriques/)."""

urlpatterns: list = []
