"""Shared fixtures: the spaCy model, one pipeline, the shared dev data beside the checkout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "src" / "tacitus" / "samples"


def shared_path(*parts: str) -> Path:
    """A file under ../shared (CI has it beside the checkout); skips the test where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Default settings (shared gazetteer cache) with a throwaway database."""
    db = tmp_path_factory.mktemp("db") / "tacitus.sqlite"
    return Settings(db=str(db), progress=False)


@pytest.fixture(scope="session")
def nlp(settings: Settings):
    from tacitus.nlp import load_nlp

    return load_nlp(settings.spacy_model)


@pytest.fixture(scope="session")
def pipeline(settings: Settings):
    from tacitus.pipeline import Pipeline

    return Pipeline(settings)
