"""One generic dict form for the frozen records: ``to_dict`` and ``from_dict``.

Fields are written in declaration order: records become dicts, tuples lists,
``None`` stays ``None``. Field metadata adjusts the form where the output
contract asks for it:

- ``flatten``: the nested record's keys are written into its parent
  (a speaker is a span plus ``actor_id``);
- ``omit_none``: the key is left out when the value is ``None``;
- ``skip``: the field is not written here (an enclosing record writes it).

A class may name derived values (properties) to write after a field in
``_DERIVED`` (``Event.actor``, the first of ``actors``), and prepare an
incoming dict in ``_incoming`` (``Analysis`` puts ``removed`` back into its
article). ``from_dict`` reads by the type hints, ignores unknown keys and
raises ``ValueError`` naming the record and field that are missing.
"""

from __future__ import annotations

import dataclasses
import operator
import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")

FLATTEN = {"flatten": True}
OMIT_NONE = {"omit_none": True}
SKIP = {"skip": True}


class Record:
    """Base of every record: the generic ``to_dict`` and ``from_dict``."""

    __slots__ = ()
    _DERIVED: ClassVar[dict[str, tuple[str, ...]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-ready data."""
        out: dict[str, Any] = {}
        for name, skip, omit_none, flatten, after in _plan(type(self)):
            value = getattr(self, name)
            if skip or (value is None and omit_none):
                pass
            elif flatten:
                out.update(value.to_dict())
            else:
                out[name] = value if type(value) in _PLAIN else encode(value)
            for extra in after:
                out[extra] = encode(getattr(self, extra))
        return out

    @classmethod
    def _incoming(cls, data: dict[str, Any]) -> dict[str, Any]:
        return data

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        """Build the record from its ``to_dict`` form."""
        if not isinstance(data, dict):
            raise ValueError(f"{cls.__name__}: expected an object, got {data!r:.60}")
        data = cls._incoming(data)
        kwargs = {}
        for f, decode in _decoders(cls):
            if f.metadata.get("flatten"):
                kwargs[f.name] = decode(data)
            elif f.name in data:
                kwargs[f.name] = decode(data[f.name])
            elif _required(f):
                raise ValueError(f"{cls.__name__}: missing field {f.name!r}")
        return cls(**kwargs)


def encode(value: Any) -> Any:
    """Return ``value`` as JSON-ready data (records, tuples and dicts walked)."""
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


def replace(record: R, /, **changes: Any) -> R:
    """Return a copy of ``record`` with ``changes``: ``dataclasses.replace``.

    The extractors copy records some 150 times per article; this one skips
    the standard field walk and keyword ``__init__`` (twice as fast on an
    event) and sets every slot as the records' generated ``__init__`` does
    (they are frozen, with no ``__post_init__``).
    """
    setters, known, get = _copier(type(record))
    if not known.issuperset(changes):
        unknown = sorted(set(changes) - known)
        raise TypeError(f"{type(record).__name__} has no fields {unknown}")
    new = object.__new__(type(record))
    for put, value in zip(setters, get(record), strict=True):
        put(new, value)
    for name, value in changes.items():
        object.__setattr__(new, name, value)
    return new


_COPIERS: dict[type, tuple[tuple[Callable, ...], frozenset[str], Callable]] = {}


def _copier(cls: type) -> tuple[tuple[Callable, ...], frozenset[str], Callable]:
    """Return (the slot setter of each field, the field names, a getter of all
    the values) for ``cls``, made once per class."""
    found = _COPIERS.get(cls)
    if found is None:
        fields = dataclasses.fields(cls)
        if hasattr(cls, "__post_init__") or not all(f.init for f in fields):
            raise TypeError(f"{cls.__name__}: use dataclasses.replace")
        names = tuple(f.name for f in fields)
        setters = tuple(getattr(cls, n).__set__ for n in names)
        get = operator.attrgetter(*names)
        one = len(names) == 1
        found = (setters, frozenset(names), (lambda r: (get(r),)) if one else get)
        _COPIERS[cls] = found
    return found


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


_Plan = tuple[tuple[str, bool, bool, bool, tuple[str, ...]], ...]
_PLAIN = frozenset([str, int, float, bool, type(None)])  # written as they are
_PLANS: dict[type, _Plan] = {}
_DECODERS: dict[type, tuple[tuple[dataclasses.Field[Any], Callable], ...]] = {}


def _plan(cls: type) -> _Plan:
    """Return (field, skip, omit_none, flatten, derived keys after it) for
    ``cls``, computed once."""
    plan = _PLANS.get(cls)
    if plan is None:
        derived = getattr(cls, "_DERIVED", {})
        plan = _PLANS[cls] = tuple(
            (
                f.name,
                bool(f.metadata.get("skip")),
                bool(f.metadata.get("omit_none")),
                bool(f.metadata.get("flatten")),
                derived.get(f.name, ()),
            )
            for f in dataclasses.fields(cls)
        )
    return plan


def _decoders(cls: type) -> tuple[tuple[dataclasses.Field[Any], Callable], ...]:
    """Return (field, decoder) for ``cls``, computed once."""
    found = _DECODERS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        fields = dataclasses.fields(cls)
        found = _DECODERS[cls] = tuple((f, _decoder(hints[f.name])) for f in fields)
    return found


def _decoder(tp: Any) -> Callable[[Any], Any]:
    """Return a function that turns JSON data into a value of type ``tp``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        inner = [_decoder(a) for a in args if a is not type(None)]
        if len(inner) == 1:
            one = inner[0]
            return lambda v: None if v is None else one(v)
        return lambda v: v
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda v: tuple(item(x) for x in v)
        parts = [_decoder(a) for a in args]
        return lambda v: tuple(p(x) for p, x in zip(parts, v, strict=True))
    if origin is dict:
        val = _decoder(args[1])
        return lambda v: {k: val(x) for k, x in v.items()}
    if isinstance(tp, type) and issubclass(tp, Record):
        return tp.from_dict
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):
        hints = typing.get_type_hints(tp)
        parts = [_decoder(hints[n]) for n in tp._fields]
        return lambda v: tp(*(p(x) for p, x in zip(parts, v, strict=True)))
    if tp is float:
        return _float
    return lambda v: v


def _float(v: Any) -> Any:
    return float(v) if isinstance(v, int) and not isinstance(v, bool) else v
