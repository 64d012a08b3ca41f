"""The energy label from the NTA 8800 energy index EP2 (primary fossil energy use,
kWh/m²·yr), by the label classes of the *Regeling energieprestatie gebouwen* (since
1-1-2021): A++++ ≤ 0, A+++ ≤ 50, A++ ≤ 75, A+ ≤ 105, A ≤ 160, B ≤ 190, C ≤ 250, D ≤ 290,
E ≤ 335, F ≤ 380, G above.

Each class limit is an upper bound written "≤", so EP2 exactly on a limit belongs to the
better label (105.00 is A+, 105.01 is A).  A to G as published by enven.nl; A+ to A++++
corroborated by two independent public code bases (e.g. woonstadrotterdam/woningwaardering,
``vera/referentiedata/energieprestatiesoort.py``); the Regeling's table itself was not
retrieved — assumed identical (see docs/yardsticks.md).

Used by the CO2 model (a dwelling's label) and the yardsticks; its own module so both
can import it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .enums import LABELS

# Upper limits of EP2 (kWh/m²·yr) per label, best first; above the last: G.
EP2_LIMITS: tuple[float, ...] = (0, 50, 75, 105, 160, 190, 250, 290, 335, 380)


def label_codes_from_ep2(ep2) -> np.ndarray:
    """Label code (index in ``LABELS``) per EP2; -1 where EP2 is NaN."""
    ep2 = np.asarray(ep2, dtype="float64")
    codes = np.searchsorted(np.asarray(EP2_LIMITS, dtype="float64"), ep2, side="left")
    return np.where(np.isnan(ep2), -1, codes)


def label_from_ep2(ep2: float | None) -> str | None:
    """The NTA 8800 label of an EP2 (kWh/m²·yr); None when EP2 is unknown."""
    if ep2 is None or ep2 is pd.NA or ep2 != ep2:
        return None
    return LABELS[int(label_codes_from_ep2(np.array([float(ep2)]))[0])]


__all__ = ["EP2_LIMITS", "label_codes_from_ep2", "label_from_ep2"]
