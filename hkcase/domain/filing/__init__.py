"""Pure rules for ImmD's online filing: pre-filing checks, fees, processing times, upload slots.

Rule data lives in ``resources/filing/``; nothing here touches the store or Qt.
"""
