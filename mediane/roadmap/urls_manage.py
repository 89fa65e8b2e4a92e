"""The roadmap's manage addresses (see urls.py)."""

urlpatterns: list = []
