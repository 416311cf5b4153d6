"""Stays as the stay tab shows them, and their plausibility checks."""
