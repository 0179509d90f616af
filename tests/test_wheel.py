"""The wheel: built, installed into a fresh virtualenv, every dataset loaded from outside
the checkout, and `wijkgraph datasets` run there."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# every dataset of the source tree must be in the wheel (pyproject force-include lists them)
EXPECTED = {p.parent.name for p in (ROOT / "datasets").glob("*/actors.csv")}
assert {"driehoek", "groz", "overvecht-noord", "utrecht-oost"} <= EXPECTED

pytestmark = pytest.mark.slow

CHECK = """
import json, sys
import wijkgraph
from wijkgraph.sources.bundled import dataset_names, datasets_root, load_dataset
loaded = {}
for name in dataset_names():
    net = load_dataset(name)
    loaded[name] = [net.n_actors, net.n_relations]
print(json.dumps({"file": wijkgraph.__file__, "root": str(datasets_root()),
                  "version": wijkgraph.__version__, "loaded": loaded}))
"""


def run(*args: str | Path, cwd: Path, timeout: float = 600) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; dependencies come from the test venv."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT,
        cwd=base)
    (wheel,) = dist.glob("wijkgraph-*.whl")
    venv = base / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)
    python = venv / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                  cwd=base).strip()
    # Dependencies without downloading them: the test venv's site-packages, appended to
    # sys.path by a plain .pth line (its own .pth files, e.g. the editable wijkgraph, stay
    # inactive, so `import wijkgraph` can only find the wheel).
    Path(purelib, "zz_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "--quiet", wheel, cwd=base)
    return venv


def test_every_dataset_loads_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    out = json.loads(run(installed / "bin" / "python", "-c", CHECK, cwd=tmp_path))
    assert Path(out["file"]).is_relative_to(installed), out["file"]
    assert Path(out["root"]).is_relative_to(installed), out["root"]
    assert out["version"] != "0.0.0"  # metadata of the installed wheel is found
    assert set(out["loaded"]) >= EXPECTED, sorted(out["loaded"])
    for name, (actors, relations) in out["loaded"].items():
        assert actors > 0 and relations > 0, name


def test_the_console_script_lists_the_datasets(installed: Path, tmp_path: Path) -> None:
    output = run(installed / "bin" / "wijkgraph", "datasets", cwd=tmp_path)
    listed = {line.split()[0] for line in output.splitlines() if line and not line[0].isspace()}
    assert listed >= EXPECTED, output
    assert run(installed / "bin" / "wijkgraph", "--version", cwd=tmp_path).startswith(
        "wijkgraph, version ")


def test_analyse_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    run(installed / "bin" / "wijkgraph", "analyse", "driehoek", "-o", tmp_path / "rapport", "-q",
        cwd=tmp_path)
    written = sorted(p.name for p in (tmp_path / "rapport").iterdir())
    assert ".wijkgraph" in written and "analysis.json" in written
