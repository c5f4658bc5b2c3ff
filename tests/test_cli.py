"""The command line: each command, its help, bad input and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tacitus.cli import cli

from conftest import SAMPLES, shared_path


@pytest.fixture()
def runner(tmp_path, monkeypatch):
    monkeypatch.setenv("TACITUS_DB", str(tmp_path / "cli.sqlite"))
    monkeypatch.setenv("TACITUS_PROGRESS", "false")
    return CliRunner()


@pytest.mark.parametrize("command", [[], ["extract"], ["ingest"], ["events"], ["events", "show"], ["eval"],
                                     ["geoparse"]])
def test_help_with_examples(runner, command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.model
def test_extract_jsonl(runner):
    seed = shared_path("seeds", "000_766515bad46ea839.txt")
    result = runner.invoke(cli, ["extract", str(seed)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert any(r["country"] == "FRA" and r["fatalities"] == 132 for r in records)
    assert all(r["article_id"] == "000_766515bad46ea839" for r in records)
    assert "extracted 1, skipped 0" in result.stderr


@pytest.mark.model
def test_ingest_is_idempotent_and_events_query(runner, tmp_path):
    first = runner.invoke(cli, ["ingest", str(SAMPLES)])
    assert first.exit_code == 0, first.output
    assert "skipped 0" in first.stderr
    second = runner.invoke(cli, ["ingest", str(SAMPLES)])
    assert "0 new or changed" in second.stderr
    out = runner.invoke(cli, ["events", "--format", "jsonl"])
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records and all("event_id" in r and r["mentions"] >= 1 for r in records)
    som = runner.invoke(cli, ["events", "--country", "SOM", "--format", "jsonl"])
    assert all(json.loads(line)["country"] == "SOM" for line in som.stdout.splitlines())
    csv_out = runner.invoke(cli, ["events", "--format", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("event_id,article_id,date")
    shown = runner.invoke(cli, ["events", "show", records[0]["event_id"]])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["event_id"] == records[0]["event_id"]
    table = runner.invoke(cli, ["events"])
    assert "type / sub-type" in table.stdout


def test_events_show_unknown_id(runner):
    result = runner.invoke(cli, ["events", "show", "nope"])
    assert result.exit_code == 1
    assert "E304" in result.stderr


@pytest.mark.model
def test_ingest_nothing_readable_exits_nonzero(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "ingested 0, skipped 1" in result.stderr
    assert "missing.txt" in result.stderr


def test_bad_model_is_one_line_error(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Gunmen killed five villagers.", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--model", "no_such_model_xyz"])
    assert result.exit_code == 1
    assert "E101" in result.stderr and "no_such_model_xyz" in result.stderr


@pytest.mark.model
def test_eval_prints_reference_figures(runner):
    gold = shared_path("eval", "dev", "seeds.jsonl")
    result = runner.invoke(cli, ["eval", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "event precision" in result.stdout and "fatalities" in result.stdout


@pytest.mark.model
def test_geoparse_offsets(runner, tmp_path):
    path = tmp_path / "g.jsonl"
    text = "Fighting broke out in Mosul and spread to Kirkuk."
    path.write_text(json.dumps({"id": "g1", "text": text}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["geoparse", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["text"] for r in rows} >= {"Mosul", "Kirkuk"}
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["country"] == "IRQ"
