"""``python -m wwc_standard``: the same command line as ``wwc-standard``."""

from .cli.main import main

raise SystemExit(main())
