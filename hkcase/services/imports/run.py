"""An import as the CLI and the GUI run it: back up, write the plan, refresh the reminders."""

from __future__ import annotations

import logging

from hkcase.services.errors import ValidationError
from hkcase.services.imports.apply import ImportResult, apply_plan
from hkcase.services.imports.plan import ImportPlan
from hkcase.services.imports.progress import BACKING_UP, Progress, silent
from hkcase.services.workspace import Workspace
from hkcase.store import StoreError

log = logging.getLogger(__name__)

#: What can go wrong with an import in the ordinary way (said to the user, not a crash).
EXPECTED: tuple[type[Exception], ...] = (ValidationError, StoreError, OSError)


def refusal(exc: Exception) -> str:
    """One of the ``EXPECTED`` errors in the user's words."""
    return exc.message if isinstance(exc, ValidationError) else str(exc)


def run_import(ctx: Workspace, plan: ImportPlan, *, progress: Progress = silent
               ) -> ImportResult:
    """Back up, then write every accepted row in one transaction, then refresh reminders.

    ``progress`` may raise ``Cancelled`` until the rows are committed; after
    that the import is done and is reported as done.
    """
    from hkcase.services.backups import backup_before
    from hkcase.services.reminders.refresh import refresh_reminders

    progress(BACKING_UP, 0, 0)
    backup_before(ctx.store, ctx.locations.backup_dir, ctx.locations.attachments_dir, "import")
    result = apply_plan(ctx.store, plan, actor=ctx.actor, progress=progress)
    try:
        refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days,
                          clients=list(result.client_ids))
    except (ValidationError, StoreError):  # derived data: the next refresh catches up
        log.warning("reminders not refreshed after the import", exc_info=True)
    log.info("imported %d new and %d updated clients", result.new, result.updated)
    return result
