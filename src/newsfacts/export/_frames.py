"""Adapters to pandas DataFrames and a networkx graph (each behind its own extra)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from newsfacts.dataset import Dataset

from ._errors import MissingExtraError
from ._tables import tables

if TYPE_CHECKING:
    import networkx
    import pandas

__all__ = ["to_dataframes", "to_networkx"]

# Nullable pandas dtypes, so that an empty cell stays <NA> instead of turning a column to floats.
_DTYPES = {"string": "string", "integer": "Int64", "boolean": "boolean"}


def _check(dataset: object) -> Dataset:
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    return dataset


def to_dataframes(dataset: Dataset) -> Mapping[str, pandas.DataFrame]:
    """The tables of the CSV export as pandas DataFrames, by table name (needs ``pandas``).

    Columns keep the types of the Table Schema: nullable strings, integers and
    booleans, dates as ``datetime64[s]`` (whole days, any year), lists as tuples.
    Text is never altered (the CSV export alone guards against spreadsheet formulas).
    """
    _check(dataset)
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError("The pandas adapter", "pandas", "pandas") from None
    frames: dict[str, pd.DataFrame] = {}
    for table in tables(dataset):
        columns: dict[str, pd.Series[Any]] = {}
        for index, field in enumerate(table.fields):
            values = [row[index] for row in table.rows]
            if field.type == "date":
                stamps = [None if v is None else pd.Timestamp(v) for v in values]  # type: ignore[arg-type]
                columns[field.name] = pd.Series(stamps, dtype="datetime64[s]")
            elif field.type == "array":
                columns[field.name] = pd.Series(values, dtype="object")
            else:
                columns[field.name] = pd.Series(values, dtype=_DTYPES[field.type])
        frames[table.name] = pd.DataFrame(columns, columns=list(table.columns))
    return MappingProxyType(frames)


def to_networkx(dataset: Dataset) -> networkx.MultiDiGraph[str]:
    """Entities and events as nodes, relations as edges (needs ``networkx``).

    Node attributes: ``node_type`` (``"entity"`` or ``"event"``), ``kind``,
    ``name``, and ``wikidata`` where known; events add ``status`` and, where
    they have a time, ``edtf``. Edges, keyed so that parallel ones stay apart:

    - statement subject → object, key the statement id, with ``edge_type
      "statement"``, ``predicate``, ``negated``, ``origin`` and, where the
      statement has one, ``verdict`` (a rating); a statement whose object is
      words (a literal) has no edge;
    - event → participant, key ``"<role>"``, with ``edge_type "participant"`` and ``role``;
    - event → place, key ``"place"``, with ``edge_type "place"``.

    An attribute that would be empty is left out, never ``None``, and no
    attribute takes a name GEXF reserves (such as ``type``), so the graph
    saves as it is with ``networkx.write_graphml``, ``write_gexf`` and
    ``write_gml``.
    """
    _check(dataset)
    try:
        import networkx as nx
    except ImportError:
        raise MissingExtraError("The networkx adapter", "networkx", "networkx") from None
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(name=dataset.metadata.title, id=dataset.id)
    for entity in dataset.entities:
        graph.add_node(
            entity.id,
            **_present(
                node_type="entity",
                kind=entity.kind.value,
                name=entity.name,
                wikidata=entity.wikidata,
            ),
        )
    for event in dataset.events:
        graph.add_node(
            event.id,
            **_present(
                node_type="event",
                kind=event.kind.value,
                name=event.label,
                wikidata=event.wikidata,
                edtf=event.time.edtf if event.time is not None else None,
                status=event.status.value,
            ),
        )
    for event in dataset.events:
        for participant in event.participants:
            graph.add_edge(
                event.id,
                participant.entity,
                key=participant.role.value,
                edge_type="participant",
                role=participant.role.value,
            )
        if event.place is not None:
            graph.add_edge(event.id, event.place, key="place", edge_type="place")
    for statement in dataset.statements:
        if statement.object_id is None:
            continue
        graph.add_edge(
            statement.subject,
            statement.object_id,
            key=statement.id,
            **_present(
                edge_type="statement",
                predicate=statement.predicate.value,
                negated=statement.negated,
                verdict=statement.verdict.rating.value if statement.verdict is not None else None,
                origin=statement.origin.value,
            ),
        )
    return graph


def _present(**attributes: str | bool | None) -> dict[str, str | bool]:
    # GraphML, GEXF and GML have no null: an unknown value is an absent attribute.
    return {name: value for name, value in attributes.items() if value is not None}
