"""Exceptions and coded messages.

Exception tree::

    TacitusError
    ├── InputError            an input file or record cannot be read or parsed
    │   └── ArticleSkipped    an article was read but is not processed (empty, not English, ...)
    ├── ConfigError           a setting is invalid (unknown spaCy model, bad database URL, ...)
    ├── GazetteerError        the offline gazetteer cannot be built or opened
    └── StoreError            the event store cannot be opened, migrated or written

Messages are coded constants (``E001`` ...) so that a user's report can be
searched; format them with ``Errors.E001.format(...)``. A bad article never
aborts a batch: the pipeline turns :class:`InputError` into a ``Skipped``
record carrying the code and message.
"""

from __future__ import annotations


class Errors:
    # input
    E001 = "cannot read {path}: {reason}"
    E002 = "{path}: line {line}: not a JSON object: {reason}"
    E003 = "{path}: line {line}: article has no 'text' field"
    E004 = "{path}: cannot decode text: {reason}"
    E005 = "{path}: HTML page has no extractable main text"
    E006 = "{path}: empty article after cleaning"
    E007 = "{path}: language '{language}' is not supported (English only)"
    E008 = "{path}: no such file or directory"
    E009 = "{path}: unsupported file type '{suffix}' (use .txt, .html, .htm, .jsonl or a directory)"
    E010 = "{path}: line {line}: 'published' is not a date: {value!r}"
    E011 = "{path}: extraction failed: {reason}"
    # configuration
    E101 = "spaCy model {model!r} cannot be loaded: {reason}. Install it or set TACITUS_SPACY_MODEL."
    E102 = "unsupported database URL {url!r} (use a file path, sqlite:///PATH or postgresql://...)"
    E103 = "cannot read alias file {path}: {reason}"
    # gazetteer
    E201 = "cannot build the gazetteer at {path}: {reason}"
    E202 = "cannot open the gazetteer at {path}: {reason}"
    # store
    E301 = "cannot open the event store {url}: {reason}"
    E302 = "event store {url} has schema version {found}, newer than this Tacitus ({supported})"
    E303 = "cannot write to the event store {url}: {reason}"
    E304 = "no event with id {event_id}"


class TacitusError(Exception):
    """Base of every error Tacitus raises on purpose."""

    code: str = "E000"

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        self.kwargs = kwargs
        template = getattr(Errors, code)
        super().__init__(f"[{code}] " + template.format(**kwargs))

    @property
    def reason(self) -> str:
        """The message without its code prefix."""
        return str(self).split("] ", 1)[-1]


class InputError(TacitusError):
    """An input file or record cannot be read or parsed."""


class ArticleSkipped(InputError):
    """An article was read but is deliberately not processed."""


class ConfigError(TacitusError):
    """A setting is invalid."""


class GazetteerError(TacitusError):
    """The offline gazetteer cannot be built or opened."""


class StoreError(TacitusError):
    """The event store cannot be opened, migrated or written."""
