"""What a use case needs of the opened application, as a protocol.

``hkcase.app.AppContext`` (above the services) satisfies it; services name this
instead, so they never import the layer that wires them together.
"""

from __future__ import annotations

from typing import Protocol

from hkcase.config.locations import Locations
from hkcase.config.settings import Settings
from hkcase.store import Store


class Workspace(Protocol):
    """The store, the folders and the settings of one opened data folder."""

    locations: Locations
    settings: Settings
    store: Store

    @property
    def actor(self) -> str:
        """Who is doing the work, for the audit trail."""
        ...
