"""Shared building blocks of every model: the strict base class, dates with precision, periods, citations."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema


class Model(BaseModel):
    """Base of every claimcheck model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @classmethod
    def trusted(cls, **values: Any):
        """Build an instance from values the caller has already typed, without validation.

        For the extraction hot path only (pydantic's `model_construct` costs more than the work around it);
        everything extraction writes is validated against the schemas in the tests.
        """
        # a subscript costs less than the `get` method's call (`trusted` runs ten thousand times per megabyte)
        try:
            defaults = _DEFAULTS[cls]
        except KeyError:
            defaults = defaults_of(cls)
        return built(cls, {**defaults, **values}, set(values))

    def replaced(self, **changes: Any):
        """A copy with `changes`, unvalidated like `trusted` (pydantic's `model_copy` deep-copies every field)."""
        return built(self.__class__, {**self.__dict__, **changes}, self.__pydantic_fields_set__.union(changes))


_DEFAULTS: dict[type, dict[str, Any]] = {}


def defaults_of(cls: type[Model]) -> dict[str, Any]:
    """The default values of the fields of `cls` that have one, in field order (`trusted` starts from them)."""
    defaults = _DEFAULTS.get(cls)
    if defaults is None:
        defaults = _DEFAULTS[cls] = {
            name: f.get_default(call_default_factory=True) for name, f in cls.model_fields.items() if not f.is_required()
        }
    return defaults


# pydantic keeps a model's fields in its `__dict__` and its bookkeeping in three slots of `BaseModel`; their
# descriptors set them directly, past the frozen model's `__setattr__` and the look-up `object.__setattr__`
# makes by name.
_SET_FIELDS = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


def built(cls: type, fields: dict[str, Any], fields_set: set[str], _new=object.__new__):
    """An instance of `cls` holding `fields` as they are (their order is the order pydantic serialises them
    in), with pydantic's bookkeeping filled in: `trusted` for callers that have the fields' dict at hand.

    `trusted` and `replaced` build tens of thousands of claims' parts per megabyte of text, so `__new__` is
    object's own, bound as a default (a local name, not a global look-up).
    """
    m = _new(cls)
    _SET_FIELDS(m, fields)
    _SET_FIELDS_SET(m, fields_set)
    _SET_EXTRA(m, None)
    _SET_PRIVATE(m, None)
    return m


class Precision(str, Enum):
    """How precisely a date is known."""

    day = "day"
    month = "month"
    season = "season"
    year = "year"


_FUZZY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FuzzyDate(Model):
    """A calendar date known to a precision: `2021`, `2021-03` or `2021-03-16`.

    `earliest` and `latest` are the first and last days the value can stand for.
    """

    earliest: dt.date
    latest: dt.date
    precision: Precision

    @classmethod
    def parse(cls, value: Any) -> "FuzzyDate":
        if isinstance(value, FuzzyDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(earliest=value, latest=value, precision=Precision.day)
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"expected a date such as 2021, 2021-03 or 2021-03-16, got {value!r}")
        m = _FUZZY.match(value.strip())
        if not m:
            raise ValueError(f"expected a date such as 2021, 2021-03 or 2021-03-16, got {value!r}")
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        if mo is None:
            return cls(earliest=dt.date(y, 1, 1), latest=dt.date(y, 12, 31), precision=Precision.year)
        mo_i = int(mo)
        if d is None:
            last = calendar.monthrange(y, mo_i)[1]
            return cls(earliest=dt.date(y, mo_i, 1), latest=dt.date(y, mo_i, last), precision=Precision.month)
        day = dt.date(y, mo_i, int(d))
        return cls(earliest=day, latest=day, precision=Precision.day)

    def __str__(self) -> str:
        if self.precision is Precision.day:
            return self.earliest.isoformat()
        if self.precision is Precision.month:
            return self.earliest.strftime("%Y-%m")
        if self.precision is Precision.year:
            return str(self.earliest.year)
        return f"{self.earliest.isoformat()}/{self.latest.isoformat()}"


def _parse_date_text(value: Any) -> Any:
    if value is None or isinstance(value, FuzzyDate):
        return value
    if isinstance(value, dict):
        return FuzzyDate(**value)
    return FuzzyDate.parse(value)


DateText = Annotated[
    FuzzyDate,
    BeforeValidator(_parse_date_text),
    PlainSerializer(lambda v: str(v), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "A date to year, month or day precision: 2021, 2021-03 or 2021-03-16.",
        }
    ),
]
"""A `FuzzyDate` written as text in data files (`2021-03-16`)."""


class Period(Model):
    """A time span; an open end is unknown or ongoing."""

    start: DateText | None = Field(default=None, description="First day, to its precision; open when absent.")
    end: DateText | None = Field(default=None, description="Last day, to its precision; open (ongoing) when absent.")

    def bounds(self, open_end: dt.date) -> tuple[dt.date, dt.date]:
        """The widest day range the period can stand for, open ends running to `open_end` (or the dawn of time)."""
        lo = self.start.earliest if self.start else dt.date(1900, 1, 1)
        hi = self.end.latest if self.end else open_end
        return lo, hi

    def __str__(self) -> str:
        return f"{self.start or '…'} to {self.end or 'present'}"


class Citation(Model):
    """Where a reference fact comes from."""

    url: str = Field(description="The public page the fact was read from.")
    supports: str = Field(description="What the page supports, in our own words.")
    retrieved: dt.date = Field(description="When the page was read.")
