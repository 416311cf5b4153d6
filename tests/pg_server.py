"""Start and stop a throw-away PostgreSQL cluster for the test run."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path


def find_postgres_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, newest version first."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name),
        reverse=True,
    )
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """A cluster in a temporary folder, trust authentication, loopback only."""

    def __init__(self, bindir: Path, workdir: Path) -> None:
        self.bindir = bindir
        self.datadir = workdir / "data"
        self.socketdir = workdir / "sock"
        self.port = _free_port()
        self._names = itertools.count(1)
        # initdb refuses to run as root; run the server as the 'postgres' user then.
        self._as: list[str] = []
        if os.geteuid() == 0:
            pwd.getpwnam("postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(workdir, "postgres")

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self.socketdir.mkdir()
        if self._as:
            shutil.chown(self.socketdir, "postgres")
        self._run(str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", "postgres",
                  "-A", "trust", "-E", "UTF8", "--no-locale")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.socketdir} -c fsync=off"
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-o", options,
                  "-w", "-t", "60", "-l", str(self.datadir / "server.log"), "start")

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate",
                  "-w", "stop")

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def create_database(self) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = f"hkcase_test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"
