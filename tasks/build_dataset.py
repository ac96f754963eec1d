"""Write (or check) the built-in dataset's JSON files from its Python source.

    python tasks/build_dataset.py           # rewrite src/newsfacts/data/<id>/*.json
    python tasks/build_dataset.py --check   # exit 1 if the shipped files differ

The facts are authored in ``tasks/abbas_putin_moscow_2018.py`` with the
library's own record classes and quotes of the article (never offsets); this
task turns them into the canonical JSON form that the package ships, after
checking that the dataset passes every consistency check. The JSON is
generated, never edited by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import abbas_putin_moscow_2018 as source  # noqa: E402
from textspans import Text  # noqa: E402

from newsfacts import validate  # noqa: E402
from newsfacts.loading import ARTICLE_FILE, dump_files  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the shipped files; write nothing"
    )
    args = parser.parse_args(argv)
    folder = HERE.parent / "src" / "newsfacts" / "data" / source.DATASET_ID
    text = (folder / ARTICLE_FILE).read_bytes().decode("utf-8")
    dataset = source.build(Text(text))
    problems = validate(dataset)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    files = dump_files(dataset)
    if files.pop(ARTICLE_FILE) != (folder / ARTICLE_FILE).read_bytes():
        print("the article text changed while building", file=sys.stderr)
        return 1
    stale = [
        name
        for name, data in files.items()
        if not (folder / name).is_file() or (folder / name).read_bytes() != data
    ]
    if args.check:
        for name in stale:
            print(f"{folder / name} is not what tasks/build_dataset.py generates", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (folder / name).write_bytes(files[name])
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
