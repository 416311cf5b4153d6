"""The migrated schema: no drift from the models, constraints enforced, connection settings."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import DataError, IntegrityError

from hkcase.store import Store
from hkcase.store.base import Base, include_in_migrations
from hkcase.store.engine import SQLITE_BUSY_TIMEOUT_MS
from hkcase.store.migrate import head_revision

# What the database raises when it refuses a row (PostgreSQL reports an
# over-long value as a DataError before any CHECK runs).
REFUSED = (IntegrityError, DataError)


def test_migrations_match_the_models(any_store: Store) -> None:
    with any_store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_in_migrations})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_fresh_store_is_stamped_at_head(any_store: Store) -> None:
    assert any_store.migration.revision == head_revision()
    assert any_store.migration.previous is None
    assert any_store.migration.backup is None


def test_sqlite_connection_settings(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_BUSY_TIMEOUT_MS
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def _raw(name: str, values: dict[str, object]) -> sa.TableClause:
    # Untyped columns: the values reach the database unchecked, so the tests
    # exercise the schema's own constraints, not SQLAlchemy's enum validation.
    return sa.table(name, *(sa.column(key) for key in [*values, "id"]))


def _client(conn: sa.Connection, **overrides: object) -> int:
    values = {
        "family_name": "CHAN", "given_names": "Tai Man", "sex": "M",
        "date_of_birth": date(1990, 1, 1), "nationality": "CN", "residence": "mainland_china",
        "version": 1, "created_at": sa.func.now(), "updated_at": sa.func.now(),
    }
    values.update(overrides)
    table = _raw("client", values)
    return int(conn.execute(sa.insert(table).values(values).returning(table.c.id)).scalar_one())


def _case(conn: sa.Connection, client_id: int, **overrides: object) -> int:
    values = {
        "reference": f"T-{client_id}-{len(overrides)}", "client_id": client_id,
        "scheme": "GEP", "application_type": "new", "stage": "intake", "outcome": "pending",
        "opened_on": date(2026, 1, 10), "version": 1,
        "created_at": sa.func.now(), "updated_at": sa.func.now(),
    }
    values.update(overrides)
    table = _raw("case", values)
    return int(conn.execute(sa.insert(table).values(values).returning(table.c.id)).scalar_one())


@pytest.mark.parametrize(
    "overrides",
    [
        {"sex": "Q"},
        {"residence": "moon"},
        {"nationality": "CHN"},
        {"family_name": "  "},
    ],
    ids=["sex", "residence", "nationality", "blank-family-name"],
)
def test_client_checks(any_store: Store, overrides: dict[str, object]) -> None:
    with pytest.raises(REFUSED), any_store.engine.begin() as conn:
        _client(conn, **overrides)


@pytest.mark.parametrize(
    "overrides",
    [
        {"stage": "drafting"},
        {"outcome": "approved", "stage": "submitted"},
        {"submitted_on": date(2026, 1, 9)},
        {"submitted_on": date(2026, 2, 1), "decided_on": date(2026, 1, 20)},
        {"closed_on": date(2025, 12, 31)},
        {"scheme": "WORKING_HOLIDAY"},
    ],
    ids=["stage", "outcome-before-decision", "submitted-before-opened",
         "decided-before-submitted", "closed-before-opened", "scheme"],
)
def test_case_checks(any_store: Store, overrides: dict[str, object]) -> None:
    with any_store.engine.begin() as conn:
        client_id = _client(conn)
    with pytest.raises(REFUSED), any_store.engine.begin() as conn:
        _case(conn, client_id, **overrides)


def test_stay_limit_must_follow_grant_and_be_unique_per_extension(any_store: Store) -> None:
    stay = Base.metadata.tables["stay"]
    with any_store.engine.begin() as conn:
        case_id = _case(conn, _client(conn))
    row = {"case_id": case_id, "extension_number": 0, "granted_on": date(2026, 3, 1),
           "limit_of_stay": date(2029, 3, 1), "created_at": sa.func.now()}
    with any_store.engine.begin() as conn:
        conn.execute(sa.insert(stay).values(row))
    with pytest.raises(REFUSED), any_store.engine.begin() as conn:
        conn.execute(sa.insert(stay).values(row))  # same extension number twice
    with pytest.raises(REFUSED), any_store.engine.begin() as conn:
        conn.execute(sa.insert(stay).values({**row, "extension_number": 1,
                                             "limit_of_stay": date(2026, 3, 1)}))


def test_foreign_keys_and_delete_rules(any_store: Store) -> None:
    tables = Base.metadata.tables
    with any_store.engine.begin() as conn:
        client_id = _client(conn)
        conn.execute(sa.insert(tables["travel_document"]).values(
            client_id=client_id, doc_type="passport", number="E12345678", issuing_country="CN"))
    with pytest.raises(REFUSED), any_store.engine.begin() as conn:
        _case(conn, client_id + 1000)  # no such client
    with any_store.engine.begin() as conn:
        case_id = _case(conn, client_id)
    with pytest.raises(REFUSED), any_store.engine.begin() as conn:
        # A client with cases cannot vanish under them.
        conn.execute(sa.delete(tables["client"]).where(tables["client"].c.id == client_id))
    with any_store.engine.begin() as conn:
        conn.execute(sa.delete(tables["case"]).where(tables["case"].c.id == case_id))
        conn.execute(sa.delete(tables["client"]).where(tables["client"].c.id == client_id))
        remaining = conn.execute(sa.select(sa.func.count()).select_from(
            tables["travel_document"])).scalar_one()
    assert remaining == 0  # travel documents went with their client


def test_relationship_cannot_link_a_client_to_itself(any_store: Store) -> None:
    with any_store.engine.begin() as conn:
        client_id = _client(conn)
    with pytest.raises(REFUSED), any_store.engine.begin() as conn:
        conn.execute(sa.insert(Base.metadata.tables["relationship"]).values(
            sponsor_id=client_id, dependant_id=client_id, kind="spouse"))


def test_snoozed_reminder_needs_a_date(any_store: Store) -> None:
    with any_store.engine.begin() as conn:
        case_id = _case(conn, _client(conn))
    with pytest.raises(REFUSED), any_store.engine.begin() as conn:
        values = {"key": "k", "case_id": case_id, "kind": "window_opens",
                  "due_date": date(2026, 5, 1), "state": "snoozed", "title": "Window opens",
                  "updated_at": sa.func.now()}
        conn.execute(sa.insert(_raw("reminder", values)).values(values))


def test_indexes_for_list_search_and_dashboard_exist(any_store: Store) -> None:
    inspector = sa.inspect(any_store.engine)
    def indexed(table: str) -> set[tuple[str, ...]]:
        return {tuple(i["column_names"]) for i in inspector.get_indexes(table)}
    assert ("family_name", "given_names") in indexed("client")
    assert ("chinese_name",) in indexed("client")
    assert ("number",) in indexed("travel_document")
    assert ("limit_of_stay",) in indexed("stay")
    assert ("state", "due_date") in indexed("reminder")
    assert ("immd_file_ref",) in indexed("case")
