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
