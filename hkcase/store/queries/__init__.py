"""Read queries returning plain values and dataclasses, never live ORM rows."""
