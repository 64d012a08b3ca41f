"""Entry point of the packaged program: the same as ``retrofit-planner`` / ``python -m desktop``
(no arguments opens the window; ``check``, ``import``, ``export``, ``screenshot`` as usual)."""
import multiprocessing
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    # a worker process started by the frozen program (spawn on Windows and macOS) runs its
    # task here instead of opening a second window
    multiprocessing.freeze_support()
    sys.exit(main())
