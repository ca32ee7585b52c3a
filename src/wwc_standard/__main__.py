"""``python -m wwc_standard``: the same command line as ``wwc-standard``."""

from .cli.program import main

raise SystemExit(main())
