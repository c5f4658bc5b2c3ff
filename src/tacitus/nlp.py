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
from spacy.tokens import Doc

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
    nlp.add_pipe("tacitus_line_breaks", before="parser")
    logger.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


@Language.component("tacitus_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text keeps headlines, datelines and paragraphs on lines of their own,
    often without a final full stop; the parser would otherwise run a headline
    into the first sentence of the story.
    """
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
            elif tok.i + 2 < len(doc):
                doc[tok.i + 2].is_sent_start = True
    return doc
