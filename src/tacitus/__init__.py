"""Tacitus: auditable conflict-event data from news text."""

import logging

from tacitus.models import Article, Event, RawDocument, Result, Skipped

__all__ = ["Article", "Event", "RawDocument", "Result", "Skipped", "__version__"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
