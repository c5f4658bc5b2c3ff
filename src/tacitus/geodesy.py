"""Great-circle distance, one definition for every stage.

Takes two WGS84 points in decimal degrees and returns kilometres on a sphere
of the radius the shared scorer (``eval/score.py``) uses, so that Tacitus'
own evaluation, its merge and dedup thresholds and its store's ``--near``
queries all agree with the scorer at the 50 km boundary. Standard library
only: every stage, including the store, may import it.
"""

from __future__ import annotations

import math

#: Kilometres: the sphere of ``eval/score.py`` (the IUGG mean radius is 6371.0088).
EARTH_RADIUS_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
