"""Deep learning from first principles: data, reference layers, plots and the `course` CLI."""

from pathlib import Path

__version__ = "0.1.0"

# The repository this package was installed from (an editable install).
ROOT = Path(__file__).resolve().parent.parent
