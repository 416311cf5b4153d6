"""Spreadsheet import: clients (and their current visas) from CSV or XLSX, all or nothing.

``plan_import`` reads a file and says what importing it would do (new rows,
updates of existing clients, rejected rows with the reason per row and
column); ``apply_plan`` writes the accepted rows in one transaction. The
columns are in ``columns`` and docs/data-in-and-out.md; a template ships in
``resources/import/``.
"""

from hkcase.services.imports.apply import ImportResult, apply_plan, summary
from hkcase.services.imports.columns import COLUMNS, EXTRA_COLUMNS, known_headers
from hkcase.services.imports.plan import ImportPlan, Rejection, RowPlan, plan_import, plan_rows
from hkcase.services.imports.reading import ENCODINGS, read_sheet

__all__ = [
    "COLUMNS", "ENCODINGS", "EXTRA_COLUMNS", "ImportPlan", "ImportResult", "Rejection",
    "RowPlan", "apply_plan", "known_headers", "plan_import", "plan_rows", "read_sheet",
    "summary",
]
