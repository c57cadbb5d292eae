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
# stays on one process, so its module- and session-wide fixtures (a JupyterLab server, an
# nbgrader course, the browser) are built once; the browser tests share their server.
SPREAD = {"test_mistake_fails_its_task_with_its_hint", "test_correct_variant_passes_every_task"}
# The sandbox's attacks race its time and memory limits on purpose: they run first, alone
# (marked `serial`: the README runs `-m serial`, then the rest on every core).
SERIAL = {"test_attacks.py", "test_attacks2.py"}


@pytest.hookimpl(tryfirst=True)      # before `-m` selects by these marks
def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).name in SERIAL:
            item.add_marker(pytest.mark.serial)
        if item.originalname in SPREAD:
            continue
        path = Path(str(item.fspath))
        e2e = path.parent.name == "e2e" and path.name != "test_hub.py"
        item.add_marker(pytest.mark.xdist_group("e2e" if e2e else path.name))
