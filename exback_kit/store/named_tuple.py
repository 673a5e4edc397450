"""``class X(NamedTuple)`` for modules on ``exback checkin``'s path, without ``typing``.

Importing :mod:`typing` costs a check-in about 2.5 ms, a twentieth of the command, and
the check-in path needs nothing else from it. A module there writes::

    TYPE_CHECKING = False  # as typing's
    if TYPE_CHECKING:
        from typing import NamedTuple
    else:
        from exback_kit.store.named_tuple import NamedTuple

Type checkers read the first branch and see :class:`typing.NamedTuple`; at run time the
class is built here, by :func:`collections.namedtuple` as typing builds it: the fields
in the order annotated, the defaults given, the docstring kept. Written here rather than
taken from a library because the standard library's own is the one being avoided; only
what the kit's records use is supported (fields, defaults, a docstring), and anything
else in the class body is refused rather than silently dropped.
"""

from __future__ import annotations

from collections import namedtuple

_PLAIN = frozenset({"__module__", "__qualname__", "__doc__", "__annotations__",
                    "__annotate__", "__annotate_func__", "__annotations_cache__",
                    "__static_attributes__", "__firstlineno__", "__classdictcell__"})


def _annotations(namespace: dict[str, object]) -> dict[str, object]:
    found = namespace.get("__annotations__")
    if isinstance(found, dict):
        return found
    for name in ("__annotate__", "__annotate_func__"):  # Python 3.14 (PEP 649)
        annotate = namespace.get(name)
        if callable(annotate):
            try:
                return dict(annotate(1))  # 1: annotationlib.Format.VALUE
            except NameError:  # a name imported only for type checkers
                raise TypeError("a NamedTuple here needs `from __future__ import "
                                "annotations` in its module") from None
    raise TypeError("a NamedTuple needs annotated fields")


class _Maker(type):
    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, object]
                ) -> type:
        if not bases:  # NamedTuple itself
            return super().__new__(mcs, name, bases, namespace)
        if len(bases) != 1:
            raise TypeError(f"{name}: NamedTuple is the only base a record may have")
        annotations = _annotations(namespace)
        fields = list(annotations)
        defaults = [namespace[f] for f in fields if f in namespace]
        if [f for f in fields if f in namespace] != fields[len(fields) - len(defaults):]:
            raise TypeError(f"{name}: a field without a default follows one with a default")
        extra = set(namespace) - _PLAIN - set(fields)
        if extra:
            raise TypeError(f"{name}: only fields, defaults and a docstring: {sorted(extra)}")
        made = namedtuple(name, fields, defaults=defaults,  # type: ignore[misc]
                          module=str(namespace["__module__"]))
        made.__qualname__ = str(namespace.get("__qualname__", name))
        made.__annotations__ = dict(annotations)  # as typing's keeps them (get_type_hints)
        doc = namespace.get("__doc__")
        made.__doc__ = doc if isinstance(doc, str) else made.__doc__
        return made


class NamedTuple(metaclass=_Maker):
    """Base class: ``class Header(NamedTuple): size: int`` gives a named tuple."""
