"""The PySide6 desktop application. Thin: it calls services and shows dataclasses."""
