"""``python -m wwc_standard``: the same command line as ``wwc-standard``."""

from ._cli import main

raise SystemExit(main())
