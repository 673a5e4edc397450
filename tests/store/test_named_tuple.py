"""The kit's own NamedTuple base (store/named_tuple.py) builds what typing's would build."""

from __future__ import annotations
import __future__

import ast
import importlib
import inspect
import typing

import pytest

from exback_kit.store.named_tuple import NamedTuple

#: Every class on the check-in path declared with the kit's NamedTuple.
RECORDS = [("exback_kit.store.schema", "Field"), ("exback_kit.store.sqlite_header", "Header"),
           ("exback_kit.store.imports", "ImportCounts")]


def _as_typing_builds_it(module_name: str, name: str) -> type:
    """The same class statement, run again with typing.NamedTuple as its base."""
    module = importlib.import_module(module_name)
    tree = ast.parse(inspect.getsource(module))
    (node,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name]
    code = compile(ast.Module(body=[node], type_ignores=[]), module.__file__ or "?", "exec",
                   flags=__future__.annotations.compiler_flag)
    space = {**vars(module), "NamedTuple": typing.NamedTuple}
    exec(code, space)  # noqa: S102 - the kit's own source, read from its module
    return space[name]


@pytest.mark.parametrize(("module_name", "name"), RECORDS)
def test_each_record_is_the_named_tuple_typing_would_build(module_name, name):
    ours = getattr(importlib.import_module(module_name), name)
    theirs = _as_typing_builds_it(module_name, name)
    assert ours is not theirs and issubclass(ours, tuple)
    # typing's wraps each (string) annotation in a ForwardRef
    assert ours.__annotations__ == {field: getattr(kind, "__forward_arg__", kind)
                                    for field, kind in theirs.__annotations__.items()}
    assert ours._fields == theirs._fields
    assert ours._field_defaults == theirs._field_defaults
    assert ours.__doc__ == theirs.__doc__
    assert (ours.__module__, ours.__qualname__) == (theirs.__module__, theirs.__qualname__)
    values = tuple(range(len(ours._fields)))
    one, two = ours(*values), theirs(*values)
    assert one == two and hash(one) == hash(two) and repr(one) == repr(two)
    assert one._replace(**{ours._fields[0]: "x"})[0] == "x"
    assert one._asdict() == two._asdict()


def test_defaults_fill_in_and_keywords_name_fields():
    class Point(NamedTuple):
        """A point."""

        x: int
        y: int = 0
        label: str = ""

    assert Point(1) == (1, 0, "") and Point(1, label="a").label == "a"
    assert Point.__doc__ == "A point."
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_what_it_cannot_build_is_refused_not_dropped():
    with pytest.raises(TypeError, match="without a default follows"):
        class Bad(NamedTuple):
            a: int = 0
            b: int
    with pytest.raises(TypeError, match="only fields, defaults and a docstring"):
        class WithMethod(NamedTuple):
            a: int

            def double(self) -> int:
                return self.a * 2
    with pytest.raises(TypeError, match="annotated fields"):
        class Empty(NamedTuple):
            pass
    with pytest.raises(TypeError, match="the only base"):
        class Mixed(int, NamedTuple):  # type: ignore[misc]
            a: int
