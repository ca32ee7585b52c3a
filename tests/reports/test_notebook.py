"""Notebook display, executed for real: a notebook run headlessly by a Jupyter kernel.

An analyst who types a result in Jupyter sees its ``_repr_html_``; a notebook saves every
output it showed. So each object of the library is shown in a cell of a real notebook, run by a
real IPython kernel (nbclient), and its outputs are checked as a notebook stores them: an HTML
and a plain-text form each, the text one short line, the HTML compact, and the whole saved
notebook small (before ``_repr_html_`` and the one-line ``repr()`` it weighed 1.7 MB).

The kernel is the interpreter running this test, through a kernel spec written to a temporary
folder on ``JUPYTER_PATH``, and it imports the same ``wwc_standard`` as this test: the folder
holding the package goes first on the kernel's ``PYTHONPATH``, and the first cell checks it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import wwc_standard as wwc

KERNEL = "wwc-standard-test"

SETUP = """\
import wwc_standard as wwc
result = wwc.evaluate(wwc.example_assessment())
print(wwc.__file__)"""

# One cell per object an analyst displays: the cell's last expression is what Jupyter shows.
DISPLAYS = {
    "Evaluation": "result",
    "Standard": 'wwc.standard("2024")',
    "Cohort": """\
cities = []
for name, met in [("Northville", ["DM7", "LC6"]), ("Southport", []), ("Eastfield", ["PA4"])]:
    data = wwc.example_assessment().to_dict()
    data["city"]["name"] = name
    data["answers"].update(dict.fromkeys(met, "met"))
    cities.append(data)
wwc.evaluate_many(cities)""",
    "Roadmap": "wwc.roadmap(result)",
    "Path": "wwc.path_to(result, wwc.Tier.GOLD)",
    "StandardDiff": 'wwc.diff("2018", "2024")',
    "Comparison": 'wwc.compare(result, wwc.what_if(result, meet=["DM7", "LC6"]))',
    "Sensitivity": "wwc.sensitivity(result)",
    "Migration": 'wwc.migrate({"standard": "2021", "answers": {"DG1": "met", "PA1": "unmet"}}, '
    'to="2024")',
}

# Bounds of the issue (#13): a repr() of about 200 characters at most, on one line; each HTML
# display a compact summary, not a full report; the saved notebook far from its 1.7 MB.
MAX_REPR = 200
MAX_HTML = 50_000
MAX_NOTEBOOK = 200_000

# Kernel start-up imports IPython and the package: slow on a loaded machine, never a failure.
STARTUP_TIMEOUT = 600


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    """The notebook, executed by a kernel of this interpreter, as it would be saved."""
    folder = tmp_path_factory.mktemp("notebook")
    spec = folder / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    package_root = str(Path(wwc.__file__).resolve().parents[1])
    kernel_path = os.pathsep.join([package_root, *filter(None, [os.environ.get("PYTHONPATH")])])
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "wwc-standard tests",
                "language": "python",
                "env": {"PYTHONPATH": kernel_path},
            }
        ),
        encoding="utf-8",
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(SETUP)] + [
        nbformat.v4.new_code_cell(source, metadata={"shows": name})
        for name, source in DISPLAYS.items()
    ]
    with pytest.MonkeyPatch.context() as env:
        # Only our kernel spec, runtime files and IPython profile: nothing of the user's.
        env.setenv("JUPYTER_PATH", str(folder / "jupyter"))
        env.setenv("JUPYTER_RUNTIME_DIR", str(folder / "runtime"))
        env.setenv("JUPYTER_DATA_DIR", str(folder / "data"))
        env.setenv("JUPYTER_CONFIG_DIR", str(folder / "config"))
        env.setenv("IPYTHONDIR", str(folder / "ipython"))
        env.setenv("JUPYTER_PLATFORM_DIRS", "1")
        client = NotebookClient(
            nb,
            kernel_name=KERNEL,
            timeout=None,
            startup_timeout=STARTUP_TIMEOUT,
            resources={"metadata": {"path": str(folder)}},
        )
        client.execute()
    path = folder / "executed.ipynb"
    nbformat.write(nb, path)
    return nbformat.read(path, as_version=4)


def test_the_kernel_runs_this_package(executed: nbformat.NotebookNode) -> None:
    (stream,) = executed.cells[0].outputs
    assert stream.text.strip() == wwc.__file__


@pytest.mark.parametrize("name", list(DISPLAYS))
def test_each_object_shows_html_and_a_one_line_repr(
    executed: nbformat.NotebookNode, name: str
) -> None:
    (cell,) = [c for c in executed.cells if c.metadata.get("shows") == name]
    results = [o for o in cell.outputs if o.output_type == "execute_result"]
    assert len(results) == 1, cell.outputs
    data = results[0].data
    assert {"text/html", "text/plain"} <= set(data), sorted(data)
    text, html = data["text/plain"], data["text/html"]
    print(f"{name}: repr {len(text)} characters, HTML {len(html.encode('utf-8'))} bytes")
    assert "\n" not in text, text
    assert len(text) <= MAX_REPR, (len(text), text)
    assert text.startswith(f"<{name}"), text
    assert len(html.encode("utf-8")) < MAX_HTML, len(html.encode("utf-8"))
    # A fragment a notebook embeds in its page: markup, never a document of its own.
    assert html.lstrip().startswith("<"), html[:80]
    assert "<html" not in html.lower(), html[:80]
    assert "<script" not in html.lower()


def test_the_saved_notebook_is_small(executed: nbformat.NotebookNode) -> None:
    size = len(nbformat.writes(executed).encode("utf-8"))
    print(f"the executed notebook: {size} bytes")
    assert size < MAX_NOTEBOOK, size
    errors = [o for c in executed.cells for o in c.outputs if o.output_type == "error"]
    assert not errors
