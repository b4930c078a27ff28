"""Event trigger words: the words that can refer to each type of knowledge-base event, and their stems.

The words are the pack's (`EventType` in a knowledge-base file), so another domain brings its own kinds of
event. A module of its own because two stages read them: the events stage matches the words, and the
gazetteer finds their stems in the pass it makes over each document for names (`gazetteer.Gazetteer.scan`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kb import KnowledgeBase
from ..models import EventType
from ..models.kb import trigger_stem


@dataclass(frozen=True)
class Triggers:
    """One knowledge base's trigger words, compiled."""

    # event type -> its words' pattern, run on lower-cased text
    patterns: dict[str, re.Pattern[str]]
    # any type's words
    any: re.Pattern[str]
    # the words' stems -> the event types of the words that open with them. Scanning a document with the
    # patterns costs several times finding their stems: the patterns are matched only where a stem starts
    # (`text.matches_at`).
    stems: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, types: list[EventType]) -> "Triggers":
        patterns = {t.id: _pattern(t) for t in types}
        stems: dict[str, list[str]] = {}
        for t in types:
            for word in t.words:
                stems.setdefault(trigger_stem(word), []).append(t.id)
        return cls(
            patterns=patterns,
            # a pattern that matches nothing when the pack defines no event types
            any=re.compile("|".join(f"(?:{p.pattern})" for p in patterns.values()) or r"(?!)"),
            stems={stem: tuple(dict.fromkeys(ids)) for stem, ids in stems.items()},
        )


def triggers_for(kb: KnowledgeBase) -> Triggers:
    """The trigger words of a knowledge base's event types, compiled once per knowledge base."""
    return kb.derived("event-triggers", lambda kb: Triggers.of(sorted(kb.event_types.values(), key=lambda t: t.id)))


def _pattern(t: EventType) -> re.Pattern[str]:
    # "a press conference" is how something was said, not a meeting of the record
    not_after = "".join(f"(?<!{re.escape(word)} )" for word in t.not_after)
    return re.compile(rf"\b{not_after}(?:{'|'.join(t.words)})\b")
