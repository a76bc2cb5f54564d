"""The API as clients see it: OpenAPI names, security, tags; rate-limit, ETag, Link headers."""
