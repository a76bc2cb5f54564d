"""Settings, read from the environment with the ``CAREERPATH_`` prefix."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

VAR_DIR = Path("var")


MIN_SECRET_LENGTH = 32


def strong_secret(key: str) -> bool:
    """Say whether ``key`` could be random: long enough, and not one character repeated."""
    return len(key) >= MIN_SECRET_LENGTH and len(set(key)) >= MIN_SECRET_LENGTH // 4


class Settings(BaseSettings):
    """Everything the app needs to know about where it runs."""

    model_config = SettingsConfigDict(env_prefix="CAREERPATH_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    database_url: str = f"sqlite+aiosqlite:///{VAR_DIR / 'careerpath.db'}"
    redis_url: str | None = None
    secret_key: str = ""
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    var_dir: Path = VAR_DIR
    log_level: str = "INFO"
    # Provider name -> query parameters added to its links by /go/{id}, e.g.
    # CAREERPATH_AFFILIATE_PARAMS='{"Coursera": {"ref": "careerpath"}}'.
    affiliate_params: dict[str, dict[str, str]] = Field(default_factory=dict)
    # Read models and anonymous responses are cached this long; 0 turns both caches off.
    cache_seconds: int = Field(default=60, ge=0, le=86_400)
    access_log: bool = True
    public_url: str = "http://127.0.0.1:8000"
    # Host names answered besides the public URL's and localhost (comma-separated; "*.x.org").
    allowed_hosts: str = ""
    # How often each worker polls the cache generation; 0 reads it on every request.
    cache_check_seconds: float = Field(default=0.25, ge=0, le=1)
    smtp_host: str | None = None
    smtp_port: int = Field(default=25, ge=1, le=65535)
    mail_from: str = "careerpath <no-reply@careerpath.local>"
    # Reverse proxies whose X-Forwarded-For names the client (addresses or CIDR, comma-separated).
    trusted_proxies: str = ""
    # "inline": the web process runs jobs in a thread (the embedded default); "external": only
    # ``careerpath worker`` processes do (production: web and worker nodes apart).
    job_worker: Literal["inline", "external"] = "inline"
    # The daily link check and alert digests: on where the site runs for real (compose.yaml);
    # off by default so that no test or laptop run sends requests to the sites in the catalog.
    scheduled_jobs: bool = False
    # /metrics answers only to "Authorization: Bearer <token>"; empty hides it.
    metrics_token: str = ""
    rate_limit_ip: str = "300/minute"
    rate_limit_per_api_client: str = "600/minute"
    rate_limit_login: str = "10/5 minutes"
    rate_limit_registration: str = "10/5 minutes"
    rate_limit_reset: str = "10/5 minutes"

    @model_validator(mode="after")
    def _require_secret_in_production(self) -> Settings:
        if self.env == "production" and not strong_secret(self.secret_key):
            msg = (
                "CAREERPATH_SECRET_KEY must be at least 32 random characters when "
                "CAREERPATH_ENV=production (e.g. python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))')"
            )
            raise ValueError(msg)
        return self

    @property
    def is_sqlite(self) -> bool:
        """Say whether the database is the embedded SQLite one."""
        return self.database_url.startswith("sqlite")

    def resolved_secret_key(self) -> str:
        """Return the configured secret, or the one generated once and kept under ``var_dir``."""
        if self.secret_key:
            return self.secret_key
        key_file = self.var_dir / "secret_key"
        if key_file.exists():
            return key_file.read_text().strip()
        self.var_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings read from the environment."""
    return Settings()
