"""PDF output (reportlab, pypdf), fed plain data: fonts, layout, text, checklist, letter, pack."""
