"""``careerpath worker``: run queued jobs until stopped (production worker nodes)."""

from __future__ import annotations

import typer
from prometheus_client import start_http_server

from careerpath.cli.runtime import console
from careerpath.config import get_settings
from careerpath.jobs import runner
from careerpath.jobs.lifespan import create_queue
from careerpath.jobs.queue import MAX_POLL_SECONDS, quiet_storage_outages
from careerpath.jobs.registry import load_handlers
from careerpath.logging import configure_logging
from careerpath.ops.metrics import REGISTRY


def worker(
    threads: int = typer.Option(2, min=1, max=64, help="Jobs run at once by this process"),
    metrics_port: int | None = typer.Option(
        None, help="Serve this worker's /metrics on 127.0.0.1:PORT (a separate bind)"
    ),
) -> None:
    """Run queued jobs (imports, recomputes, link checks, digests) until Ctrl-C."""
    settings = get_settings()
    configure_logging(settings.log_level)
    load_handlers()
    queue = create_queue(settings)
    runner.recover(queue)  # jobs a killed worker left running
    if metrics_port is not None:
        start_http_server(metrics_port, addr="127.0.0.1", registry=REGISTRY)
    console.print(f"Worker running {threads} thread(s); Ctrl-C stops it after the current jobs.")
    quiet_storage_outages()
    consumer = queue.huey.create_consumer(
        workers=threads, worker_type="thread", max_delay=MAX_POLL_SECONDS
    )
    consumer.run()
    console.print("Worker stopped.")
