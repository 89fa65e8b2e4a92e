"""The roadmap's public addresses (see urls.py)."""

urlpatterns: list = []
