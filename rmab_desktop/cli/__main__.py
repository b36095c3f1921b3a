"""``python -m rmab_desktop.cli``: the same as the ``rmab`` command."""

import sys

from rmab_desktop.cli import main

sys.exit(main())
