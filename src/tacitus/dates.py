"""Time expressions -> event dates, relative to the publication date.

Takes the evidence text of one event (plus, optionally, the sentences before
it) and the article's publication date, and returns an
:class:`~tacitus.models.EventDate`: the day the event happened, how exact that
is (``day``/``week``/``month``/``year``) and the :class:`Span` of the
expression it was read from, offset into the article. Also parses publication
date strings (:func:`parse_published`).

Regular expressions only: no dateparser (its first call costs ~400 ms and run
over whole texts it reads "may" or "20%" as dates). Matching is
case-insensitive, so ALL-CAPS wires work.

Rules (CODEBOOK section 3, ``date`` and ``date_precision``):

* The first time expression in the text wins: the event clause usually opens
  with it ("On Friday, gunmen ..."), and later ones tend to date background
  ("... two days after a bombing on Wednesday"). Durations are not time
  expressions ("for a period of months", "a 19-minute video", "after 25
  years", "since 2011"); "in the last 48 hours" is (publication day).
  Except one in the event noun's own phrase ("the May 22 concert bombing",
  "Saturday's attack"), which wins over the sentence's first ("Last month,
  neighbours of the man who carried out the May 22 concert bombing said").
* An expression outside the first sentence that lies more than a year before
  publication recalls an older event ("... the same line bombed in 1974") and
  is passed over.
* ``context`` (e.g. the preceding sentences of the paragraph) is read only when
  ``text`` has none, and then its last expression (the nearest) is used.
* Absolute dates: "13 November 2015", "November 13, 2015", "Nov. 13", "13 Nov",
  "2015-11-13", "on the night of 13-14 November" (the first night, 13 Nov).
  Without a year, the publication year; if that lies after publication, the
  year before. No publication date and no year: the year of the nearest date
  with a year the text told before (``anchor``, :func:`year_anchor`: "in early
  November 2005 ... On 5 November" -> 2005-11-05; a year alone is no anchor),
  the one closest to it ("in December 2005 ... on 3 January" -> 2006); with
  neither, unknown (None).
* Month or year only: its first day, precision ``month`` / ``year`` ("in June
  2007" -> 2007-06-01, "in mid-June", "last month", "in 2015", "last year").
* Weekdays ("on Tuesday", "late Monday", "Monday night", "early on Sunday"):
  the most recent such day on or before publication, so a weekday equal to the
  publication weekday is the publication day itself. "last Tuesday" is the most
  recent one strictly before publication.
* "today", "this morning", "tonight", "earlier today": publication day;
  "overnight" too, the night that ended the morning of the report (it is
  dated to the day it was reported, as incident lists do); "yesterday",
  "last night": the day before; "the day before yesterday": two days.
* Weeks: "this week", "earlier this week" -> the Monday of the publication
  week; "last week", "the past week" -> the Monday of the week before;
  precision ``week`` (weeks are ISO weeks, starting on Monday). "Over the
  weekend": the Saturday of the latest weekend (the publication day's own on
  a Saturday or Sunday; "last weekend" then means the one before), precision
  ``week``.
* Relative expressions without a publication date give None, never a guess.
* No time expression at all: the publication date (precision ``day``, no
  span); without one, None. A deed told as following the one before it
  ("hours later", "later that night", "the next day") is dated from that
  one's date by the pipeline (:func:`after_previous`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from tacitus.models import DatePrecision, EventDate, Span
from tacitus.pubdate import DATELINE_PREFIX

logger = logging.getLogger(__name__)

__all__ = ["event_date", "parse_published"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Full month names, or abbreviations (with an optional dot); "May"/"March" as
# words are only taken next to a day number or year, or after "in"/"early"...
_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
# "30 may have died": the modal verb, not the month.
_NOT_MODAL = r"(?!\s+(?:have|be|not|also|well|still|never|soon|now|no|yet|face|need|take)\b)"
_NUM = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    resolve: Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]
    # (month, day) of a date written without its year ("5 November", "in June": day None)
    yearless: tuple[int, int | None] | None = None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _absolute(m: re.Match[str]) -> Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]:
    month = _MONTHS[m.group("month").lower().rstrip(".")]
    day = int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else None

    def resolve(published: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
        if year is not None:
            date = _safe_date(year, month, day)
            return (date, "day") if date else None
        if published is None:
            return None
        date = _safe_date(published.year, month, day)
        if date is not None and date > published:
            date = _safe_date(published.year - 1, month, day)
        return (date, "day") if date else None

    return resolve


def _month_only(m: re.Match[str]) -> Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]:
    month = _MONTHS[m.group("month").lower().rstrip(".")]
    year = int(m["year"]) if m.groupdict().get("year") else None
    last = bool(m.groupdict().get("last"))

    def resolve(published: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
        if year is not None:
            return dt.date(year, month, 1), "month"
        if published is None:
            return None
        y = published.year
        if month > published.month or (last and month == published.month):
            y -= 1
        return dt.date(y, month, 1), "month"

    return resolve


def _fixed(value: dt.date, precision: DatePrecision) -> Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]:
    return lambda _published: (value, precision)


def _relative(fn: Callable[[dt.date], tuple[dt.date, DatePrecision]]) -> Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]:
    return lambda published: fn(published) if published is not None else None


def _weekday(m: re.Match[str]) -> Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]:
    target = _WEEKDAYS[m.group("weekday").lower()]
    strictly_before = bool(m.groupdict().get("last"))

    def fn(published: dt.date) -> tuple[dt.date, DatePrecision]:
        back = (published.weekday() - target) % 7
        if back == 0 and strictly_before:
            back = 7
        return published - dt.timedelta(days=back), "day"

    return _relative(fn)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _first_of_month(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _ago(m: re.Match[str]) -> Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]:
    n = _count(m.group("n"))
    unit = m.group("unit").lower().rstrip("s")

    def fn(published: dt.date) -> tuple[dt.date, DatePrecision]:
        if unit == "day":
            return published - dt.timedelta(days=n), "day"
        if unit == "week":
            return _monday(published - dt.timedelta(weeks=n)), "week"
        if unit == "month":
            return _first_of_month(published, n), "month"
        return dt.date(published.year - n, 1, 1), "year"

    return _relative(fn)


def _numeric(m: re.Match[str]) -> Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    # Only unambiguous day/month orders: 13/11/2015 or 11/13/2015, never 05/06/2015.
    if a > 12 >= b:
        date = _safe_date(year, b, a)
    elif b > 12 >= a:
        date = _safe_date(year, a, b)
    else:
        date = None
    return lambda _published: (date, "day") if date else None


_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Callable[[dt.date | None], tuple[dt.date, DatePrecision] | None]]]] = [
    (re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
     lambda m: _fixed(d, "day") if (d := _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))) else (lambda _p: None)),
    (re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:1[89]|20)\d\d)\b"), _numeric),
    # "13 November 2015", "13-14 November", "the 13th of November"
    (re.compile(rf"\b{_DAY}(?:\s*(?:[-–/]|and|to)\s*[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b{_NOT_MODAL}", re.I), _absolute),
    # "November 13, 2015", "Nov. 13", "November 13-14"
    (re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*[-–]\s*[0-3]?\d)?(?!\d)(?!\s*(?:%|per|million|people|km))(?:,?\s+{_YEAR})?\b", re.I), _absolute),
    # "in June 2007", "mid-June 2007", "June 2007"
    (re.compile(rf"\b(?:(?:early|mid|late)[-\s]+)?{_MONTH}\s*,?\s+{_YEAR}\b", re.I), _month_only),
    # "in June", "in mid-June", "early June", "last June"
    (re.compile(rf"\b(?:in|during|early|late|mid|(?P<last>last)|this)[-\s]+(?:(?:early|mid|late)[-\s]+)?(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+\d)", re.I), _month_only),
    # weekdays
    (re.compile(rf"\b(?:(?P<last>last)\s+){_WEEKDAY}(?:\s+{_PART})?\b", re.I), _weekday),
    (re.compile(rf"\b{_WEEKDAY}(?:\s+{_PART})?\b", re.I), _weekday),
    (re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", re.I),
     lambda m: _relative(lambda p: (p - dt.timedelta(days=2), "day"))),
    (re.compile(rf"\b(?:yesterday(?:\s+{_PART})?|last\s+(?:night|evening))\b", re.I),
     lambda m: _relative(lambda p: (p - dt.timedelta(days=1), "day"))),
    (re.compile(r"\b(?:today|tonight|overnight|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b"
                r"|\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:24|48|twenty-four|forty-eight)\s+hours\b", re.I),
     lambda m: _relative(lambda p: (p, "day"))),
    (re.compile(rf"\b{_NUM}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I), _ago),
    # "over the weekend", "last weekend": the Saturday of the latest weekend (a two-day span: week)
    (re.compile(r"\b(?:(?:over|during|at|on)\s+the|this|(?P<last>last)|the\s+past)\s+weekend\b", re.I),
     lambda m: _relative(lambda p: (_saturday(p, before=bool(m["last"])), "week"))),
    (re.compile(r"\b(?:earlier\s+)?this\s+week\b", re.I), lambda m: _relative(lambda p: (_monday(p), "week"))),
    (re.compile(r"\b(?:last|the\s+past|the\s+previous)\s+week\b", re.I),
     lambda m: _relative(lambda p: (_monday(p) - dt.timedelta(weeks=1), "week"))),
    (re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I), lambda m: _relative(lambda p: (_first_of_month(p, 0), "month"))),
    (re.compile(r"\b(?:last|the\s+past|the\s+previous)\s+month\b", re.I),
     lambda m: _relative(lambda p: (_first_of_month(p, 1), "month"))),
    (re.compile(r"\b(?:earlier\s+)?this\s+year\b", re.I), lambda m: _relative(lambda p: (dt.date(p.year, 1, 1), "year"))),
    (re.compile(r"\blast\s+year\b", re.I), lambda m: _relative(lambda p: (dt.date(p.year - 1, 1, 1), "year"))),
    # "in 2015", "during 2015", "early 2015"; never "since 2011" or "after 2011" (periods)
    (re.compile(rf"\b(?:(?:in|during)\s+(?:(?:early|late|mid)[-\s]+)?|(?:early|late|mid)[-\s]+){_YEAR}\b(?!\s*[-–]\s*\d)", re.I),
     lambda m: _fixed(dt.date(int(m["year"]), 1, 1), "year")),
]


def _saturday(published: dt.date, *, before: bool = False) -> dt.date:
    """The Saturday of the latest weekend on or before ``published`` (``before``: strictly before its own)."""
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    return saturday - dt.timedelta(weeks=1) if before and published - saturday <= dt.timedelta(days=1) else saturday


def _find(text: str) -> list[_Found]:
    """Time expressions in ``text``, in order, overlapping ones resolved to the longest."""
    found: list[_Found] = []
    for pattern, make in _RULES:
        for m in pattern.finditer(text):
            found.append(_Found(m.start(), m.end(), make(m), _yearless(m)))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        if _NAMED_DAY.search(text, max(0, f.start - 20), f.start) and text[f.start : f.end].istitle():
            continue  # "Bloody Friday", "Good Friday": a day's name, not a weekday told
        kept.append(f)
    return kept


def _yearless(m: re.Match[str]) -> tuple[int, int | None] | None:
    """(month, day) of a calendar date written without a year and not "last June" (None otherwise)."""
    groups = m.groupdict()
    if groups.get("year") or groups.get("last") or not groups.get("month") or not groups["month"].isalpha():
        return None
    day = groups.get("day")
    return _MONTHS[groups["month"].lower().rstrip(".")], int(day) if day else None


def year_anchor(text: str, before: int) -> dt.date | None:
    """The last month or day ``text`` tells with its year before offset ``before`` ("in early November 2005",
    "January 15, 2006"). An undated text's narrative goes on from it: "On 5 November" takes its year. A year
    alone is not one: "Hezbollah, which fought a war with Israel in 2006" is background, not the story's year.
    """
    told = _told_years(text)
    i = bisect.bisect_right(told, before, key=lambda pair: pair[0])
    return told[i - 1][1] if i else None


@functools.lru_cache(maxsize=4)
def _told_years(text: str) -> list[tuple[int, dt.date]]:
    """(end offset, date) of every month or day in ``text`` written with its year, in order."""
    return [(f.end, resolved[0]) for f in _find(text)
            if (resolved := f.resolve(None)) is not None and resolved[1] in ("day", "month")]


def _near_anchor(month: int, day: int | None, anchor: dt.date) -> tuple[dt.date, DatePrecision] | None:
    """The date of ``month`` (and ``day``) in the year that puts it closest to ``anchor``."""
    options = [d for y in (anchor.year, anchor.year + 1, anchor.year - 1)
               if (d := _safe_date(y, month, day or 1)) is not None]
    if not options:
        return None
    return min(options, key=lambda d: abs((d - anchor).days)), "day" if day else "month"


# Words that make a weekday the name of a day long past or of something else: "Bloody Sunday" (1972),
# "Black Friday", "the Good Friday Agreement". "Easter Sunday" is still the Sunday it names.
_NAMED_DAY = re.compile(r"\b(?:Bloody|Black|Good|Super|Cyber)\s+$")


def _is_background(found: _Found, text: str, published: dt.date | None) -> bool:
    """A date over a year before publication outside the first sentence recalls an older event."""
    if published is None or not re.search(r"[.!?]\s+[A-Z0-9\"']", text[: found.start]):
        return False
    resolved = found.resolve(published)
    return resolved is not None and (published - resolved[0]).days > 366


def _in_dateline(found: _Found, text: str, offset: int) -> bool:
    """"KINSHASA, March 14 (Reuters) -": the day the story was filed, not the day of what it reports."""
    if offset + found.start >= 80:
        return False
    m = DATELINE_PREFIX.match(text)
    return m is not None and found.end <= m.end()


# Words that tell a statement, whose day is not the day of what it reports.
_SAYS = r"said|says|told|announced|reported|confirmed|stated|added"
_REPORTED_ON = re.compile(
    rf"\b(?:{_SAYS}|claimed|tweeted|wrote|statement)"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$",
    re.I,
)


# "On Tuesday it said ...", "On Monday the group said ...": a day opening a sentence whose speaker says.
_REPORTED_AFTER = re.compile(
    r"\s*,?\s+(?:(?:it|he|she|they|the|its|his|her|their|a|an|(?-i:[A-Z][\w.'\u2019-]*)|officials?|police|army|"
    r"military|ministry|spokes(?:man|woman|person)|government|authorities|council|committee|group|doctors|"
    rf"witnesses|residents|sources)\s+){{1,4}}(?:{_SAYS})\b",
    re.IGNORECASE)  # wire copy in capitals too


def event_date(
    text: str,
    *,
    offset: int = 0,
    published: dt.date | None,
    context: str | None = None,
    context_offset: int = 0,
    anchor: dt.date | None = None,
    own: tuple[int, int] | None = None,
) -> EventDate:
    """The date of the event reported by ``text``.

    Args:
        text: the sentence(s) reporting the event.
        offset: where ``text`` starts in the article (spans are shifted by it).
        published: the article's publication date, if known.
        context: text read only when ``text`` has no time expression, e.g.
            the preceding sentences of the paragraph; its last expression wins.
        context_offset: where ``context`` starts in the article.
        anchor: with no publication date, the last date with a year told
            before the event (:func:`year_anchor`); a date without a year
            takes the year that puts it closest to this one.
        own: article offsets of the words before the trigger in its own
            phrase; a time expression there dates the event whatever else the
            sentence dates ("Last month, neighbours of the man who carried out
            the May 22 concert bombing said ...", "police arrested 12 on
            Sunday in connection with Saturday's attack").

    Returns:
        An :class:`EventDate`; date and precision None when the expression
        found cannot be resolved (a weekday with no publication date) or when
        there is neither an expression nor a publication date.
    """
    source, base = text, offset
    found = [f for f in _find(text) if not _is_background(f, text, published) and not _in_dateline(f, text, offset)]
    # "said on Sunday that one of its members blew himself up ... on Saturday":
    # the day a statement was made is not the day of the event it reports.
    occurred = [f for f in found if not _REPORTED_ON.search(text[max(0, f.start - 40) : f.start])
                and not _REPORTED_AFTER.match(text, f.end)]
    chosen = (occurred or found)[0] if found else None
    reported = chosen is not None and not occurred
    if own is not None:
        # "overnight clashes" tell the time of day, not which day
        chosen, reported = next(((f, False) for f in found if own[0] <= f.start + offset and f.end + offset <= own[1]
                                 and text[f.start:f.end].lower() != "overnight"), (chosen, reported))
    if chosen is None and context:
        # The last expression of the paragraph before that can be resolved ("on Friday, 21 July 1972"
        # with no publication date: the date, not the weekday).
        found = [f for f in _find(context) if f.resolve(published) is not None]
        if found:
            chosen, source, base = found[-1], context, context_offset
    if chosen is None:
        return EventDate(published, "day") if published is not None else EventDate(None, None)
    resolved = chosen.resolve(published)
    if resolved is None and published is None and anchor is not None and chosen.yearless is not None:
        resolved = _near_anchor(*chosen.yearless, anchor)
    if resolved is None:
        logger.debug("time expression %r cannot be resolved without a publication date",
                     source[chosen.start : chosen.end])
        return EventDate(None, None)
    date, precision = resolved
    span = Span(chosen.start + base, chosen.end + base, source[chosen.start : chosen.end])
    return EventDate(date, precision, span, reported=reported)


# A deed told as following the one told before it, the same day or the next: "A second car bomb went off
# hours later", "later that night", "the next morning".
_SAME_DAY = re.compile(
    r"\b(?:hours|minutes|moments)\s+later\b|\blater\s+(?:that|the\s+same)\s+(?:day|night|evening|morning|afternoon)\b"
    r"|\b(?:on\s+)?the\s+same\s+day\b|\bshortly\s+afterwards?\b", re.IGNORECASE)
_NEXT_DAY = re.compile(r"\bthe\s+(?:next|following)\s+(?:day|morning)\b|\ba\s+day\s+later\b", re.IGNORECASE)


def after_previous(text: str) -> tuple[int, re.Match[str]] | None:
    """Days after the deed told before that ``text`` tells its own (0 or 1), with the words that say so."""
    if m := _SAME_DAY.search(text):
        return 0, m
    if m := _NEXT_DAY.search(text):
        return 1, m
    return None


_TEXT_DATE = [
    re.compile(rf"^\s*(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"^\s*(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
]


def parse_published(value: str) -> dt.date | None:
    """A publication date from metadata: ISO 8601 date or datetime, or "April 9, 2023".

    Args:
        value: e.g. "2023-04-09", "2023-04-09T10:00:00Z", "April 9, 2023",
            "9 April 2023", "Sun, 9 Apr 2023".

    Returns:
        The date (a datetime's own calendar date, whatever its time zone), or
        None when the value is not a recognisable date.
    """
    value = (value or "").strip()
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])", value)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{4})/(\d{1,2})/(\d{1,2})$", value)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    for pattern in _TEXT_DATE:
        m = pattern.match(value)
        if m:
            return _safe_date(int(m["year"]), _MONTHS[m["month"].lower().rstrip(".")], int(m["day"]))
    m = re.match(r"^\s*(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})", value)  # RFC 2822
    if m and m[2].lower() in _MONTHS:
        return _safe_date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    return None
