"""Every ``pip install`` of the pipeline checks each file it installs against a sha256 written beforehand.

The tools come from ``.ci/requirements.txt``, compiled from ``.ci/requirements.in``
with a hash for every file of every package, for every OS and Python the
workflows run; an install that is not hash-checked would take whatever the
index serves under those names.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.workflows.model import ROOT, oldest_python, tool_pins, workflows

CI = ROOT / ".ci"
REQUIREMENTS_IN = CI / "requirements.in"
REQUIREMENTS = CI / "requirements.txt"
#: The one command that makes .ci/requirements.txt, as its header and the .in file's comment give it.
COMPILE = (
    "uv pip compile --universal --generate-hashes --python-version {python} "
    ".ci/requirements.in -o .ci/requirements.txt"
)


#: The characters shlex reads as shell operators, which end a command's arguments.
SHELL_OPERATORS = "();<>|&"


def logical_lines(text: str) -> list[str]:
    """The lines of a shell script or requirements file, with backslash continuations joined."""
    return re.sub(r"\\\n", " ", text).splitlines()


def pip_installs(script: str) -> list[list[str]]:
    """The arguments after ``pip install`` (``python -m pip`` and ``uv pip`` too) of each install."""
    installs = []
    for line in logical_lines(script):
        if not re.search(r"\bpip\b.*\binstall\b", line):
            continue
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = list(lexer)
        for index, word in enumerate(words[:-1]):
            if word == "pip" and words[index + 1] == "install":
                arguments = words[index + 2 :]
                # The command ends at the first operator: `&&`, `;`, `|`, a redirection...
                end = next((i for i, w in enumerate(arguments) if set(w) <= set(SHELL_OPERATORS)), None)
                installs.append(arguments[:end])
    return installs


def requirement_files(arguments: list[str]) -> tuple[list[str], list[str]]:
    """Split an install's arguments into its ``-r`` files and everything else."""
    files, others = [], []
    words = iter(arguments)
    for word in words:
        if word in {"-r", "--requirement"}:
            files.append(next(words, ""))
        elif word.startswith("--requirement="):
            files.append(word.partition("=")[2])
        elif word.startswith("-r") and len(word) > 2:
            files.append(word[2:])
        else:
            others.append(word)
    return files, others


def unhashed_lines(path: Path) -> list[str]:
    """The requirements in ``path`` that carry no ``--hash``."""
    lines = [line.split(" #")[0].strip() for line in logical_lines(path.read_text(encoding="utf-8"))]
    requirements = [line for line in lines if line and not line.startswith("#")]
    assert requirements, f"{path.name} holds no requirement"
    return [line for line in requirements if "--hash=sha256:" not in line]


def why_unchecked(arguments: list[str], cwd: Path) -> str | None:
    """Why an install with these arguments is not hash-checked; None when it is.

    It is when pip is told ``--require-hashes``, or when it installs only from
    requirements files whose every requirement has a hash (pip then checks
    hashes by itself).
    """
    if "--require-hashes" in arguments:
        return None
    files, others = requirement_files(arguments)
    packages = [word for word in others if not word.startswith("-")]
    if packages or not files:
        return f"installs {' '.join(packages) or 'nothing from a file'} without --require-hashes"
    for name in files:
        unhashed = unhashed_lines(cwd / name)
        if unhashed:
            return f"{name} has requirements without a hash: {unhashed[0]}"
    return None


def installs_of_the_pipeline() -> list[tuple[str, list[str]]]:
    """Every ``pip install`` in the workflows' run steps and in ``.ci/run``, with where it is."""
    found = [
        (f"{each.name}: {step.get('name')}", arguments)
        for each in workflows()
        for step in each.raw_steps()
        for arguments in pip_installs(step.get("run", ""))
    ]
    found += [(".ci/run", arguments) for arguments in pip_installs((CI / "run").read_text(encoding="utf-8"))]
    return found


def test_every_install_of_the_workflows_and_ci_run_is_hash_checked() -> None:
    found = installs_of_the_pipeline()
    # Every job but the gate and the deployment installs the tools, and so does .ci/run.
    jobs = sum(1 for each in workflows() for job in each.jobs.values() if any(
        "pip install" in step.get("run", "") for step in job.get("steps", [])
    ))  # fmt: skip
    assert jobs >= 8, jobs
    assert len(found) >= jobs + 1, found
    assert any(where == ".ci/run" for where, _ in found)
    unchecked = {where: why for where, arguments in found if (why := why_unchecked(arguments, ROOT))}
    assert not unchecked, unchecked


@pytest.mark.parametrize(
    "command",
    [
        "python -m pip install nox",
        "python -m pip install -r .ci/requirements.in",  # pins, but no hashes
        "python -m pip install -r .ci/requirements.txt pytest",  # one package from outside the file
        '"$tools/bin/python" -m pip install --quiet \\\n  -r .ci/requirements.in',
        "uv pip install --upgrade nox  # later",
        # Each command of a line on its own: the second's --require-hashes does not cover the first.
        "pip install -r .ci/requirements.in && pip install --require-hashes -r .ci/requirements.txt",
        "pip install -r .ci/requirements.in;pip install --require-hashes -r .ci/requirements.txt",
    ],
)
def test_an_install_that_is_not_hash_checked_is_caught(command: str) -> None:
    installs = pip_installs(f"set -e\n{command}\necho done\n")
    assert installs
    assert any(why_unchecked(arguments, ROOT) for arguments in installs)


def test_a_file_with_one_unhashed_requirement_is_caught(tmp_path: Path) -> None:
    hashed = REQUIREMENTS.read_text(encoding="utf-8")
    (tmp_path / "tools.txt").write_text(hashed + "extra==1.0 ; python_version >= '3.10'\n", encoding="utf-8")
    why = why_unchecked(["--requirement=tools.txt"], tmp_path)
    assert why == "tools.txt has requirements without a hash: extra==1.0 ; python_version >= '3.10'"
    assert why_unchecked(["--require-hashes", "-rtools.txt"], tmp_path) is None


@pytest.mark.parametrize(
    "command",
    ["python -m pip install --require-hashes -r anything.txt", "pip install -r .ci/requirements.txt"],
)
def test_a_hash_checked_install_passes(command: str) -> None:
    (arguments,) = pip_installs(command)
    assert why_unchecked(arguments, ROOT) is None


def test_the_tools_file_is_compiled_from_the_pins_for_the_oldest_python() -> None:
    # The oldest Python the project supports, which dependabot also compiles with
    # (it reads .ci/.python-version), so that no marker drops an older one.
    oldest = oldest_python()
    assert (CI / ".python-version").read_text(encoding="utf-8").strip() == oldest
    command = COMPILE.format(python=oldest)
    assert f"#   {command}\n" in REQUIREMENTS_IN.read_text(encoding="utf-8")
    text = REQUIREMENTS.read_text(encoding="utf-8")
    header = "# This file was autogenerated by uv via the following command:\n"
    assert text.startswith(f"{header}#    {command}\n")
    assert unhashed_lines(REQUIREMENTS) == []
    for name, version in tool_pins().items():
        assert re.search(rf"^{re.escape(name)}=={re.escape(version)}( ;.*)? \\$", text, re.MULTILINE), name
