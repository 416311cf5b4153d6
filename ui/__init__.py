"""Qt Designer forms and the style sheet, installed as package data."""
