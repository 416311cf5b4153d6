"""Use cases joining the domain and the store; shared by the CLI and the GUI. No Qt."""
