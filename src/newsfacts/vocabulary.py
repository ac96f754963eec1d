"""The closed vocabularies of the data model: kinds, roles, ratings and predicates.

Every enum's value is the string written in the JSON form, so the data files
read as plain words and a new member is a one-line change here.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

import attrs

# Re-exported: the vocabularies an entity and its dates need live apart (see ``_kinds``).
from ._kinds import EntityKind, MonthPart, Origin, Precision, Resolution

__all__ = [
    "EntityKind",
    "EventKind",
    "EventStatus",
    "Modality",
    "MonthPart",
    "Origin",
    "PloverType",
    "Precision",
    "Predicate",
    "PredicateInfo",
    "QualifierKind",
    "Rating",
    "Resolution",
    "Role",
]


class EventKind(enum.Enum):
    """What sort of thing happened (or is planned, or goes on)."""

    MEETING = "meeting"
    VISIT = "visit"
    DISCUSSION = "discussion"
    RECOGNITION = "recognition"
    THREAT = "threat"
    CRITICISM = "criticism"
    ARGUMENT = "argument"
    APPEAL = "appeal"
    PROPOSAL = "proposal"
    OFFER = "offer"
    REJECTION = "rejection"
    SPEECH = "speech"
    WAR = "war"
    DEFEAT = "defeat"
    CAPTURE = "capture"
    OCCUPATION = "occupation"
    WITHDRAWAL = "withdrawal"
    DISSOLUTION = "dissolution"
    FOUNDING = "founding"
    OPPOSITION = "opposition"
    INSISTENCE = "insistence"
    TENSION = "tension"
    FUNDING_CUT = "funding_cut"


class EventStatus(enum.Enum):
    """Where an event stands as of the article's publication."""

    HAPPENED = "happened"
    SCHEDULED = "scheduled"
    ONGOING = "ongoing"
    PROPOSED = "proposed"
    DID_NOT_HAPPEN = "did_not_happen"


class Role(enum.Enum):
    """The part an entity plays in an event."""

    AGENT = "agent"
    RECIPIENT = "recipient"
    HOST = "host"
    ATTENDEE = "attendee"
    AUDIENCE = "audience"
    TARGET = "target"
    TOPIC = "topic"
    BENEFICIARY = "beneficiary"
    SUPPLIER = "supplier"
    VICTOR = "victor"
    DEFEATED = "defeated"
    TERRITORY = "territory"
    FROM = "from"
    MEMBER = "member"
    MEDIATOR = "mediator"


class Modality(enum.Enum):
    """How firmly a fact is put: as fact, as a plan, as a proposal, as a hypothesis,
    or as the writer's own characterisation."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    PROPOSED = "proposed"
    HYPOTHETICAL = "hypothetical"
    CHARACTERISATION = "characterisation"


class Rating(enum.Enum):
    """How a fact stands against the public record."""

    SUPPORTED = "supported"
    SIMPLIFIED = "simplified"
    MISLEADING = "misleading"
    FALSE = "false"
    OPINION = "opinion"
    UNCHECKED = "unchecked"


class QualifierKind(enum.Enum):
    """What a qualifier adds to a statement."""

    AS_CAPITAL_OF = "as_capital_of"
    CAPITAL = "capital"
    OF = "of"
    ROLE = "role"
    TOPIC = "topic"
    PLACE = "place"
    FROM = "from"
    MANNER = "manner"


class PloverType(enum.Enum):
    """PLOVER (draft 2.0) event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


_K = EntityKind
_POLITIES = frozenset({_K.STATE, _K.ORGANIZATION, _K.GOVERNMENT_BODY, _K.AGENCY})
_ACTORS = frozenset({_K.PERSON, _K.GROUP, _K.MILITARY}) | _POLITIES
_PLACES = frozenset({_K.STATE, _K.CITY, _K.TERRITORY, _K.REGION, _K.BUILDING})


@attrs.frozen
class PredicateInfo:
    """What a predicate means for the validator and for exports.

    ``domain`` and ``range`` are the entity kinds allowed as subject and
    object; ``event_subject`` / ``event_object`` allow an event id there too,
    and ``literal_object`` a literal.

    ``time_bound`` holds the object kinds for which the relation is a state of
    affairs that holds over an interval (an office, a membership, control, a
    capital, an alliance, a territory's being part of a state), so that a
    statement of it needs a time; empty for a relation that does not change.
    ``wikidata_domain`` and ``wikidata_range`` are the entity kinds that the
    Wikidata property's subject and value type constraints admit, where they
    are narrower than ``domain`` and ``range`` (P530, diplomatic relation, is
    between states); ``None`` where the property admits what the predicate
    does.

    ``ties`` marks the relations that tie an office, body or agency to what it
    belongs to or acts for (its jurisdiction, its parent, whom it represents):
    the validator requires such a tie of those kinds, and
    :meth:`Dataset.about <newsfacts.dataset.Dataset.about>` follows it.
    """

    label: str
    domain: frozenset[EntityKind]
    range: frozenset[EntityKind]
    wikidata: str | None = None
    inverse: str | None = None
    symmetric: bool = False
    event_subject: bool = False
    event_object: bool = False
    literal_object: bool = False
    time_bound: frozenset[EntityKind] = frozenset()
    wikidata_domain: frozenset[EntityKind] | None = None
    wikidata_range: frozenset[EntityKind] | None = None
    ties: bool = False

    def fits_wikidata(self, subject: EntityKind | None, object: EntityKind | None) -> bool:
        """Whether ends of these kinds fit the Wikidata property (``None``: not an entity)."""
        if self.wikidata is None:
            return True
        for kind, allowed in ((subject, self.wikidata_domain), (object, self.wikidata_range)):
            if allowed is not None and kind not in allowed:
                return False
        return True


