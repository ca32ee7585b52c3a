"""How the library's values pickle, so that they cross process boundaries (a process pool, Dask,
Spark) and come back equal.

Two kinds of class need help; everything else pickles as it is (attrs writes the state of a
frozen class, enums and classes pickle by reference to their public package):

- a frozen attrs class with a mapping field keeps it read-only as a ``types.MappingProxyType``
  (:func:`read_only`), which cannot be pickled: :class:`ReadOnlyMappings` pickles the proxy as
  the dict behind it and wraps it again;
- a small hand-written class with ``__slots__`` (a value of a message) pickles with protocol 2
  and above only: :class:`SlotsState` gives it a state for the older protocols 0 and 1 too.

>>> import pickle, types
>>> from wwc_standard.evaluation import Answer
>>> answer = Answer(checklist={"a": True, "b": None})
>>> copy = pickle.loads(pickle.dumps(answer, protocol=0))
>>> copy == answer, type(copy.checklist) is types.MappingProxyType
(True, True)
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["ReadOnlyMappings", "SlotsState", "read_only"]


def read_only(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only copy of ``value``: the attrs converter of a frozen class's mapping field.

    Every empty one is the same proxy: nothing can be added to it, and an answer without a
    checklist (nearly all of them) then costs no dict of its own.
    """
    # The exact types first: an ABC check of a dict costs more than the copy (planners build
    # answers by the dozen).
    if not value and (type(value) in _PLAIN or isinstance(value, Mapping)):
        return _EMPTY
    return types.MappingProxyType(dict(value))


_EMPTY: Mapping[str, Any] = types.MappingProxyType({})
_PLAIN = (dict, types.MappingProxyType)


class ReadOnlyMappings:
    """Mixin of a frozen attrs class with :func:`read_only` fields, so that it pickles.

    The pickle holds every field, each proxy as a plain dict and the names of those fields;
    unpickling sets the fields back as attrs's own pickling does (no ``__init__``, no
    converter run twice), each of those dicts wrapped in a proxy again. ``__reduce__`` rather
    than ``__getstate__``, because attrs writes its own ``__getstate__`` on each class.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        cls: Any = type(self)  # an attrs class, which mypy cannot tell from the mixin
        state = {field.name: getattr(self, field.name) for field in attrs.fields(cls)}
        proxies = tuple(
            name for name, value in state.items() if isinstance(value, types.MappingProxyType)
        )
        for name in proxies:
            state[name] = dict(state[name])
        return (_rebuild, (cls, state, proxies))


def _rebuild(cls: type[Any], state: dict[str, Any], proxies: tuple[str, ...]) -> Any:
    value = object.__new__(cls)
    for name, field in state.items():
        # Frozen: the fields are set as attrs's generated __setstate__ sets them.
        object.__setattr__(value, name, types.MappingProxyType(field) if name in proxies else field)
    return value


class SlotsState:
    """Mixin of a class with ``__slots__``: its state for every pickle protocol.

    Python pickles the slots of an object with protocol 2 and above only; protocols 0 and 1
    need the class to say what its state is.
    """

    __slots__ = ()

    def __getstate__(self) -> dict[str, Any]:
        return {
            name: getattr(self, name)
            for cls in type(self).__mro__
            for name in getattr(cls, "__slots__", ())
            if hasattr(self, name)
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
