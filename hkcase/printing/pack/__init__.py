"""The document pack: generated sections, then the enclosures merged and stamped."""
