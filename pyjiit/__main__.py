"""``python -m pyjiit``: the ``pyjiit`` command."""

from pyjiit.cli import main

raise SystemExit(main())
