"""The prose of the OpenAPI document: its description, tag descriptions and header descriptions."""

from __future__ import annotations

API_DESCRIPTION = """\
Careers, salaries, skills, courses and books. Errors are RFC 9457 problem documents.

## Authentication

Public operations need nothing. The others take a personal API token, sent as
`Authorization: Bearer cp_…`: sign in (`POST /api/v1/auth/login`), then create one with
`POST /api/v1/me/tokens` (scope `read` or `write`, up to 365 days). Each operation's `security`
says what it needs: the token scope, and the owner's role when it is more than `user`.
Browsers use the session cookie instead, with the `X-CSRF-Token` header on unsafe methods.

## Rate limits

Every API response carries its budget: `RateLimit-Policy` and `RateLimit` (IETF httpapi draft)
and `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (seconds). Tokens have a
budget of their own; anonymous callers share one per address. A 429 or 503 says when to come
back in `Retry-After` (seconds).

## Caching and pagination

Successful GETs carry a strong `ETag`; send it back in `If-None-Match` and an unchanged answer
is a bodyless 304. Paginated lists carry `Link` relations (`first`, `prev`, `next`, `last`,
RFC 8288) that keep the other query parameters.

## Versioning and deprecation

The major version is in the path: `/api/v1`. Within it, changes are additive: new operations,
new optional parameters, new fields in answers (clients ignore fields they do not know), new
values in open lists. Anything else (removing or renaming a field, an operation or a parameter,
tightening validation) comes with `/api/v2`, served beside v1. An operation to be retired is
marked `deprecated` here and answers with `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and
`Link: <…>; rel="successor-version"` at least six months before its sunset date; after that
date it may be removed.
"""

TAGS = {
    "careers": "Careers: list, search and read, with their sections, ladder and relations.",
    "salaries": "Salary figures per city and level, and comparisons between careers.",
    "skills": "The skill taxonomy, skill demand per career and skill extraction.",
    "titles": "Job titles to careers: a calibrated confidence, the level, reasons, candidates.",
    "matching": "Courses and books ranked for a career, learning paths and skill gaps.",
    "catalog": "Courses, books and topics.",
    "search": "Full-text search over courses and books, with facets.",
    "accounts": "Sign-up, sign-in, the caller's account, sessions and API tokens.",
    "lists": "Saved lists, progress, sharing, exports, and provider links.",
    "curation": "Curators: career content, pinned and hidden resources, file imports, links.",
    "jobs": "Background jobs: state, progress and report of a queued import.",
    "alerts": "Digests by email when a saved career's salary, skills or top courses change.",
    "admin": "Administrators: users and roles.",
    "operations": "Liveness and readiness probes.",
}

# name -> (description, whether every response it is documented on carries it)
HEADER_DESCRIPTIONS = {
    "RateLimit-Policy": (
        'The limit that applies (IETF draft): `"ip";q=300;w=60` is 300 requests a 60-second '
        "window per address; tokens have the `client` policy.",
        True,
    ),
    "RateLimit": (
        'What is left of it (IETF draft): `"ip";r=299;t=58` is 299 requests, and capacity '
        "returns in 58 seconds.",
        True,
    ),
    "X-RateLimit-Limit": ("Requests allowed in the window.", True),
    "X-RateLimit-Remaining": ("Requests left in the window.", True),
    "X-RateLimit-Reset": ("Seconds until capacity returns.", True),
    "Retry-After": ("Seconds to wait before trying again.", True),
    "ETag": ("Strong entity tag of this answer; send it in `If-None-Match`.", False),
    "Link": (
        'RFC 8288 relations: a page\'s `rel="first"`, `prev`, `next`, `last`; a retiring '
        'operation\'s `rel="deprecation"` and `rel="successor-version"`.',
        False,
    ),
    "Deprecation": ("When this operation was deprecated (RFC 9745: `@` epoch seconds).", False),
    "Sunset": ("When this operation will be removed (RFC 8594, an HTTP date).", False),
}
