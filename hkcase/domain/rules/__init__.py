"""The dated-rules kernel shared by every rule file."""
