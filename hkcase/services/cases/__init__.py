"""Cases: opening, the list, the pane's detail, facts, notes, corrections."""
