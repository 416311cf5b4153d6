"""Demo data: realistic clients, cases, stays and checklists, and removing them again."""
