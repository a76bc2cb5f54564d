"""Generations: atomic switch, incremental updates, workers following, missing or stale index."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.search import service
from careerpath.search.builder import apply_update, build_generation
from careerpath.search.reader import IndexHolder
from careerpath.search.service import SearchRequest, run_search
from careerpath.search.store import MARKER, index_root, read_marker
from tests.search.factories import CATALOG, build_catalog, make_row


def titles(holder: IndexHolder, q: str) -> list[str]:
    live = holder.current(force=True)
    assert live is not None
    return [hit.title for hit in run_search(live, SearchRequest(q=q)).items]


def test_a_running_worker_follows_a_rebuild_without_restart(tmp_path: Path) -> None:
    build_catalog(tmp_path)
    worker = IndexHolder(tmp_path)
    assert titles(worker, "kafka") == []
    build_generation(tmp_path, [*CATALOG, make_row(99, "Kafka: The Definitive Guide")], "v2", {})
    assert titles(worker, "kafka") == ["Kafka: The Definitive Guide"]


def test_rebuilds_keep_only_recent_generations(tmp_path: Path) -> None:
    for number in range(4):
        build_generation(tmp_path, CATALOG, f"v{number}", {})
    generations = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert len(generations) == 2
    marker = read_marker(tmp_path)
    assert marker is not None
    assert marker.fingerprint == "v3"


def test_incremental_update_replaces_changed_documents(tmp_path: Path) -> None:
    build_catalog(tmp_path)
    worker = IndexHolder(tmp_path)
    assert titles(worker, "django") == ["Django for Beginners"]
    renamed = make_row(4, "Django for Professionals", kind="course")
    marker = apply_update(tmp_path, [renamed], "v2", {}, removed_ids=[3])
    assert marker is not None
    assert marker.version == 2
    assert titles(worker, "django") == ["Django for Professionals"]
    assert titles(worker, "crash") == []


def test_a_broken_marker_means_no_index(tmp_path: Path) -> None:
    build_catalog(tmp_path)
    (tmp_path / MARKER).write_text("{not json")
    assert read_marker(tmp_path) is None
    assert IndexHolder(tmp_path).current() is None


async def test_missing_index_is_built_from_the_database(
    session: AsyncSession, tmp_path: Path
) -> None:
    page = await service.search(session, tmp_path, SearchRequest(q="postgresql"))
    assert page.total > 0
    assert read_marker(index_root(tmp_path)) is not None


async def test_stale_index_is_rebuilt(session: AsyncSession, tmp_path: Path) -> None:
    root = index_root(tmp_path)
    build_generation(root, CATALOG, "stale fingerprint", {})
    page = await service.search(session, tmp_path, SearchRequest(q="postgresql"))
    marker = read_marker(root)
    assert marker is not None
    assert marker.fingerprint != "stale fingerprint"
    assert "The Art of PostgreSQL" not in [hit.title for hit in page.items]
