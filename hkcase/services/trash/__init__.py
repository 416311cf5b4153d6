"""The Trash: deleting records with what hangs on them, restoring, naming them."""
