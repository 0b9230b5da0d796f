#!/usr/bin/env python3
"""Heartland: start the game, or `simulate`, `validate` from the command line."""
import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
