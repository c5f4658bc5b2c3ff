"""spaCy loading, and every custom component Tacitus registers.

Takes a model name from ``Settings.spacy_model`` (an installed package name
or a path) and returns a loaded ``Language``; loaded pipelines are cached per
name so a batch, a server or a test session loads each model once.
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from tacitus.errors import ConfigError

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline by package name or path.

    Raises:
        ConfigError: E101 when the model is not installed or cannot be loaded.
    """
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        raise ConfigError("E101", model=model, reason=exc) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError("E101", model=model, reason=f"it lacks the components {sorted(missing)}")
    logger.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp
