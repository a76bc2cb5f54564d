"""The same searches answered by SQLite FTS5 over the same rows: top 20 by BM25 plus facets."""

from __future__ import annotations

import sqlite3
import time

from _search_queries import BenchQuery

_BY_RESOURCE = "FROM m CROSS JOIN resource r ON r.id = m.id GROUP BY 1"
FACET_SQL = {
    "kind": f"SELECT r.kind, count(*) {_BY_RESOURCE}",
    "level": f"SELECT r.level, count(*) {_BY_RESOURCE}",
    "price": f"SELECT r.is_free, count(*) {_BY_RESOURCE}",
    "language": f"SELECT r.language, count(*) {_BY_RESOURCE}",
    "provider": "SELECT r.provider, count(*) c FROM m CROSS JOIN resource r ON r.id = m.id "
    "GROUP BY 1 ORDER BY c DESC LIMIT 15",
    "topic": "SELECT t.topic_id, count(*) c FROM m CROSS JOIN resource_topic t "
    "ON t.resource_id = m.id GROUP BY 1 ORDER BY c DESC LIMIT 25",
    "skill": "SELECT s.skill_slug, count(*) c FROM m CROSS JOIN resource_skill s "
    "ON s.resource_id = m.id GROUP BY 1 ORDER BY c DESC LIMIT 25",
}
FILTER_SQL = {
    "kind": "r.kind = ?",
    "level": "r.level = ?",
    "language": "r.language = ?",
    "provider": "r.provider = ?",
}


def build_fts(path: str) -> float:
    """Create the FTS5 table over the catalog rows; return the seconds it took."""
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.executescript(
        """
        DROP TABLE IF EXISTS resource_fts;
        CREATE VIRTUAL TABLE resource_fts USING fts5(
            title, description, authors, provider, skills,
            tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO resource_fts(rowid, title, description, authors, provider, skills)
        SELECT r.id, r.title, r.description, coalesce(r.authors, ''), coalesce(r.provider, ''),
               coalesce((SELECT group_concat(s.skill_name, ' ') FROM resource_skill s
                         WHERE s.resource_id = r.id), '')
        FROM resource r;
        """
    )
    db.commit()
    db.close()
    return time.perf_counter() - started


def _where(query: BenchQuery) -> tuple[str, list[object]]:
    """Return the filters as SQL over ``resource r`` (the words are matched separately)."""
    clauses, params = [], []
    filters = query.filters
    for name, sql in FILTER_SQL.items():
        value = getattr(filters, name)
        if value:
            clauses.append(sql)
            params.append(value)
    if filters.price:
        clauses.append("r.is_free = ?")
        params.append(filters.price == "free")
    if filters.topic:
        clauses.append(
            "r.id IN (SELECT rt.resource_id FROM resource_topic rt WHERE rt.topic_id IN "
            "(SELECT id FROM topic WHERE slug = ? OR slug LIKE ?))"
        )
        params.extend([filters.topic, filters.topic + "-%"])
    if filters.skill:
        clauses.append("r.id IN (SELECT resource_id FROM resource_skill WHERE skill_slug = ?)")
        params.append(filters.skill)
    return " AND ".join(clauses) or "1", params


def run_query(db: sqlite3.Connection, query: BenchQuery) -> int:
    """Answer one query: the top 20 (by BM25 when there are words), the total and the facets."""
    where, params = _where(query)
    db.execute("DROP TABLE IF EXISTS temp.m")
    db.execute("CREATE TEMP TABLE m (id INTEGER PRIMARY KEY)")
    if query.fts:
        matched = (
            "FROM resource_fts f CROSS JOIN resource r ON r.id = f.rowid "
            f"WHERE resource_fts MATCH ? AND {where}"
        )
        db.execute(
            f"SELECT r.id, r.title {matched} "
            "ORDER BY bm25(resource_fts, 3.0, 1.0, 1.5, 1.5, 2.0) LIMIT 20",
            [query.fts, *params],
        ).fetchall()
        insert = f"INSERT INTO m SELECT r.id {matched}"
        db.execute(insert, [query.fts, *params])
    else:
        # Fixed SQL fragments only; every value is a bound parameter.
        top = f"SELECT r.id, r.title FROM resource r WHERE {where} LIMIT 20"  # noqa: S608
        db.execute(top, params).fetchall()
        insert = f"INSERT INTO m SELECT r.id FROM resource r WHERE {where}"  # noqa: S608
        db.execute(insert, params)
    total = int(db.execute("SELECT count(*) FROM m").fetchone()[0])
    for sql in FACET_SQL.values():
        db.execute(sql).fetchall()
    return total
