"""Alembic migration environment and scripts for the hkcase schema."""
