"""Full-text matching for a Service queryset, on SQLite FTS5 or PostgreSQL.

Joins the index table with `QuerySet.extra` because Django has no portable way to join a virtual
FTS5 table; every value reaches the engine as a bound parameter, and query words are `\\w` only.
"""

from django.db import connection
from django.db.models import QuerySet

from solidarity.directory.models import Service
from solidarity.directory.search.index import KEYS, TABLE
from solidarity.directory.search.synonyms import word_tags

MIN_WORD = 2
# Shorter words match only themselves: as prefixes ("de*", "la*") they would match most of the
# index, and cost most of a search.
MIN_PREFIX = 3


def usable(words: list[str]) -> list[str]:
    return [word for word in words if len(word) >= MIN_WORD]


def fts5_query(words: list[str], tags: list[str]) -> str:
    """Every word must match, each as a prefix ("dentist" finds "dentiste", "dentistas") or as
    the tag of a category or attribute with such a word (search.synonyms), and every filter tag
    exactly."""

    def either(word: str) -> str:
        options = [f'"{word}"{prefix(word, "*")}', *(f'"{t}"' for t in expansions(word))]
        return options[0] if len(options) == 1 else f"({' OR '.join(options)})"

    return " AND ".join([*(either(word) for word in words), *(f'"{t}"' for t in tags)])


def tsquery(words: list[str], tags: list[str]) -> str:
    def either(word: str) -> str:
        options = [f"{word}{prefix(word, ':*')}", *expansions(word)]
        return options[0] if len(options) == 1 else f"({' | '.join(options)})"

    return " & ".join([*(either(word) for word in words), *tags])


def prefix(word: str, marker: str) -> str:
    return marker if len(word) >= MIN_PREFIX else ""


def expansions(word: str) -> list[str]:
    return word_tags(word, prefix=len(word) >= MIN_PREFIX)


def matching(
    services: QuerySet[Service],
    words: list[str],
    tags: list[str] = (),  # type: ignore[assignment]
    *,
    ranked: bool = True,
) -> QuerySet[Service]:
    """Services whose index row matches every word and tag, annotated with `relevance`
    (higher first). With neither usable words nor tags, nothing matches. `ranked=False` leaves
    the relevance out: ranking costs each match a few microseconds (bm25, ts_rank), more than
    finding it, and a search ordered otherwise does not need it."""
    words = usable(words)
    if not words and not tags:
        none = services.none()
        return none.extra(select={"relevance": "0"}) if ranked else none
    if connection.vendor == "sqlite":
        # Through the rowid → service table: reading `service_id` from the FTS5 table would read
        # each match's whole document.
        join = [f"{KEYS}.rowid = {TABLE}.rowid", f"{KEYS}.service_id = directory_service.id"]
        return services.extra(  # noqa: S610 - constant SQL, values bound as parameters
            tables=[TABLE, KEYS],
            where=[*join, f"{TABLE} MATCH %s"],
            params=[fts5_query(words, list(tags))],
            select={"relevance": f"-{TABLE}.rank"} if ranked else {},
        )
    # PostgreSQL: the matching ids as a set that the GIN index answers (a semi-join), and the
    # rank only for the services that pass every filter. Joined row by row instead, the planner
    # (which cannot estimate the public filter) probed the index for every public service:
    # 560 ms for "dentiste" at 60,000 services.
    query = tsquery(words, list(tags))
    # OFFSET 0 keeps the planner from pulling the subquery up into a join.
    matches = f"SELECT service_id FROM {TABLE} WHERE vector @@ to_tsquery('simple', %s) OFFSET 0"  # noqa: S608
    rank = (
        f"SELECT ts_rank(vector, to_tsquery('simple', %s)) FROM {TABLE} "  # noqa: S608
        f"WHERE {TABLE}.service_id = directory_service.id"
    )
    if not ranked:
        return services.extra(  # noqa: S610 - constant SQL, values bound as parameters
            where=[f"directory_service.id IN ({matches})"], params=[query]
        )
    return services.extra(  # noqa: S610 - constant SQL, values bound as parameters
        where=[f"directory_service.id IN ({matches})"],
        params=[query],
        select={"relevance": f"({rank})"},
        select_params=[query],
    )


def matched_keys(words: list[str], tags: list[str]) -> set[int]:
    """SQLite: the FTS5 rowids (`index.fts_rowid` of the service's id) of every service
    matching the words and tags. Listing them is the cheapest question the index answers: no
    rank, no join. (PostgreSQL reads a match's rows from a wide table; `selectors` asks it about
    each candidate instead.)"""
    assert connection.vendor == "sqlite"
    words = usable(words)
    if not words and not tags:
        return set()
    with connection.cursor() as cursor:
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608
        cursor.execute(sql, [fts5_query(words, tags)])
        return {row[0] for row in cursor.fetchall()}


def keys_of(service_ids: list[str]) -> list[int]:
    """SQLite: `index.fts_rowid` of services, from the 32 hex digits of their stored ids."""
    return [int(service_id[:16], 16) >> 1 for service_id in service_ids]


def at_most(words: list[str], tags: list[str], count: int) -> bool:
    """Whether at most `count` index rows match: the index is read up to the row after that
    (unranked, unjoined), so a search with many matches costs its first thousand, not all."""
    words = usable(words)
    if not words and not tags:
        return True
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            sql = f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s LIMIT %s)"  # noqa: S608
            cursor.execute(sql, [fts5_query(words, tags), count + 1])
        else:
            sql = (
                f"SELECT count(*) FROM (SELECT 1 FROM {TABLE}"  # noqa: S608
                " WHERE vector @@ to_tsquery('simple', %s) LIMIT %s) AS found"
            )
            cursor.execute(sql, [tsquery(words, tags), count + 1])
        return cursor.fetchone()[0] <= count
