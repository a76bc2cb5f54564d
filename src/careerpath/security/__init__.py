"""Security plumbing shared by every route: headers, limits, throttling, access."""
