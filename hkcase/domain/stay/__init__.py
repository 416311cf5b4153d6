"""Limits of stay: dated stay patterns, estimates and extension windows."""
