"""The application factory: ``create_app(settings)`` builds the ASGI app."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import cast

from limits import parse
from litestar import Litestar, Router
from litestar.config.compression import CompressionConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig
from litestar.types import (
    LifeSpanReceive,
    LifeSpanScope,
    LifeSpanSend,
    Receive,
    Scope,
    Send,
)

from careerpath import health
from careerpath.accounts.admin_routes import AdminUserController
from careerpath.accounts.auth import authentication_middleware
from careerpath.accounts.lifespan import accounts_lifespan
from careerpath.accounts.list_routes import ListController, SharedListController, go
from careerpath.accounts.routes import AuthController, MeController
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
from careerpath.db import create_engine, create_session_factory
from careerpath.dependencies import provide_cache, provide_session, provide_settings
from careerpath.freshness.clock import GenerationClock
from careerpath.freshness.tracking import track_writes
from careerpath.httpapi.client_headers import client_headers_hook
from careerpath.httpapi.conditional import conditional_get_middleware
from careerpath.httpapi.links import LinkedResponse
from careerpath.httpapi.openapi import complete_document, openapi_config
from careerpath.logging import configure_logging
from careerpath.matching.routes import MatchingController
from careerpath.pages.dependencies import provide_career_options, provide_career_page
from careerpath.pages.routes import PageApiController
from careerpath.salaries.routes import CareerSalariesController, SalaryComparisonController
from careerpath.search.dependencies import provide_search_request
from careerpath.search.routes import SearchController, TopicController
from careerpath.security.access import Access, authorize
from careerpath.security.headers import security_headers_hook
from careerpath.security.limits import MAX_BODY_BYTES, query_limits_middleware
from careerpath.security.throttle import LocalLimit
from careerpath.skills.curation_routes import SkillCurationController
from careerpath.skills.routes import SkillController
from careerpath.web.account_pages import AccountPages, SignInPages
from careerpath.web.catalog_pages import CatalogPageController
from careerpath.web.hosts import host_check_middleware
from careerpath.web.list_pages import ListPages, shared_list_page
from careerpath.web.matching_pages import MatchingPageController
from careerpath.web.middleware import head_as_get, request_id_middleware
from careerpath.web.pages import PageController
from careerpath.web.problems import EXCEPTION_HANDLERS
from careerpath.web.reset_pages import ResetPages
from careerpath.web.response_cache import ResponseCache, response_cache_middleware
from careerpath.web.skill_pages import SkillPageController
from careerpath.web.templating import configure_environment

WEB_DIR = Path(__file__).parent / "web"


class CareerpathApp(Litestar):
    """The Litestar app, answering HEAD on every GET route."""

    async def __call__(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        """Serve HEAD as a GET without its body; everything else as Litestar does."""
        if scope["type"] != "lifespan":
            scope, send = head_as_get(scope, cast("Send", send))
        await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the app for ``settings`` (read from the environment when omitted)."""
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    track_writes()
    store = create_store(settings.redis_url)
    responses = create_store(settings.redis_url, RESPONSE_NAMESPACE)

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
        limit = LocalLimit(parse(settings.rate_limit_ip))
        app.state.response_cache = (
            ResponseCache(responses, clock.current, ttl, limit) if ttl else None
        )
        warming = asyncio.create_task(resolution.warm_resolver(app.state.session_factory))
        try:
            yield
        finally:
            warming.cancel()
            with suppress(asyncio.CancelledError):
                await warming
            await clock.stop()
            await store.__aexit__(None, None, None)
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
        ],
        guards=[authorize],
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
        lifespan=[lifespan, accounts_lifespan],
        middleware=[
            DefineMiddleware(request_id_middleware),
            host_check_middleware(settings),
            conditional_get_middleware,  # outside the response cache: its answers get tags too
            response_cache_middleware,
            authentication_middleware,  # before the query limits: a refusal still counts
            query_limits_middleware,
        ],
        before_send=[
            security_headers_hook(production=settings.env == "production"),
            client_headers_hook,
        ],
        response_class=LinkedResponse,
        request_max_body_size=MAX_BODY_BYTES,
        exception_handlers=EXCEPTION_HANDLERS,
        template_config=TemplateConfig(
            directory=WEB_DIR / "templates",
            engine=JinjaTemplateEngine,
            engine_callback=configure_environment,
        ),
        openapi_config=openapi_config(),
        compression_config=CompressionConfig(backend="gzip", minimum_size=1024),
        debug=False,
    )
    complete_document(app)
    return app
