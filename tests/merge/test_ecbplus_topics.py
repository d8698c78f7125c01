"""ECB+ topic splits: the topics in neither split (benchmarks/merge_ecb.py --split other)."""
from sitrep.evaluation import ecbplus as E


def test_other_topics_are_the_folders_in_neither_split(tmp_path):
    for name in ("1", "8", "16", "45", "notes", "12"):
        (tmp_path / name).mkdir()
    (tmp_path / "3").write_text("a file, not a topic")
    assert E.TUNE_TOPICS[0] == 8 and E.CHECK_TOPICS[0] == 16
    assert E.other_topics(tmp_path) == (1, 12, 45)
