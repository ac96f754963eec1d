"""The JSON codec beside cattrs: decoding the same statements both ways, alternately.

newsfacts decodes its records with a codec of its own (``newsfacts.codec``).
cattrs, from attrs' maintainers, structures attrs classes from dicts too; this
measures whether it would decode the statements of a synthetic dataset (see
``synthetic.py``) as fast, with the same records and errors that name the JSON
path, and prints the medians and their ratio:

    python3 -m pip install ".[bench]"       # pycountry and cattrs
    python3 benchmarks/cattrs_codec.py       # N = 10,000: 100,000 statements
    python3 benchmarks/cattrs_codec.py --entities 2000 --rounds 7

Both decode the parsed JSON (the parse itself is the same ``json.loads``):
newsfacts' ``list_from_json`` against a ``cattrs.Converter`` that forbids
unknown keys, with a hook for a statement's object (an id or a literal). The
two must build equal records, or the script fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_dataset  # noqa: E402

__all__ = ["main"]


def _median(call: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=10_000, help="N; 10 N statements")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        import cattrs
    except ImportError:
        print('cattrs is not installed: python3 -m pip install ".[bench]"')
        return 1
    from newsfacts.codec import list_from_json
    from newsfacts.model import LiteralValue, Statement

    converter = cattrs.Converter(forbid_extra_keys=True)

    def end(value: Any, _: Any) -> str | LiteralValue:
        return value if isinstance(value, str) else converter.structure(value, LiteralValue)

    converter.register_structure_hook(str | LiteralValue, end)
    with tempfile.TemporaryDirectory(prefix="newsfacts-cattrs-") as temp:
        folder = Path(temp)
        write_dataset(folder, args.entities)
        data = json.loads((folder / "statements.json").read_text(encoding="utf-8"))
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(args.rounds):  # alternately, so both see the same machine
        t, mine = _median(lambda: list_from_json(Statement, data), 1)
        ours.append(t)
        t, other = _median(lambda: converter.structure(data, tuple[Statement, ...]), 1)
        theirs.append(t)
    if tuple(mine) != tuple(other):
        print("the two decoders built different records")
        return 1
    bad = [dict(data[0]), *data[1:3]]
    bad[0]["evidence"] = [{"start": 5, "end": "five", "text": "a"}]
    try:
        converter.structure(bad, tuple[Statement, ...])
    except Exception as error:  # an exception group, read with cattrs' own reporter
        cattrs_error = "; ".join(cattrs.transform_error(error))
    try:
        list_from_json(Statement, bad)
    except ValueError as error:
        codec_error = f"{getattr(error, 'message', error)} @ {getattr(error, 'path', '')}"
    mine_t, their_t = statistics.median(ours), statistics.median(theirs)
    print(f"{len(data):,} statements, median of {args.rounds} alternating rounds")
    print(f"  newsfacts.codec  {mine_t:7.3f} s")
    print(f"  cattrs           {their_t:7.3f} s   ({their_t / mine_t:.2f}x the codec's time)")
    print(f"  a wrong end, codec:  {codec_error}")
    print(f"  a wrong end, cattrs: {cattrs_error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