def _info(
    label: str,
    domain: frozenset[EntityKind] | set[EntityKind],
    range_: frozenset[EntityKind] | set[EntityKind],
    **kwargs: str | bool | frozenset[EntityKind] | None,
) -> PredicateInfo:
    return PredicateInfo(label, frozenset(domain), frozenset(range_), **kwargs)  # type: ignore[arg-type]


class Predicate(enum.Enum):
    """The relations a statement can state; closed, each with its constraints.

    ``Predicate.CAPITAL_OF.info`` gives domain, range, inverse, symmetry and
    the Wikidata property where one exists.
    """

    POSITION_HELD = "position_held"
    APPLIES_TO_JURISDICTION = "applies_to_jurisdiction"
    REPRESENTS = "represents"
    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    MEMBER_OF = "member_of"
    HAS_MEMBER = "has_member"
    PERMANENT_MEMBER_OF = "permanent_member_of"
    CAPITAL_OF = "capital_of"
    CAPITAL = "capital"
    PART_OF = "part_of"
    LOCATED_IN = "located_in"
    RECOGNIZES = "recognizes"
    CONTROLS = "controls"
    CLAIMED_BY = "claimed_by"
    ADMINISTERED_BY = "administered_by"
    ALLY_OF = "ally_of"
    OPPOSES = "opposes"
    SUPPORTS = "supports"
    IN_TENSION_WITH = "in_tension_with"
    RELATIONS_WITH = "relations_with"
    TIES_WITH = "ties_with"
    SUPPLIED_ARMS_TO = "supplied_arms_to"
    ARMED_FORCES_OF = "armed_forces_of"
    FUNDS = "funds"
    QUALIFIED_AS = "qualified_as"
    BIASED_TOWARDS = "biased_towards"
    BIASED_AGAINST = "biased_against"
    CONTRAVENES = "contravenes"
    MEDIATOR_IN = "mediator_in"
    UPSET_WITH = "upset_with"
    SUCCESSOR_OF = "successor_of"
    PARTICIPANT_IN = "participant_in"

    @property
    def info(self) -> PredicateInfo:
        return _PREDICATE_INFO[self]

    @property
    def wikidata(self) -> str | None:
        """The Wikidata property id (``"P1376"``), or ``None`` where none fits."""
        return _PREDICATE_INFO[self].wikidata

    @property
    def inverse(self) -> Predicate | None:
        name = _PREDICATE_INFO[self].inverse
        return None if name is None else Predicate(name)

    @property
    def symmetric(self) -> bool:
        return _PREDICATE_INFO[self].symmetric


_ALL = frozenset(EntityKind)
_STATEISH = frozenset({_K.STATE, _K.TERRITORY, _K.REGION, _K.CITY})
_PROCESS = frozenset({_K.TOPIC})

