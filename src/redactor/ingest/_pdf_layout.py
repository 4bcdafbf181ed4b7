"""Reading order for one PDF page: characters -> words -> rows -> blocks.

A page is cut recursively (an XY-cut): first at a column gutter when both sides read as prose (two
columns are read left column first), else at the widest horizontal gap; a region whose words line
up in columns but is not prose (a form, an unruled table) is read row by row. Ruled tables found
by pdfplumber are read row by row, cell by cell, and slotted into the order above the first block
below them. A table cell is a block of its own; the cells of a row share a group, so detection
sees them as one row without running a name from one cell into the next.

Each block becomes one segment. Its text keeps, for every character, the page characters it came
from, so a finding maps back to exact boxes. Lines of a block are joined with a space where the
layout wrapped them (a name wrapped over two lines is still one name to detection), with a newline
where the line was broken on purpose; a word hyphen-broken at a line end is joined again, its
hyphen's box going with the letter before it.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Block", "Glyph", "TableGrid", "layout_page"]

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

_HYPHENS = frozenset("-\u2010\u00ad")


@dataclass(frozen=True)
class Glyph:
    """What the layout needs of one page character."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    upright: bool = True

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Word:
    # each unit is one text character's worth of glyphs: usually one, two for a glyph drawn twice
    # (fake bold) whose copies must both be covered
    units: list[list[int]]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class TableGrid:
    """A ruled table: its box and, row by row, the box of each cell (None for a merged cell)."""

    bbox: Box
    rows: list[list[Box | None]]


@dataclass
class Block:
    """One segment's worth of text: `units[i]` are the glyph indices of `text[i]` (empty for a
    space or tab the layout put in). `lines` are the block's lines, as words of glyph indices,
    for the writer's text layer."""

    text: str
    units: list[tuple[int, ...]]
    lines: list[list[list[int]]] = field(default_factory=list)
    kind: str = "text"  # "text" | "table"
    bbox: Box = (0.0, 0.0, 0.0, 0.0)
    group: str | None = None  # the cells of one table row share a group
    cell: tuple[str, int, int] | None = None  # (table, row, column) of a table cell


# -- words --------------------------------------------------------------------------------------


def _rows_of(items: Sequence[_Word]) -> list[list[_Word]]:
    """Cluster words into rows by vertical centre, each row sorted left to right."""
    rows: list[list[_Word]] = []
    total = 0.0  # sum of the centres of the last row's words: its mean is the row's centre
    for item in sorted(items, key=lambda w: (w.center_y, w.x0)):
        center = item.center_y
        if rows and abs(center - total / len(rows[-1])) <= 0.4 * max(item.size, rows[-1][0].size):
            rows[-1].append(item)
            total += center
        else:
            rows.append([item])
            total = center
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _words(glyphs: Sequence[Glyph], indices: Sequence[int]) -> list[_Word]:
    """Group upright glyphs into words: rows by vertical centre, split at spaces and gaps."""
    singles = [
        _Word([[i]], g.x0, g.top, g.x1, g.bottom, g.size) for i in indices if (g := glyphs[i]).text
    ]
    words: list[_Word] = []
    for row in _rows_of(singles):
        current: _Word | None = None
        for item in row:
            index = item.units[0][0]
            glyph = glyphs[index]
            if glyph.text.isspace():
                if current is not None:
                    words.append(current)
                current = None
                continue
            if current is not None:
                last = glyphs[current.units[-1][0]]
                if (
                    glyph.text == last.text
                    and abs(glyph.x0 - last.x0) < 0.1 * glyph.size
                    and abs(glyph.top - last.top) < 0.1 * glyph.size
                ):
                    current.units[-1].append(index)  # the same glyph drawn twice (fake bold)
                    current.x1 = max(current.x1, glyph.x1)
                    continue
                if glyph.x0 - last.x1 <= 0.2 * max(glyph.size, last.size):
                    current.units.append([index])
                    current.x1 = max(current.x1, glyph.x1)
                    current.top = min(current.top, glyph.top)
                    current.bottom = max(current.bottom, glyph.bottom)
                    continue
                words.append(current)
            current = _Word([[index]], glyph.x0, glyph.top, glyph.x1, glyph.bottom, glyph.size)
        if current is not None:
            words.append(current)
    return words


# -- text building ------------------------------------------------------------------------------


