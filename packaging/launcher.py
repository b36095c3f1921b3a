"""PyInstaller entry script: the frozen app starts the same ``main`` as the ``rmab-desktop`` command."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The library scanner reads tags in spawned worker processes; in a frozen app each worker
    # re-runs this script, and freeze_support() turns it into a worker instead of a second app.
    multiprocessing.freeze_support()
    from rmab_desktop.__main__ import main

    sys.exit(main())
