"""The metric families careerpath exports; one registry per process (``/metrics`` reads it)."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

HTTP_REQUESTS = Counter(
    "careerpath_http_requests",
    "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"],
    registry=REGISTRY,
)
HTTP_SECONDS = Histogram(
    "careerpath_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template and method.",
    ["route", "method"],
    registry=REGISTRY,
)
CACHE_LOOKUPS = Counter(
    "careerpath_cache_lookups",
    "Cache lookups by cache (documents, responses) and result (hit, miss).",
    ["cache", "result"],
    registry=REGISTRY,
)
JOB_QUEUE_DEPTH = Gauge(
    "careerpath_job_queue_depth", "Jobs waiting for a worker.", registry=REGISTRY
)
JOB_SECONDS = Histogram(
    "careerpath_job_duration_seconds",
    "Time a job ran, by kind.",
    ["kind"],
    buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800),
    registry=REGISTRY,
)
JOB_FAILURES = Counter(
    "careerpath_job_failures", "Failed job attempts, by kind.", ["kind"], registry=REGISTRY
)
DB_POOL = Gauge(
    "careerpath_db_pool_connections",
    "Database connections of this process, by state (checked_out, idle).",
    ["state"],
    registry=REGISTRY,
)
ROWS = Counter(
    "careerpath_import_rows",
    "Rows of imported files, by import kind and outcome (imported, updated, rejected …).",
    ["kind", "outcome"],
    registry=REGISTRY,
)


def watch_queue(depth: Callable[[], int]) -> None:
    """Read the queue depth from ``depth`` at every scrape."""
    JOB_QUEUE_DEPTH.set_function(depth)


def watch_pool(checked_out: Callable[[], int], idle: Callable[[], int]) -> None:
    """Read the pool's connection counts at every scrape."""
    DB_POOL.labels("checked_out").set_function(checked_out)
    DB_POOL.labels("idle").set_function(idle)


def count_cache(cache: str, *, hit: bool) -> None:
    """Count one lookup of ``cache``."""
    CACHE_LOOKUPS.labels(cache, "hit" if hit else "miss").inc()


def count_rows(kind: str, report: dict[str, object]) -> None:
    """Count the rows of an import report by outcome."""
    for outcome in ("imported", "updated", "unchanged", "rejected"):
        value = report.get(outcome)
        if isinstance(value, int) and value:
            ROWS.labels(kind, outcome).inc(value)
