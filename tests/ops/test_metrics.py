"""``/metrics``: Prometheus text for the token holder only, with every family the issue names."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from careerpath.config import Settings
from tests.accounts.actors import running_client

TOKEN = "scrape-token-for-tests"
FAMILIES = {
    "careerpath_http_requests": "counter",
    "careerpath_http_request_duration_seconds": "histogram",
    "careerpath_cache_lookups": "counter",
    "careerpath_job_queue_depth": "gauge",
    "careerpath_job_duration_seconds": "histogram",
    "careerpath_job_failures": "counter",
    "careerpath_db_pool_connections": "gauge",
    "careerpath_import_rows": "counter",
}


def test_metrics_need_the_token_and_expose_every_family(settings: Settings) -> None:
    with running_client(settings.model_copy(update={"metrics_token": TOKEN})) as client:
        career = client.get("/api/v1/careers").json()["items"][0]["slug"]
        assert client.get(f"/api/v1/careers/{career}").status_code == 200
        assert client.get("/metrics").status_code == 404
        assert client.get("/metrics", headers={"authorization": "Bearer wrong"}).status_code == 404
        answer = client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    families = {f.name: f for f in text_string_to_metric_families(answer.text)}
    assert {name: families[name].type for name in FAMILIES} == FAMILIES
    requests = families["careerpath_http_requests"].samples
    by_route = {(s.labels["route"], s.labels["status"]) for s in requests}
    assert ("/api/v1/careers/{slug}", "200") in by_route  # the template, not the slug
    assert not any(career in route for route, _ in by_route)
    pool = {s.labels["state"] for s in families["careerpath_db_pool_connections"].samples}
    assert pool == {"checked_out", "idle"}


def test_metrics_are_off_without_a_token(settings: Settings) -> None:
    with running_client(settings.model_copy(update={"metrics_token": ""})) as client:
        assert client.get("/metrics", headers={"authorization": "Bearer "}).status_code == 404
