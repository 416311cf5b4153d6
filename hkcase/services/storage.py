"""What the GUI and CLI may name of the store: its handle and where an SQLite file lives.

Re-exported here so that the layers above services never import ``hkcase.store``.
"""

from __future__ import annotations

from hkcase.store import Store, sqlite_path

__all__ = ["Store", "sqlite_path"]
