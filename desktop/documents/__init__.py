"""Printed documents: tenant letters and the yearly monitoring report, as PDF (QtGui).

Beside the window in the layering (it may use the window's charts, the window may print
through it); the figures come from the Qt-free core.
"""
