"""One great-circle distance for every stage (tacitus.geodesy), equal to the shared scorer's."""

from __future__ import annotations

import importlib.util
import random

import pytest

from tacitus.geodesy import km

from conftest import shared_path


def test_known_distances():
    assert km(36.34, 43.13, 33.31, 44.36) == pytest.approx(355, abs=3)  # Mosul to Baghdad
    assert km(0, 179.9, 0, -179.9) == pytest.approx(22.2, abs=0.2)  # across the antimeridian
    assert km(48.85, 2.35, 48.85, 2.35) == 0.0
    assert km(90, 0, -90, 0) == pytest.approx(20015, abs=5)  # pole to pole, no domain error


def test_agrees_with_the_shared_scorer():
    # The 50 km coordinate test of our own evaluation must fall where eval/score.py's does.
    spec = importlib.util.spec_from_file_location("score", shared_path("eval", "score.py"))
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rng = random.Random(7)
    for _ in range(500):
        a, b = (rng.uniform(-89, 89), rng.uniform(-180, 180)), (rng.uniform(-89, 89), rng.uniform(-180, 180))
        assert km(*a, *b) == pytest.approx(scorer.km(*a, *b), rel=1e-12)
