"""Publication dates: where an article says when it was published.

Takes cleaned article text (or, for web pages, the HTML) and returns the
publication date with how it was found. Only reliable evidence counts: a
record's ``published`` field, the URL, meta tags and JSON-LD of a page, a
dateline opening the story, a "Published ..." stamp, or a line holding only a
date near the top. A date inside prose is an event date (``tacitus.dates``),
and dates in boilerplate (related-article lists) are never taken.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator

from tacitus.errors import InputError

logger = logging.getLogger(__name__)

__all__ = ["MONTHS", "find_publication_date", "html_date", "parse_published", "story_foot", "story_head"]

_I = re.IGNORECASE

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_DATE = (
    rf"(?:{_WEEKDAY}?(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|{_WEEKDAY}?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)[-/.](?P<m3>\d{{1,2}})[-/.](?P<d3>\d{{1,2}})(?!\d)"
    rf"|(?P<a4>\d{{1,2}})[/.](?P<b4>\d{{1,2}})[/.](?P<y4>(?:19|20)\d\d)(?!\d))"
)
_PLACE_WORD = r"(?:[A-Z][\w\u00C0-\u024F.'’-]*|de|del|al|el|la|le|du|of|upon|sur|an|am)"
_PLACE = rf"[A-Z][\w\u00C0-\u024F.'’-]*(?:\s+{_PLACE_WORD}){{0,3}}"
_DATELINE = re.compile(
    # "KHARTOUM, Sudan, April 9, 2023 (Reuters) —": place words are capitalised, so
    # prose opening with a date ("The attack on April 9, 2023 –") does not pass.
    rf"^(?:{_PLACE}(?:,\s*{_PLACE}){{0,2}}\s*(?:\([^)\n]{{1,30}}\))?\s*,?\s+)?"
    rf"(?P<date>{_DATE})"
    r"\s*(?:\([^)\n]{1,30}\)\s*)?(?:[—–]|--?|:|/)",
)
_WHERE = r"(?:,[ \t]*[A-Z][A-Za-z.'’ -]{1,30})?"
_WHEN = r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)"
_AGENCY = r"(?:\([^()\n]{1,30}\))"
# The dateline opening a line of wire copy, up to the story's first word (the sentence split in
# ``nlp`` and the filing day in ``dates`` read it): a city in capitals ("PESHAWAR:"), or in any case
# with a date or an agency after it (a true-cased copy of wire text in capitals reads "Kabul,
# Afghanistan (AP) —"), then a dash or colon.
DATELINE_PREFIX = re.compile(
    rf"^[ \t]*(?:[A-Z][A-Z.'’ -]{{2,40}}{_WHERE}{_WHEN}?[ \t]*{_AGENCY}?"
    rf"|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){{0,2}}{_WHERE}(?:{_WHEN}[ \t]*{_AGENCY}?|[ \t]*{_AGENCY}))"
    r"[ \t]*[-—–:][ \t]+(?=[A-Za-z0-9\"'‘“])",
    re.M,
)
# A clock time some sites print before the date ("Published 5:32 PM ET Mon, 22 April 2019").
_TIME = r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?,?\s*)"
_STAMP = re.compile(
    r"(?:^|[|·•]\s*|\s[-–—]\s+|^by\b[^\n]{0,100}?\s)"
    r"(?P<label>first published|originally published|published|posted|last updated|updated|last modified|modified|dated|date)"
    rf"(?:\s+on)?\s*:?\s*{_TIME}?(?P<date>{_DATE})",
    _I,
)
_DATE_ONLY = re.compile(rf"^(?P<date>{_DATE})[\s,|]*(?:[\d:.]+\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,5}}|GMT[+-]?\d*)?)?\s*$", _I)
_DATE_LINE_MAX = 200  # longer lines are prose: a date there is an event date, not the publication date
_DATELINE_LINES = 3  # a dateline opens the story: only the first lines (after a headline) can hold one
_DATE_ONLY_LINES = 6


def _match_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g.get("y1"):
            return dt.date(int(g["y1"]), MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]))
        if g.get("y2"):
            return dt.date(int(g["y2"]), MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]))
        if g.get("y3"):
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g.get("y4"):
            a, b = int(g["a4"]), int(g["b4"])
            if a > 12 and b <= 12:
                return dt.date(int(g["y4"]), b, a)
            if b > 12 and a <= 12:
                return dt.date(int(g["y4"]), a, b)
            if a == b:
                return dt.date(int(g["y4"]), a, b)
            return None  # 04/09/2023 is April or September depending on the country: no guess
    except ValueError:
        return None
    return None


def _plausible(date: dt.date) -> bool:
    return dt.date(1900, 1, 1) <= date <= dt.date.today() + dt.timedelta(days=2)


def find_publication_date(text: str) -> tuple[dt.date, str, tuple[int, int]] | None:
    """The publication date stated in an article's own text, if any.

    Looks only where publication dates are written: a dateline opening the
    story ("KHARTOUM, Sudan, April 9, 2023 (Reuters) —", "BEIRUT, 9 April 2023
    —"), a short "Published 9 April 2023" / "Published: 2023-04-09" /
    "date 2018-08-07" line, or a line holding only a date near the top.
    "Updated ..." counts only when no "Published" date exists. A date inside a
    paragraph of prose is an event date and is never taken; a dateline without
    a year gives no date. Run it on cleaned text so that no boilerplate date
    (related-article lists) can be picked.

    Args:
        text: Cleaned article text.

    Returns:
        ``(date, how, (start, end))`` with ``how`` ``"dateline"`` or ``"text"``
        and the span of the date expression in ``text``, or None.
    """
    lines = [_Line(*parts) for parts in _lines(text)]
    for line in lines[:_DATELINE_LINES]:
        raw = text[line.start : line.end]
        offset = line.start + (len(raw) - len(raw.lstrip()))
        m = _DATELINE.match(raw.lstrip())
        if m:
            date = _match_date(m)
            if date and _plausible(date):
                return date, "dateline", (offset + m.start("date"), offset + m.end("date"))
    updated: tuple[dt.date, str, tuple[int, int]] | None = None
    for line in lines:
        if len(line.text) > _DATE_LINE_MAX:
            continue
        raw = text[line.start : line.end]
        offset = line.start + (len(raw) - len(raw.lstrip()))
        for m in _STAMP.finditer(raw.lstrip()):
            date = _match_date(m)
            if not date or not _plausible(date):
                continue
            found = (date, "text", (offset + m.start("date"), offset + m.end("date")))
            if "updated" in m["label"].lower() or "modified" in m["label"].lower():
                updated = updated or found
            else:
                return found
    for line in lines[:_DATE_ONLY_LINES]:
        raw = text[line.start : line.end]
        offset = line.start + (len(raw) - len(raw.lstrip()))
        m = _DATE_ONLY.match(raw.strip())
        if m:
            date = _match_date(m)
            if date and _plausible(date):
                return date, "text", (offset + m.start("date"), offset + m.end("date"))
    return updated


def story_head(text: str) -> str:
    """The lines before the first paragraph of prose (headline, dateline, byline)."""
    out = []
    for line in text.splitlines()[:12]:
        words = line.split()
        if len(line) > 120 or (len(words) > 10 and line.rstrip().endswith((".", '"', "”"))):
            break
        out.append(line)
    return "\n".join(out)


def story_foot(content: str, story: str) -> str:
    """The "Published ..." stamps among the first two lines after the story's last line.

    "... residents who fled are unlikely to return soon.\n\nPublished 13 November 2015": the
    cleaner drops such a trailing stamp as boilerplate. Only the lines right after the story
    count; a list of related articles further down, with its own dates, does not.

    Args:
        content: The article as read, before cleaning.
        story: The cleaned text, whose last line closes the story.
    """
    lines = story.rstrip().splitlines()
    if not lines:
        return ""
    end = content.rfind(lines[-1])
    if end < 0:
        return ""
    after = [line for line in content[end + len(lines[-1]) :].splitlines() if line.strip()][:2]
    return "\n".join(line for line in after if len(line) <= 120 and _STAMP.search(line.strip()))


def parse_published(value: str, *, origin: str) -> dt.date:
    """A record's ``published``: ``YYYY-MM-DD`` or full ISO 8601."""
    s = value.strip()
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s)
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00").replace("z", "+00:00")).date()
    except ValueError as exc:
        path, line = _split_origin(origin)
        raise InputError("E010", path=path, line=line, value=value) from exc


