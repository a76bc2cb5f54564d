"""The real server (granian, two workers) for the fault tests, and the HTTP callers they use."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support import confirmation_token, free_port, wait_until_up

PASSWORD = "correct horse battery staple"
GENEROUS = {
    f"CAREERPATH_RATE_LIMIT_{name}": "1000000/minute"
    for name in ("IP", "PER_API_CLIENT", "LOGIN", "REGISTRATION", "RESET")
}


@contextlib.contextmanager
def serving(database_url: str, folder: Path, **settings: str) -> Iterator[tuple[str, int]]:
    """Serve the app (two workers unless ``workers`` says otherwise); yield its URL and pid."""
    port = free_port()
    env = {
        **os.environ,
        **GENEROUS,
        "CAREERPATH_DATABASE_URL": database_url,
        "CAREERPATH_VAR_DIR": str(folder),
        "CAREERPATH_LOG_LEVEL": "WARNING",
        "CAREERPATH_SECRET_KEY": "fault-tests-secret-key-0123456789abcdef",
        "CAREERPATH_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "CAREERPATH_WORKERS": "2",
        **{f"CAREERPATH_{key.upper()}": value for key, value in settings.items()},
    }
    if "redis_url" not in settings:
        env.pop("CAREERPATH_REDIS_URL", None)
    cli = [sys.executable, "-m", "careerpath.cli", "serve", "--port", str(port)]
    log = (folder / "server.log").open("w")
    # A session of its own: a test can kill the server and its workers as one group.
    process = subprocess.Popen(
        cli, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        # Generous: on a loaded machine two workers take long to import the app.
        wait_until_up(f"http://127.0.0.1:{port}/healthz", seconds=240)
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        log.close()


@dataclass
class Tally:
    """Every status a load saw, and the writes the server acknowledged."""

    statuses: list[int] = field(default_factory=list)
    acknowledged: list[int] = field(default_factory=list)
    missing_retry_after: int = 0

    def record(self, response: httpx.Response) -> None:
        """Count one answer."""
        self.statuses.append(response.status_code)
        if response.status_code == 503 and "retry-after" not in response.headers:
            self.missing_retry_after += 1

    def server_errors(self, allowed: frozenset[int] = frozenset()) -> list[int]:
        """Return the 5xx answers other than ``allowed``."""
        return [s for s in self.statuses if s >= 500 and s not in allowed]


async def new_token(client: httpx.AsyncClient, label: str, var_dir: Path) -> str:
    """Register a user, follow the mailed link and sign in; return a write token of theirs."""
    account = {"email": f"{label}@example.org", "password": PASSWORD}
    assert (await client.post("/api/v1/auth/register", json=account)).status_code == 202
    token = {"token": confirmation_token(var_dir, account["email"])}
    assert (await client.post("/api/v1/auth/confirm-email", json=token)).status_code == 200
    client.cookies.clear()
    signed_in = await client.post("/api/v1/auth/login", json=account)
    assert signed_in.status_code == 200, signed_in.text
    cookie = signed_in.headers["set-cookie"].split(";", 1)[0]
    headers = {"cookie": cookie, "x-csrf-token": signed_in.json()["csrf_token"]}
    client.cookies.clear()
    body = {"name": label, "scope": "write"}
    created = await client.post("/api/v1/me/tokens", json=body, headers=headers)
    assert created.status_code == 201, created.text
    return str(created.json()["token"])
