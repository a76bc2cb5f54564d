"""A PostgreSQL cluster and a Redis server of the fault tests' own, on spare ports.

The fault tests stop and restart these for real; the shared servers are never touched. The
binaries come from the machine (``pg_config --bindir`` or ``/usr/lib/postgresql/*/bin``, and
``redis-server``); without them the tests skip, and under CI=true they fail. PostgreSQL's
``initdb`` refuses to run as root, so as root (CI's containers) the cluster belongs to the
``postgres`` user and its commands run through ``runuser``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.support import free_port, unavailable

STARTUP_SECONDS = 60


def postgres_bindir() -> Path | None:
    """Return the folder of ``initdb`` and ``pg_ctl``, if PostgreSQL's server is installed."""
    candidates = []
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(Path(found.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    found_all = (c for c in candidates if (c / "initdb").exists() and (c / "pg_ctl").exists())
    return next(found_all, None)


class PostgresCluster:
    """A throwaway cluster in a scratch folder: trust authentication, 127.0.0.1 only."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.port = free_port()
        # Not under pytest's tmp folder: that one is private to root, and the server may not be.
        self.folder = Path(tempfile.mkdtemp(prefix="careerpath-pg-"))
        self.data = self.folder / "data"
        self.owner = "postgres" if os.geteuid() == 0 else None
        if self.owner:
            account = pwd.getpwnam(self.owner)
            os.chown(self.folder, account.pw_uid, account.pw_gid)

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the cluster's ``postgres`` database."""
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def init(self) -> PostgresCluster:
        """Create the cluster."""
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        return self

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c max_connections=100"
        )
        log = str(self.folder / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: clients are disconnected, as in a restart)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def log(self) -> str:
        """Return the server's log."""
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def remove(self) -> None:
        """Stop the server if it runs, and delete the cluster."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.owner:
            command = ["runuser", "-u", self.owner, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=STARTUP_SECONDS)


@contextlib.contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """Yield a running cluster of our own; delete it afterwards."""
    bindir = postgres_bindir()
    if bindir is None:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) not installed")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        unavailable("running as root without runuser: initdb refuses root")
    cluster = PostgresCluster(bindir)
    try:
        cluster.init().start()
        yield cluster
    finally:
        cluster.remove()


class RedisServer:
    """A Redis without persistence in a scratch folder."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="careerpath-redis-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The server's URL, database 0 (it is ours alone)."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start the server on its port and wait until it answers."""
        command = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        log = (self.folder / "server.log").open("ab")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + STARTUP_SECONDS
        while not self._answers():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"redis-server did not start:\n{self.log()}")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server (SIGTERM, as a service manager does)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None

    def log(self) -> str:
        """Return the server's log."""
        return (self.folder / "server.log").read_text(errors="replace")

    def remove(self) -> None:
        """Stop the server and delete its folder."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _answers(self) -> bool:
        from redis import Redis
        from redis.exceptions import RedisError

        try:
            with Redis(port=self.port, socket_connect_timeout=0.5) as client:
                return bool(client.ping())
        except RedisError:
            return False


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer]:
    """Yield a running Redis of our own; delete it afterwards."""
    binary = shutil.which("redis-server")
    if binary is None:
        unavailable("redis-server not installed")
    server = RedisServer(binary)
    try:
        server.start()
        yield server
    finally:
        server.remove()
