"""The consultant's own settings as a use case: validate, save, and apply at once."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from hkcase.config.settings import LANGUAGES, save_settings
from hkcase.domain.messages import tr
from hkcase.services.errors import ValidationError
from hkcase.services.reminders.refresh import lead_days_or_error, refresh_reminders
from hkcase.services.workspace import Workspace

#: The English of the lead times' problem (``parse_lead_days`` says it in the user's language).
LEAD_DAYS_WORDS = "Lead times are whole numbers of days, e.g. 84, 42, 7."


def parse_lead_days(text: str) -> list[int]:
    """``"84, 42; 7"`` as days, checked as the reminders need them (``ValidationError``)."""
    try:
        days = [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    except ValueError:
        raise ValidationError("reminder_lead_days",
                              tr("Lead times are whole numbers of days, e.g. 84, 42, 7.")) from None
    return list(lead_days_or_error(days))


def save_user_settings(ctx: Workspace, *, consultant_name: str, lead_days: Sequence[int],
                       language: str | None = None) -> bool:
    """Save the consultant's name and lead times; True when the reminders were regenerated.

    New lead times regenerate every reminder at once, so the dashboard, tray and calendar
    show them from now on. The name becomes the audit's actor for this desktop.
    """
    leads = list(lead_days_or_error(lead_days))
    changed = leads != list(ctx.settings.reminder_lead_days)
    if language is not None and language not in LANGUAGES:
        raise ValidationError("language", tr("choose one of {choices}",
                                             choices=", ".join(LANGUAGES)))
    ctx.settings = dataclasses.replace(ctx.settings, consultant_name=consultant_name.strip(),
                                       reminder_lead_days=leads,
                                       language=language or ctx.settings.language)
    save_settings(ctx.settings, ctx.locations.settings_file)
    if changed:
        refresh_reminders(ctx.store, lead_days=leads)
    return changed
