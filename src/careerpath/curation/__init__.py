"""Curation: curators edit career content through the API."""
