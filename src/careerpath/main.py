"""The application factory: ``create_app(settings)`` builds the ASGI app."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import cast

from litestar import Litestar, Router
from litestar.datastructures import State
from litestar.di import Provide
from litestar.enums import ScopeType
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig
from litestar.types import (
    HTTPScope,
    LifeSpanReceive,
    LifeSpanScope,
    LifeSpanSend,
    Receive,
    Scope,
    Send,
)

from careerpath import health
from careerpath.accounts.admin_routes import AdminUserController
from careerpath.accounts.lifespan import accounts_lifespan
from careerpath.accounts.list_routes import ListController, SharedListController, go
from careerpath.accounts.routes import AuthController, MeController
from careerpath.alerts.routes import AlertController, UnsubscribeController
from careerpath.cache import RESPONSE_NAMESPACE, DocumentCache, create_store
from careerpath.careers import resolution
from careerpath.careers.dependencies import provide_career
from careerpath.careers.routes import CareerController
from careerpath.careers.title_routes import TitleController
from careerpath.catalog.routes import CatalogController
from careerpath.config import Settings, get_settings
from careerpath.curation.routes import (
    CurationController,
    ImportController,
    RankingCurationController,
)
from careerpath.db import create_engine, create_session_factory, retry_reads_middleware
from careerpath.dependencies import provide_cache, provide_session, provide_settings
from careerpath.freshness.clock import GenerationClock
from careerpath.freshness.tracking import track_writes
from careerpath.heap import settle_after
from careerpath.httpapi.links import LinkedResponse
from careerpath.httpapi.openapi import complete_document, openapi_config
from careerpath.jobs.lifespan import jobs_lifespan
from careerpath.jobs.routes import JobController
from careerpath.links.routes import LinkCurationController
from careerpath.logging import configure_logging
from careerpath.matching.routes import MatchingController
from careerpath.nodes.lifespan import nodes_lifespan
from careerpath.ops.http import http_metrics_middleware
from careerpath.ops.lifespan import ops_lifespan
from careerpath.ops.routes import metrics_endpoint
from careerpath.pages.dependencies import provide_career_options, provide_career_page
from careerpath.pages.routes import PageApiController
from careerpath.salaries.routes import CareerSalariesController, SalaryComparisonController
from careerpath.search.dependencies import provide_search_request
from careerpath.search.routes import SearchController, TopicController
from careerpath.security.access import Access, access_middleware
from careerpath.security.bodies import CheckedRequest
from careerpath.security.limits import MAX_BODY_BYTES
from careerpath.skills.curation_routes import SkillCurationController
from careerpath.skills.routes import SkillController
from careerpath.web.account_pages import AccountPages, SignInPages
from careerpath.web.catalog_pages import CatalogPageController
from careerpath.web.front_door import FrontDoor
from careerpath.web.list_pages import ListPages, shared_list_page
from careerpath.web.matching_pages import MatchingPageController
from careerpath.web.pages import PageController
from careerpath.web.problems import EXCEPTION_HANDLERS
from careerpath.web.reset_pages import ResetPages
from careerpath.web.response_cache import ResponseCache, response_cache_middleware
from careerpath.web.skill_pages import SkillPageController
from careerpath.web.templating import configure_environment

WEB_DIR = Path(__file__).parent / "web"


class CareerpathApp(Litestar):
    """The Litestar app behind its front door (``web/front_door.py``)."""

    front_door: FrontDoor | None = None

    async def __call__(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        """Send HTTP requests through the front door; everything else as Litestar does."""
        if scope["type"] == ScopeType.HTTP and self.front_door is not None:
            http: HTTPScope = cast("HTTPScope", scope)
            await self.front_door(http, cast("Receive", receive), cast("Send", send))
            return
        await super().__call__(scope, receive, send)

    async def route(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Route and answer one request (what the front door lets through)."""
        await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None, *, served: bool = False) -> Litestar:
    """Build the app for ``settings`` (read from the environment when omitted).

    ``served`` is set by the server entry point: its worker freezes its warmed heap.
    """
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    track_writes()
    store = create_store(settings.redis_url)
    # Without Redis each worker's response cache is its own memory (``ResponseCache``'s).
    responses = create_store(settings.redis_url, RESPONSE_NAMESPACE) if settings.redis_url else None

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        configure_logging(settings.log_level)  # again: the server may have replaced ours
        engine = create_engine(settings.database_url)
        app.state.engine = engine
        app.state.session_factory = create_session_factory(engine)
        clock = GenerationClock(app.state.session_factory, settings.cache_check_seconds)
        await clock.start()
        ttl = settings.cache_seconds
        app.state.cache = DocumentCache(store, ttl=ttl, generation=clock.current)
        app.state.generation_clock = clock
        app.state.response_cache = ResponseCache(responses, clock.current, ttl) if ttl else None
        door.cache = app.state.response_cache
        warmup = resolution.warm_resolver(app.state.session_factory)
        warming = asyncio.create_task(settle_after(warmup) if served else warmup)
        try:
            yield
        finally:
            warming.cancel()
            with suppress(asyncio.CancelledError):
                await warming
            await clock.stop()
            await store.__aexit__(None, None, None)
            if responses is not None:
                await responses.__aexit__(None, None, None)
            await engine.dispose()

    app = CareerpathApp(
        route_handlers=[
            # Public read routes; a controller's own ``opt`` still overrides this.
            Router(
                "/",
                route_handlers=[
                    health.healthz,
                    health.readyz,
                    CareerController,
                    TitleController,
                    PageApiController,
                    CareerSalariesController,
                    SalaryComparisonController,
                    SkillController,
                    MatchingController,
                    CatalogController,
                    SearchController,
                    TopicController,
                    CatalogPageController,
                    PageController,
                    MatchingPageController,
                    SkillPageController,
                    create_static_files_router(path="/static", directories=[WEB_DIR / "static"]),
                ],
                opt={"access": Access.PUBLIC},
            ),
            AuthController,
            MeController,
            AdminUserController,
            SkillCurationController,
            ListController,
            SharedListController,
            go,
            SignInPages,
            AccountPages,
            ListPages,
            shared_list_page,
            ResetPages,
            CurationController,
            ImportController,
            RankingCurationController,
            JobController,
            AlertController,
            UnsubscribeController,
            LinkCurationController,
            metrics_endpoint,
        ],
        dependencies={
            "session": Provide(provide_session),
            "cache": Provide(provide_cache, sync_to_thread=False),
            "settings": Provide(provide_settings, sync_to_thread=False),
            "career": Provide(provide_career),
            "search_request": Provide(provide_search_request, sync_to_thread=False),
            "page_options": Provide(provide_career_options, sync_to_thread=False),
            "career_page": Provide(provide_career_page),
        },
        state=State({"settings": settings}),
        lifespan=[lifespan, accounts_lifespan, jobs_lifespan, ops_lifespan, nodes_lifespan],
        # Everything else a request meets is in the front door, outside the router; the metrics
        # layer sits inside it, where the route template is known, and access is decided before
        # the response cache is consulted.
        middleware=[
            http_metrics_middleware,
            retry_reads_middleware,
            access_middleware,
            response_cache_middleware,
        ],
        response_class=LinkedResponse,
        request_class=CheckedRequest,
        request_max_body_size=MAX_BODY_BYTES,
        exception_handlers=EXCEPTION_HANDLERS,
        template_config=TemplateConfig(
            directory=WEB_DIR / "templates",
            engine=JinjaTemplateEngine,
            engine_callback=configure_environment,
        ),
        openapi_config=openapi_config(),
        debug=False,
    )
    door = app.front_door = FrontDoor(app, app.route, settings)
    complete_document(app)
    return app
