"""Eligibility use cases: facts from the records, runs kept with their rule sets, rechecks."""
