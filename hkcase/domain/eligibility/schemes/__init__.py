"""One module per family of schemes; each exposes ``assess_<scheme>(profile)``."""
