#!/usr/bin/env bash
# Release checks: build the sdist and the wheel once, check them as PyPI would,
# then run the tests against what users install, with the source tree out of
# the way:
#   1. the wheel installed into a fresh venv (tests, README and docs copied to
#      a temporary folder, so `import newsfacts` can only find site-packages);
#   2. the wheel imported as a zip file from PYTHONPATH, without installing it,
#      so the data is read from inside the zip through importlib_resources.
# Needs the `release` extra (build, twine, check-wheel-contents,
# validate-pyproject, pyroma) in the active environment; .ci/run installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "-- validate-pyproject"
validate-pyproject pyproject.toml

echo "-- build the sdist and the wheel"
python3 -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
sdist="$(echo "$work"/dist/*.tar.gz)"
wheel="$(echo "$work"/dist/*.whl)"
ls -l "$work/dist"

echo "-- twine check --strict, check-wheel-contents, pyroma"
twine check --strict "$sdist" "$wheel"
check-wheel-contents "$wheel"
pyroma --min 10 --file "$sdist"

echo "-- the wheel holds every file of every built-in dataset, and py.typed"
python3 - "$wheel" <<'EOF'
import sys
import zipfile
from pathlib import Path

names = set(zipfile.ZipFile(sys.argv[1]).namelist())
src = Path("src")
expected = {
    path.relative_to(src).as_posix()
    for path in (src / "newsfacts" / "data").rglob("*")
    if path.is_file()
} | {"newsfacts/py.typed"}
missing = sorted(expected - names)
if missing:
    sys.exit(f"the wheel lacks: {', '.join(missing)}")
print(f"{len(expected)} data and marker files present")
EOF

# These runs check what is installed and how its files are read; the
# property tests already ran at depth against the source tree, so hypothesis's
# quick profile keeps CI's time down.
export HYPOTHESIS_PROFILE=dev

# The tests, README and docs pages (their examples are tests too), the docs'
# page builders (tested too) and the pytest settings, without src/: only the
# installed package can be imported.
run="$work/run"
mkdir -p "$run/docs"
cp -R tests "$run/tests"
cp README.md pyproject.toml "$run/"
cp docs/*.md "$run/docs/"
cp -R docs/tutorial "$run/docs/tutorial"
cp -R docs/_ext "$run/docs/_ext"
find "$run" -name __pycache__ -prune -exec rm -rf {} +

echo "-- the test suite against the installed wheel"
python3 -m venv "$work/venv-wheel"
"$work/venv-wheel/bin/python" -m pip install --quiet --upgrade pip
"$work/venv-wheel/bin/python" -m pip install --quiet "${wheel}[test]"
(
    cd "$run"
    "$work/venv-wheel/bin/python" -c \
        "import newsfacts; assert 'site-packages' in newsfacts.__file__, newsfacts.__file__; print('testing', newsfacts.__file__)"
    "$work/venv-wheel/bin/newsfacts" summary >/dev/null
    # .ci/run totals every pytest run from these JUnit reports.
    "$work/venv-wheel/bin/python" -m pytest -p no:cacheprovider -q \
        ${NEWSFACTS_CI_REPORTS:+--junitxml="$NEWSFACTS_CI_REPORTS/wheel-installed.xml"}
)

echo "-- the wheel imported as a zip file"
# The dependencies without the package: install the wheel, then remove it.
python3 -m venv "$work/venv-zip"
"$work/venv-zip/bin/python" -m pip install --quiet --upgrade pip
"$work/venv-zip/bin/python" -m pip install --quiet "${wheel}[test]"
"$work/venv-zip/bin/python" -m pip uninstall --quiet --yes newsfacts
(
    cd "$run"
    PYTHONPATH="$wheel" "$work/venv-zip/bin/python" - "$wheel" <<'EOF'
import sys
import zipfile

import newsfacts
from newsfacts import DEFAULT_DATASET, load, validate

wheel = sys.argv[1]
assert newsfacts.__file__.startswith(wheel + "/"), newsfacts.__file__
assert zipfile.is_zipfile(wheel)
ds = load()
assert ds.id == DEFAULT_DATASET
abbas = newsfacts.entities.lookup("abbas")
assert abbas.id == "mahmoud-abbas", abbas
assert validate(ds) == (), validate(ds)
for fact in (*ds.events, *ds.statements):
    for span in fact.evidence:
        assert ds.article.text[span.start : span.end] == span.text, (fact.id, span)
print(f"from the zip: {ds!r}; {abbas}; valid")
EOF
    PYTHONPATH="$wheel" "$work/venv-zip/bin/python" -m newsfacts summary >/dev/null
    # The whole suite too: every resource read goes through the zip. The tests
    # that watch data files opened by their own paths, or read the package's
    # source files, skip themselves here (a zip opens the archive): they run in
    # the installed-wheel run above.
    PYTHONPATH="$wheel" "$work/venv-zip/bin/python" -m pytest -p no:cacheprovider -q \
        ${NEWSFACTS_CI_REPORTS:+--junitxml="$NEWSFACTS_CI_REPORTS/wheel-zip.xml"}
)
echo "-- release checks passed (${root})"
