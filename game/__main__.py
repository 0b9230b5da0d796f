"""`python -m game`: the same as the `heartland` command."""
from game.cli import console

if __name__ == "__main__":
    console()
