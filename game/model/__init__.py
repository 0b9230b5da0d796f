"""The game's records: the World and the things in it."""
from game.model.world import (  # noqa: F401
    AID_KINDS, C5, GREAT, LOAD, OTHERS, RESOURCES, UNITS, Contract, Corridor, CrisisDef, Economy, EventDef, Forum,
    Item, Objective, Offer, Pledge, Policy, Power, River, Summit, Tender, World, tension_key,
)
