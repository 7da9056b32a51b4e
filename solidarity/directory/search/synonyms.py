"""Category and attribute words, in every language, matched at query time.

A service's index row carries the tags of its categories and attributes ("zzcatdental"), not
their names and synonyms in four languages: those made 62 % of every document (measured on the
60,000 demo services), and writing, storing and matching them again for every listing cost more
than the listing's own text. Instead, a query word that begins one of a term's words also
matches the term's tag: "dentist", "dentiste", "dentista" and "أسنان" all find `zzcatdental`.
A parent's tag is on its children's listings (search.index.term_tags), so "health" finds dental
care too. A renamed term or a new synonym is searchable without re-indexing.
"""

import bisect
import dataclasses
import time
from collections.abc import Iterable

from solidarity.directory.models import TaxonomyTerm
from solidarity.directory.search.text import document_text

VOCABULARY_TIMEOUT = 300
TERM_FIELDS = ("name", "synonyms")


def term_words(term: TaxonomyTerm, languages: Iterable[str]) -> set[str]:
    parts = [
        value
        for field in TERM_FIELDS
        for code in languages
        if (value := getattr(term, f"{field}_{code}", None))
    ]
    return set(document_text(" ".join(parts).replace(",", " ")).split())


@dataclasses.dataclass(frozen=True)
class Vocabulary:
    loaded: float
    words: list[str]
    tags: list[str]
    # A category's tag -> its parent's tag: every listing with the child's tag has the parent's.
    parents: dict[str, str] = dataclasses.field(default_factory=dict)


def read_vocabulary() -> Vocabulary:
    """Every taxonomy term's folded words, sorted, with the term's tag."""
    from django.conf import settings

    from solidarity.directory.search.index import own_tag

    languages = [code for code, _name in settings.LANGUAGES]
    pairs: set[tuple[str, str]] = set()
    parents = {}
    for term in TaxonomyTerm.objects.select_related("taxonomy", "parent__taxonomy"):
        tag = own_tag(term)
        pairs.update((word, tag) for word in term_words(term, languages))
        if term.parent is not None and tag.startswith("zzcat"):
            parents[tag] = own_tag(term.parent)
    ordered = sorted(pairs)
    return Vocabulary(
        loaded=time.monotonic(),
        words=[word for word, _tag in ordered],
        tags=[tag for _word, tag in ordered],
        parents=parents,
    )


_current: Vocabulary | None = None


def vocabulary() -> Vocabulary:
    """Held in each process for VOCABULARY_TIMEOUT seconds: read from a shared cache it cost
    more than the search (a pickled list of a few thousand words per query word)."""
    global _current
    if _current is None or time.monotonic() - _current.loaded > VOCABULARY_TIMEOUT:
        _current = read_vocabulary()
    return _current


def forget() -> None:
    """The next search reads the terms again (tests; after editing the taxonomy)."""
    global _current
    _current = None


def word_tags(word: str, *, prefix: bool) -> list[str]:
    """Tags of the terms with a word that is `word` (or begins with it, for a prefix). A
    category whose parent is also found is left out: the parent's tag is on all its listings
    (search.index.term_tags), so it finds nothing more, and each alternative costs the engines
    a posting list to merge and a phrase to rank ("shelter": the shelter category and its three
    kinds -> the shelter category alone, 17 -> 14 ms to list the matches on SQLite)."""
    known = vocabulary()
    found = set()
    for index in range(bisect.bisect_left(known.words, word), len(known.words)):
        candidate = known.words[index]
        if candidate != word and not (prefix and candidate.startswith(word)):
            break
        found.add(known.tags[index])
    return sorted(tag for tag in found if known.parents.get(tag) not in found)
