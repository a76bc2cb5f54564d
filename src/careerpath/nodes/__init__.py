"""More than one node: web nodes hear over Redis that the catalog changed and refresh."""
