"""Where hkcase keeps things, its settings and its logs. No Qt here."""
