"""The application factory: ``create_app(settings)`` builds the ASGI app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from litestar import Litestar, Router
from litestar.config.compression import CompressionConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from careerpath import health
from careerpath.accounts.admin_routes import AdminUserController
from careerpath.accounts.auth import authentication_middleware
from careerpath.accounts.lifespan import accounts_lifespan
from careerpath.accounts.list_routes import ListController, SharedListController, go
from careerpath.accounts.routes import AuthController, MeController
from careerpath.cache import DocumentCache, create_store
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
from careerpath.logging import configure_logging
from careerpath.matching.routes import MatchingController
from careerpath.salaries.routes import CareerSalariesController, SalaryComparisonController
from careerpath.search.routes import SearchController
from careerpath.security.access import Access, authorize
from careerpath.security.headers import security_headers_hook
from careerpath.security.limits import MAX_BODY_BYTES, query_limits_middleware
from careerpath.security.openapi_errors import document_problem_responses
from careerpath.skills.routes import SkillController
from careerpath.web.account_pages import AccountPages, SignInPages
from careerpath.web.catalog_pages import CatalogPageController
from careerpath.web.list_pages import ListPages, shared_list_page
from careerpath.web.matching_pages import MatchingPageController
from careerpath.web.middleware import request_id_middleware
from careerpath.web.pages import PageController
from careerpath.web.problems import EXCEPTION_HANDLERS
from careerpath.web.reset_pages import ResetPages
from careerpath.web.response_cache import STORE_NAME, response_cache_config
from careerpath.web.templating import configure_environment

WEB_DIR = Path(__file__).parent / "web"


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the app for ``settings`` (read from the environment when omitted)."""
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    store = create_store(settings.redis_url)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        configure_logging(settings.log_level)  # again: the server may have replaced ours
        engine = create_engine(settings.database_url)
        app.state.engine = engine
        app.state.session_factory = create_session_factory(engine)
        app.state.cache = DocumentCache(store, ttl=settings.cache_seconds)
        try:
            yield
        finally:
            await store.__aexit__(None, None, None)
            await engine.dispose()

    app = Litestar(
        route_handlers=[
            # Public read routes; a controller's own ``opt`` still overrides this.
            Router(
                "/",
                route_handlers=[
                    health.healthz,
                    health.readyz,
                    CareerController,
                    TitleController,
                    CareerSalariesController,
                    SalaryComparisonController,
                    SkillController,
                    MatchingController,
                    CatalogController,
                    SearchController,
                    CatalogPageController,
                    PageController,
                    MatchingPageController,
                    create_static_files_router(path="/static", directories=[WEB_DIR / "static"]),
                ],
                opt={"access": Access.PUBLIC},
            ),
            AuthController,
            MeController,
            AdminUserController,
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
        },
        state=State({"settings": settings}),
        lifespan=[lifespan, accounts_lifespan],
        middleware=[
            DefineMiddleware(request_id_middleware),
            query_limits_middleware,
            authentication_middleware,
        ],
        before_send=[security_headers_hook(production=settings.env == "production")],
        request_max_body_size=MAX_BODY_BYTES,
        exception_handlers=EXCEPTION_HANDLERS,
        template_config=TemplateConfig(
            directory=WEB_DIR / "templates",
            engine=JinjaTemplateEngine,
            engine_callback=configure_environment,
        ),
        openapi_config=OpenAPIConfig(
            title="careerpath API",
            version="1.0.0",
            description="Careers, salaries, skills, courses and books. "
            "Errors are RFC 9457 problem documents.",
            path="/api/docs",
            render_plugins=[ScalarRenderPlugin(), SwaggerRenderPlugin(path="/swagger")],
        ),
        stores={STORE_NAME: store},
        response_cache_config=response_cache_config(settings.cache_seconds),
        compression_config=CompressionConfig(backend="gzip", minimum_size=1024),
        debug=False,
    )
    document_problem_responses(app)
    return app
