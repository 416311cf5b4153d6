"""Qt table models over plain dataclasses."""
