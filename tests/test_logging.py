"""Log lines are JSON objects carrying the request id and the record's extras."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from careerpath.logging import JsonFormatter, request_id_var


def test_a_line_is_json_with_request_id_and_extras() -> None:
    record = logging.makeLogRecord(
        {"name": "careerpath.access", "levelname": "INFO", "msg": "GET %s %s", "args": ("/é", 200)}
    )
    record.ms = 1.25
    record.path = Path("var/x.db")  # not JSON: written as its text
    token = request_id_var.set("abcdef123456")
    try:
        line = JsonFormatter().format(record)
    finally:
        request_id_var.reset(token)
    entry = json.loads(line)
    assert entry["msg"] == "GET /é 200"
    assert entry["request_id"] == "abcdef123456"
    assert entry["ms"] == 1.25
    assert entry["path"] == "var/x.db"
    assert entry["level"] == "INFO"
    assert "\n" not in line
