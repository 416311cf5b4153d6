"""Shared by every widget: forms, prompts, the worker helper, icons, date entry, crashes."""
