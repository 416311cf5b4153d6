"""Pure-Python domain layer: vocabularies, rules and arithmetic.

Nothing here imports Qt, SQLAlchemy or does I/O other than reading packaged
resources; a test enforces it.
"""
