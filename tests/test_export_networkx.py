"""The networkx graph: entities and events as nodes, relations as edges."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Dataset
from newsfacts.export import MissingExtraError, to_networkx

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])


@DATASETS
def test_nodes_are_entities_and_events(dataset: Dataset) -> None:
    graph = to_networkx(dataset)
    assert set(graph.nodes) == set(dataset.entities.ids) | set(dataset.events.ids)
    for entity in dataset.entities:
        data = graph.nodes[entity.id]
        assert (data["node_type"], data["kind"], data["name"], data.get("wikidata")) == (
            "entity",
            entity.kind.value,
            entity.name,
            entity.wikidata,
        )
    for event in dataset.events:
        data = graph.nodes[event.id]
        assert (data["node_type"], data["name"], data["status"]) == (
            "event",
            event.label,
            event.status.value,
        )


@DATASETS
def test_edges_are_statements_participants_and_places(dataset: Dataset) -> None:
    graph = to_networkx(dataset)
    statements = {
        key: (u, v, data)
        for u, v, key, data in graph.edges(keys=True, data=True)
        if data["edge_type"] == "statement"
    }
    assert set(statements) == {s.id for s in dataset.statements if s.object_id is not None}
    for statement in dataset.statements:
        if statement.object_id is None:
            continue
        subject, obj, data = statements[statement.id]
        assert (subject, obj) == (statement.subject, statement.object_id)
        assert data["predicate"] == statement.predicate.value
        assert data["negated"] == statement.negated
        assert data.get("verdict") == (
            statement.verdict.rating.value if statement.verdict else None
        )
    participants = {
        (u, v, data["role"])
        for u, v, data in graph.edges(data=True)
        if data["edge_type"] == "participant"
    }
    assert participants == {
        (e.id, p.entity, p.role.value) for e in dataset.events for p in e.participants
    }
    places = {(u, v) for u, v, data in graph.edges(data=True) if data["edge_type"] == "place"}
    assert places == {(e.id, e.place) for e in dataset.events if e.place is not None}


@DATASETS
def test_the_graph_saves_as_graphml_gexf_and_gml(dataset: Dataset, tmp_path: Path) -> None:
    graph = to_networkx(dataset)
    reserved = {"type", "id", "label", "start", "end", "pid", "viz"}
    for _, data in graph.nodes(data=True):
        assert None not in data.values()
        assert not reserved & set(data)
    for _, _, data in graph.edges(data=True):
        assert None not in data.values()
        assert not reserved & set(data)
    nx.write_graphml(graph, tmp_path / "graph.graphml")
    nx.write_gexf(graph, tmp_path / "graph.gexf")
    nx.write_gml(graph, tmp_path / "graph.gml")
    for again in (
        nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True),
        nx.read_gexf(tmp_path / "graph.gexf"),
        nx.read_gml(tmp_path / "graph.gml"),
    ):
        assert set(again.nodes) == set(graph.nodes)
        assert again.number_of_edges() == graph.number_of_edges()
        for node, data in graph.nodes(data=True):
            assert again.nodes[node]["name"] == data["name"]
            assert again.nodes[node]["node_type"] == data["node_type"]


def test_graph_algorithms_answer_questions() -> None:
    graph = to_networkx(DS)
    undirected = graph.to_undirected(as_view=True)
    # Abbas and Putin are linked through the meeting they both take part in.
    assert nx.shortest_path_length(undirected, "mahmoud-abbas", "vladimir-putin") == 2
    shared = set(nx.common_neighbors(undirected, "mahmoud-abbas", "vladimir-putin"))
    assert "meeting-abbas-putin-2018" in shared
    assert all(
        {"mahmoud-abbas", "vladimir-putin"} <= {p.entity for p in DS.events[event].participants}
        for event in shared
        if event in DS.events
    )
    assert graph.graph["id"] == DS.id


def test_without_networkx_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(MissingExtraError, match=r"newsfacts\[networkx\]"):
        to_networkx(DS)
