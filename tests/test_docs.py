"""The README documents every command, and opens with exactly the two commands CI relies on."""
import re
from pathlib import Path

from sitrep.cli import COMMANDS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_two_commands():
    block = re.search(r"```bash\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert block == ["pip install -e . && sitrep demo", "python3 -m pip install -e '.[dev]' && python3 -m pytest"]


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "python3 -m pip install -q -e '.[dev]'" in ci and "\npython3 -m pytest" in ci


def test_every_command_is_documented():
    missing = [name for name in COMMANDS if f"`sitrep {name}" not in README]
    assert not missing, f"commands not in README: {missing}"
