"""The programme's dashboard: public, internal (the programme team), and its open data."""

urlpatterns: list = []
