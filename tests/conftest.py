import os
import sys
from pathlib import Path

import pytest

# One BLAS thread in the test process too, as in the grading sandbox: on a busy 2-core machine
# OpenBLAS's threads wait for each other and a mid-sized matmul (the references' whole-sequence
# LSTM products) takes 30x longer. Set before anything imports numpy.
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

# tests/ helpers (module_suite.py) import as plain modules
sys.path.insert(0, str(Path(__file__).parent))


# The suite runs on one process per core (pytest-xdist: the README's `-n auto --dist loadgroup`). The
# catalogue's mistakes and variants are independent and spread one by one; every other file
# stays on one process, so its module- and session-wide fixtures (a release, an nbgrader course,
# a JupyterLab server, the browser) are built once; the browser tests share their server.
SPREAD = {"test_mistake_fails_its_task_with_its_hint", "test_correct_variant_passes_every_task"}
# The sandbox's attacks race its time and memory limits on purpose: they run first, alone
# (marked `serial`: the README runs `-m serial`, then the rest on every core).
SERIAL = {"test_attacks.py", "test_attacks2.py"}


def _unit(nodeid: str) -> str:
    """The work unit a test belongs to: a catalogue mistake or variant alone, the browser
    tests together, any other file whole."""
    path, _, rest = nodeid.partition("::")
    if rest.split("[")[0] in SPREAD:
        return nodeid
    p = Path(path)
    return "e2e" if p.parent.name == "e2e" and p.name != "test_hub.py" else path


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """--dist loadgroup by `_unit`. (xdist 3.8 groups by a suffix it writes into `item._nodeid`,
    which pytest 9.2's node ids no longer read: its groups came apart, and each process built
    its own release.)"""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _unit(nodeid)

    return ByUnit(config, log)


@pytest.hookimpl(tryfirst=True)      # before `-m` selects by these marks
def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).name in SERIAL:
            item.add_marker(pytest.mark.serial)


# Whole files first, the longest first, so that no long one is left for the end while the
# other processes idle; the catalogue's many short tests fill in after them.
FIRST = ["tests/test_release.py", "e2e", "tests/e2e/test_hub.py"]


class _LongestFirst:
    @pytest.hookimpl(trylast=True)      # after tests/e2e orders its files (stable below)
    def pytest_collection_modifyitems(self, items):
        def rank(item):
            unit = _unit(item.nodeid)
            return FIRST.index(unit) if unit in FIRST else len(FIRST) + (unit == item.nodeid)

        items.sort(key=rank)


def pytest_configure(config):
    config.pluginmanager.register(_LongestFirst(), "course-longest-first")
