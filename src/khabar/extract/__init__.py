"""Extraction: entities, quotes and sources."""
