"""Checks, rubric and graders of the course. A check is a plain function; see tasks.py."""

from autograder.result import CheckFailed, CheckResult
from autograder.tasks import Module, Task, check, find_task, get_module, run_task

__all__ = ["CheckFailed", "CheckResult", "Module", "Task", "check", "find_task", "get_module",
           "run_task"]
