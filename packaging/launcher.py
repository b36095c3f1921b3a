"""PyInstaller entry script: the frozen app starts the same ``main`` as the ``rmab-desktop`` command."""

import sys

from rmab_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
