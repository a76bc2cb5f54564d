"""Careers: titles, aliases, sections, ladder and related careers."""
