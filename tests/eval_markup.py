"""Read our annotated documents (tests/eval/*.ann.txt) and score a redaction of them.

A gold span is caught when none of its words (two characters or more; single letters only when
the span has nothing longer) survives unchanged in the output, aligned token by token.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

MARKUP = re.compile(r"\[\[([A-Z]+)(?:/([a-z_]+))?\|(.+?)\]\]", re.DOTALL)
TOKEN = re.compile(r"\w+|[^\w\s]")
NEUTRAL = {"SCHOOL", "PLACE"}
EVAL_DIR = Path(__file__).parent / "eval"


@dataclass(frozen=True)
class Span:
    label: str
    group: str | None
    start: int
    end: int


def parse(annotated: str) -> tuple[str, list[Span]]:
    plain: list[str] = []
    spans: list[Span] = []
    position = 0
    length = 0
    for m in MARKUP.finditer(annotated):
        before = annotated[position : m.start()]
        plain.append(before)
        length += len(before)
        surface = m.group(3)
        spans.append(Span(m.group(1), m.group(2), length, length + len(surface)))
        plain.append(surface)
        length += len(surface)
        position = m.end()
    plain.append(annotated[position:])
    return "".join(plain), spans


@dataclass
class Score:
    caught: dict[str, list[int]]  # label -> [caught, total]
    groups: dict[str, list[int]]
    over: list[int]  # [changed words outside spans, all words outside spans]

    def recall(self, label: str) -> float:
        caught, total = self.caught[label]
        return caught / total

    def group_recall(self, group: str) -> float:
        caught, total = self.groups[group]
        return caught / total

    @property
    def over_redaction(self) -> float:
        return self.over[0] / max(self.over[1], 1)


def score(documents: list[tuple[str, list[Span], str]]) -> Score:
    result = Score(defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0]), [0, 0])
    for plain, spans, redacted in documents:
        source = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(plain)]
        target = [m.group() for m in TOKEN.finditer(redacted)]
        kept = [False] * len(source)
        matcher = difflib.SequenceMatcher(None, [t for t, _, _ in source], target, autojunk=False)
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if tag == "equal":
                for i in range(i1, i2):
                    kept[i] = True
        covered = [False] * len(source)
        for span in spans:
            inside = [i for i, (_, a, b) in enumerate(source) if a < span.end and b > span.start]
            for i in inside:
                covered[i] = True
            if span.label in NEUTRAL:
                continue
            words = [i for i in inside if source[i][0].isalnum() or source[i][0].isalpha()]
            significant = [i for i in words if len(source[i][0]) >= 2] or words
            caught = not any(kept[i] for i in significant)
            result.caught[span.label][0] += caught
            result.caught[span.label][1] += 1
            if span.label in ("CHILD", "ADULT"):
                group = span.group or "other"
                result.groups[group][0] += caught
                result.groups[group][1] += 1
        for i, (token, _, _) in enumerate(source):
            if not covered[i] and re.fullmatch(r"\w+", token):
                result.over[1] += 1
                result.over[0] += not kept[i]
    return result


def load() -> list[tuple[str, str, list[Span]]]:
    return [
        (path.name, *parse(path.read_text(encoding="utf-8")))
        for path in sorted(EVAL_DIR.glob("*.ann.txt"))
    ]