def _split_origin(origin: str) -> tuple[str, str]:
    path, sep, line = origin.rpartition(":")
    if sep and line.isdigit():
        return path, line
    return origin, "-"


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, stripped text)`` of every non-blank line, ``end`` before any ``\\r``."""
    pos = 0
    for raw in text.split("\n"):
        body = raw.rstrip("\r")
        if body.strip():
            yield pos, pos + len(body), body.strip()
        pos += len(raw) + 1


class _Line:
    """A non-blank line of the text: its range and stripped content."""

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text


def html_date(html: str, *, url: str | None) -> dt.date | None:
    """htmldate limited to the URL, meta tags and JSON-LD.

    htmldate's own ``find_date`` falls back to dates anywhere in the page, e.g.
    in related-article lists (DEPENDENCIES.md): only its reliable steps are run.
    """
    try:
        from htmldate.core import examine_header
        from htmldate.extractors import extract_url_date, json_search
        from htmldate.utils import Extractor, load_html
        from htmldate.validators import get_max_date, get_min_date
    except ImportError:  # pragma: no cover - htmldate is pinned; guard against internal moves
        logger.debug("htmldate internals unavailable: no HTML publication date")
        return None
    try:
        tree = load_html(html)
        if tree is None:
            return None
        options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
        if url is None:
            link = tree.find('.//link[@rel="canonical"]')
            url = link.get("href") if link is not None else None
        found = extract_url_date(url, options) or examine_header(tree, options) or json_search(tree, options)
    except Exception as exc:  # a date is optional: never lose the article over it
        logger.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found)
    except ValueError:
        return None
