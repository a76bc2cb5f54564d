"""Create the accounts domain's per-process services when the app starts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar

from careerpath.accounts.items_port import CatalogPort
from careerpath.accounts.sessions import create_session_store
from careerpath.security.throttle import Throttle


@asynccontextmanager
async def accounts_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Attach the session store, the throttle and (unless a test set one) the items port."""
    settings = app.state.settings
    store = create_session_store()
    app.state.session_store = store
    throttle = Throttle(settings)
    app.state.throttle = throttle
    throttle.budgets.start()
    if "items_port" not in app.state:
        app.state.items_port = CatalogPort(settings.affiliate_params)
    try:
        yield
    finally:
        await throttle.close()
