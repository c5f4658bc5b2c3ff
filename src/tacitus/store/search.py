"""Query helpers shared by both backends: folding, countries, actors, text queries, geometry, weeks.

Pure functions, no database: what makes a filter mean the same on SQLite and
PostgreSQL is computed here once.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import re
from typing import Any

from tacitus.geodesy import EARTH_RADIUS_KM, km
from tacitus.models import EVENT_TYPES, SUB_EVENT_TYPES

logger = logging.getLogger(__name__)


# PostgreSQL's english stop words (snowball list). FTS5 has none, so the SQLite
# side drops them from queries to find what plainto/websearch_to_tsquery finds.
ENGLISH_STOPWORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
    her hers herself it its itself they them their theirs themselves what which who whom this that these
    those am is are was were be been being have has had having do does did doing a an the and but if or
    because as until while of at by for with about against between into through during before after above
    below to from up down in out on off over under again further then once here there when where why how
    all any both each few more most other some such no nor not only own same so than too very s t can will
    just don should now""".split()
)


def normalize_country(value: str) -> str:
    """An ISO3 code for a country filter: ISO3 in any case, ISO2, or a country name.

    Unknown values come back upper-cased, so they simply match nothing.
    """
    text = value.strip()
    if len(text) == 3 and text.isalpha():
        return text.upper()
    import pycountry  # only needed for the rarer name / alpha-2 spellings

    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        logger.debug("country filter %r is not a known country", value)
        return text.upper()


def fold(value: str) -> str:
    """The case-folded form stored in ``*_key``/``folded`` columns and used for queries."""
    return value.strip().lower()


def fold_or_none(value: Any) -> Any:
    """:func:`fold` for strings, anything else unchanged (SQLite's ``lower`` on this connection)."""
    return value.strip().lower() if isinstance(value, str) else value


@functools.lru_cache(maxsize=1)
def _actor_dictionary() -> Any:
    from tacitus.actors import ActorDictionary

    return ActorDictionary.load()


def canonical_actor(query: str) -> str | None:
    """The canonical name an actor query stands for ("Daesh" -> "Islamic State"), or None."""
    try:
        actor = _actor_dictionary().canonical(query)
    except Exception:  # noqa: BLE001 - a query must not fail because the alias table is broken
        logger.exception("actor dictionary failed on %r; matching the query as a substring", query)
        return None
    return actor.name if actor is not None else None


def iso_week(value: str | None) -> str | None:
    """``"2024-11-13"`` -> ``"2024-W46"`` (ISO 8601 week of a ``YYYY-MM-DD`` day)."""
    if not value:
        return None
    try:
        year, week, _ = dt.date.fromisoformat(value[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year:04d}-W{week:02d}"


def haversine_km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    """Great-circle distance in km (None if a coordinate is missing)."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return km(lat1, lon1, lat2, lon2)


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, list[tuple[float, float]] | None]:
    """(lat_min, lat_max, longitude ranges or None for all) enclosing a circle on the sphere.

    A circle crossing the antimeridian gets two longitude ranges; one reaching
    a pole needs every longitude.
    """
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    lat_min, lat_max = lat - dlat, lat + dlat
    if lat_min <= -90 or lat_max >= 90:
        return max(lat_min, -90.0), min(lat_max, 90.0), None
    # The widest longitude span is at the latitude farthest from the equator.
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * math.cos(math.radians(max(abs(lat_min), abs(lat_max))))))
    if dlon >= 180:
        return lat_min, lat_max, None
    lon_min, lon_max = lon - dlon, lon + dlon
    if lon_min < -180:
        return lat_min, lat_max, [(lon_min + 360, 180.0), (-180.0, lon_max)]
    if lon_max > 180:
        return lat_min, lat_max, [(lon_min, 180.0), (-180.0, lon_max - 360)]
    return lat_min, lat_max, [(lon_min, lon_max)]


def parse_text_query(text: str) -> tuple[list[list[list[str]]], list[list[str]]]:
    """A web-search style query as ``(OR-groups of phrases to AND, phrases to exclude)``.

    The syntax of PostgreSQL's ``websearch_to_tsquery``: words are ANDed,
    ``"quoted words"`` form a phrase, ``OR`` between two terms, ``-term``
    excludes. Each phrase is a list of lower-cased words. Stop words are dropped
    as PostgreSQL does, except inside a phrase, where they keep the words apart.
    """
    groups: list[list[list[str]]] = []
    excluded: list[list[str]] = []
    pending_or = False
    for match in re.finditer(r'(-?)"([^"]*)"?|(-?)([^\s"]+)', text):
        negated = bool(match.group(1) or match.group(3))
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        if match.group(4) is not None and raw == "OR" and not negated:
            pending_or = bool(groups)
            continue
        words = [w.lower() for w in re.findall(r"\w+", raw)]
        while words and words[0] in ENGLISH_STOPWORDS:
            words.pop(0)
        while words and words[-1] in ENGLISH_STOPWORDS:
            words.pop()
        if not words:
            continue
        if negated:
            excluded.append(words)
        elif pending_or and groups:
            groups[-1].append(words)
        else:
            groups.append([words])
        pending_or = False
    return groups, excluded


def fts5_query(text: str) -> str | None:
    """An FTS5 MATCH expression for a web-search style query, or None if it has no positive term."""
    groups, excluded = parse_text_query(text)
    if not groups:
        return None

    def phrase(words: list[str]) -> str:
        return '"' + " ".join(words) + '"'

    query = " AND ".join("(" + " OR ".join(phrase(p) for p in group) + ")" for group in groups)
    if excluded:
        query = f"({query}) NOT (" + " OR ".join(phrase(p) for p in excluded) + ")"
    return query


def tsquery_text(text: str) -> str | None:
    """The same query as :func:`fts5_query`, in ``to_tsquery`` syntax, or None."""
    groups, excluded = parse_text_query(text)
    if not groups:
        return None

    def phrase(words: list[str]) -> str:
        return "(" + " <-> ".join(f"'{w}'" for w in words) + ")"

    query = " & ".join("(" + " | ".join(phrase(p) for p in group) + ")" for group in groups)
    for words in excluded:
        query += f" & !{phrase(words)}"
    return query


def canonical_event_type(value: str) -> tuple[str | None, str | None]:
    """(event type, sub-event type) a type filter names, spelled as the codebook does."""
    folded = fold(value)
    for event_type in EVENT_TYPES:
        if fold(event_type) == folded:
            return event_type, None
    for sub_event_type in SUB_EVENT_TYPES:
        if fold(sub_event_type) == folded:
            return None, sub_event_type
    return None, None


def like_escape(text: str) -> str:
    """``text`` with LIKE wildcards made literal (``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
