"""``python -m hkcase`` does what the ``hkcase`` command does."""

from hkcase.cli import main

raise SystemExit(main())
