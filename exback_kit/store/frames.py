"""Typed DataFrames from raw journal rows: what ``Journal.table`` hands out.

Dates are parsed, yes/no are bools, whole numbers are nullable ``Int64`` and
JSON columns are decoded, so nothing downstream parses again.
"""

from __future__ import annotations

from datetime import date, datetime

from exback_kit.store.schema import Field

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:  # pandas loads only when a table is asked for
    from typing import Any

    import pandas as pd


def same(v: Any) -> Any:
    """Return a stored value as it is (the decoder of plain text and numbers)."""
    return v


def _day(v: Any) -> date | None:
    return None if v is None else date.fromisoformat(v)


def _moment(v: Any) -> datetime | None:
    return None if v is None else datetime.fromisoformat(v)


#: Decoders of the columns every table has: ``at`` (an aware moment) and ``day`` (a date).
ROW_DECODERS = {"at": _moment, "day": _day}


def decoder(spec: Field) -> Any:
    """Return a function turning one stored value of ``spec`` into its Python value.

    Dates come back as ``date``, moments as aware ``datetime``: nothing re-parses text.
    """
    if spec.kind in ("list", "json"):
        import json

        return lambda v: None if v is None else json.loads(v)
    if spec.kind == "bool":
        return lambda v: None if v is None else bool(v)
    if spec.kind == "date":
        return _day
    if spec.kind == "moment":
        return _moment
    return same


def _json_column(values: list[Any], is_list: bool) -> list[Any]:
    """Decode a column of JSON texts in one call (much faster than one loads per row)."""
    import json

    missing = "[]" if is_list else "null"
    return list(json.loads("[" + ",".join(missing if v is None else v for v in values) + "]"))


def typed_frame(df: pd.DataFrame, specs: tuple[Field, ...]) -> pd.DataFrame:
    """Return the raw table frame with its columns typed (see Journal.table)."""
    import pandas as pd

    hour = df["at"].astype(str).str.slice(11, 13)
    df["at"] = pd.to_datetime(df["at"], utc=True, format="ISO8601")
    df["day"] = pd.to_datetime(df["day"], format="%Y-%m-%d")
    df.insert(3, "hour", pd.to_numeric(hour).astype("int64") if len(df) else hour.astype("int64"))
    df["id"] = df["id"].astype("int64")
    for spec in specs:
        col = df[spec.name] if spec.name in df else pd.Series([None] * len(df), dtype=object)
        if spec.kind == "int":
            col = pd.to_numeric(col).astype("Int64")
        elif spec.kind == "float":
            col = pd.to_numeric(col).astype("float64")
        elif spec.kind == "bool":
            col = col.fillna(0).astype("int64").astype(bool)
        elif spec.kind in ("list", "json"):
            col = pd.Series(_json_column(col.tolist(), spec.kind == "list"), index=df.index,
                            dtype=object)
        elif spec.kind == "date":
            col = pd.to_datetime(col, format="%Y-%m-%d")
        elif spec.kind == "moment":
            col = pd.to_datetime(col, utc=True, format="ISO8601")
        else:
            col = col.fillna("").astype("str")
        df[spec.name] = col
    extra = ["written"] if "written" in df else []
    if extra:
        df["written"] = df["written"].astype("int64")
    return df[["id", "at", "day", "hour", *(s.name for s in specs), *extra]]


def read_frame(conn: Any, sql: str) -> pd.DataFrame:
    """Return the rows of ``sql`` as a DataFrame (not yet typed; see :func:`typed_frame`).

    ``pd.read_sql`` warns on a connection that isn't sqlite3's (SQLCipher's, for a
    locked journal), so those rows are read through the cursor instead.
    """
    import sqlite3

    import pandas as pd

    if isinstance(conn, sqlite3.Connection):
        return pd.read_sql(sql, conn)
    cur = conn.execute(sql)
    return pd.DataFrame.from_records(cur.fetchall(), coerce_float=True,
                                     columns=[d[0] for d in cur.description])
