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
    # Lines end at "\n" only: str.splitlines() would also break inside texts at U+2028 and the like.
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


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


# -- PostgreSQL: one throwaway cluster per session (tests/postgres_server.py) --------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs a PostgreSQL server (a throwaway cluster is started)")


@pytest.fixture(scope="session")
def postgres_server():
    """A running throwaway PostgreSQL cluster; skips where PostgreSQL cannot be found or installed."""
    from postgres_server import PostgresServer, PostgresUnavailable

    try:
        server = PostgresServer.start()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server) -> str:
    """URL of the throwaway cluster's maintenance database (superuser, no password)."""
    return postgres_server.url()


@pytest.fixture
def postgres_db_url(postgres_server) -> str:
    """URL of a fresh, empty PostgreSQL schema of its own for one test; dropped afterwards."""
    url = postgres_server.create_schema()
    yield url
    postgres_server.drop_schema(url)
