"""spaCy loading, and every custom component Tacitus registers.

Takes a model name from ``Settings.spacy_model`` (an installed package name
or a path) and returns a loaded ``Language``; loaded pipelines are cached per
name so a batch, a server or a test session loads each model once.

Components added to every pipeline:

* ``tacitus_truecase`` (first): text written in capitals (wire copy,
  headlines) is re-tokenised from a true-cased copy of the same length
  (:mod:`tacitus.truecase`), because the statistical components read letter
  case and parse capitals as a string of proper nouns.
* ``tacitus_line_breaks`` (before the parser): a sentence starts after every
  line break.
* ``tacitus_common_nouns`` (after the NER): a plural common noun that opens a
  sentence and that the tagger took for a proper noun ("Drones struck ..." after
  a dateline) is a noun again, with its lemma.
* ``tacitus_restore_case`` (last): the annotations of a true-cased Doc are
  moved onto a Doc of the original text, token for token. Every span a later
  stage takes from the Doc is therefore a span of the article text as given.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TypeVar

import spacy
from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from tacitus.errors import ConfigError
from tacitus.pubdate import DATELINE_PREFIX
from tacitus.truecase import TrueCaser, build_truecaser, truecase, uncased_ranges

logger = logging.getLogger(__name__)

__all__ = ["load_nlp"]

# Where tacitus_truecase leaves the original text for tacitus_restore_case.
_ORIGINAL = "tacitus_original_text"
_CASED = "tacitus_cased_text"


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
    nlp.add_pipe("tacitus_truecase", first=True)
    nlp.add_pipe("tacitus_line_breaks", before="parser")
    nlp.add_pipe("tacitus_common_nouns", after="ner")
    nlp.add_pipe("tacitus_restore_case", last=True)
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
    # "ISTANBUL (AP) — Turkish warplanes struck ...": the dateline is no part of the sentence
    # (the parser would make the city the subject of the strike).
    text = doc.text
    for m in DATELINE_PREFIX.finditer(text):
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if after is not None and len(after) and after[0].i > 0:
            after[0].is_sent_start = True
    return doc




class TrueCase:
    """Pipeline component: a Doc of the true-cased text where the text is written in capitals.

    Text without capitals stretches passes through untouched (the same Doc).
    The English word list that tells names from words comes from the model's
    own lemmatizer tables (WordNet index and exceptions) when it has them.
    """

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._caser: TrueCaser | None = None

    @property
    def caser(self) -> TrueCaser:
        if self._caser is None:
            self._caser = build_truecaser(_english_words(self._nlp))
        return self._caser

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        ranges = uncased_ranges(text)
        if not ranges:
            return doc
        cased = truecase(text, self.caser, ranges=ranges)
        new = self._nlp.tokenizer(cased)
        new.user_data.update(doc.user_data)
        new.user_data[_ORIGINAL] = text
        logger.debug("true-cased a text of %d characters written in capitals", len(text))
        return new


@Language.factory("tacitus_truecase")
def make_truecase(nlp: Language, name: str) -> TrueCase:
    """Factory of :class:`TrueCase` (spaCy passes the pipeline it is added to)."""
    return TrueCase(nlp)


class CommonNouns:
    """Pipeline component: sentence-initial common nouns the tagger read as proper nouns.

    After a dateline or a headline the small model tags "Drones" in "Drones struck the
    plant" PROPN and leaves its lemma "Drones", so no rule that reads lemmas sees a drone.
    A token that opens a sentence, stands outside every entity, is followed by a
    lower-case word and that is the plural of a noun in the lemmatizer's noun index
    becomes a noun with that lemma. Names stay names: an entity, a word followed by
    another capitalised word ("Duma Street"), or one that is no inflected form ("Bahrain
    accused ...": the WordNet index holds countries and cities too) is left alone.
    """

    def __init__(self, nlp: Language) -> None:
        self._lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self._nouns: frozenset[str] | None = None

    @property
    def nouns(self) -> frozenset[str]:
        if self._nouns is None:
            lookups = getattr(self._lemmatizer, "lookups", None)
            table = lookups.get_table("lemma_index") if lookups is not None and lookups.has_table("lemma_index") else {}
            self._nouns = frozenset(table.get("noun", ()))
        return self._nouns

    def __call__(self, doc: Doc) -> Doc:
        if self._lemmatizer is None or not hasattr(self._lemmatizer, "rule_lemmatize") or not self.nouns:
            return doc
        for tok in doc:
            if not tok.is_sent_start or tok.pos_ != "PROPN" or tok.ent_iob_ != "O" or len(tok) < 3:
                continue
            if tok.i + 1 >= len(doc) or not doc[tok.i + 1].text[:1].islower() or not tok.text[1:].islower():
                continue
            tag, pos = tok.tag_, tok.pos_
            tok.pos_, tok.tag_ = "NOUN", "NNS" if tok.tag_ == "NNPS" or tok.lower_.endswith("s") else "NN"
            word = Doc(doc.vocab, words=[tok.lower_], pos=["NOUN"], tags=[tok.tag_])[0]
            lemma = self._lemmatizer.rule_lemmatize(word)[0]
            if lemma in self.nouns and lemma != tok.lower_:
                tok.lemma_ = lemma
            else:
                tok.pos_, tok.tag_ = pos, tag
        return doc


@Language.factory("tacitus_common_nouns")
def make_common_nouns(nlp: Language, name: str) -> CommonNouns:
    """Factory of :class:`CommonNouns`."""
    return CommonNouns(nlp)


@Language.component("tacitus_restore_case")
def restore_case(doc: Doc) -> Doc:
    """Put the annotations of a true-cased Doc on a Doc of the original text.

    The true-cased text has the original's length, so every token keeps its
    character offsets and only its letters' case changes.
    """
    original = doc.user_data.pop(_ORIGINAL, None)
    if original is None:
        return doc
    new = _retexted(doc, original)
    new.user_data[_CASED] = doc.text
    return new


def _retexted(doc: Doc, text: str) -> Doc:
    """A Doc of ``text`` (same length as ``doc.text``, other letter case) with ``doc``'s annotations."""
    words = [text[tok.idx : tok.idx + len(tok.text)] for tok in doc]
    new = Doc(doc.vocab, words=words, spaces=[bool(tok.whitespace_) for tok in doc])
    attrs = [TAG, POS, MORPH, LEMMA, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
    # spaCy refuses HEAD with SENT_START: the parse carries the sentence boundaries.
    attrs += [HEAD, DEP] if doc.has_annotation("DEP") else [SENT_START]
    new.from_array(attrs, doc.to_array(attrs))
    for key, group in doc.spans.items():
        new.spans[key] = [new[span.start : span.end] for span in group]
        for old, span in zip(group, new.spans[key]):
            span.label_ = old.label_
    new.user_data.update(doc.user_data)
    if doc.tensor is not None and len(doc.tensor):
        new.tensor = doc.tensor
    return new


_TEXT = "tacitus_text"
T = TypeVar("T")


def doc_memo(doc: Doc, key: str, compute: Callable[[], T]) -> T:
    """A value worked out once per Doc and kept in its ``user_data`` under ``key``.

    The token count is kept with it: a Doc built from another (a re-parse, a true-cased copy)
    may carry the other's ``user_data``, whose values are not its own.
    """
    cached = doc.user_data.get(key)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    value = compute()
    doc.user_data[key] = (len(doc), value)
    return value


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each access."""
    return doc_memo(doc, _TEXT, lambda: doc.text)


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start within ``[start, end)`` of the text (an actor's or a phrase's characters),
    read from that stretch only, not by walking the whole Doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if t.idx >= start] if span is not None else []


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of each sentence, as ``doc.sents`` gives them, read from arrays.

    ``doc.sents`` builds a Token object per token; on a long article that costs
    more than the toponym look-ups it serves. Empty when the Doc has no sentence
    boundaries.
    """
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return []
    rows = doc.to_array([IDX, LENGTH, SENT_START]).tolist()
    starts = [i for i, row in enumerate(rows) if i == 0 or row[2] == 1]
    ends = starts[1:] + [len(rows)]
    return [(rows[s][0], rows[e - 1][0] + rows[e - 1][1]) for s, e in zip(starts, ends, strict=True)]


def cased_text(doc: Doc) -> str:
    """The text the parser read: the true-cased copy of a text in capitals, else ``doc.text``.

    Same length and offsets as ``doc.text``; for rules that read letter case
    ("Paris Prosecutor" vs "Paris prosecutor"), which capitals would blind.
    """
    return doc.user_data.get(_CASED) or doc_text(doc)


def cased_doc(doc: Doc) -> Doc:
    """The Doc as the parser read it: its tokens in the true-cased text, else ``doc`` itself.

    Same tokens, offsets and annotations; for stages that read the letter case of
    tokens (place names are capitalised), which text in capitals or in lower case
    would blind. Spans taken from it are spans of the original text too.
    """
    cased = doc.user_data.get(_CASED)
    if not cased or cased == doc_text(doc):
        return doc
    new = _retexted(doc, cased)
    new.user_data.pop(_CASED, None)
    new.user_data.pop(_TEXT, None)
    return new


def _english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words from the lemmatizer's lookup tables; empty when it has none."""
    words: set[str] = set()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None:
        return frozenset()
    for table_name in ("lemma_index", "lemma_exc", "lemma_lookup"):
        if not lookups.has_table(table_name):
            continue
        table = lookups.get_table(table_name)
        for key, value in table.items():
            if isinstance(value, dict):  # lemma_exc: form -> lemmas, per part of speech
                for form, lemmas in value.items():
                    words.add(form)
                    words.update(lemmas)
            elif isinstance(value, list):  # lemma_index: lemmas per part of speech
                words.update(value)
            elif isinstance(value, str) and isinstance(key, str):
                words.update((key, value))
    return frozenset(w.lower() for w in words if w.isascii())
