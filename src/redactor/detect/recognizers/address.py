"""Street addresses, including the ones that are not textbook.

What is reported, most certain first:

- a house number and a street ("22 Oak Court", "12a Mill Rd", "3-5 Upper Bond Street"), with an
  optional flat (or hostel room) and building in front ("Flat 3, 22 Oak Court", "Flat 9,
  Brookfield House, 3 ...") and an optional second street after ("9 Lilac Court, Butt Lane");
- a flat in a named building ("Flat 2B Mill House") and a house name with its street
  ("Rose Cottage, Mill Road");
- Traveller site pitches ("Pitch 6, Meadow Lane site", "plot 4 at the Oakfield site"), and a
  bare "pitch 7" when the text around it talks about a site or caravans (not football);
- a street or house name on its own ("Wren Close", "Ivy Cottage") only when residence context
  comes shortly before it, ending in a place word ("lives with nan on", "moved to", "address:",
  "at home on"; "lives with Mark Green" is a person), or a postcode follows it; without either
  it scores below the reporting threshold ("the taxi firm on Rugby Road");
- lower-case typing ("lives at 4 wren close") only after residence context.

A postal block (street line, town line(s), postcode) becomes one span when a postcode closes it.
A street followed by "Primary", "School", "Surgery" ... names an institution, not a home, and
scores low. Capitals carry most of the precision: street and building names are Title Case or
ALL CAPS words, and a number after "Year", "Room", "Page" ... is not a house number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from redactor.detect.recognizers._patterns import (
    POSTCODE_CORE,
    POSTCODE_OUTWARD,
    UKRecognizer,
    folded,
)

__all__ = ["UKAddressRecognizer", "street_names"]


def _words(text: str) -> list[str]:
    return text.split()


_STREET_TYPES = _words(
    "Road Rd Street St Avenue Ave Close Cl Court Ct Crescent Cres Drive Dr Lane Ln Way Gardens "
    "Gdns Grove Place Pl Terrace Tce Walk View Rise Row Mews Park Square Sq Hill Green Parade "
    "Vale Meadow Meadows Croft Fields Chase Gate Gardens Boulevard Approach Drove End Wharf Yard "
    "Quay Brow Bank Hollow Heights Circle Circus Wynd Garth Fold Dale Nook Paddock Orchard Glade "
    "Copse Spinney Mount Ridge Lea Leys Oval Embankment Promenade Esplanade Grange Gr Wood Side "
    "Avenue"
)
# Abbreviations and short common words too ambiguous to stand as a street without a number
# ("Dr Patel", "St Mary's").
_ABBREVIATED = {"Rd", "St", "Ave", "Cl", "Ct", "Cres", "Dr", "Ln", "Gdns", "Pl", "Tce", "Sq", "Gr"}
_BUILDING_TYPES = _words(
    "House Cottage Cottages Farm Farmhouse Lodge Barn Villa Villas Bungalow Manor Grange Court "
    "Mansions Tower Towers Heights Buildings Apartments Flats Mill Chambers Point Rectory "
    "Vicarage Stables Granary Forge Hotel Hostel"
)
# The building types that name a home on their own ("lives at Ivy Cottage").
_HOUSE_TYPES = _words(
    "House Cottage Farm Farmhouse Lodge Barn Bungalow Manor Grange Rectory Vicarage Stables "
    "Granary Forge"
)
_INSTITUTIONS = _words(
    "Primary School Academy Nursery College Infants Infant Juniors Junior Surgery Medical Health "
    "Centre Center Clinic Hospital Practice Church Chapel Mosque Temple Gurdwara Synagogue Library "
    "Leisure Sports Station Pharmacy Police Community Baptist Methodist Mission Campus Stadium "
    "Depot Garage Retail Industrial Business Trading Estate Shops Shop Post Office Pre-school "
    "Preschool Children's Family Hub High Secondary Free Studio Studios"
)
# Capitalised words that start sentences or labels, not street or house names.
_NOT_NAMES = frozenset(
    _words(
        "A An In On At To From Of And Or With For By Near Behind Opposite Off Via Visit "
        "Visited Home Address Lives Living Lived Moved Moving Stays Staying Mum Dad Nan Nanny "
        "Grandad Aunt Uncle Carer Child Dear Mr Mrs Ms Miss Mx Dr Then Now She He They We It Our "
        "Her His Their Also Tel Email Contact Current Previous Postal Correspondence Family"
    )
)


def _alternation(words: list[str] | set[str] | frozenset[str], upper: bool = False) -> str:
    items = sorted({w.upper() if upper else w for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in items) + ")"


_SP = r"[ \u00a0]+"
# between address parts: a comma and/or a line break, or just a space
_PART_SEP = r"(?:[ \t\u00a0]*,[ \t\u00a0]*\n?[ \t\u00a0]*|[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]+)"
_COMMA_SEP = r"(?:[ \t\u00a0]*,[ \t\u00a0]*\n?[ \t\u00a0]*|[ \t\u00a0]*\n[ \t\u00a0]*)"
_NUM = r"\d{1,4}[A-Za-z]?(?:[ \u00a0]?[-–][ \u00a0]?\d{1,4}[A-Za-z]?)?"
_FLAT_WORDS = r"Flat|FLAT|Apartment|APARTMENT|Apt\.?|APT\.?|Unit|UNIT|Maisonette"
_FLAT_NUMBER = _SP + r"(?:\d{1,4}[A-Za-z]?|[A-Z](?![\w'’]))"
_FLAT = rf"(?:{_FLAT_WORDS}){_FLAT_NUMBER}"
# A room (hostel, hotel, shared house) only in front of a numbered street: "Room 4, Kestrel
# House" alone is as likely a school building.
_FLAT_OR_ROOM = (
    rf"(?:(?:{_FLAT_WORDS}|Room|ROOM){_FLAT_NUMBER}"
    # "Top Flat, 3 Brunswick Street", "Ground Floor Flat, 12 ..."
    r"|(?:Top|Ground|First|Second|Third|Basement|Upper|Lower)(?:[ \u00a0]Floor)?[ \u00a0]Flat)"
)
_TITLE_WORD = r"(?:St\.?|[A-Z][a-z]+(?:['’]s)?(?:-[A-Za-z][a-z]+)*|O['’][A-Z][a-z]+)"
_UPPER_WORD = r"(?:ST\.?|[A-Z][A-Z]+(?:['’]S)?(?:-[A-Z]+)*)"
_END = r"(?![\w\-]|['’](?!s\b)\w)"  # a possessive 's stays outside the span


def _address_regex(word: str, upper: bool) -> re.Pattern[str]:
    street = rf"(?P<name>(?:{word}{_SP}){{1,3}}){_alternation(_STREET_TYPES, upper)}{_END}"
    street2 = rf"(?:{word}{_SP}){{1,3}}{_alternation(_STREET_TYPES, upper)}{_END}"
    building = rf"(?:{word}{_SP}){{1,2}}{_alternation(_BUILDING_TYPES, upper)}{_END}"
    # after a flat number any name will do for the building ("Flat 5, The Maltings, 2 ...")
    flat_building_name = rf"(?:{word}{_SP}){{0,2}}{word}{_COMMA_SEP}"
    numbered = (
        rf"(?P<flat1>{_FLAT_OR_ROOM}{_PART_SEP}(?:{flat_building_name})?)?(?P<bld1>{building}{_COMMA_SEP})?"
        rf"(?P<num>{_NUM}),?{_SP}{street}(?:{_COMMA_SEP}{street2})?"
    )
    flat_building = (
        rf"(?P<flat2>{_FLAT}){_PART_SEP}{building}"
        rf"(?:{_COMMA_SEP}(?:{_NUM},?{_SP})?{street2})?"
    )
    # a house name, perhaps in quotes ('"Bramble Cottage", Lower Mill Lane'), and its street
    house_name = rf"(?P<bld3>[\"“‘']?{building}[\"”’']?){_COMMA_SEP}(?:{_NUM},?{_SP})?{street2}"
    return re.compile(rf"(?<![\w£$€/.\-])(?:{numbered}|{flat_building}|{house_name})")


_ADDRESS_RES = (_address_regex(_TITLE_WORD, upper=False), _address_regex(_UPPER_WORD, upper=True))

# A street on its own (no number): full street-type words only, Title Case.
_BARE_STREET_RE = re.compile(
    rf"(?<![\w'’\-])(?:{_TITLE_WORD}{_SP}){{1,3}}"
    rf"{_alternation([t for t in _STREET_TYPES if t not in _ABBREVIATED])}{_END}"
)

# The same in capitals, as envelopes and letter heads print it: only inside a postal block.
_BARE_STREET_UPPER_RE = re.compile(
    rf"(?<![\w'’\-])(?:{_UPPER_WORD}{_SP}){{1,3}}"
    rf"{_alternation([t for t in _STREET_TYPES if t not in _ABBREVIATED], upper=True)}{_END}"
)

# A named house on its own ("Ivy Cottage"): an address only with residence context.
_BARE_HOUSE_RE = re.compile(
    rf"(?<![\w'’\-])(?:{_TITLE_WORD}{_SP}){{1,2}}{_alternation(_HOUSE_TYPES)}{_END}"
)
_SITE = r"(?P<site_word>[Ss]ite|SITE|[Cc]aravan [Pp]ark|[Yy]ard|[Cc]amp)"
# A pitch on a named place: "Pitch 6, Meadow Lane site", "Pitch 14, Meadowbank Park",
# "plot 4 at the Oakfield site".
_SITE_END = (
    r"(?:(?:caravan|traveller|travellers'?|gypsy)" + _SP + r")?"
    rf"(?:{_SITE}|{_alternation(_STREET_TYPES)}|{_alternation(_STREET_TYPES, upper=True)})"
)
_PITCH_RE = re.compile(
    r"(?<![\w])(?:[Pp]itch|PITCH|[Pp]lot|PLOT|[Bb]ay)" + _SP + r"(?:[Nn]o\.?[ ]?)?\d{1,3}[A-Za-z]?"
    rf"(?P<site>(?:{_COMMA_SEP}|{_SP}(?:at|on|of|in){_SP})(?:the{_SP})?"
    rf"(?:(?:{_TITLE_WORD}|{_UPPER_WORD}){_SP}){{1,4}}{_SITE_END})?{_END}"
)
_SITE_TRIGGER = re.compile(r"site|caravan park")
_NAMED_SITE_RE = re.compile(
    rf"(?<![\w'’\-])(?:the{_SP})?(?P<name>(?:{_TITLE_WORD}{_SP}){{1,3}})"
    r"(?:[Tt]raveller[ \u00a0]|[Cc]aravan[ \u00a0])?(?:[Ss]ite|[Pp]ark)(?![\w\-])"
)
_SPORT_CONTEXT = re.compile(
    r"\b(?:football|rugby|cricket|hockey|netball|rounders|match|fixture|PE|sports?|games|"
    r"training|tournament|kick-off|pitches)\b",
    re.IGNORECASE,
)
_SITE_CONTEXT = re.compile(
    r"\b(?:site|traveller|travellers|gypsy|roma|caravan|trailer|chalet|mobile\s+home|wagon|"
    r"pitches|plots)\b",
    re.IGNORECASE,
)

_RESIDENCE = re.compile(
    r"\b(?:lives?|living|lived|resides?|residing|resident|moved|moving|move|relocat\w*|"
    r"stay(?:s|ing|ed)?|address(?:es)?|home|house|flat|maisonette|bungalow|property|tenancy|"
    r"housed|accommodation|reside|neighbou?rs?|next\s+door|nan'?s|grandparents'?|"
    r"family\s+home|door\s*step|sleep(?:s|ing)?|slept|stop(?:s|ping)|"
    r"(?:mum|dad|nan|nana|nanny|gran|grandma|grandad|auntie|aunty|aunt|uncle|cousin|sister|"
    r"brother|step-?dad|step-?mum|partner|boyfriend|girlfriend|carer)['’]s)\b",
    re.IGNORECASE,
)
# Lower-case typing ("lives at 4 wren close"): full street-type words only, and only after
# residence context, since "2 very close friends" has the same shape.
_LOWER_ADDRESS_RE = re.compile(
    r"(?<![\w£$€/.\-])\d{1,4}[a-z]?[ \u00a0]+(?:[a-z]+[ \u00a0]+){1,2}"
    r"(?:road|street|avenue|close|lane|drive|way|crescent|grove|gardens|court|terrace|place|"
    r"walk|mews|rise|row)(?![\w'’\-])"
)
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:on|in|at|off|to|along|near|onto|into|from|of|up|down|round|by|is)(?:\s+the)?"
    r"|[:\-–])\s*$",
    re.IGNORECASE,
)
# A house name with no building word, then a comma, just before a street: "Fernlea, ".
_HOUSE_NAME_BEFORE = re.compile(r"[\"“‘']?([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)[\"”’']?[ \t]*,[ \t]*$")
_SENTENCE_BREAK = re.compile(r"[.!?;](?:\s|$)|\n\s*\n")
_NOT_HOUSE_NUMBER = re.compile(
    r"(?:\b(?:year|yr|y|room|rm|class|group|set|table|page|p|pp|step|level|stage|ks|chapter|"
    r"section|grade|question|q|item|bus|route|platform|lesson|period|week|term|day|"
    r"aged?|ages|scored?|top|under|u|over|about|around|approx|pupils?|children|minutes?|mins?|"
    r"hours?|x|times|line|para|paragraph|figure|fig|appendix|box|form|session|sessions|"
    r"point|part|unit|slide|card|team|lane|seat|desk|bay|pitch|plot|flat)|[#£$€%])"
    r"[\s.:]*$",
    re.IGNORECASE,
)
_INSTITUTION_AFTER = re.compile(rf"[ \u00a0]+{_alternation(_INSTITUTIONS)}\b", re.IGNORECASE)
_BLOCK_END = re.compile(
    rf"(?:{_PART_SEP}(?:{_TITLE_WORD}|{_UPPER_WORD})(?:[ \u00a0\-](?:{_TITLE_WORD}|{_UPPER_WORD}))"
    rf"{{0,2}}){{0,3}}{_PART_SEP}(?:{POSTCODE_CORE}|{POSTCODE_OUTWARD})(?![\w\-])",
)
_BLOCK_LIMIT = 100

# Every match above ends in a street, building or site word, so the regexes only run in windows
# around those words: most of a document never sees them (the speed of the whole recognizer).
_TRIGGERS = frozenset(
    [*_STREET_TYPES, *_BUILDING_TYPES] + [w.upper() for w in (*_STREET_TYPES, *_BUILDING_TYPES)]
)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+")
_PITCH_TRIGGER = re.compile(r"pitch|plot|bay")
_LOWER_TRIGGER = re.compile(
    r"\b(?:road|street|avenue|close|lane|drive|way|crescent|grove|gardens|court|terrace|place|"
    r"walk|mews|rise|row)\b"
)
_WINDOW_BEFORE = 160  # longest "Flat 9, Some Long Building Name, 123 Three Word Street"
_WINDOW_AFTER = 200


def _windows(positions: Iterable[int], length: int) -> list[tuple[int, int]]:
    """Merged (start, end) windows around trigger positions."""
    windows: list[tuple[int, int]] = []
    for position in positions:
        lo, hi = max(0, position - _WINDOW_BEFORE), min(length, position + _WINDOW_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _in_windows(
    regex: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    for lo, hi in windows:
        yield from regex.finditer(text, lo, hi)


class UKAddressRecognizer(UKRecognizer):
    ENTITY = "ADDRESS"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e in taken)

        windows = _windows(
            (m.start() for m in _CAPITALISED.finditer(text) if m.group() in _TRIGGERS), len(text)
        )
        low = folded(text)
        pitch_windows = _windows((m.start() for m in _PITCH_TRIGGER.finditer(low)), len(text))
        lower_windows = _windows((m.start() for m in _LOWER_TRIGGER.finditer(text)), len(text))

        for regex in _ADDRESS_RES:
            for m in _in_windows(regex, text, windows):
                start = self._trim_leading_words(text, m.start(), m.end())
                if start is None or not free(start, m.end()):
                    continue
                numbered = m.group("num") is not None
                bare_number = numbered and not (m.group("flat1") or m.group("bld1"))
                if bare_number and _NOT_HOUSE_NUMBER.search(text[max(0, start - 20) : start]):
                    continue
                end, block = self._extend_to_postcode(text, m.end())
                if not block and _INSTITUTION_AFTER.match(text, m.end()):
                    yield start, m.end(), 0.2, "street followed by an institution name"
                    taken.append((start, m.end()))
                    continue
                if bare_number:
                    score, reason = 0.85, "house number and street"
                elif numbered:
                    score, reason = 0.9, "flat or building with numbered street"
                elif m.group("flat2") is not None:
                    score, reason = 0.85, "flat in a named building"
                else:
                    score, reason = 0.8, "house name and street"
                if block:
                    score, reason = max(score, 0.9), reason + " in a postal block"
                taken.append((start, end))
                yield start, end, score, reason

        for m in _in_windows(_PITCH_RE, text, pitch_windows):
            if not free(m.start(), m.end()):
                continue
            around = text[max(0, m.start() - 80) : m.end() + 80]
            if m.group("site"):
                end, block = self._extend_to_postcode(text, m.end())
                # "pitch 2, Victoria Park" may be a football pitch: sure only with site words
                sure = block or m.group("site_word") or _SITE_CONTEXT.search(around)
                taken.append((m.start(), end))
                reason = "pitch or plot on a named site" + (" in a postal block" if block else "")
                score = 0.85 if sure else 0.3 if _SPORT_CONTEXT.search(around) else 0.6
                yield m.start(), end, score, reason
                continue
            if _SITE_CONTEXT.search(around):
                taken.append(m.span())
                yield m.start(), m.end(), 0.7, "pitch or plot with site context"

        # "they live on the Hollybush site": a named site where a family lives
        site_windows = _windows((m.start() for m in _SITE_TRIGGER.finditer(low)), len(text))
        for m in _in_windows(_NAMED_SITE_RE, text, site_windows):
            start = self._trim_leading_words(text, m.start("name"), m.end())
            if start is None or not free(start, m.end()):
                continue
            if self._residence_before(text, m.start()):
                taken.append((start, m.end()))
                yield start, m.end(), 0.7, "named site with residence context"

        for m in _in_windows(_BARE_HOUSE_RE, text, windows):
            start = self._trim_leading_words(text, m.start(), m.end())
            if start is None or not free(start, m.end()):
                continue
            end, block = self._extend_to_postcode(text, m.end())
            if block or self._residence_before(text, start):
                taken.append((start, end))
                if block:
                    yield start, end, 0.85, "house name in a postal block"
                else:
                    yield start, end, 0.7, "house name with residence context"

        for m in _in_windows(_BARE_STREET_RE, text, windows):
            start = self._trim_leading_words(text, m.start(), m.end())
            if start is None or not free(start, m.end()):
                continue
            end, block = self._extend_to_postcode(text, m.end())
            if _INSTITUTION_AFTER.match(text, m.end()) and not block:
                yield start, m.end(), 0.15, "street followed by an institution name"
            elif block:
                yield start, end, 0.85, "street in a postal block"
            elif self._residence_before(text, start):
                yield start, m.end(), 0.75, "street with residence context"
            elif (house := self._house_name_before(text, start)) is not None:
                start = house
                yield start, m.end(), 0.75, "house name and street with residence context"
            else:
                yield start, m.end(), 0.3, "street name without residence context"
            taken.append((start, end))

        for m in _in_windows(_BARE_STREET_UPPER_RE, text, windows):
            if free(m.start(), m.end()):
                end, block = self._extend_to_postcode(text, m.end())
                if block:
                    taken.append((m.start(), end))
                    yield m.start(), end, 0.85, "street in a postal block"

        for m in _in_windows(_LOWER_ADDRESS_RE, text, lower_windows):
            if free(m.start(), m.end()) and self._residence_before(text, m.start()):
                taken.append(m.span())
                yield m.start(), m.end(), 0.6, "lower-case house number and street after residence"

    @staticmethod
    def _trim_leading_words(text: str, start: int, end: int) -> int | None:
        """Drop capitalised words that start a sentence or a label ("Visit Rose Cottage, ...",
        "Home Mill Road") from the front of a match; None if nothing of a name is left."""
        while True:
            space = text.find(" ", start, end)
            if space < 0:
                return None  # a street type alone is no address
            first = text[start:space].rstrip(",:")
            if first.title() in _NOT_NAMES and first.lower() not in ("st", "st."):
                start = space + 1
                while start < end and text[start] == " ":
                    start += 1
                continue
            return start

    @staticmethod
    def _extend_to_postcode(text: str, end: int) -> tuple[int, bool]:
        m = _BLOCK_END.match(text, end, min(len(text), end + _BLOCK_LIMIT))
        if m:
            return m.end(), True
        return end, False

    @classmethod
    def _house_name_before(cls, text: str, start: int) -> int | None:
        """Where a house name with no building word starts, when one stands between residence
        context and the street: 'moved to "Fernlea", Church Bank'."""
        m = _HOUSE_NAME_BEFORE.search(text, max(0, start - 40), start)
        if m is None or m.group(1).split()[0] in _NOT_NAMES:
            return None
        return m.start() if cls._residence_before(text, m.start()) else None

    @staticmethod
    def _residence_before(text: str, start: int) -> bool:
        # "lives with nan on Wren Close", "moved to Beech Avenue", "address: Hawthorn Way": the
        # street follows a place preposition or a label; "lives with Mark Green" is a person.
        if not _LOCATIVE_BEFORE.search(text, max(0, start - 12), start):
            return False
        window = text[max(0, start - 60) : start]
        breaks = list(_SENTENCE_BREAK.finditer(window))
        if breaks:
            window = window[breaks[-1].end() :]
        return bool(_RESIDENCE.search(window))


def street_names(address: str) -> list[str]:
    """The named streets inside an address found elsewhere ("Lower Mill Lane" in '"Bramble
    Cottage", Lower Mill Lane, Marsden'), to find them again on their own in the document."""
    out = []
    for m in _BARE_STREET_RE.finditer(address):
        start = UKAddressRecognizer._trim_leading_words(address, m.start(), m.end())
        if start is not None:
            out.append(address[start : m.end()])
    return out
