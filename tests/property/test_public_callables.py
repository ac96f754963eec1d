"""Every public callable, found by walking the public modules, fed arbitrary arguments.

Hypothesis draws values of every kind (wrong types, odd strings, huge
integers, records of the wrong kind) for each parameter of each public
function, class and method (the optional ones now and then). The only errors allowed are those the
documentation promises everywhere: :class:`TypeError`, :class:`ValueError`
and :class:`~newsfacts.NewsfactsError` (whose lookup errors are also
:class:`KeyError`). Callables that write files take no part: their folders
are tested on their own.
"""

from __future__ import annotations

import enum
import importlib
import inspect
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfacts
from newsfacts import NewsfactsError

DS = newsfacts.load()

_MODULES = (
    "newsfacts",
    "newsfacts.export",
    "newsfacts.names",
    "newsfacts.validation",
    "newsfacts.timespec",
    "newsfacts.vocabulary",
    "newsfacts.model",
    "newsfacts.registry",
    "newsfacts.dataset",
    "newsfacts.loading",
)
# Writing into a folder given as an argument, or running the whole CLI: tested elsewhere.
_WRITES = {"out", "folder"}
_SKIP = {"main", "build_parser", "write_folder"}


def _public(owner: Any) -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for name in getattr(owner, "__all__", None) or dir(owner):
        if name.startswith("_") or name in _SKIP:
            continue
        value = getattr(owner, name, None)
        if value is None or not callable(value) or isinstance(value, enum.EnumMeta):
            continue
        if isinstance(value, type) and issubclass(value, BaseException):
            continue
        try:
            parameters = inspect.signature(value).parameters
        except (TypeError, ValueError):
            continue
        if _WRITES & set(parameters):
            continue
        found.append((name, value))
    return found


def _callables() -> dict[str, Callable[..., Any]]:
    out: dict[str, Callable[..., Any]] = {}
    for module_name in _MODULES:
        module = importlib.import_module(module_name)
        for name, value in _public(module):
            out.setdefault(f"{module_name}.{name}", value)
    for label, instance in (
        ("Dataset", DS),
        ("Registry", DS.entities),
        ("TimeSpec", next(e.time for e in DS.events if e.time is not None)),
        ("Article", DS.article),
        ("Span", DS.article.sentences[0]),
    ):
        for name, value in _public(type(instance)):
            if not isinstance(value, type):
                out[f"{label}.{name}"] = getattr(instance, name)
    return out


CALLABLES = _callables()

ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30),
    st.floats(),
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=["Cs", "Cf", "Cc"]), max_size=5),
    st.binary(max_size=5),
    st.lists(st.integers(), max_size=3),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.dates(),
    st.just(object()),
    st.sampled_from([*DS.entities][:2] + [*DS.events][:2] + [*DS.statements][:2]),
    st.sampled_from(list(newsfacts.EntityKind)),
    st.just(DS),
)


def _required(function: Callable[..., Any]) -> list[inspect.Parameter]:
    return [
        p
        for p in inspect.signature(function).parameters.values()
        if p.default is inspect.Parameter.empty
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]


def test_the_walk_finds_the_public_api() -> None:
    for expected in (
        "newsfacts.load_path",
        "newsfacts.lookup",
        "newsfacts.export.neutralise",
        "newsfacts.names.fold",
        "newsfacts.Registry",
        "Dataset.about",
        "Registry.get",
    ):
        assert expected in CALLABLES


@pytest.mark.parametrize("name", sorted(CALLABLES))
@settings(max_examples=25)
@given(data=st.data())
def test_public_callables_raise_only_documented_errors(name: str, data: st.DataObject) -> None:
    function = CALLABLES[name]
    arguments = {}
    for parameter in _required(function):
        arguments[parameter.name] = data.draw(ANYTHING, label=parameter.name)
    positional = [
        arguments.pop(p.name)
        for p in _required(function)
        if p.kind is inspect.Parameter.POSITIONAL_ONLY
    ]
    # Optional parameters too, now and then: ``limit``, ``default``, ``record`` …
    for parameter in inspect.signature(function).parameters.values():
        optional = parameter.default is not inspect.Parameter.empty
        keyword = parameter.kind is not inspect.Parameter.POSITIONAL_ONLY
        if optional and keyword and data.draw(st.booleans(), label=f"give {parameter.name}"):
            arguments[parameter.name] = data.draw(ANYTHING, label=parameter.name)
    raised: Exception | None = None
    try:
        function(*positional, **arguments)
    except (TypeError, ValueError, NewsfactsError) as error:
        raised = error  # documented; anything else fails the test as it is
    if raised is not None:
        assert str(raised).strip(), f"{name}: {type(raised).__name__} without a message"
