"""Shared fixtures. Qt must be told it has no screen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hkcase.domain.messages import set_language
from hkcase.store import Store, open_store, sqlite_url
from tests.pg_server import PostgresServer, find_postgres_bin


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the developer's real data, config or logs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("HKCASE_DATA_DIR", raising=False)
    monkeypatch.delenv("HKCASE_DATABASE_URL", raising=False)
    monkeypatch.setenv("HKCASE_LANGUAGE", "en")  # the tests read English, whatever the locale
    set_language("en")  # what the services say, whatever a test before set


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """GUI tests collect garbage on the GUI thread only, as the app does (gui/gc_guard.py).

    A window freed by a collection that happened to run on a pool thread is destroyed off
    the GUI thread, and a later test's event processing crashes (seen as exit 139 in CI).
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        from PySide6.QtCore import QCoreApplication, QEvent

        # After pytest-qt closed the test's widgets: they are deleted here, on this thread,
        # not in some later test's event loop.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        gc.enable()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated SQLite file store."""
    store = open_store(sqlite_url(tmp_path / "hkcase.sqlite3"), backup_dir=tmp_path / "backups")
    yield store
    store.close()


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    """A real PostgreSQL server for this test run, on a free loopback port."""
    bindir = find_postgres_bin()
    if bindir is None:
        message = (
            "PostgreSQL server binaries not found; install them with "
            "'apt-get install postgresql' (scripts/test does this when run as root)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Not under pytest's temp folder: that is private to root, and the server runs
    # as the 'postgres' user when the tests run as root.
    workdir = Path(tempfile.mkdtemp(prefix="hkcase-pg-"))
    server = PostgresServer(bindir, workdir)
    try:
        server.start()
        yield server
        server.stop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def postgres_store(postgres_server: PostgresServer, tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated store in a new database on the test run's PostgreSQL server."""
    url = postgres_server.create_database()
    store = open_store(url, backup_dir=tmp_path / "backups")
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest) -> Store:
    """The same test on a SQLite file and on PostgreSQL."""
    fixture_name = "sqlite_store" if request.param == "sqlite" else "postgres_store"
    store: Store = request.getfixturevalue(fixture_name)
    return store
