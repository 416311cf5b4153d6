"""Whole-store and per-client archives: export, format, import."""
