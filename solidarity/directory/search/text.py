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


def query_words(query: str) -> list[str]:
    """The words of a visitor's query, folded, at most MAX_QUERY_WORDS, without duplicates.
    Only `\\w` characters survive, so nothing in the result is engine syntax."""
    seen: list[str] = []
    for word in words(query.replace("_", " ")):
        word = light_stem(word)
        if word not in seen:
            seen.append(word)
    return seen[:MAX_QUERY_WORDS]
