"""Application layer: page view models assembled from several domains' services.

The HTML pages (``web/``) and their JSON representations (``pages.routes``) both call these;
a domain never imports this package.
"""
