"""The case pane's tabs, one module each."""
