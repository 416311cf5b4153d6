"""Reminders: refresh from the facts, the digest, notifications, the dashboard, calendar export."""
