"""Category and attribute words, in every language, matched at query time.

A service's index row carries the tags of its categories and attributes ("zzcatdental"), not
their names and synonyms in four languages: those made 62 % of every document (measured on the
60,000 demo services), and writing, storing and matching them again for every listing cost more
than the listing's own text. Instead, a query word that begins one of a term's words also
matches the term's tag: "dentist", "dentiste", "dentista" and "أسنان" all find `zzcatdental`.
A parent's tag is on its children's listings (search.index.term_tags), so "health" finds dental
care too. A renamed term or a new synonym is searchable without re-indexing.
"""

from collections.abc import Iterable

from django.core.cache import cache

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


def read_vocabulary() -> list[tuple[str, str]]:
    """(folded word, tag) pairs of every taxonomy term, sorted by word."""
    from django.conf import settings

    from solidarity.directory.search.index import own_tag

    languages = [code for code, _name in settings.LANGUAGES]
    pairs: set[tuple[str, str]] = set()
    for term in TaxonomyTerm.objects.select_related("taxonomy"):
        tag = own_tag(term)
        pairs.update((word, tag) for word in term_words(term, languages))
    return sorted(pairs)


def vocabulary() -> list[tuple[str, str]]:
    found = cache.get_or_set("directory:term-vocabulary", read_vocabulary, VOCABULARY_TIMEOUT)
    return list(found or [])


def word_tags(word: str, *, prefix: bool) -> list[str]:
    """Tags of the terms with a word that is `word` (or begins with it, for a prefix)."""
    found = {
        tag
        for term_word, tag in vocabulary()
        if term_word == word or (prefix and term_word.startswith(word))
    }
    return sorted(found)
