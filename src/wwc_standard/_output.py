"""One converter from the library's result values to JSON-compatible data (their ``to_dict()``).

A result value is a frozen attrs class whose fields are what its JSON form says, in the same
order (a field that takes no part in equality is left out). Converting it is the same
everywhere: an enum becomes its value (``"gold"``), a :class:`~wwc_standard.i18n.Text` the
English string, a tuple a list, a mapping a dict (its keys converted too), a nested value its
own form. So the ``to_dict()`` of such a class is
``as_dict(self)``; a class whose JSON form is not its fields (other names, computed entries)
keeps a ``to_dict()`` of its own.

The converter is a private ``cattrs.Converter``, never the global one; cattrs is imported on
first use, not at start-up.

>>> import wwc_standard as wwc
>>> gap = wwc.evaluate(wwc.example_assessment()).gaps[0]
>>> as_data(gap)["tier"], as_data(gap)["message"]
('gold', '3 more criteria for Gold (30 of 43)')
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard._exports import resolve_annotations
from wwc_standard.i18n.messages import Text

if TYPE_CHECKING:
    import cattrs

__all__ = ["as_data", "as_dict"]


def as_data(value: Any) -> Any:
    """``value`` (an attrs result value, or anything it holds) as JSON-compatible data."""
    resolve_annotations()
    return _converter().unstructure(value)


def as_dict(value: Any) -> dict[str, Any]:
    """An attrs result value as a JSON-compatible dict: the body of its ``to_dict()``."""
    resolve_annotations()
    data: dict[str, Any] = _converter().unstructure(value)
    return data


@functools.cache
def _converter() -> cattrs.Converter:
    # cattrs on first use: it is the largest import of the package, and start-up never needs it.
    import cattrs
    from cattrs.gen import make_dict_unstructure_fn, override

    # Tuples (and every other sequence) become lists, as JSON has them.
    converter = cattrs.Converter(unstruct_collection_overrides={Sequence: list, tuple: list})

    def fields_in_equality(cls: type) -> Any:
        # A field that takes no part in equality (the translatable message behind a
        # ``message``, say) is not part of the value, nor of its data.
        omitted: dict[str, Any] = {
            field.name: override(omit=True) for field in attrs.fields(cls) if not field.eq
        }
        make: Callable[..., Any] = make_dict_unstructure_fn  # its overrides are **kwargs
        return make(cls, converter, **omitted)

    converter.register_unstructure_hook_factory(attrs.has, fields_in_equality)
    # A Text (a str that can also be called with a locale) is written as its plain English
    # string; a plain str passes through untouched.
    converter.register_unstructure_hook(Text, str)
    converter.register_unstructure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum),
        lambda member: member.value,
    )
    converter.register_unstructure_hook_func(
        lambda cls: cls is Mapping or getattr(cls, "__origin__", None) is Mapping,
        lambda mapping: {
            converter.unstructure(key): converter.unstructure(item) for key, item in mapping.items()
        },
    )
    return converter
