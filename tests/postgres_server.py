"""A throwaway PostgreSQL cluster for the store tests and the store benchmark.

Finds Debian's PostgreSQL binaries (``/usr/lib/postgresql/<major>/bin``),
installing the ``postgresql`` package with apt-get when they are missing and we
run as root; runs ``initdb`` into a temporary directory and starts the server
with ``pg_ctl`` on 127.0.0.1, on a free port, with its unix socket inside that
directory; stops it and removes the directory on :meth:`PostgresServer.stop`.

initdb and postgres refuse to run as root, so as root both run as the
``postgres`` system user (``runuser -u postgres --``) in a directory chowned to
it. Durability is switched off (``fsync=off``): the cluster lives for one test
session and speed is all that matters.

Usage::

    with PostgresServer.start() as server:
        url = server.create_database("events")   # postgresql://postgres@127.0.0.1:PORT/events
"""

from __future__ import annotations

import glob
import logging
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

logger = logging.getLogger(__name__)

SUPERUSER = "postgres"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be found, installed or started here; the message says why."""


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<major>/bin`` that has initdb, pg_ctl and postgres, or None."""
    candidates = []
    for bin_dir in glob.glob("/usr/lib/postgresql/*/bin"):
        path = Path(bin_dir)
        if all((path / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            try:
                major = int(path.parent.name.split(".")[0])
            except ValueError:
                continue
            candidates.append((major, path))
    return max(candidates)[1] if candidates else None


def ensure_bin_dir() -> Path:
    """PostgreSQL's bin directory, installing Debian's ``postgresql`` package first if needed.

    Raises:
        PostgresUnavailable: not installed and we cannot install it (not root, no apt-get,
            or the install failed).
    """
    found = find_bin_dir()
    if found is not None:
        return found
    if os.geteuid() != 0:
        raise PostgresUnavailable("PostgreSQL is not installed (/usr/lib/postgresql/*/bin) and we are not root")
    if shutil.which("apt-get") is None:
        raise PostgresUnavailable("PostgreSQL is not installed and apt-get is not available")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    logger.info("installing PostgreSQL with apt-get")
    for command in (
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"],
    ):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{' '.join(command)} failed: {done.stderr.strip()[-500:]}")
    found = find_bin_dir()
    if found is None:
        raise PostgresUnavailable("apt-get installed postgresql but no /usr/lib/postgresql/*/bin appeared")
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One running throwaway cluster; :meth:`start` makes one, :meth:`stop` removes it."""

    def __init__(self, bin_dir: Path, data_root: Path, port: int, run_as: str | None) -> None:
        self.bin_dir = bin_dir
        self.root = data_root
        self.data = data_root / "data"
        self.port = port
        self._run_as = run_as
        self._running = False
        self._n_databases = 0
        self._n_schemas = 0
        self._databases: set[str] = set()

    @classmethod
    def start(cls, *, bin_dir: Path | None = None) -> PostgresServer:
        """initdb a temporary cluster and start it on a free 127.0.0.1 port.

        Raises:
            PostgresUnavailable: binaries missing and not installable, or initdb/pg_ctl failed.
        """
        bin_dir = bin_dir or ensure_bin_dir()
        run_as = None
        root = Path(tempfile.mkdtemp(prefix="tacitus-pg-"))
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam(SUPERUSER)
            except KeyError as exc:
                shutil.rmtree(root, ignore_errors=True)
                raise PostgresUnavailable("running as root and there is no 'postgres' system user") from exc
            os.chown(root, account.pw_uid, account.pw_gid)
            run_as = SUPERUSER
        server = cls(bin_dir, root, free_port(), run_as)
        try:
            server._initdb()
            server._pg_ctl_start()
        except BaseException:
            server.stop()
            raise
        return server

    def _run(self, *args: str) -> None:
        command = [str(a) for a in args]
        if self._run_as:
            command = ["runuser", "-u", self._run_as, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=self.root)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            raise PostgresUnavailable(
                f"{Path(args[0]).name} failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-1500:]}"
                + (f"\nserver log:\n{tail}" if tail else "")
            )

    def _initdb(self) -> None:
        # C.UTF-8: byte-order collation (as SQLite's) yet Unicode-aware lower().
        self._run(
            self.bin_dir / "initdb",
            "-D", self.data, "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
            "--no-sync", "--no-instructions",
        )  # fmt: skip

    def _pg_ctl_start(self) -> None:
        options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.root}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            ]
        )
        self._run(self.bin_dir / "pg_ctl", "-D", self.data, "-l", self.root / "server.log", "-o", options, "-w", "-t", "60", "start")
        self._running = True
        logger.info("throwaway PostgreSQL running on 127.0.0.1:%d (%s)", self.port, self.root)

    def url(self, database: str = "postgres") -> str:
        """A ``postgresql://`` URL of a database of this cluster (superuser, no password)."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database and return its URL (names default to ``t1``, ``t2`` ...)."""
        import psycopg

        self._n_databases += 1
        name = name or f"t{self._n_databases}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return self.url(name)

    def create_schema(self, database: str = "tacitus_test") -> str:
        """Create an empty schema (``s1``, ``s2`` ...) and return a URL whose search_path is it.

        Much cheaper than a database per test (milliseconds, not a file copy);
        the store creates its tables in the first schema of the search path.
        """
        import psycopg

        if database not in self._databases:
            self.create_database(database)
            self._databases.add(database)
        self._n_schemas += 1
        name = f"s{self._n_schemas}"
        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return f"{self.url(database)}?options=-csearch_path%3D{name}"

    def drop_schema(self, url: str) -> None:
        """Drop the schema of a :meth:`create_schema` URL with everything in it."""
        import psycopg

        base, _, name = url.partition("?options=-csearch_path%3D")
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")

    def drop_database(self, name: str) -> None:
        """Drop a database, disconnecting whoever still uses it."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its directory; safe to call twice."""
        if self._running:
            try:
                self._run(self.bin_dir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
            except PostgresUnavailable as exc:
                logger.warning("stopping the throwaway PostgreSQL failed: %s", exc)
            self._running = False
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
