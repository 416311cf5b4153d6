"""One module per ``hkcase`` command: its arguments and what it prints."""
