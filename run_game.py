#!/usr/bin/env python3
"""Heartland from a source checkout: start the game, or `simulate`, `validate`, `replay`, `demo`, `folders`.

Installed, the same command line is `heartland` (or `python -m game`).
"""
from game.cli import console

if __name__ == "__main__":
    console()
