"""Ids are plain identifiers everywhere in a scenario file: a table keyed by an id that is not one
is refused in one sentence naming the file, the line of its header and the key."""
from __future__ import annotations

import pytest

from game.scenario.loader import ID_TABLES, validate
from tests.scenario_helpers import BASE_TEXT, changed, line_of

HOSTILE = ["a b", "../../x/evil", "/abs", ".hidden", "-dash", "x" * 65, "tab\there", "new\\nline", "é"]


def errors_at(tmp_path, text: str) -> list:
    path = tmp_path / "ids.toml"
    path.write_text(text, encoding="utf-8")
    errors = validate(str(path))
    assert all(e.path == str(path) and "\n" not in e.describe() for e in errors)
    return errors


@pytest.mark.parametrize("table", ID_TABLES)
@pytest.mark.parametrize("bad", HOSTILE)
def test_a_table_keyed_by_an_unplain_id_is_one_sentence_with_file_line_and_key(tmp_path, table, bad):
    header = f'[{table}."{bad}"]'
    text = BASE_TEXT + f"\n{header}\nname = \"x\"\n"
    found = [e for e in errors_at(tmp_path, text) if "not a plain id" in e.message]
    assert len(found) == 1, [e.describe() for e in errors_at(tmp_path, text)]
    assert found[0].line == line_of(text, header) and found[0].key.startswith(f"{table}.")


def test_every_shipped_id_is_plain():
    for sid in ("1992", "2015", "2025", "scenarios/examples/japan_first.toml",
                "scenarios/examples/caspian_crisis.toml"):
        assert not [e for e in validate(sid) if "plain id" in e.message], sid


@pytest.mark.parametrize("old, new, key", [
    ('cards = ["', 'cards = ["../x", "', "cards"),
    ('corridor = "cac_china_gas"', 'corridor = "../cac_china_gas"', "corridor"),
    ('seller = "turkmenistan"', 'seller = "turk menistan"', "seller"),
])
def test_references_to_unplain_ids_name_file_line_and_key(tmp_path, old, new, key):
    text = changed(old, new)
    found = [e for e in errors_at(tmp_path, text) if e.key.endswith(key)]
    assert found and found[0].line == line_of(text, new), [e.describe() for e in errors_at(tmp_path, text)]


def test_a_hostile_key_cannot_break_the_sentence(tmp_path):
    text = BASE_TEXT + '\n[events."' + "a\\u0007" * 200 + '"]\ntitle = "x"\n'
    errors = errors_at(tmp_path, text)
    assert errors and all(len(e.key) <= 120 and e.key.isprintable() for e in errors)


def _renamed(table: str, old: str, new: str):
    """A save edit giving one record of the World a new id (key and record alike)."""
    def edit(body):
        records = body["world"][table]
        record = records.pop(old)
        record["id"] = new
        records[new] = record
    return edit


@pytest.mark.parametrize("table, old", [("corridors", "cpc"), ("forums", "sco")])
@pytest.mark.parametrize("new", ["../x", "a b", "x" * 65])
def test_a_save_with_an_unplain_id_is_refused_in_a_sentence(tmp_path, table, old, new):
    from game import save
    from game.errors import SaveError
    from tests.test_harden_saves import resealed
    from tests.test_save_bad import one_sentence_naming, write
    path = write(tmp_path, resealed(_renamed(table, old, new)))
    with pytest.raises(SaveError) as e:
        save.load(path)
    assert "plain id" in one_sentence_naming(e.value, path)
