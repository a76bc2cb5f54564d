"""The interactive API reference (Scalar), served from careerpath's own static files.

The Scalar bundle is vendored under ``web/static/vendor/`` at a pinned version (see the NOTICE
there), so the docs work offline and no request leaves the host. The page carries no inline
script: the configuration rides on a data attribute, and the styles Scalar injects at run time
carry the request's CSP nonce, which Scalar reads from the ``csp-nonce`` meta tag.
"""

from __future__ import annotations

import html
from typing import Any

import msgspec
from litestar import Request
from litestar.openapi.plugins import OpenAPIRenderPlugin

from careerpath.security.headers import csp_nonce

SCALAR_VERSION = "1.72.1"
SCALAR_JS = f"/static/vendor/scalar-{SCALAR_VERSION}/standalone.js"
# Nothing Scalar would fetch from its own servers: no web fonts, no proxy, no hosted client.
SCALAR_OPTIONS: dict[str, object] = {
    "withDefaultFonts": False,
    "hideClientButton": True,
    "showDeveloperTools": "never",
    "telemetry": False,
    "agent": {"disabled": True},
    "mcp": {"disabled": True},
}


class ScalarPage(OpenAPIRenderPlugin):
    """Render the API reference with the vendored Scalar bundle under a nonce-only CSP."""

    def __init__(self, *, path: str = "/scalar") -> None:
        """Serve the reference at ``path`` under the OpenAPI root."""
        favicon = '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
        super().__init__(path=path, favicon=favicon, style="")

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        """Return the HTML page that loads the bundle and points it at the JSON document."""
        title = html.escape(str(openapi_schema["info"]["title"]))
        config = html.escape(msgspec.json.encode(SCALAR_OPTIONS).decode())
        document = html.escape(self.get_openapi_json_route(request))
        nonce = csp_nonce(request.scope)
        return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" content="{nonce}">
<title>{title}</title>
{self.favicon}
</head>
<body>
<noscript>The API reference needs JavaScript; the document itself is at
<a href="{document}">{document}</a>.</noscript>
<script id="api-reference" data-url="{document}" data-configuration="{config}"></script>
<script src="{SCALAR_JS}"></script>
</body>
</html>
""".encode()
