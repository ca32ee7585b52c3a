"""The library's own version, recorded in every evaluation it produces."""

__version__ = "0.2.0.dev0"
