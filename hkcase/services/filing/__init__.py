"""Use cases for ImmD's online filing: checklist on demand, attach by number, pre-filing checks,
fees, the upload set and the filing data sheet."""