class _Text:
    """Builds a block's text and its character -> glyphs map together."""

    def __init__(self, glyphs: Sequence[Glyph]) -> None:
        self.glyphs = glyphs
        self.chars: list[str] = []
        self.units: list[tuple[int, ...]] = []

    def sep(self, value: str) -> None:
        if self.chars and self.chars[-1] not in " \t\n":
            self.chars.append(value)
            self.units.append(())

    def word(self, word: _Word) -> None:
        for unit in word.units:
            text = self.glyphs[unit[0]].text
            if text.startswith("(cid:"):
                text = "\ufffd"  # a glyph with no Unicode value (the reader counts them)
            for ch in text:
                self.chars.append(ch)
                self.units.append(tuple(unit))

    def line(self, words: list[_Word]) -> None:
        previous: _Word | None = None
        for w in words:
            if previous is not None:
                self.sep("\t" if w.x0 - previous.x1 > 2 * max(w.size, previous.size) else " ")
            self.word(w)
            previous = w

    def join_lines(
        self, lines: list[list[_Word]], column: tuple[float, float] | None = None
    ) -> None:
        """Lines wrapped by the layout join with a space (a name wrapped over two lines is one
        name); lines broken on purpose (an address, a signature) join with a newline, which
        keeps "Headteacher" from running into the name above. A break is on purpose when the next
        line's first word would have fitted at the end of the line: `column` gives the (left,
        right) of the space the lines are set in (default: their own extent)."""
        right = column[1] if column else max((w.x1 for ln in lines for w in ln), default=0.0)
        for number, words in enumerate(lines):
            if number and words and not self._hyphen_join(words[0]):
                previous = lines[number - 1]
                first = words[0]
                room = right - previous[-1].x1 if previous else 0.0
                fits = room > (first.x1 - first.x0) + 0.3 * first.size + 1.0
                self.sep("\n" if fits else " ")
            self.line(words)

    def _hyphen_join(self, next_word: _Word) -> bool:
        """'Lewan-' + 'dowski': drop the hyphen from the text, keep its box with the 'n'."""
        if len(self.chars) < 2 or self.chars[-1] not in _HYPHENS or not self.chars[-2].isalpha():
            return False
        first = self.glyphs[next_word.units[0][0]].text[:1]
        if first.isalpha() and first.isupper():
            return True  # "Pemberton-" + "Quayle": a double name, the hyphen stays
        if not (first.isalpha() and first.islower()):
            return False
        hyphen_units = self.units.pop()
        self.chars.pop()
        self.units[-1] = self.units[-1] + hyphen_units
        return True

    def block(
        self,
        lines: list[list[_Word]],
        kind: str = "text",
        group: str | None = None,
        cell: tuple[str, int, int] | None = None,
    ) -> Block:
        words = [w for line in lines for w in line]
        bbox = (
            min(w.x0 for w in words),
            min(w.top for w in words),
            max(w.x1 for w in words),
            max(w.bottom for w in words),
        )
        text_lines = [[[i for unit in w.units for i in unit] for w in line] for line in lines]
        return Block("".join(self.chars), list(self.units), text_lines, kind, bbox, group, cell)


# -- XY-cut -------------------------------------------------------------------------------------


def _median_size(words: Sequence[_Word]) -> float:
    return statistics.median(w.size for w in words) if words else 10.0


def _widest_x_gap(words: Sequence[_Word]) -> tuple[float, float] | None:
    """The widest vertical strip between words that no word crosses."""
    spans = sorted((w.x0, w.x1) for w in words)
    best: tuple[float, float] | None = None
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > reach and (best is None or x0 - reach > best[1] - best[0]):
            best = (reach, x0)
        reach = max(reach, x1)
    return best


def _is_prose(words: Sequence[_Word]) -> bool:
    rows = _rows_of(words)
    counts = [len(r) for r in rows]
    if len(rows) == 1:
        return counts[0] >= 5
    return statistics.median(counts) >= 3.5


def _row_gaps(rows: list[list[_Word]]) -> list[float]:
    """The white space between each row and the next."""
    return [
        min(w.top for w in rows[i]) - max(w.bottom for w in rows[i - 1])
        for i in range(1, len(rows))
    ]


def _usual_gap(rows: list[list[_Word]]) -> float:
    """The line spacing of a region (double-spaced text has wide gaps that are not breaks)."""
    gaps = [g for g in _row_gaps(rows) if g > 0]
    return statistics.median(gaps) if gaps else 0.0


def _paragraphs(words: Sequence[_Word]) -> list[list[list[_Word]]]:
    """Rows of a one-column region grouped into paragraphs at gaps and size changes."""
    paragraphs: list[list[list[_Word]]] = []
    previous: list[_Word] | None = None
    rows = _rows_of(words)
    usual = _usual_gap(rows)
    for row in rows:
        size = _median_size(row)
        if previous is not None:
            prev_size = _median_size(previous)
            gap = min(w.top for w in row) - max(w.bottom for w in previous)
            limit = max(0.5 * max(size, prev_size), 1.6 * usual)
            same = gap <= limit and abs(size - prev_size) <= 0.25 * prev_size
            if same:
                paragraphs[-1].append(row)
                previous = row
                continue
        paragraphs.append([row])
        previous = row
    return paragraphs


def _cells(row: list[_Word]) -> list[list[_Word]]:
    """A row's words split where they are apart by more than twice their size."""
    cells: list[list[_Word]] = [[]]
    for w in row:
        if cells[-1] and w.x0 - cells[-1][-1].x1 > 2 * max(w.size, cells[-1][-1].size):
            cells.append([])
        cells[-1].append(w)
    return cells


def _extent(words: Sequence[_Word]) -> tuple[float, float]:
    return min(w.x0 for w in words), max(w.x1 for w in words)


