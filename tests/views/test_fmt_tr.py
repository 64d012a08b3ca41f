"""tr_fmt fills placeholders as Qt's arg() does."""
from desktop.views.fmt import tr_fmt


def test_fills_each_placeholder_once_in_one_pass():
    assert tr_fmt("Move %1 to %2", "P-1", 2029) == "Move P-1 to 2029"
    # a value holding a placeholder is not filled again
    assert tr_fmt("%1 and %2", "50%2", "x") == "50%2 and x"
    # order in the text may differ from the order of the values (Dutch word order)
    assert tr_fmt("%2 naar %1", "2029", "P-1") == "P-1 naar 2029"


def test_unknown_placeholders_stay():
    assert tr_fmt("%1 of %3", "a") == "a of %3"
    assert tr_fmt("100 %", "x") == "100 %"
