"""Shared import machinery: readers with line numbers, column mapping, per-row reports."""
