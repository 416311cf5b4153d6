"""Reminder rules: the plan from the facts, urgency, wording, snoozing."""
