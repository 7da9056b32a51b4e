"""Text folding shared by the index and the queries, so both engines compare the same words:
lower case, no accents, Arabic diacritics removed and letter variants unified."""

import functools
import re
import unicodedata

ARABIC_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})  # noqa: RUF001
WORD = re.compile(r"\w+")
MAX_QUERY_WORDS = 8


# Combining marks (Latin accents, Arabic harakat and hamza marks) and the Arabic tatweel.
MARKS = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return MARKS.sub("", decomposed).translate(ARABIC_VARIANTS)


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


ARTICLE = "ال"


def without_article(word: str) -> str:
    return word[2:] if word.startswith(ARTICLE) and len(word) > 4 else word


def document_text(text: str) -> str:
    """Folded text for the index, plus Arabic words without their article, so that
    "اللغة" and "لغة" find each other."""
    folded = fold(text)
    bare = [without_article(w) for w in WORD.findall(folded) if w.startswith(ARTICLE)]
    return " ".join([folded, *bare]) if bare else folded


def light_stem(word: str) -> str:
    """Plurals match their singular as a prefix: "dentistes" searches "dentiste*"."""
    word = without_article(word)
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


# Small words of the UI languages, folded, that say nothing about a service: left out of a
# query ("cours de français" searches "cours" and "francais"), because every listing has them
# and matching them cost most of a search. A query of nothing else keeps them.
ENGLISH_STOPWORDS = "a an and at for i in me my near of on or the to with"
FRENCH_STOPWORDS = "au aux d de des du en et l la le les ou pour pres un une"
SPANISH_STOPWORDS = "al con del el las los para por y"
ARABIC_STOPWORDS = "في من على الي عن مع و"
STOPWORDS = frozenset(
    " ".join([ENGLISH_STOPWORDS, FRENCH_STOPWORDS, SPANISH_STOPWORDS, ARABIC_STOPWORDS]).split()
)


def query_words(query: str) -> list[str]:
    """The words of a visitor's query, folded, at most MAX_QUERY_WORDS, without duplicates or
    stop words. Only `\\w` characters survive, so nothing in the result is engine syntax."""
    seen: list[str] = []
    for word in words(query.replace("_", " ")):
        word = light_stem(word)
        if word not in seen:
            seen.append(word)
    meaningful = [word for word in seen if word not in STOPWORDS]
    return (meaningful or seen)[:MAX_QUERY_WORDS]
