"""The README's two commands are the ones CI runs."""

from course import ROOT


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    blocks = readme.split("```bash\n")
    install_and_start, install_and_test = blocks[1].split("\n")[0], blocks[2].split("\n")[0]
    assert "course start" in install_and_start
    assert "pytest" in install_and_test and "course build --check" in install_and_test
    assert install_and_test in ci


def test_every_course_command_in_the_readme_parses():
    """A command the README shows a student must exist, with the options it shows."""
    import shlex

    from course.cli import parser

    readme = (ROOT / "README.md").read_text()
    shown = [line.split("#")[0].strip() for block in readme.split("```bash\n")[1:]
             for line in block.split("```")[0].splitlines() if line.startswith("course ")]
    assert {"course start", "course check 02 --show-hints", "course reset 02"} <= set(shown), shown
    for line in shown:
        args = parser().parse_args(shlex.split(line)[1:])
        assert args.run, line


def test_the_readme_names_the_python_that_pyproject_requires():
    import re

    pyproject = (ROOT / "pyproject.toml").read_text()
    minimum = re.search(r'^requires-python = ">=\s*(3\.\d+)"$', pyproject, re.M)[1]
    readme = (ROOT / "README.md").read_text()
    assert f"Python {minimum} or newer" in readme and "python3-venv" in readme