def _cut(
    words: list[_Word],
    glyphs: Sequence[Glyph],
    out: list[Block],
    column: tuple[float, float] | None = None,
) -> None:
    """Blocks of `words` in reading order, appended to `out`. `column` is the left and right
    edge of the column the words are in (kept through horizontal cuts)."""
    if not words:
        return
    column = column or _extent(words)
    size = _median_size(words)
    rows = _rows_of(words)
    gap = _widest_x_gap(words) if len(rows) > 1 else None
    if gap is not None and gap[1] - gap[0] >= max(1.5 * size, 9.0):
        left = [w for w in words if w.x1 <= gap[0] + 0.01]
        right = [w for w in words if w.x0 >= gap[1] - 0.01]
        if _is_prose(left) and _is_prose(right):
            _cut(left, glyphs, out, _extent(left))
            _cut(right, glyphs, out, _extent(right))
            return
    # horizontal cut at the widest gap between rows, when wider than paragraph spacing
    if len(rows) > 1:
        best_gap, best_at = 0.0, 0
        for i, between in enumerate(_row_gaps(rows), start=1):
            if between > best_gap:
                best_gap, best_at = between, i
        if best_gap > max(0.8 * size, 1.6 * _usual_gap(rows)):
            upper = {id(w) for row in rows[:best_at] for w in row}
            _cut([w for w in words if id(w) in upper], glyphs, out, column)
            _cut([w for w in words if id(w) not in upper], glyphs, out, column)
            return
    wide = gap is not None and gap[1] - gap[0] >= max(1.5 * size, 9.0)
    if wide or (len(rows) == 1 and _cells(rows[0]) and len(_cells(rows[0])) > 1):
        # aligned columns that are not prose (a form, an unruled table) or a lone row with wide
        # gaps: row by row, one block per cell, the cells of a row grouped
        for row in rows:
            group = f"row{len(out)}"
            for position, cell in enumerate(_cells(row)):
                text = _Text(glyphs)
                text.line(cell)
                out.append(text.block([cell], "table", group, (group, 0, position)))
        return
    for paragraph in _paragraphs(words):
        text = _Text(glyphs)
        text.join_lines(paragraph, column)
        out.append(text.block(paragraph))


# -- tables -------------------------------------------------------------------------------------


def _inside(word: _Word, box: Box) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, word.center_y
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _table_blocks(
    table: TableGrid, number: int, words: list[_Word], glyphs: Sequence[Glyph]
) -> tuple[list[Block], list[_Word]]:
    """One block per table cell, row by row, the cells of a row grouped; words in no cell are
    handed back."""
    blocks = []
    used: set[int] = set()
    for row_number, row in enumerate(table.rows):
        for column, cell in enumerate(row):
            if cell is None:
                continue
            cell_words = [w for w in words if id(w) not in used and _inside(w, cell)]
            if not cell_words:
                continue
            used.update(id(w) for w in cell_words)
            lines = _rows_of(cell_words)
            text = _Text(glyphs)
            text.join_lines(lines, (cell[0], cell[2]))
            group = f"t{number}r{row_number}"
            blocks.append(text.block(lines, "table", group, (f"t{number}", row_number, column)))
    return blocks, [w for w in words if id(w) not in used]


# -- page ---------------------------------------------------------------------------------------


def layout_page(glyphs: Sequence[Glyph], tables: Sequence[TableGrid] = ()) -> list[Block]:
    """The page's text as blocks in reading order. Every non-space glyph lands in one block."""
    upright = [i for i, g in enumerate(glyphs) if g.upright]
    words = _words(glyphs, upright)

    table_blocks: list[tuple[TableGrid, list[Block]]] = []
    for number, table in enumerate(tables):
        mine = [w for w in words if _inside(w, table.bbox)]
        if not mine:
            continue
        blocks, leftover = _table_blocks(table, number, mine, glyphs)
        taken = {id(w) for w in mine} - {id(w) for w in leftover}
        words = [w for w in words if id(w) not in taken]
        table_blocks.append((table, blocks))

    flow: list[Block] = []
    _cut(words, glyphs, flow)

    # slot each table in before the first block that starts below it and overlaps it sideways
    for table, blocks in table_blocks:
        x0, top, x1, _ = table.bbox
        at = next(
            (
                i
                for i, b in enumerate(flow)
                if b.bbox[1] >= top and b.bbox[0] < x1 and b.bbox[2] > x0
            ),
            len(flow),
        )
        flow[at:at] = blocks

    # rotated text: in drawing order, one block, words split at spaces; it has no text-layer
    # lines (the writer covers its boxes but does not re-type it)
    rotated = [i for i, g in enumerate(glyphs) if not g.upright and g.text]
    if rotated:
        text = _Text(glyphs)
        for i in rotated:
            if glyphs[i].text.isspace():
                text.sep(" ")
            else:
                text.word(_Word([[i]], 0, 0, 0, 0, glyphs[i].size))
        if text.chars:
            bbox = (
                min(glyphs[i].x0 for i in rotated),
                min(glyphs[i].top for i in rotated),
                max(glyphs[i].x1 for i in rotated),
                max(glyphs[i].bottom for i in rotated),
            )
            flow.append(Block("".join(text.chars), list(text.units), [], "text", bbox))
    return [b for b in flow if b.text.strip()]
