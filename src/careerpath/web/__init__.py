"""HTML pages, static assets and the HTTP edges shared by API and pages."""
