"""Salaries: published figures now; reports, normalisation and aggregates later."""
