"""Producers' own files of places, read into the national standard through their source's mapping profile.

Pure Python, no Django: `profile.py` (the profile and its JSON file), and the reading, proposals, cleaning and
application of a profile in the modules beside it (see `docs/architecture.md`).
"""
