"""Clustering: copies, events and stories."""
