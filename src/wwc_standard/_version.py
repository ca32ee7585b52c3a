"""The library's own version, recorded in every evaluation it produces."""

__version__ = "0.1.0"
