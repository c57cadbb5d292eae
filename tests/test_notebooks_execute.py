"""Does every solution notebook run end to end, experiments included, without an error?"""

from __future__ import annotations

import sys

import pytest

from course import ROOT
from course.build import modules

sys.path.insert(0, str(ROOT / "benchmarks"))

from common import time_notebook  # noqa: E402


@pytest.mark.slow
@pytest.mark.parametrize("module", modules())
def test_solution_notebook_runs_end_to_end(module):
    seconds = time_notebook(module)   # raises when any cell raised
    print(f"{module}: {seconds:.1f} s")
