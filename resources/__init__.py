"""Data files shipped with hkcase (scheme rules, checklists, fonts, icons)."""
