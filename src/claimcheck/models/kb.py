"""The knowledge base of a rule pack: entities, positions, office holdings, reference figures and events.

Every statement carries at least one citation; open-ended periods run to the pack's `as_of` date.
"""

from __future__ import annotations

import re
from enum import Enum

from pydantic import Field, field_validator

from .common import Citation, DateText, Model, Period


class EntityType(str, Enum):
    person = "person"
    country = "country"
    government = "government"
    legislature = "legislature"
    executive_body = "executive-body"
    armed_force = "armed-force"
    armed_group = "armed-group"
    international_org = "international-organization"
    mission = "mission"
    agency = "agency"
    ministry = "ministry"
    party = "party"
    place = "place"
    other = "other"


class Entity(Model):
    """A person, organization, country or place, with every name it goes by."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    type: EntityType
    name: str = Field(description="Canonical name.")
    aliases: tuple[str, ...] = Field(default=(), description="Other names, including other languages' names.")
    variants: tuple[str, ...] = Field(default=(), description="Accepted spellings and transliterations (not errors).")
    acronyms: tuple[str, ...] = Field(default=(), description="Acronyms that stand for this entity.")
    demonyms: tuple[str, ...] = Field(default=(), description="Adjectives for a country (Libyan, British).")
    country: str | None = Field(default=None, description="Entity id of the country a person or body belongs to.")
    parent: str | None = Field(default=None, description="Entity id of the body this one is part of.")
    successor: str | None = Field(default=None, description="Entity id of the body that replaced this one.")
    capital: str | None = Field(
        default=None, description="Entity id of a country's capital: what 'the capital' means in an article about it.")
    period: Period | None = Field(default=None, description="When the entity existed (organizations) or was active.")
    citations: tuple[Citation, ...] = Field(min_length=1)


class Position(Model):
    """An office that people hold: 'Minister of Interior of Libya'."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    titles: tuple[str, ...] = Field(min_length=1, description="Ways the title is written (Interior Minister, Minister of the Interior).")
    jurisdiction: str = Field(description="Entity id of the country or body whose office it is.")
    heads: bool = Field(default=False, description="The holder leads the organization named in each holding.")
    citations: tuple[Citation, ...] = ()


class Holding(Model):
    """A person holding a position for a period, within an organization (a government, a UN mission)."""

    id: str = Field(pattern=r"^[a-z0-9_.-]+$")
    position: str
    holder: str
    organization: str | None = Field(default=None, description="Entity id of the government or body the office sits in.")
    acting: bool = False
    period: Period
    note: str | None = None
    citations: tuple[Citation, ...] = Field(min_length=1)


class Quantity(Model):
    """A measured quantity that articles quote figures for, and how to recognise its mentions."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    unit: str
    nouns: tuple[str, ...] = Field(min_length=1, description="Head nouns of the counted thing (migrants).")
    places: tuple[str, ...] = Field(default=(), description="Entity ids the figure is about; a mention must name one or none.")
    cues: tuple[str, ...] = Field(default=(), description="Regular expressions of which one must occur near the number.")
    exclude: tuple[str, ...] = Field(default=(), description="Regular expressions that rule a mention out (flows, not stocks).")
    tolerance: float = Field(default=0.1, gt=0, description="Relative deviation from the reference that is still consistent.")
    dated_by_text: bool = Field(
        default=False,
        description="Judge a figure only when its own words date it ('in 2016', 'during 2021', 'last year'): a count "
                    "over a calendar year, which the publication date cannot stand for.")


class Figure(Model):
    """A reference value of a quantity for a period."""

    id: str = Field(pattern=r"^[a-z0-9_.-]+$")
    quantity: str
    value: float
    period: Period
    publisher: str
    label: str | None = Field(default=None, description="Round or edition (DTM round 37).")
    citations: tuple[Citation, ...] = Field(min_length=1)


class ReportedValue(Model):
    value: float
    reported_by: str
    citations: tuple[Citation, ...] = ()


class Event(Model):
    """A dated event: conference, attack, offensive, ceasefire, election (held, scheduled or postponed)."""

    id: str = Field(pattern=r"^[a-z0-9_.-]+$")
    type: str = Field(description="conference, attack, offensive, ceasefire, agreement, election, meeting, appointment, ...")
    names: tuple[str, ...] = Field(min_length=1, description="How articles name it.")
    period: Period
    place: str | None = Field(default=None, description="Entity id or name of the place.")
    status: str = Field(default="held", description="held, scheduled, postponed or cancelled.")
    keywords: tuple[str, ...] = Field(default=(), description="Words that, with the place, identify a mention (car bomb, checkpoint).")
    singular: bool = Field(
        default=False,
        description="The only event of its type there ever was at its place (the floods at Derna): a mention by "
                    "type and place that gives another date is a wrong date, however far off, not another event.")
    figures: dict[str, tuple[ReportedValue, ...]] = Field(default_factory=dict, description="Reported figures, e.g. killed, injured.")
    citations: tuple[Citation, ...] = Field(min_length=1)


def trigger_stem(word: str) -> str:
    """The literal every match of a trigger word's pattern opens with ("conference" for "conferences?", "bomb"
    for "bomb(?:ing)?s?", "cease" for "cease-?fire"): what the document scan looks for."""
    stem = re.match(r"[\w -]*", word).group()  # type: ignore[union-attr]
    if word[len(stem):len(stem) + 1] in ("?", "*", "{"):
        stem = stem[:-1]  # the last letter is optional
    return stem.rstrip(" -")


# What the document scan can look for (`extract.gazetteer`): characters that the folded text (punctuation blanked,
# lower-cased) has wherever the text lower-cased has them, when the text lowers character by character
LITERAL = re.compile(r"[a-z]+(?: [a-z]+)*")


class EventType(Model):
    """A type of event and the words that refer to one ("the floods", "the talks"): a mention by kind is tied to
    the knowledge-base event of that type, place and keywords."""

    id: str = Field(pattern=r"^[a-z0-9_-]+$", description="The `type` events of this kind give.")
    words: tuple[str, ...] = Field(
        min_length=1,
        description="Regular expressions, lower case, matched on word boundaries; each opens with a literal word "
                    "(`summits?`, `bomb(?:ing)?s?`, `cease-?fire`), which the document scan looks for.")
    not_after: tuple[str, ...] = Field(
        default=(), description="Words that, right before one of `words`, make it something else (press conference).")
    recurs: bool = Field(
        default=False,
        description="Events of this type happen again and again at the same places (shipwrecks): a mention by kind "
                    "and place alone, dated near a recorded one, may be another event and is not judged against it.")

    @field_validator("words")
    @classmethod
    def _words_open_with_literal(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        for word in words:
            try:
                re.compile(word)
            except re.error as exc:
                raise ValueError(f"{word!r} is not a regular expression: {exc}") from None
            if "|" in re.sub(r"\([^()]*\)", "", word):
                raise ValueError(f"{word!r} is several alternatives: give each word or phrase its own entry")
            if not LITERAL.fullmatch(trigger_stem(word)):
                raise ValueError(f"{word!r} does not open with a lower-case word (letters and single spaces)")
        return words


class KnowledgeBaseFile(Model):
    """One `kb/*.yaml` file; a pack's knowledge base is the union of its files."""

    entities: tuple[Entity, ...] = ()
    positions: tuple[Position, ...] = ()
    holdings: tuple[Holding, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    event_types: tuple[EventType, ...] = ()


__all__ = [
    "DateText", "Entity", "EntityType", "Event", "EventType", "Figure", "Holding", "KnowledgeBaseFile", "Position", "Quantity",
    "ReportedValue",
]
