"""Sphinx configuration of the documentation site (the ``docs`` extra; built by .ci/run).

Build it from the root of the checkout::

    python -m pip install -e '.[docs]'
    sphinx-build -W --keep-going -n -b html docs build/docs

The pages are the Markdown files of this folder (MyST); the API reference (``api/``) is
generated from the docstrings by autodoc. This file is plain Python with no import of Sphinx,
so that pytest (which collects ``docs/``) can skip it without the docs extra.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# The checkout's own package, not an installed one, when built from a work tree.
sys.path.insert(0, str(HERE.parent / "src"))

import wwc_standard  # noqa: E402

project = "wwc-standard"
author = "the wwc-standard developers"
copyright = "2026, the wwc-standard developers"
release = wwc_standard.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_intersphinx", "evaluation-format.md"]
html_theme = "furo"
html_title = f"wwc-standard {release}"

# Links to headings of other pages ([x](evaluation.md#auditor-mode)) are checked against the
# anchors MyST makes for headings up to this level, the same slugs GitHub makes.
myst_heading_anchors = 4
myst_enable_extensions = ["colon_fence"]

# Every reference must resolve: an unknown name in a docstring or a signature is an error of
# the build (-n), like a broken link.
nitpicky = True
# The exceptions, each a private name that a public signature or docstring mentions: a type the
# reference does not document (users meet them only through the documented classes), or a
# helper a docstring points a maintainer to. A new one fails the build until it is listed here
# or documented.
nitpick_ignore = [
    ("py:class", "wwc_standard.i18n.messages.Message"),
    ("py:class", "Message"),
    ("py:class", "wwc_standard.i18n.messages.Localizable"),
    ("py:class", "Localizable"),
    ("py:class", "_StepContext"),
    ("py:class", "wwc_standard._pickling.ReadOnlyMappings"),
    ("py:class", "wwc_standard.revisions.texts.RevisionText"),
    ("py:class", "Tally"),
    ("py:func", "items_to_meet"),
    ("py:func", "search_budget"),
    ("py:data", "SCENARIO_EVIDENCE"),
    ("py:data", "MAX_EFFORT"),
    ("py:mod", "output"),
]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# Exceptions show their bases (AssessmentError is a ValueError); other classes derive from object.
autodoc_default_options = {"members": True}

# The inventories are shipped with the docs, since the machines that build them reach no
# documentation host. They were taken from Debian's documentation packages (python3.11-doc,
# python-attr-doc, python-babel-doc, python-pandas-doc); the links they make point to the
# projects' own sites. To refresh one where the site can be reached, replace the file with the
# site's objects.inv (for example https://docs.python.org/3/objects.inv -> python.inv).
_INVENTORIES = HERE / "_intersphinx"
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(_INVENTORIES / "python.inv")),
    "attrs": ("https://www.attrs.org/en/stable", str(_INVENTORIES / "attrs.inv")),
    "babel": ("https://babel.pocoo.org/en/latest", str(_INVENTORIES / "babel.inv")),
    "pandas": ("https://pandas.pydata.org/docs", str(_INVENTORIES / "pandas.inv")),
}

# The public classes carry their package as __module__ (wwc_standard._exports.publish), so that
# reprs and pickles name wwc_standard.evaluation.Evaluation. autodoc reads the docstrings of
# attributes (every attrs field's) from the source of __module__, which for a package is its
# __init__; for the build, each class gets back the module that defines it. The pages still
# name it by its family (autoclass:: wwc_standard.evaluation.Evaluation), and autodoc records
# the defining module as the canonical name, so references by either name resolve.
FAMILIES = ("revisions", "evaluation", "planning", "history", "i18n", "errors", "cli")
for _family in FAMILIES:
    _package = importlib.import_module(f"wwc_standard.{_family}")
    for _name, _module in getattr(_package, "_EXPORTS", {}).items():
        _value = getattr(_package, _name)
        if isinstance(_value, type) and _value.__module__ == _package.__name__:
            _value.__module__ = importlib.util.resolve_name(_module, _package.__name__)


def _resolve_by_family(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a reference to a public name written another way than its family's page names it.

    Docstrings say ``wwc_standard.AssessmentError`` (the everyday import), ``Standard`` (a
    short name from inside the package) or ``wwc_standard.revisions.model.Standard`` (the
    defining module, in signatures); each is documented once, as
    ``wwc_standard.errors.AssessmentError`` and so on. A name that is not public stays
    unresolved, and -n makes that an error.
    """
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    if not (target.startswith("wwc_standard.") or "." not in target):
        return None
    name = target.rsplit(".", 1)[-1]
    for family in FAMILIES:
        if name in importlib.import_module(f"wwc_standard.{family}").__all__:
            domain = env.get_domain("py")
            node = node.deepcopy()
            node["reftarget"] = f"wwc_standard.{family}.{name}"
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], node["reftarget"], node, contnode
            )
    return None


def setup(app: Any) -> None:
    app.connect("missing-reference", _resolve_by_family)
