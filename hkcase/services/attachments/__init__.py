"""Attached files: stored content-addressed, checked, decrypted for readers."""
