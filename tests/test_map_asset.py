"""The bundled map asset and the geo helpers that read it."""

import math

import pytest

from game.ui.geo import load_map, point_in_rings, project

GAME_COUNTRIES = ("JPN", "CHN", "RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB")


@pytest.fixture(scope="module")
def world():
    return load_map()


def shoelace(rings):
    total = 0.0
    for ring in rings:
        pairs = zip(ring, ring[1:] + ring[:1])
        total += abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2
    return total


def test_asset_loads(world):
    minx, miny, maxx, maxy = world.bounds
    assert minx < maxx and miny < maxy
    assert world.countries and world.places


@pytest.mark.parametrize("iso", GAME_COUNTRIES)
def test_game_countries_present(world, iso):
    assert world.countries[iso].rings
    assert all(len(r) >= 3 for r in world.countries[iso].rings)


def test_labels_inside_their_country(world):
    for iso, country in world.countries.items():
        assert point_in_rings(*country.label, country.rings), iso


def test_places_match_projection(world):
    for pid, place in world.places.items():
        assert math.dist(project(*place.lonlat), place.xy) <= 0.1, pid


def test_kazakhstan_to_kyrgyzstan_area_ratio(world):
    ratio = shoelace(world.countries["KAZ"].rings) / shoelace(world.countries["KGZ"].rings)
    assert 8 < ratio < 20


@pytest.mark.parametrize("place, iso", [("tashkent", "UZB"), ("almaty", "KAZ"), ("bishkek", "KGZ"),
                                        ("dushanbe", "TJK"), ("ashgabat", "TKM"), ("tokyo", "JPN")])
def test_capitals_inside_their_country(world, place, iso):
    assert point_in_rings(*world.places[place].xy, world.countries[iso].rings)


def test_projection_orientation():
    assert project(85.0, 40.0) == pytest.approx((0.0, 0.0), abs=1e-9)
    assert project(85.0, 50.0)[1] > 0 > project(80.0, 40.0)[0]


def test_point_in_rings_even_odd():
    outer = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    hole = ((4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0))
    assert point_in_rings(2.0, 2.0, [outer, hole])
    assert not point_in_rings(5.0, 5.0, [outer, hole])
    assert not point_in_rings(11.0, 5.0, [outer])
