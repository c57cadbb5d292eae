"""One test per task of the module given by --course-module (see autograder.pytest_plugin)."""


def test_task(task, grade):
    result = grade(task)
    assert result.passed, result.text()
