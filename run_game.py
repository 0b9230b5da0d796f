#!/usr/bin/env python3
"""Heartland: start the game, or `simulate`, `validate`, `replay`, `demo` from the command line."""
import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
