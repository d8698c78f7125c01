"""Small helpers shared by the CLI's subcommands."""
from sitrep.commands import place_label


def test_place_label_names_a_country_level_place_once():
    assert place_label({"name": "Kirkuk", "country": "Iraq"}) == "Kirkuk, Iraq"
    assert place_label({"name": "Iraq", "country": "Iraq"}) == "Iraq"
    assert place_label({"name": None, "country": "Syria"}) == "Syria"
    assert place_label(None) == "" and place_label({}) == ""


# ---- the command line a newcomer meets (issue: "the CLI says less than it should") ----
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402

from sitrep.cli import COMMANDS, main  # noqa: E402

FRENCH = ("Une frappe de drone a touché un immeuble dans la ville pendant la nuit, selon les autorités locales. "
          "Trois personnes ont été blessées et les secours sont arrivés rapidement sur les lieux de l'attaque.")
CLI = "import sys; from sitrep.cli import main; sys.exit(main(sys.argv[1:]))"


def _run(capsys, *argv):
    try:
        rc = main(list(argv))
    except SystemExit as exc:  # --help
        rc = exc.code
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_help_lists_every_command_with_a_one_line_description(capsys):
    rc, out, _ = _run(capsys, "--help")
    assert rc == 0 and "Thin" not in out and "sitrep.commands" not in out
    assert "incident database" in out and "sitrep demo" in out
    flat = " ".join(out.split())
    for name, (_, help_text) in COMMANDS.items():
        assert f"{name} {' '.join(help_text.split())}" in flat


def test_extract_format_has_help(capsys):
    rc, out, _ = _run(capsys, "extract", "--help")
    flat = " ".join(out.split())
    assert rc == 0 and "one JSON record per event" in flat and "readable summary" in flat


def test_extract_says_it_reads_stdin_when_waiting_on_a_terminal(tmp_path):
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-c", CLI, "extract", "--undated"], stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "TERM": "dumb"})
    os.close(slave)
    os.write(master, b"Gunmen attacked a bus near the border on Monday.\n\x04")
    out, err = proc.communicate(timeout=300)
    os.close(master)
    assert "reading a report from standard input" in err.decode() and "Ctrl-D" in err.decode()
    assert b'"target": "bus"' in out or b"bus" in out


@pytest.mark.parametrize("command", ["incidents", "export", "serve"])
def test_reading_commands_refuse_a_database_that_does_not_exist(capsys, tmp_path, command):
    missing = tmp_path / "sitrepp.sqlite"  # a typo for an existing name
    rc, out, err = _run(capsys, command, "--db", str(missing))
    assert rc == 2 and "[E605]" in err and "no database at" in err
    assert not missing.exists() and "0 of 0" not in out


def test_extract_writes_reported_totals_only_when_asked(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("A car bomb killed 14 people at a market in Mogadishu on Monday, police said. More than "
                      "3,000 civilians have been killed in the city since 2019, the UN said.", encoding="utf-8")
    rc, out, _ = _run(capsys, "extract", str(report), "--published", "2021-06-15", "--quiet")
    records = [json.loads(line) for line in out.splitlines()]
    assert rc == 0 and len(records) == 1 and records[0]["fatalities"] == 14  # an event, never the total
    rc, out, _ = _run(capsys, "extract", str(report), "--published", "2021-06-15", "--quiet", "--totals")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("record_kind") for r in records][1:] == ["reported_total"] and records[1]["count"]["best"] == 3000


def test_extract_keeps_events_with_no_knowable_day_apart(capsys, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Gunmen attacked a bus near the border town of Hamar on Monday, killing four passengers.\n",
                    encoding="utf-8")
    rc, out, err = _run(capsys, "extract", str(path))
    assert rc == 0 and out.strip() == "" and "no knowable day" in err and "--published" in err
    rc, out, _ = _run(capsys, "extract", str(path), "--undated", "--quiet")
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert rec["record_kind"] == "undated_event" and rec["date"] is None and rec["fatalities"] == 4
    rc, out, _ = _run(capsys, "extract", str(path), "--published", "2024-03-06", "--quiet")
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert "record_kind" not in rec and rec["date"] == "2024-03-04"


