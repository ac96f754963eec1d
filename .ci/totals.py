"""The plain total of every pytest run of CI, from their JUnit XML reports.

Usage: ``python3 .ci/totals.py REPORTS-FOLDER EXPECTED-RUNS``; prints one
line, ``tests: N passed, M failed``. Skipped tests are neither. A report
with no test (pytest's exit 5), one that cannot be read, and a run that left
no report each count as one failure.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(folder: Path, expected: int) -> str:
    passed = failed = 0
    reports = sorted(folder.glob("*.xml"))
    for path in reports:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            failed += 1
            continue
        suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
        tests = sum(int(s.get("tests", 0)) for s in suites)
        bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
        skipped = sum(int(s.get("skipped", 0)) for s in suites)
        if tests == 0:
            failed += 1
        passed += tests - bad - skipped
        failed += bad
    failed += max(0, expected - len(reports))
    return f"tests: {passed} passed, {failed} failed"


if __name__ == "__main__":
    print(main(Path(sys.argv[1]), int(sys.argv[2])))
