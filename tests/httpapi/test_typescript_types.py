"""TypeScript types generated with openapi-typescript from the app's document type-check a client.

The tools come from the npm registry, pinned by ``typescript/package-lock.json``; ``.ci/run``
installs them (``npm ci --prefix tests/httpapi/typescript``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.support import unavailable

TOOLS = Path(__file__).parent / "typescript"
BIN = TOOLS / "node_modules" / ".bin"


@pytest.mark.slow
def test_generated_types_check_with_tsc(
    backend: str, document: dict[str, Any], tmp_path: Path
) -> None:
    if backend != "sqlite":
        pytest.skip("the document does not depend on the database; checked once")
    if not (BIN / "tsc").exists():
        unavailable(f"TypeScript tools absent: npm ci --prefix {TOOLS}")
    (tmp_path / "openapi.json").write_text(json.dumps(document))
    for name in ("check.ts", "tsconfig.json"):
        shutil.copy(TOOLS / name, tmp_path / name)
    generate = [str(BIN / "openapi-typescript"), "openapi.json", "-o", "schema.d.ts"]
    generated = _run(generate, tmp_path)
    assert "warn" not in generated.lower(), generated
    _run([str(BIN / "tsc"), "-p", "tsconfig.json"], tmp_path)


def _run(command: list[str], folder: Path) -> str:
    done = subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=300, check=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    return output
