"""Not a module of the library: this file makes pytest import docs/conftest.py as
``docs.conftest``, so that it does not clash with tests/conftest.py (both would be a top-level
``conftest`` module, and --doctest-modules collects both)."""
