"""Sphinx configuration of the newsfacts documentation (MyST Markdown, furo).

Built in CI with ``sphinx-build -n -W -b html docs docs/_build/html``: every
cross-reference must resolve and every warning fails the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

import newsfacts

# The local extension that writes docs/generated/ from the data at build time.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

__all__: list[str] = []

project = "newsfacts"
author = "The newsfacts developers"
copyright = "The newsfacts developers; the article text: New Europe"
release = newsfacts.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "newsfacts_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# generated/cli.md is included into cli.md, not a page of its own.
exclude_patterns = ["_build", "_ext", "generated/cli.md", "Thumbs.db", ".DS_Store"]
language = "en"
# Quotes are data here (the article's own curly quotes, straight ones in
# notes): show them as written.
smartquotes = False

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The API reference: members in source order, type hints beside the parameters.
# (Defaults are shown as values: attrs writes its __init__ without the source
# that autodoc_preserve_defaults would quote.)
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": True}

nitpicky = True
# The site is built without network access (and so without intersphinx):
# references to the standard library, attrs and the optional libraries of
# the exports cannot resolve. Type variables are not documented objects.
nitpick_ignore_regex = [
    (r"py:.*", r"(datetime|collections\.abc|typing|types|pathlib|os|enum|argparse)\..*"),
    (r"py:.*", r"(attrs|attr|importlib_resources|pandas|networkx|rdflib|pyarrow)(\..*)?"),
    (r"py:(class|obj)", r"(newsfacts\.\w+\.)?_?[A-Z]"),
    # A private base class, shown by show-inheritance.
    (r"py:class", r"newsfacts\.errors\._KeyLookupError"),
    (r"py:class", r"newsfacts\.scoring\._results\._Rates"),
    (r"py:class", r"(Path|Traversable|Any|Callable|Iterable|Iterator|Mapping|Sequence)"),
]

html_theme = "furo"
html_title = f"newsfacts {release}"
html_static_path: list[str] = []
# The annotated page of the article, written by the newsfacts_docs extension,
# is copied to the site's root, where the exports page embeds it.
html_extra_path = ["generated/annotated"]
