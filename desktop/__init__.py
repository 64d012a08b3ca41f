"""Retrofit Planner.

The version is the installed package's (``version`` in pyproject.toml), read from its
metadata; a frozen build carries that metadata too (packaging/retrofit-planner.spec).
"""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("retrofit-planner")
except PackageNotFoundError:      # a source tree used without installing it
    __version__ = "0+unknown"
