"""Tests for tacitus.language: English passes, other languages are named, short or unclear text is None."""

from __future__ import annotations

import json

import pytest

from tacitus.clean import detect_language as reexported
from tacitus.language import detect_language

from conftest import shared_path


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des hommes armés ont tué au moins douze villageois dans l'État de Borno mardi, selon la police locale.", "fr"),
        ("Hombres armados mataron a doce aldeanos en el estado de Borno el martes, según informó la policía.", "es"),
        ("Bewaffnete haben am Dienstag im Bundesstaat Borno mindestens zwölf Dorfbewohner getötet, teilte die Polizei mit.", "de"),
        ("Silahlı kişiler salı günü Borno eyaletinde en az on iki köylüyü öldürdü, polis açıkladı.", "tr"),
        ("Orang-orang bersenjata menewaskan sedikitnya dua belas warga desa di negara bagian Borno pada hari Selasa, kata polisi.", "id"),
        ("Gewapende mannen hebben dinsdag in de deelstaat Borno zeker twaalf dorpelingen gedood, zei de politie.", "nl"),
        ("A polícia militar do Rio de Janeiro informou que três pessoas morreram durante uma operação na favela.", "pt"),
        ("قتل مسلحون اثني عشر قرويا على الأقل في ولاية بورنو يوم الثلاثاء، حسبما قالت الشرطة.", "ar"),
        ("Вооруженные люди убили по меньшей мере двенадцать жителей деревни в штате Борно во вторник.", "ru"),
        ("HOMBRES ARMADOS MATARON A DOCE ALDEANOS EN EL ESTADO DE BORNO EL MARTES, SEGÚN INFORMÓ LA POLICÍA.", "es"),
    ],
)
def test_foreign_news_sentence_is_named(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Le Monde reported that Jean-Pierre de la Fontaine and Marie-Claire Dubois were among the dead in "
        "Saint-Étienne-du-Rouvray on Tuesday.",
        "Abu Bakr al-Baghdadi, leader of Dawlat al-Islamiyah fi al-Iraq wa al-Sham, was killed in Barisha by US forces.",
        "Turkish police said the gunman opened fire in Diyarbakır and Şırnak; President Erdoğan condemned the attack.",
        "Copyright © 2021 Agence France-Presse. Tous droits réservés. Gunmen killed five people in Kaya on Sunday.",
        "GUNMEN KILLED 12 VILLAGERS IN BORNO STATE ON TUESDAY, POLICE SAID",
    ],
)
def test_english_with_foreign_names_or_boilerplate_is_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_too_short_text_gives_no_verdict() -> None:
    assert detect_language("Attentat à Paris") is None


def test_clean_reexports_detect_language() -> None:
    assert reexported is detect_language


def test_no_english_dev_article_is_taken_for_another_language() -> None:
    for name in ("case2021_subtypes.jsonl", "seeds.jsonl"):
        path = shared_path("eval", "dev", name)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                assert detect_language(json.loads(line)["text"]) in ("en", None)
