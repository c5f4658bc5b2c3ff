"""Time expressions -> event dates (CODEBOOK section 3, ``date`` / ``date_precision``)."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.dates import event_date, parse_published, year_anchor
from tacitus.models import EventDate

D = dt.date
PUB = D(2015, 11, 16)  # a Monday


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-04-09", D(2023, 4, 9)),
        ("2023-04-09T10:00:00Z", D(2023, 4, 9)),
        ("2023-04-09T23:30:00+05:00", D(2023, 4, 9)),
        ("2023/4/9", D(2023, 4, 9)),
        ("April 9, 2023", D(2023, 4, 9)),
        ("Apr. 9, 2023", D(2023, 4, 9)),
        ("9 April 2023", D(2023, 4, 9)),
        ("Sunday, 9 April 2023", D(2023, 4, 9)),
        ("Sun, 09 Apr 2023 10:00:00 GMT", D(2023, 4, 9)),
        ("2023-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_published(value: str, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


# (text, published, date, precision)
CASES = [
    # weekdays: most recent on or before publication; same weekday = same day
    ("On Friday, gunmen attacked a bar.", PUB, D(2015, 11, 13), "day"),
    ("On Monday, gunmen attacked a bar.", PUB, D(2015, 11, 16), "day"),
    ("On Tuesday, gunmen attacked a bar.", PUB, D(2015, 11, 10), "day"),
    ("Gunmen attacked a bar late Sunday.", PUB, D(2015, 11, 15), "day"),
    ("Gunmen attacked a bar on Saturday night.", PUB, D(2015, 11, 14), "day"),
    ("Gunmen attacked a bar early on Sunday.", PUB, D(2015, 11, 15), "day"),
    ("Gunmen attacked a bar last Monday.", PUB, D(2015, 11, 9), "day"),
    # day words
    ("Gunmen attacked a bar yesterday.", PUB, D(2015, 11, 15), "day"),
    ("Gunmen attacked a bar today.", PUB, D(2015, 11, 16), "day"),
    ("Gunmen attacked a bar this morning.", PUB, D(2015, 11, 16), "day"),
    ("Gunmen attacked a bar tonight.", PUB, D(2015, 11, 16), "day"),
    ("Gunmen attacked a bar last night.", PUB, D(2015, 11, 15), "day"),
    ("Gunmen attacked a bar overnight.", PUB, D(2015, 11, 16), "day"),
    ("Police said on Thursday they had arrested 21 people in overnight raids.", D(2006, 8, 10), D(2006, 8, 10), "day"),
    ("Gunmen attacked a bar the day before yesterday.", PUB, D(2015, 11, 14), "day"),
    ("Three attacks in the last 48 hours killed 12.", PUB, D(2015, 11, 16), "day"),
    ("Gunmen attacked a bar three days ago.", PUB, D(2015, 11, 13), "day"),
    # weeks (Monday of the week), months and years (first day)
    ("Gunmen attacked a bar earlier this week.", D(2015, 11, 19), D(2015, 11, 16), "week"),
    ("Gunmen attacked a bar last week.", PUB, D(2015, 11, 9), "week"),
    ("Gunmen attacked a bar earlier this month.", PUB, D(2015, 11, 1), "month"),
    ("Gunmen attacked a bar last month.", PUB, D(2015, 10, 1), "month"),
    ("Gunmen attacked a bar last month.", D(2016, 1, 5), D(2015, 12, 1), "month"),
    ("Gunmen attacked a bar last year.", PUB, D(2014, 1, 1), "year"),
    ("Gunmen attacked a bar in 2015.", PUB, D(2015, 1, 1), "year"),
    ("Gunmen attacked a bar in June 2007.", PUB, D(2007, 6, 1), "month"),
    ("Gunmen attacked a bar in mid-June.", PUB, D(2015, 6, 1), "month"),
    ("Gunmen attacked a bar in December.", PUB, D(2014, 12, 1), "month"),
    # absolute dates
    ("Gunmen attacked a bar on 13 November 2015.", D(2016, 1, 1), D(2015, 11, 13), "day"),
    ("Gunmen attacked a bar on November 13, 2015.", D(2016, 1, 1), D(2015, 11, 13), "day"),
    ("Gunmen attacked a bar on Nov. 13.", PUB, D(2015, 11, 13), "day"),
    ("Gunmen attacked a bar on 13 Nov.", PUB, D(2015, 11, 13), "day"),
    ("Gunmen attacked a bar on 2015-11-13.", None, D(2015, 11, 13), "day"),
    ("Gunmen attacked a bar on 13/11/2015.", None, D(2015, 11, 13), "day"),
    ("Gunmen attacked a bar on December 13.", PUB, D(2014, 12, 13), "day"),  # later than publication: year before
    ("Gunmen attacked Paris on the night of 13-14 November.", PUB, D(2015, 11, 13), "day"),
    # durations and other numbers are not dates: publication date
    ("ISIS released a new 19-minute video.", PUB, PUB, "day"),
    ("He was freed after 25 years in prison.", PUB, PUB, "day"),
    ("They held them prisoner for a period of months.", PUB, PUB, "day"),
    ("The group has fought the army since 2011.", PUB, PUB, "day"),
    ("At least 30 may have died.", PUB, PUB, "day"),
    ("A 2015 report said 20% of the 300 people fled.", PUB, PUB, "day"),
    # first expression wins
    ("On Friday, gunmen killed 5, two days after a bombing on Wednesday.", PUB, D(2015, 11, 13), "day"),
    # the day a statement was made is not the day of the event it reports
    ("The group said on Sunday that one of its members blew himself up at a checkpoint on Saturday.", PUB,
     D(2015, 11, 14), "day"),
    ("Police said Wednesday that gunmen killed 4 people.", PUB, D(2015, 11, 11), "day"),
    # an old date outside the first sentence is background
    ("A bomb exploded on the train. The same line was bombed in 1974.", D(1984, 12, 23), D(1984, 12, 23), "day"),
    # ALL CAPS
    ("ON FRIDAY GUNMEN ATTACKED A BAR.", PUB, D(2015, 11, 13), "day"),
    ("GUNMEN ATTACKED A BAR IN JUNE 2007.", None, D(2007, 6, 1), "month"),
    # weekends: the latest Saturday ("last weekend" on a weekend: the one before)
    ("Gunmen stormed a hotel over the weekend.", D(2019, 4, 24), D(2019, 4, 20), "week"),
    ("Last weekend, gunmen stormed a hotel.", D(2019, 4, 21), D(2019, 4, 13), "week"),
    # no invented dates
    ("Gunmen stormed a hotel over the weekend.", None, None, None),
    ("On Monday, ISIS forces in Mosul executed a police officer and his son.", None, None, None),
    ("On Tuesday, ISIS released a new 19-minute video.", None, None, None),
    ("Gunmen attacked a bar yesterday.", None, None, None),
    ("Gunmen attacked a bar on December 13.", None, None, None),
    ("Gunmen attacked a bar.", None, None, None),
    ("Gunmen attacked a bar.", PUB, PUB, "day"),
]


@pytest.mark.parametrize(("text", "published", "date", "precision"), CASES)
def test_event_date(text: str, published: dt.date | None, date: dt.date | None, precision: str | None) -> None:
    result = event_date(text, published=published)
    assert (result.date, result.precision) == (date, precision)


def test_seed_june_2007_with_span() -> None:
    article = "Intro. And in June 2007, two al-Qaeda terrorists attempted to detonate three car bombs in the U.K."
    offset = article.index("And")
    result = event_date(article[offset:], offset=offset, published=None)
    assert result.date == D(2007, 6, 1) and result.precision == "month"
    assert result.span is not None
    assert article[result.span.start : result.span.end] == result.span.text == "June 2007"


def test_publication_fallback_has_no_span() -> None:
    assert event_date("Gunmen attacked a bar.", published=PUB) == EventDate(PUB, "day", None)


def test_context_is_read_only_without_an_expression_in_text() -> None:
    context = "On Saturday, the army moved in. On Sunday, fighting began."
    result = event_date("Gunmen killed 5.", offset=200, published=PUB, context=context, context_offset=100)
    assert result.date == D(2015, 11, 15)  # the last (nearest) expression of the context
    assert result.span is not None and result.span.start == 100 + context.index("Sunday")
    assert event_date("On Friday gunmen killed 5.", published=PUB, context=context).date == D(2015, 11, 13)


def test_context_gives_its_last_expression_that_can_be_resolved() -> None:
    # No publication date: "Friday" says nothing, "21 July 1972" does; "Bloody Friday" is a name.
    context = "Few days seared its people as those on Friday, 21 July 1972, a day known as Bloody Friday."
    result = event_date("By the end of the day, the IRA had detonated 20 bombs.", published=None, context=context)
    assert (result.date, result.precision, result.span.text) == (D(1972, 7, 21), "day", "21 July 1972")


@pytest.mark.parametrize("text", [
    "The IRA grew after Bloody Sunday in Derry.",
    "Shops were busy on Black Friday.",
    "The parties signed the Good Friday Agreement.",
])
def test_a_days_name_is_no_weekday(text) -> None:
    assert event_date(text, published=PUB) == EventDate(PUB, "day", None)


def test_unresolvable_expression_does_not_fall_back_to_context_or_later_dates() -> None:
    text = "On Monday, militants attacked a post they had held since June 2007."
    assert event_date(text, published=None, context="In 2014, the town fell.") == EventDate(None, None)


def test_dateline_day_is_the_filing_day_not_the_event_day():
    import datetime as dt

    from tacitus.dates import event_date

    text = "KINSHASA, March 14 (Reuters) - M23 rebels seized the town of Rubaya on Monday."
    got = event_date(text, published=dt.date(2023, 3, 14))
    assert (got.date, got.span.text) == (dt.date(2023, 3, 13), "Monday")
    prose = event_date("On March 14, M23 rebels seized the town.", published=dt.date(2023, 3, 20))
    assert prose.date == dt.date(2023, 3, 14)


@pytest.mark.parametrize(("text", "reported"), [
    ("Police said Wednesday that gunmen killed 4 people.", True),
    ("Parents said on Monday that 234 of their daughters were still missing.", True),
    ("The group said on Sunday that one of its members blew himself up at a checkpoint on Saturday.", False),
    ("On Friday, gunmen killed 5 people.", False),
    ("Gunmen killed 5 people.", False),
    # a day opening a sentence whose speaker says
    ("On Tuesday it said at least 35 people had been killed.", True),
    ("ON TUESDAY IT SAID AT LEAST 35 PEOPLE HAD BEEN KILLED.", True),
    ("On Monday the group said its fighters had seized the city.", True),
    ("On Monday gunmen killed five people, police said.", False),
    ("On Monday, Boko Haram fighters killed 5.", False),
])
def test_a_date_only_a_statement_gives_is_marked_reported(text: str, reported: bool) -> None:
    # The day a statement was made bounds the event's; merge does not hold it against a stated day.
    assert event_date(text, published=PUB).reported is reported


@pytest.mark.parametrize(("text", "anchor", "date", "precision"), [
    # "in early November 2005 ... On 5 November": the narrative's year
    ("On 5 November, Marines began their assault on Karabilah.", D(2005, 11, 1), D(2005, 11, 5), "day"),
    ("Qanbar announced the new security plan on February 13.", D(2007, 2, 1), D(2007, 2, 13), "day"),
    # the year that puts the date closest to the one told before: past the turn of the year
    ("On 3 January, gunmen killed five police officers.", D(2005, 12, 1), D(2006, 1, 3), "day"),
    ("In June the town fell.", D(2014, 1, 1), D(2014, 6, 1), "month"),
    # a weekday, "last June" and a year written out owe nothing to the anchor
    ("On Monday, gunmen killed five police officers.", D(2005, 12, 1), None, None),
    ("Last June the town fell.", D(2014, 3, 1), None, None),
    ("On 5 November 2010, Marines attacked.", D(2005, 11, 1), D(2010, 11, 5), "day"),
])
def test_a_date_without_its_year_takes_the_year_the_undated_text_told_before(text, anchor, date, precision) -> None:
    got = event_date(text, published=None, anchor=anchor)
    assert (got.date, got.precision) == (date, precision)


def test_the_anchor_is_never_read_when_the_article_is_dated() -> None:
    got = event_date("On 5 November, Marines attacked.", published=D(2024, 1, 10), anchor=D(2005, 11, 1))
    assert got.date == D(2023, 11, 5)
    assert event_date("On 5 November, Marines attacked.", published=None).date is None


def test_year_anchor_is_the_last_date_with_a_year_before_the_offset() -> None:
    text = ("It was completed on 3 May 1956. In early November 2005 the operation began. On 5 November, Marines "
            "attacked. Hezbollah fought a war with Israel in 2006. In December, a strike hit the airport.")
    assert year_anchor(text, text.index("On 5")) == D(2005, 11, 1)
    assert year_anchor(text, text.index("In early")) == D(1956, 5, 3)
    assert year_anchor(text, 5) is None
    # a year alone is background, not the narrative's year
    assert year_anchor(text, text.index("In December")) == D(2005, 11, 1)
    assert year_anchor("Hezbollah fought a war with Israel in 2006. In December, a strike hit.", 60) is None


@pytest.mark.parametrize(("text", "own", "date"), [
    # a date in the event's own phrase wins over the sentence's first one
    ("On Sunday, police arrested 12 people over Saturday's terror attack.", (42, 60), dt.date(2017, 6, 3)),
    ("Last month, neighbours of the man behind the May 22 concert bombing spoke.", (41, 60), dt.date(2017, 5, 22)),
    # none there: the first expression, as before
    ("On Sunday, police arrested 12 people over the terror attack.", (42, 53), dt.date(2017, 6, 4)),
    # "overnight" tells a time of day, not the day
    ("Curfew was imposed on Saturday following overnight clashes.", (41, 51), dt.date(2017, 6, 3)),
])
def test_a_date_in_the_events_own_phrase_dates_it(text, own, date) -> None:
    assert event_date(text, published=dt.date(2017, 6, 5), own=own).date == date
