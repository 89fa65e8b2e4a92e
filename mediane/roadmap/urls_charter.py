"""The roadmap's charter addresses (see urls.py)."""

urlpatterns: list = []
