"""Every test run gets its own empty HEARTLAND_HOME, so no test reads or writes the user's real folders."""
import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_home(tmp_path_factory):
    """$HEARTLAND_HOME for the whole session (subprocesses inherit it); tests may still override it."""
    old = os.environ.get("HEARTLAND_HOME")
    os.environ["HEARTLAND_HOME"] = str(tmp_path_factory.mktemp("heartland-home"))
    yield
    if old is None:
        os.environ.pop("HEARTLAND_HOME", None)
    else:
        os.environ["HEARTLAND_HOME"] = old


@pytest.fixture(autouse=True)
def english():
    """Every test starts in English, whatever the machine's locale or an earlier test chose."""
    from game import text
    text.set_language("en")
    yield
    text.set_language("en")


@pytest.fixture(autouse=True)
def fresh_kept_results():
    """Every test starts with empty `memo.Kept` tables: a result kept while one test patched a rule never
    answers another test."""
    from game.model import memo
    memo.clear_kept()
    yield
