"""Synthesis of a theme's contributions: topics, representatives, duplicates (engine in `engine/`)."""
