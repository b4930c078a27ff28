"""The knowledge base: every pack's statements merged, indexed by id, name and time."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property

from .errors import InputError, Problem
from .models import Entity, EntityType, Event, EventType, Figure, Holding, KnowledgeBaseFile, Position, Quantity, Reference
from .text import fold_name


_DERIVED: dict[tuple[str, Hashable], object] = {}


@dataclass
class KnowledgeBase:
    """Indexed statements; open periods run to `as_of`."""

    as_of: dt.date
    entities: dict[str, Entity] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    holdings: list[Holding] = field(default_factory=list)
    quantities: dict[str, Quantity] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)
    event_types: dict[str, EventType] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # statement id -> file it came from
    default_place: str | None = None  # the country articles are about when they name none

    @classmethod
    def build(cls, files: list[tuple[str, KnowledgeBaseFile]], as_of: dt.date, default_place: str | None = None) -> "KnowledgeBase":
        """Merge files, rejecting duplicate ids and dangling references (all problems at once)."""
        kb = cls(as_of=as_of, default_place=default_place)
        problems: list[Problem] = []

        def put(table: dict, key: str, value, path: str, pointer: str) -> None:
            if key in table:
                problems.append(Problem(path, f"duplicate id {key!r} (also in {kb.origin.get(key)})", pointer=pointer))
            table[key] = value
            kb.origin[key] = path

        for path, f in files:
            for i, e in enumerate(f.entities):
                put(kb.entities, e.id, e, path, f"/entities/{i}/id")
            for i, p in enumerate(f.positions):
                put(kb.positions, p.id, p, path, f"/positions/{i}/id")
            for i, q in enumerate(f.quantities):
                put(kb.quantities, q.id, q, path, f"/quantities/{i}/id")
            for i, ev in enumerate(f.events):
                put(kb.events, ev.id, ev, path, f"/events/{i}/id")
            for i, t in enumerate(f.event_types):  # types are named apart from statements: not in `origin`
                if t.id in kb.event_types:
                    problems.append(Problem(path, f"event type {t.id!r} defined twice", pointer=f"/event_types/{i}/id"))
                kb.event_types[t.id] = t
            # holdings and figures are lists, but findings cite them by id: an id must name one statement
            for i, h in enumerate(f.holdings):
                if h.id in kb.origin:
                    problems.append(Problem(path, f"duplicate id {h.id!r} (also in {kb.origin[h.id]})", pointer=f"/holdings/{i}/id"))
                kb.holdings.append(h)
                kb.origin[h.id] = path
            for i, fig in enumerate(f.figures):
                if fig.id in kb.origin:
                    problems.append(Problem(path, f"duplicate id {fig.id!r} (also in {kb.origin[fig.id]})", pointer=f"/figures/{i}/id"))
                kb.figures.append(fig)
                kb.origin[fig.id] = path
        for path, f in files:
            for i, e in enumerate(f.entities):
                for attr in ("country", "parent", "successor", "capital"):
                    ref = getattr(e, attr)
                    if ref and ref not in kb.entities:
                        problems.append(Problem(path, f"unknown entity {ref!r} in {attr}", pointer=f"/entities/{i}/{attr}"))
            for i, p in enumerate(f.positions):
                if p.jurisdiction not in kb.entities:
                    problems.append(Problem(path, f"unknown entity {p.jurisdiction!r}", pointer=f"/positions/{i}/jurisdiction"))
            for i, h in enumerate(f.holdings):
                if h.position not in kb.positions:
                    problems.append(Problem(path, f"unknown position {h.position!r}", pointer=f"/holdings/{i}/position"))
                if h.holder not in kb.entities:
                    problems.append(Problem(path, f"unknown entity {h.holder!r}", pointer=f"/holdings/{i}/holder"))
                if h.organization and h.organization not in kb.entities:
                    problems.append(Problem(path, f"unknown entity {h.organization!r}", pointer=f"/holdings/{i}/organization"))
            for i, fig in enumerate(f.figures):
                if fig.quantity not in kb.quantities:
                    problems.append(Problem(path, f"unknown quantity {fig.quantity!r}", pointer=f"/figures/{i}/quantity"))
        if default_place and default_place not in kb.entities:
            problems.append(Problem("pack.yaml", f"unknown entity {default_place!r} in default_place", pointer="/default_place"))
        if problems:
            raise InputError(problems)
        kb.holdings.sort(key=lambda h: (h.position, h.period.bounds(as_of)[0], h.id))
        kb.figures.sort(key=lambda f: (f.quantity, f.period.bounds(as_of)[0], f.id))
        kb._version = hashlib.sha256(
            json.dumps([[p, f.model_dump(mode="json")] for p, f in files], sort_keys=True).encode()
        ).hexdigest()[:16]
        lexicon = {
            "entities": sorted([e.id, e.type.value, e.name, list(e.aliases), list(e.variants), list(e.acronyms), list(e.demonyms), e.country,
                                e.parent, e.capital]
                               for e in kb.entities.values()),
            "positions": sorted([p.id, list(p.titles), p.jurisdiction] for p in kb.positions.values()),
            "events": sorted([e.id, e.type, list(e.names), e.place, list(e.keywords), str(e.period.start), e.singular]
                             for e in kb.events.values()),
            "event_types": sorted(t.model_dump_json() for t in kb.event_types.values()),
            "quantities": sorted(q.model_dump_json() for q in kb.quantities.values()),
            "default_place": default_place,
        }
        kb._lexicon = hashlib.sha256(json.dumps(lexicon, sort_keys=True, default=str).encode()).hexdigest()[:16]
        return kb

    _version: str = ""
    _lexicon: str = ""

    @property
    def version(self) -> str:
        """A hash of the contents: changes whenever a statement does."""
        return self._version

    @property
    def lexicon_version(self) -> str:
        """A hash of what extraction reads: names, aliases, acronyms, titles, event names, quantity patterns.
        Dates, holders and figures are not part of it, so changing them re-checks without re-extracting."""
        return self._lexicon

    def derived(self, name: Hashable, build):
        """A structure built from the knowledge base once per content version (a matcher, compiled patterns),
        shared by every load of the same packs."""
        key = (self.version or str(id(self)), name)
        if key not in _DERIVED:
            for stale in [k for k in _DERIVED if k[0] != key[0]]:
                del _DERIVED[stale]
            _DERIVED[key] = build(self)
        return _DERIVED[key]

    def recurs(self, event_type: str) -> bool:
        """Whether events of the type happen again and again at the same places (`EventType.recurs`)."""
        t = self.event_types.get(event_type)
        return t is not None and t.recurs

    def ids_of(self, *types: EntityType) -> frozenset[str]:
        """The ids of the entities of the given types (built once per set of types)."""
        return self.derived(("ids-of", frozenset(types)),
                            lambda kb: frozenset(i for i, e in kb.entities.items() if e.type in types))

    def ancestors(self, entity_id: str) -> set[str]:
        """The bodies or places an entity is part of: its parent, the parent's parent, and so on."""
        out, cur = set(), self.entities.get(entity_id)
        while cur is not None and cur.parent and cur.parent not in out:
            out.add(cur.parent)
            cur = self.entities.get(cur.parent)
        return out

    # -- indexes -------------------------------------------------------------------------------
    @cached_property
    def holdings_by_position(self) -> dict[str, list[Holding]]:
        out: dict[str, list[Holding]] = defaultdict(list)
        for h in self.holdings:
            out[h.position].append(h)
        return out

    @cached_property
    def holdings_by_holder(self) -> dict[str, list[Holding]]:
        out: dict[str, list[Holding]] = defaultdict(list)
        for h in self.holdings:
            out[h.holder].append(h)
        return out

    @cached_property
    def figures_by_quantity(self) -> dict[str, list[Figure]]:
        out: dict[str, list[Figure]] = defaultdict(list)
        for f in self.figures:
            out[f.quantity].append(f)
        return out

    @cached_property
    def acronym_owners(self) -> dict[str, set[str]]:
        """Acronym as written (case kept) -> entity ids it stands for."""
        out: dict[str, set[str]] = defaultdict(set)
        for e in self.entities.values():
            for a in e.acronyms:
                out[a.strip()].add(e.id)
        return out

    @cached_property
    def people_names(self) -> dict[str, set[str]]:
        """Folded full name (canonical, aliases, variants) -> person ids."""
        out: dict[str, set[str]] = defaultdict(set)
        for e in self.entities.values():
            if e.type is EntityType.person:
                for n in (e.name, *e.aliases, *e.variants):
                    out[fold_name(n)].add(e.id)
        return out

    def bounds(self, period) -> tuple[dt.date, dt.date]:
        return period.bounds(self.as_of)

    def name(self, entity_id: str | None) -> str:
        if not entity_id:
            return "?"
        e = self.entities.get(entity_id)
        return e.name if e else entity_id

    def label(self, entity_id: str) -> str:
        e = self.entities[entity_id]
        return f"{e.name} ({e.acronyms[0]})" if e.acronyms else e.name

    # -- references ------------------------------------------------------------------------------
    def ref_entity(self, entity_id: str) -> Reference:
        e = self.entities[entity_id]
        if e.period:
            what = f"{self.label(entity_id)} existed {e.period}."
        else:
            what = f"{self.label(entity_id)} is a {e.type.value.replace('-', ' ')}."
        return Reference(id=f"entity:{e.id}", statement=what, citations=e.citations, period=e.period, label=self.label(entity_id))

    def holding_statement(self, h: Holding) -> str:
        pos = self.positions[h.position]
        org = f" ({self.name(h.organization)})" if h.organization else ""
        acting = "acting " if h.acting else ""
        return f"{self.name(h.holder)} was {acting}{pos.name}{org} from {h.period.start or '…'} to {h.period.end or 'present'}."

    def ref_holding(self, h: Holding) -> Reference:
        pos = self.positions[h.position]
        org = f" ({self.name(h.organization)})" if h.organization else ""
        return Reference(
            id=f"holding:{h.id}",
            statement=self.holding_statement(h),
            citations=h.citations, period=h.period, label=f"{self.name(h.holder)}: {pos.titles[0]}{org}",
        )

    def ref_figure(self, f: Figure) -> Reference:
        q = self.quantities[f.quantity]
        label = f" ({f.label})" if f.label else ""
        return Reference(
            id=f"figure:{f.id}",
            statement=f"{f.publisher}{label}: {q.name} = {f.value:,.0f} {q.unit}s, {f.period}.",
            citations=f.citations, period=f.period, label=f"{f.label or f.publisher}: {f.value:,.0f}",
        )

    def ref_event(self, ev: Event) -> Reference:
        place = f" in {self.name(ev.place) if ev.place in self.entities else ev.place}" if ev.place else ""
        return Reference(
            id=f"event:{ev.id}", statement=f"{ev.names[0]}{place}: {ev.status}, {ev.period}.",
            citations=ev.citations, period=ev.period, label=ev.names[0],
        )
