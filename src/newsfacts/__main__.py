"""``python -m newsfacts``: the same as the ``newsfacts`` command."""

from .cli import main

raise SystemExit(main())
