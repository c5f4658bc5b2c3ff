"""Tests for tacitus.clean: boilerplate, offsets, titles, publication dates, language, HTML."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path

import pytest

from tacitus.clean import (
    boilerplate_ranges,
    clean,
    detect_language,
    find_publication_date,
    strip_boilerplate,
)
from tacitus.errors import ArticleSkipped, InputError
from tacitus.ingest import iter_documents
from tacitus.models import RawDocument

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).parent / "data" / "ingest"

PARA1 = (
    "Gunmen killed at least 12 civilians in an attack on a village in northern Burkina Faso on Saturday, "
    "local officials said, in the latest violence to hit the region."
)
PARA2 = (
    "The attackers arrived on motorbikes and opened fire on residents at the weekly market, two officials "
    "said on condition of anonymity because they were not authorised to speak to the press."
)
PARA3 = (
    "Burkina Faso has been battling an Islamist insurgency that spread from neighbouring Mali in 2015. "
    "Thousands of people have been killed and more than two million displaced by the violence."
)


def seed(name: str) -> str:
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip(f"seed file {path} not available")
    return path.read_text(encoding="utf-8")


def text_doc(content: str, **kw: object) -> RawDocument:
    return RawDocument(id="t", origin="t.txt", kind="text", content=content, **kw)  # type: ignore[arg-type]


def record(content: str, **kw: object) -> RawDocument:
    return RawDocument(id="r", origin="batch.jsonl:3", kind="record", content=content, **kw)  # type: ignore[arg-type]


def body(*extra: str) -> str:
    return "\n".join([PARA1, *extra, PARA2, PARA3])


# ---------------------------------------------------------------- seed 000 acceptance

SEED_000 = "000_766515bad46ea839.txt"
SEED_000_GONE = [
    "Houthi rebels claim Red Sea ship attacks",
    "Mob storms Russian airport",
    "Ukraine's counteroffensive",
    "Today's political cartoons - November 12, 2024",
    "Subscribe to The Week",
    "Sign up for",
    "newsletter",
    "Newsletter",
    "delivered directly to your inbox",
    "Escape your echo chamber",
    "A free daily email",
    "Peter has worked as a news and culture writer",
    "Published",
    "Speed Read",
]
SEED_000_KEPT = [
    "On Friday, the same day at least eight men apparently aligned with Islamic State murdered",
    "Those developments are related, a self-identified ISIS defector",
    "He told Weiss that ISIS shifted tactics after losing the battle for Kobani",
    "That poses a big challenge to to Western intelligence services",
    "But ISIS may have already planted an unknown number of seeds",
]


def test_seed_000_text_file_acceptance() -> None:
    article = clean(text_doc(seed(SEED_000)))
    for gone in SEED_000_GONE:
        assert gone not in article.text, gone
    for kept in SEED_000_KEPT:
        assert kept in article.text, kept
    assert article.title == "What the Paris attack has taught us about ISIS"
    assert article.text.startswith("What the Paris attack has taught us about ISIS\n")
    # the only date is in the related-links tail: no publication date may come from it
    assert article.published is None and article.published_from is None
    assert article.language == "en"


def test_seed_000_as_record_keeps_offsets() -> None:
    content = seed(SEED_000)
    article = clean(record(content))
    assert len(article.text) <= len(content)
    assert content.startswith(article.text.rstrip()) is False  # boilerplate was blanked, not kept
    for kept in SEED_000_KEPT:
        assert article.text.find(kept) == content.find(kept) != -1
    for gone in ("Subscribe to The Week", "Houthi rebels claim", "November 12, 2024", "Peter has worked"):
        assert gone not in article.text
    # every kept character is where it was; every other one is a space or an unchanged newline
    for i, ch in enumerate(article.text):
        assert ch == content[i] or (ch == " " and content[i] != "\n")
    assert article.published is None


def test_seed_003_rules() -> None:
    article = clean(text_doc(seed("003_7aff1247c924c88c.txt")))
    for gone in ("(Photo: Reuters)", "Related: ISIS", "Tom Rogan is a columnist", "Email him at", "The Latest",
                 "National Security & Defense"):  # fmt: skip
        assert gone not in article.text, gone
    for kept in ("Yes. Is it near defeat? Not even close.", "On Monday, reports suggest that ISIS forces in Mosul",
                 "ISIS remains strong.", "How about another day in the life of the Caliphate?"):  # fmt: skip
        assert kept in article.text, kept
    assert article.title == "Is ISIS under Pressure?"


# ---------------------------------------------------------------- line rules


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to The Week",
        "Sign up for our daily newsletter",
        "Get the best of our reporting delivered directly to your inbox.",
        "Sign up for Today's Best Articles in your inbox",
        "A free daily email with the biggest news stories of the day",
        "Share this",
        "Share this article",
        "Tweet",
        "Email",
        "Facebook Twitter Email",
        "(Photo: Reuters)",
        "Smoke rises over the city after a strike (Photo: Reuters)",
        "Photo by John Smith/AP",
        "Image: Getty Images",
        "Soldiers patrol the street. REUTERS/Ammar Awad",
        "Getty Images",
        "Read more",
        "Read more: Inside the war for Sudan",
        "Related: Sudan's generals agree to truce",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "© 2023 Example News. All rights reserved.",
        "Additional reporting by Jane Doe; Editing by John Roe",
        "Jane Doe is a columnist for the Example Times. Email her at",
        "Follow us on Twitter",
        "-",
        "—",
        "* * *",
        "By Harriet Marsden, The Week UK Published",
    ],
)
def test_boilerplate_line_is_dropped(line: str) -> None:
    out = strip_boilerplate(body(line))
    assert line not in out
    assert out == "\n".join([PARA1, PARA2, PARA3])


@pytest.mark.parametrize(
    "line",
    [
        "Police said the attack killed three people.",
        "Yes. Is it near defeat? Not even close.",
        "The army has not commented.",
        "Five soldiers were wounded",
        "The Latest figures show 40 dead",
        "Protesters shared photos of the attack on social media, officials said.",
        "A journalist for the local radio station was among those killed in the raid on Sunday.",
        "In its weekly al-Naba newsletter, Islamic State claimed the attack on the checkpoint.",
        "Speaking at the daily briefing, the spokesman said five soldiers were killed.",
    ],
)
def test_short_news_lines_are_kept(line: str) -> None:
    assert line in strip_boilerplate(body(line))


def test_bio_only_at_the_end() -> None:
    bio = "Jane Doe is a reporter for the Example Times who has covered the Sahel since 2015."
    assert bio not in strip_boilerplate("\n".join([PARA1, PARA2, PARA3, bio]))
    # the same sentence followed by more reporting is news about a person
    assert bio in strip_boilerplate("\n".join([PARA1, bio, PARA2, PARA3]))


def test_promo_pitch_between_promo_lines_is_dropped() -> None:
    out = strip_boilerplate(body("Subscribe to The Week", "Escape your echo chamber. Get the facts.", "Sign up for our newsletter"))
    assert "Escape your echo chamber" not in out
    assert out == "\n".join([PARA1, PARA2, PARA3])


def test_exact_duplicate_lines_keep_the_first() -> None:
    promo = "From our morning briefing to weekly specials, get the best of the week."
    out = strip_boilerplate("\n".join([PARA1, promo, promo, PARA2]))
    assert out.count(promo) == 1
    assert out == "\n".join([PARA1, promo, PARA2])


def test_repeated_short_list_items_are_kept() -> None:
    text = "\n".join([PARA1, "Meal 1", "Eat every 2 hours", "Meal 2", "Soup", "Meal 3", "Eat every 2 hours", PARA2])
    assert strip_boilerplate(text).count("Eat every 2 hours") == 2


def test_related_links_block_is_dropped_whole() -> None:
    tail = [
        "-",
        "Sudan army and RSF agree to a seven-day ceasefire",
        "Speed read Talks in Jeddah produced a short truce that both sides quickly broke",
        "By Jane Doe, The Week UK Published",
        "-",
        "Wagner fighters withdraw from Bakhmut",
        "Speed Read",
        "By John Roe Published",
        "-",
        "Why the Sahel coups matter. Does France have a plan?",
        "The Explainer Paris has lost influence across West Africa",
        "By Jane Doe Published",
    ]
    out = strip_boilerplate("\n".join([PARA1, PARA2, PARA3, *tail]))
    assert out == "\n".join([PARA1, PARA2, PARA3])


def test_related_block_with_byline_first_takes_its_headline() -> None:
    tail = [
        "Sudan army and RSF agree to a seven-day ceasefire",
        "By Jane Doe Published",
        "-",
        "Wagner fighters withdraw from Bakhmut",
        "By John Roe Published",
    ]
    assert strip_boilerplate("\n".join([PARA1, PARA2, *tail])) == "\n".join([PARA1, PARA2])


def test_list_header_takes_following_headlines() -> None:
    text = "\n".join([PARA1, PARA2, "Related stories", "Mali junta expels French ambassador", "Niger coup leaders close airspace"])
    assert strip_boilerplate(text) == "\n".join([PARA1, PARA2])


def test_separated_multi_sentence_paragraphs_are_not_a_links_block() -> None:
    items = [
        "Rebels seized the town of Kidal on Tuesday. The army said it had withdrawn to regroup.",
        "Three soldiers were killed in an ambush near Gao. Officials blamed an Islamist group.",
        "Protesters marched in Bamako on Friday. Police fired tear gas to disperse them.",
    ]
    text = "\n".join([PARA1, "-", items[0], "-", items[1], "-", items[2], "-", PARA2])
    out = strip_boilerplate(text)
    for item in items:
        assert item in out


def test_trailing_headline_lines_are_dropped_but_data_lists_kept() -> None:
    headlines = ["Houthi rebels claim Red Sea ship attacks", "Mob storms Russian airport", "Israel plans next phase of war"]
    assert strip_boilerplate("\n".join([PARA1, PARA2, *headlines])) == "\n".join([PARA1, PARA2])
    dates = ["June 9 - Bamako, Stade du 26 Mars", "June 10 - Dakar, Arena", "June 14 - Abidjan, Palais"]
    assert strip_boilerplate("\n".join([PARA1, PARA2, *dates])).endswith("\n".join(dates))


def test_byline_and_separator_before_a_short_report_keep_the_report() -> None:
    report = "Gunmen killed five soldiers near Gao on Sunday, the army said"
    out = strip_boilerplate("\n".join(["Five soldiers killed in Mali", "By Jane Doe", "-", report]))
    assert report in out and "Five soldiers killed in Mali" in out


def test_one_line_report_is_not_boilerplate() -> None:
    line = "Bombing at a Paris Metro station"
    assert strip_boilerplate(line) == line
    assert boilerplate_ranges(line) == []


def test_paragraph_breaks_preserved_and_collapsed() -> None:
    text = f"{PARA1}\n\nSubscribe to The Week\n\n{PARA2}\n\n\n\n{PARA3}\n"
    assert strip_boilerplate(text) == f"{PARA1}\n\n{PARA2}\n\n{PARA3}"


def test_boilerplate_ranges_match_strip_decision() -> None:
    text = seed(SEED_000)
    ranges = boilerplate_ranges(text)
    assert ranges == sorted(ranges)
    dropped = {text[s:e].strip() for s, e in ranges}
    kept = {line.strip() for line in strip_boilerplate(text).split("\n") if line.strip()}
    assert not dropped & kept
    assert {line.strip() for line in text.split("\n") if line.strip()} == dropped | kept
    assert all("\n" not in text[s:e] for s, e in ranges)


# ---------------------------------------------------------------- records keep offsets


def test_record_boilerplate_blanked_with_same_offsets() -> None:
    content = "\n".join([PARA1, "Advertisement", PARA2, "Sign up for our newsletter", PARA3, "-", "Read more"])
    article = clean(record(content))
    assert "Advertisement" not in article.text and "newsletter" not in article.text
    for para in (PARA1, PARA2, PARA3):
        assert article.text.index(para) == content.index(para)
    assert article.text == content[: len(article.text)].replace("Advertisement", " " * 13).replace(
        "Sign up for our newsletter", " " * 26
    )
    assert article.text.endswith(PARA3)  # trailing blanks stripped: no kept offset moves


def test_record_crlf_text_offsets_kept() -> None:
    content = f"{PARA1}\r\nAdvertisement\r\n{PARA2}"
    article = clean(record(content))
    assert len(article.text) == len(content)
    assert article.text.index(PARA2) == content.index(PARA2)
    assert article.text.count("\r\n") == 2


# ---------------------------------------------------------------- titles


def test_text_title_is_first_headline_line_and_stays_in_text() -> None:
    article = clean(text_doc("Gunmen kill 12 in Burkina Faso\n" + body()))
    assert article.title == "Gunmen kill 12 in Burkina Faso"
    assert article.text.startswith("Gunmen kill 12 in Burkina Faso\n")


def test_no_title_when_first_line_is_a_sentence() -> None:
    assert clean(text_doc(body())).title is None


def test_record_title_from_metadata() -> None:
    assert clean(record(body(), title="  Given title ")).title == "Given title"


# ---------------------------------------------------------------- publication dates


@pytest.mark.parametrize(
    ("text", "expected", "how", "date_text"),
    [
        ("KHARTOUM, Sudan, April 9, 2023 (Reuters) — Fighting raged.", dt.date(2023, 4, 9), "dateline", "April 9, 2023"),
        ("BEIRUT, 9 April 2023 — Israeli strikes hit the south.", dt.date(2023, 4, 9), "dateline", "9 April 2023"),
        ("KHARTOUM, SUDAN, APRIL 9, 2023 (REUTERS) - FIGHTING RAGED.", dt.date(2023, 4, 9), "dateline", "APRIL 9, 2023"),
        ("SAINT-DENIS, France, Nov. 18, 2015 -- Police raided a flat.", dt.date(2015, 11, 18), "dateline", "Nov. 18, 2015"),
        ("Gunmen kill 12\nBAMAKO, 3 March 2022 — Gunmen attacked.", dt.date(2022, 3, 3), "dateline", "3 March 2022"),
        ("Headline\nBy Jane Doe\nPublished 9 April 2023\nBody text.", dt.date(2023, 4, 9), "text", "9 April 2023"),
        ("Headline\nPublished: 2023-04-09\nBody text.", dt.date(2023, 4, 9), "text", "2023-04-09"),
        ("Headline\nBy Jane Doe | Published 9 April 2023\nBody.", dt.date(2023, 4, 9), "text", "9 April 2023"),
        ("Some report\ndate 2018-08-07\nBody text.", dt.date(2018, 8, 7), "text", "2018-08-07"),
        ("Headline\nUpdated: 2023-04-10\nPublished: 2023-04-09\nBody.", dt.date(2023, 4, 9), "text", "2023-04-09"),
        ("Headline\nUpdated: 2023-04-10 14:00 GMT\nBody text.", dt.date(2023, 4, 10), "text", "2023-04-10"),
        ("Headline\nMonday 10 April 2023 10.35 BST\nBody text.", dt.date(2023, 4, 10), "text", "Monday 10 April 2023"),
        # a clock time before the date, or after it behind a bar
        ("Headline\nPublished 5:32 PM ET Mon, 10 April 2023\nBody text.", dt.date(2023, 4, 10), "text",
         "Mon, 10 April 2023"),
        ("Headline\nApr 10, 2023 | 10:15 AM\nBody text.", dt.date(2023, 4, 10), "text", "Apr 10, 2023"),
    ],
)
def test_find_publication_date(text: str, expected: dt.date, how: str, date_text: str) -> None:
    found = find_publication_date(text)
    assert found is not None
    date, found_how, (start, end) = found
    assert (date, found_how, text[start:end]) == (expected, how, date_text)


@pytest.mark.parametrize(
    "text",
    [
        "KHARTOUM, April 9 (Reuters) — Fighting raged.",  # no year: never invent one
        "WASHINGTON (AP) — The Pentagon said on Monday.",
        "The attack on April 9, 2023 – a day of mourning – killed 40 people in the town.",
        "Headline\n" + PARA1 + " The report, published 9 April 2023, said the army had lost control of the area.",
        "Rebels attacked the town on April 9, 2023.",
        "Mosul, Iraq - 04/09/2023 - attack",  # April or September: no guess
        "",
    ],
)
def test_no_publication_date(text: str) -> None:
    assert find_publication_date(text) is None


def test_published_metadata_wins() -> None:
    article = clean(record("BEIRUT, 9 April 2023 — " + PARA1, published="2023-04-10"))
    assert (article.published, article.published_from) == (dt.date(2023, 4, 10), "metadata")


@pytest.mark.parametrize("value", ["2023-04-10T23:30:00Z", "2023-04-10T23:30:00+02:00", "2023-04-10 08:00:00"])
def test_published_full_iso(value: str) -> None:
    assert clean(record(PARA1, published=value)).published == dt.date(2023, 4, 10)


def test_bad_published_raises_e010_with_path_and_line() -> None:
    with pytest.raises(InputError) as info:
        clean(record(PARA1, published="last Tuesday"))
    assert info.value.code == "E010"
    assert "batch.jsonl: line 3" in str(info.value) and "last Tuesday" in str(info.value)


def test_dateline_date_for_text() -> None:
    article = clean(text_doc("BEIRUT, 9 April 2023 — " + PARA1 + "\n" + PARA2))
    assert (article.published, article.published_from) == (dt.date(2023, 4, 9), "dateline")


def test_date_in_boilerplate_is_never_publication_date() -> None:
    tail = ["-", "Sudan ceasefire collapses - November 12, 2024", "By Jane Doe Published 12 November 2024", "-",
            "Wagner leaves Bakhmut", "By John Roe Published 10 November 2024"]  # fmt: skip
    article = clean(text_doc("\n".join([PARA1, PARA2, *tail])))
    assert article.published is None


# ---------------------------------------------------------------- HTML


def test_html_main_text_title_and_meta_date() -> None:
    [doc] = [d for d in iter_documents([DATA / "article.html"])]
    article = clean(doc)  # type: ignore[arg-type]
    assert article.title == "Gunmen kill 12 in attack on village in northern Burkina Faso"
    assert "Suspected jihadist gunmen killed at least 12 civilians" in article.text
    assert "Related stories" not in article.text and "newsletter" not in article.text
    assert "Home" not in article.text.split("\n")
    assert (article.published, article.published_from) == (dt.date(2023, 4, 9), "html")


def test_html_date_not_taken_from_related_list() -> None:
    [doc] = [d for d in iter_documents([DATA / "related_dates.html"])]
    article = clean(doc)  # type: ignore[arg-type]
    assert "tear gas" in article.text
    assert article.published is None  # htmldate's own search would say 2024-11-12


def test_html_date_from_url() -> None:
    html = (DATA / "related_dates.html").read_text()
    doc = RawDocument(id="h", origin="h.html", kind="html", content=html, url="https://news.test/2023/07/19/nairobi-protests")
    assert clean(doc).published == dt.date(2023, 7, 19)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><script>var x = 1;</script></body></html>",
        "<<<>>>",
    ],
)
def test_html_without_text_raises_e005(html: str) -> None:
    doc = RawDocument(id="h", origin="empty.html", kind="html", content=html)
    with pytest.raises(InputError) as info:
        clean(doc)
    assert info.value.code == "E005" and "empty.html" in str(info.value)


# ---------------------------------------------------------------- language


def test_non_english_article_skipped_naming_language() -> None:
    french = (
        "Au moins douze personnes ont été tuées dimanche dans une attaque contre un village du nord du "
        "Burkina Faso, selon des sources locales. Les assaillants sont arrivés à moto et ont ouvert le feu."
    )
    with pytest.raises(ArticleSkipped) as info:
        clean(text_doc(french))
    assert info.value.code == "E007"
    assert "'fr'" in str(info.value) and "t.txt" in str(info.value)


def test_all_caps_english_accepted() -> None:
    caps = ("KHARTOUM, SUDAN, APRIL 9, 2023 (REUTERS) - " + PARA1 + " " + PARA2).upper()
    article = clean(text_doc(caps))
    assert article.language == "en"
    assert article.published == dt.date(2023, 4, 9)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (PARA1 + " " + PARA2, "en"),
        ("Al menos doce personas murieron el domingo en un ataque contra una aldea en el norte del país, según fuentes locales.", "es"),
        ("Mindestens zwölf Menschen sind am Sonntag bei einem Angriff auf ein Dorf im Norden des Landes getötet worden.", "de"),
        ("Pelo menos doze pessoas foram mortas no domingo em um ataque a uma aldeia no norte do país, segundo fontes locais.", "pt"),
        ("Almeno dodici persone sono state uccise domenica in un attacco contro un villaggio nel nord del paese.", "it"),
        ("Ten minste twaalf mensen zijn zondag om het leven gekomen bij een aanval op een dorp in het noorden van het land.", "nl"),
        ("Pazar günü ülkenin kuzeyindeki bir köye düzenlenen saldırıda en az on iki kişi hayatını kaybetti ve yerel kaynaklar bu bilgiyi doğruladı.", "tr"),
        ("Setidaknya dua belas orang tewas pada hari Minggu dalam serangan terhadap sebuah desa di utara negara itu, menurut sumber lokal.", "id"),
        ("Watu kumi na wawili wameuawa siku ya Jumapili katika shambulio dhidi ya kijiji kimoja kaskazini mwa nchi hiyo, kwa mujibu wa vyanzo vya ndani.", "sw"),
        ("По меньшей мере двенадцать человек погибли в воскресенье в результате нападения на деревню.", "ru"),
        ("قتل ما لا يقل عن اثني عشر شخصا يوم الأحد في هجوم على قرية في شمال البلاد حسب مصادر محلية.", "ar"),
        ("Police car bombing in Los Angeles claimed by Black Liberation Army.", "en"),
    ],
)  # fmt: skip
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_detect_language_short_text_is_none() -> None:
    assert detect_language("Mosul, Iraq") is None
    assert clean(text_doc("Explosion in Mosul")).language == "en"


# ---------------------------------------------------------------- empty, hash, truncation


def test_empty_after_cleaning_is_skipped() -> None:
    with pytest.raises(ArticleSkipped) as info:
        clean(text_doc("Subscribe to The Week\nSign up for our newsletter\nAdvertisement\n"))
    assert info.value.code == "E006" and "t.txt" in str(info.value)


def test_content_hash_is_sha256_of_text() -> None:
    article = clean(text_doc(body()))
    assert article.content_hash == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    assert (article.id, article.origin) == ("t", "t.txt")


def test_max_chars_truncates_with_warning(caplog: pytest.LogCaptureFixture) -> None:
    content = " ".join([PARA1] * 200)
    with caplog.at_level(logging.WARNING, logger="tacitus.clean"):
        article = clean(record(content), max_chars=1000)
    assert len(article.text) <= 1000
    assert content.startswith(article.text)
    assert any("truncated" in r.getMessage() for r in caplog.records)


def test_publication_date_from_the_story_byline_above_the_first_paragraph():
    from tacitus.models import RawDocument

    text = ("Truck bomb kills dozens in Mogadishu\n\nMOGADISHU, Oct. 16 —\nBy Staff Desk | Published 16 October 2017\n\n"
            "A suicide bomber drove a truck packed with explosives into a crowded junction on Saturday, killing "
            "dozens of people and wounding many more, officials said on Monday after rescuers searched the rubble.\n")
    article = clean(RawDocument(id="b", origin="b.txt", kind="text", content=text))
    assert str(article.published) == "2017-10-16"
    assert "Published 16 October" not in article.text


def test_publication_date_from_a_stamp_right_after_the_story():
    # Some sites print the date under the story; the cleaner drops that line as boilerplate.
    text = ("Kurdish forces drive Islamic State out of Sinjar\n\n" + PARA1 + "\n\n" + PARA2 + "\n\n"
            "Published 13 November 2015\n")
    article = clean(text_doc(text))
    assert (article.published, article.published_from) == (dt.date(2015, 11, 13), "text")
    assert "Published 13 November" not in article.text


def test_stamp_below_a_related_article_list_is_not_the_story_date():
    text = "\n".join([PARA1, PARA2, "Related", "Wagner leaves Bakhmut", "Published 10 November 2024"])
    assert clean(text_doc(text)).published is None