def test_extract_leaves_an_event_known_only_to_its_month_out_of_the_incidents(capsys, tmp_path):
    path = tmp_path / "month.txt"
    path.write_text("Rebels ambushed an army convoy near the town of Gulu on Tuesday, killing six soldiers. The "
                    "same group had bombed a bus depot in the town in March 2019.\n", encoding="utf-8")
    rc, out, err = _run(capsys, "extract", str(path), "--published", "2021-05-13")
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert rc == 0 and rec["date"] == "2021-05-11" and rec["fatalities"] == 6
    assert "1 event(s) with no knowable day" in err and "only a month" in err
    rc, out, _ = _run(capsys, "extract", str(path), "--published", "2021-05-13", "--undated", "--quiet")
    month = [json.loads(line) for line in out.splitlines() if "record_kind" in line]
    assert [(r["record_kind"], r["date"], r["date_precision"]) for r in month] == [
        ("undated_event", "2019-03-01", "month")]


def test_extract_says_e108_for_a_report_in_french(capsys, tmp_path):
    fr = tmp_path / "rapport.txt"
    fr.write_text(FRENCH, encoding="utf-8")
    rc, out, err = _run(capsys, "extract", str(fr), "--quiet")
    assert rc == 1 and out == "" and "[E108]" in err and "'fr'" in err
    rc, out, err = _run(capsys, "ingest", str(fr), "--db", str(tmp_path / "s.sqlite"))
    assert rc == 1 and "[E108]" in err


def test_ingest_exit_status_is_the_number_of_failed_inputs(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Gunmen attacked a bus near the border on Monday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    rc, out, err = _run(capsys, "ingest", str(good), str(empty), str(tmp_path / "gone.txt"),
                        "--db", str(tmp_path / "s.sqlite"))
    assert rc == 2 and "1 new" in out and "2 failed" in out
    assert "[E101]" in err and "[E106]" in err


def test_timex_no_infer_says_the_anchor_was_not_inferred(capsys, tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("BAGHDAD, 8 December 2023 - Rockets hit the embassy two days ago.", encoding="utf-8")
    rc, _, err = _run(capsys, "timex", "--no-infer", str(f))
    assert rc == 0 and "anchor none (not inferred: --no-infer)" in err and "(given)" not in err


def test_a_broken_json_line_is_reported_once_without_at_at():
    from sitrep.ingest.text import ReadFailure, read_bytes

    (fail,) = [r for r in read_bytes(b'{"text": "unterminated\n', "x.jsonl") if isinstance(r, ReadFailure)]
    assert "at at" not in str(fail) and "[E105]" in str(fail) and "column" in str(fail)


def test_first_run_cache_note_and_no_progress_bar_off_a_terminal(capsys, tmp_path, monkeypatch):
    from sitrep.commands.progress import DocumentProgress, count_inputs, prepare_places
    from sitrep.resolve import get_gazetteer

    get_gazetteer()  # loaded from the usual cache; the note below is about a cache dir with nothing in it
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    prepare_places("ingest")
    assert "first run: building the place-name cache" in capsys.readouterr().err
    with DocumentProgress("storing", 3) as bar:  # stderr is not a terminal here: no bar
        assert list(bar.track([1, 2, 3])) == [1, 2, 3]
    assert capsys.readouterr().err == ""
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert count_inputs([str(tmp_path / "a.txt")]) == 1 and count_inputs(["-"]) is None


def test_ingest_draws_a_progress_bar_on_a_terminal_stderr_only(tmp_path):
    docs = []
    for i, town in enumerate(("Jalalabad", "Kunduz", "Herat")):
        f = tmp_path / f"r{i}.txt"
        f.write_text(f"Gunmen attacked a bus near {town} on Monday, police said.", encoding="utf-8")
        docs.append(str(f))
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-c", CLI, "ingest", *docs, "--db", str(tmp_path / "s.sqlite")],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave,
                            env={**os.environ, "TERM": "xterm", "COLUMNS": "100"})
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out, _ = proc.communicate(timeout=300)
    os.close(master)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0 and "3 new" in out.decode()
    assert "storing" in err and "/3 documents" in err  # the bar, on the terminal
    assert "storing" not in out.decode() and "\x1b[" not in out.decode()  # stdout stays plain
