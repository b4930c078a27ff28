"""Event trigger words: the words that can refer to each type of knowledge-base event, and their stems.

A module of its own because two stages read it: the events stage matches the words, and the gazetteer
finds their stems in the pass it makes over each document for names (`gazetteer.Gazetteer.scan`).
"""

from __future__ import annotations

import re

# knowledge-base event types -> the trigger words that can refer to them: patterns of one word or phrase, each
# opening with a literal (`_stem`)
_TRIGGER_WORDS: dict[str, list[str]] = {
    "conference": ["conferences?", "summits?", "talks", "forum"],
    "attack": [
        "attacks?", "bomb(?:ing)?s?", "explosions?", "blasts?", "air ?strikes?", "shelling", "assault", "suicide",
    ],
    "election": ["elections?", "polls?", "vote", "ballot"],
    "ceasefire": ["cease-?fire", "truce"],
    "offensive": ["offensive", "assault on", "campaign"],
    "agreement": ["agreement", "accord", "memorandum", "deal", "mou"],
}
# a press or news conference is how something was said, not a meeting of the record
_NOT_AFTER = {"conference": "(?<!press )(?<!news )"}
# run on lower-cased text
TRIGGERS: dict[str, re.Pattern[str]] = {
    etype: re.compile(rf"\b{_NOT_AFTER.get(etype, '')}(?:{'|'.join(words)})\b")
    for etype, words in _TRIGGER_WORDS.items()
}


ANY_TRIGGER = re.compile("|".join(f"(?:{p.pattern})" for p in TRIGGERS.values()))


def _stem(word: str) -> str:
    """The literal every match of a trigger word's pattern opens with ("conference" for "conferences?", "bomb"
    for "bomb(?:ing)?s?", "cease" for "cease-?fire")."""
    stem = re.match(r"[\w -]*", word).group()
    if word[len(stem):len(stem) + 1] in ("?", "*", "{"):
        stem = stem[:-1]  # the last letter is optional
    if not stem.strip() or "|" in re.sub(r"\([^()]*\)", "", word):
        raise ValueError(f"trigger word {word!r} is not one word or phrase opening with a literal")
    return stem


def _stem_types() -> dict[str, tuple[str, ...]]:
    types: dict[str, list[str]] = {}
    for etype, words in _TRIGGER_WORDS.items():
        for word in words:
            types.setdefault(_stem(word), []).append(etype)
    return {stem: tuple(etypes) for stem, etypes in types.items()}


# the trigger words' stems -> the event types of the words that open with them. Scanning a document with the
# trigger patterns costs several times finding their stems: the patterns are matched only where a stem starts
# (`text.matches_at`).
STEMS: dict[str, tuple[str, ...]] = _stem_types()