_PREDICATE_INFO: Mapping[Predicate, PredicateInfo] = MappingProxyType(
    {
        Predicate.POSITION_HELD: _info(
            "position held", {_K.PERSON}, {_K.OFFICE}, wikidata="P39", time_bound=_ALL
        ),
        # No Wikidata property: P1001 ("applies to jurisdiction") is not on the
        # verified list the built-in dataset's identifiers come from.
        Predicate.APPLIES_TO_JURISDICTION: _info(
            "applies to jurisdiction",
            {_K.OFFICE, _K.GOVERNMENT_BODY, _K.AGENCY, _K.MILITARY},
            _POLITIES | {_K.TERRITORY, _K.REGION, _K.CITY},
            wikidata=None,
            ties=True,
        ),
        # An envoy, a delegation, a mission: who or what it speaks for, as a
        # "Palestinian envoy" speaks for the Palestinians. No Wikidata property
        # is on the verified list for it.
        Predicate.REPRESENTS: _info(
            "represents",
            {_K.OFFICE, _K.GOVERNMENT_BODY, _K.AGENCY, _K.PERSON},
            _POLITIES | {_K.GROUP},
            wikidata=None,
            ties=True,
        ),
        Predicate.HEAD_OF_STATE: _info(
            "head of state", {_K.STATE}, {_K.PERSON}, wikidata="P35", time_bound=_ALL
        ),
        Predicate.HEAD_OF_GOVERNMENT: _info(
            "head of government", {_K.STATE}, {_K.PERSON}, wikidata="P6", time_bound=_ALL
        ),
        Predicate.MEMBER_OF: _info(
            "member of",
            _POLITIES,
            {_K.ORGANIZATION, _K.GOVERNMENT_BODY, _K.AGENCY},
            wikidata="P463",
            inverse="has_member",
            time_bound=_ALL,
        ),
        Predicate.HAS_MEMBER: _info(
            "has member",
            {_K.ORGANIZATION, _K.GOVERNMENT_BODY, _K.AGENCY},
            _POLITIES,
            wikidata=None,
            inverse="member_of",
            time_bound=_ALL,
        ),
        Predicate.PERMANENT_MEMBER_OF: _info(
            "permanent member of",
            {_K.STATE},
            {_K.GOVERNMENT_BODY, _K.ORGANIZATION, _K.AGENCY},
            wikidata="P463",
            time_bound=_ALL,
        ),
        Predicate.CAPITAL_OF: _info(
            "capital of",
            {_K.CITY, _K.TERRITORY},
            {_K.STATE},
            wikidata="P1376",
            inverse="capital",
            time_bound=_ALL,
        ),
        Predicate.CAPITAL: _info(
            "capital",
            {_K.STATE},
            {_K.CITY, _K.TERRITORY},
            wikidata="P36",
            inverse="capital_of",
            time_bound=_ALL,
        ),
        Predicate.PART_OF: _info(
            "part of",
            _ALL,
            _ALL,
            wikidata="P361",
            event_subject=True,
            event_object=True,
            time_bound=frozenset({_K.STATE}),
            ties=True,
        ),
        Predicate.LOCATED_IN: _info(
            "located in",
            _PLACES | {_K.GOVERNMENT_BODY, _K.ORGANIZATION, _K.AGENCY},
            _PLACES,
            wikidata="P131",
            wikidata_range=_PLACES - {_K.BUILDING},
        ),
        Predicate.RECOGNIZES: _info("recognizes", _ACTORS, _STATEISH | _POLITIES, wikidata=None),
        Predicate.CONTROLS: _info(
            "controls", _POLITIES | {_K.MILITARY}, _STATEISH, wikidata=None, time_bound=_ALL
        ),
        Predicate.CLAIMED_BY: _info(
            "claimed by", _STATEISH, _POLITIES, wikidata=None, time_bound=_ALL
        ),
        Predicate.ADMINISTERED_BY: _info(
            "administered by", _STATEISH, _POLITIES, wikidata=None, time_bound=_ALL
        ),
        Predicate.ALLY_OF: _info("ally of", _ACTORS, _ACTORS, symmetric=True, time_bound=_ALL),
        Predicate.OPPOSES: _info("opposes", _ACTORS, _ACTORS | _PROCESS, event_object=True),
        Predicate.SUPPORTS: _info("supports", _ACTORS, _ACTORS | _PROCESS, event_object=True),
        Predicate.IN_TENSION_WITH: _info("in tension with", _ACTORS, _ACTORS, symmetric=True),
        Predicate.RELATIONS_WITH: _info(
            "diplomatic relations with",
            _ACTORS,
            _ACTORS,
            wikidata="P530",
            symmetric=True,
            time_bound=_ALL,
            wikidata_domain=frozenset({_K.STATE}),
            wikidata_range=frozenset({_K.STATE}),
        ),
        Predicate.TIES_WITH: _info(
            "has ties with", _ACTORS, _ACTORS, symmetric=True, time_bound=_ALL
        ),
        Predicate.SUPPLIED_ARMS_TO: _info("supplied arms to", _POLITIES, _ACTORS),
        Predicate.ARMED_FORCES_OF: _info("armed forces of", {_K.MILITARY}, _POLITIES),
        Predicate.FUNDS: _info("funds", _ACTORS, _ACTORS),
        Predicate.QUALIFIED_AS: _info("qualified as", _ACTORS, frozenset(), literal_object=True),
        Predicate.BIASED_TOWARDS: _info(
            "biased in favour of", _ACTORS | _PROCESS, _ACTORS, event_subject=True
        ),
        Predicate.BIASED_AGAINST: _info(
            "biased against", _ACTORS | _PROCESS, _ACTORS, event_subject=True
        ),
        Predicate.CONTRAVENES: _info("contravenes", _ACTORS, _PROCESS, event_subject=True),
        Predicate.MEDIATOR_IN: _info("mediator in", _ACTORS, _PROCESS, event_object=True),
        Predicate.UPSET_WITH: _info("upset with", _ACTORS, _ACTORS, event_object=True),
        Predicate.SUCCESSOR_OF: _info("successor of", _POLITIES, _POLITIES, wikidata=None),
        Predicate.PARTICIPANT_IN: _info(
            "participant in", _ACTORS, _PROCESS, wikidata="P1344", event_object=True
        ),
    }
)
