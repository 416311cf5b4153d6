"""The one render API for printed outputs (checklist, letter, pack) and the loaders feeding it."""
