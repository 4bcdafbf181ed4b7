"""People's names from the spaCy model, titles, and name knowledge with context.

Rules, each with its own score (the engine reports from 0.5):
- spaCy PERSON entities, trimmed of titles and possessives; dropped when every word is an
  ordinary English word that is no known name ("Polish interpreter");
- a title before a name or initial: "Mr Chaudhry", "Ms D. Kowalczyk", "Dr Sanjay Mehta";
- a known first name that is not an ordinary word (Kofi, Bartek, Aoife), with the surname or
  initial after it ("Lottie W", "Ana-María Gómez", "Gabriella de Souza");
- a known first name that is also a word (Grace, Will, Hope, Rose) only with name evidence: tagged
  a proper noun mid-sentence, a possessive, a verb after it, or a surname after it;
- "SURNAME, Forename" as exports write it;
- an unknown proper noun directly before a verb of speech or action ("Tobi said", "Zain has").
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from presidio_analyzer import RecognizerResult

from redactor.detect.names._text import NameRecognizer, TextView, Word, result
from redactor.detect.names.lexicon import fold

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "mister",
        "master",
        "prof",
        "sir",
        "dame",
        "rev",
        "revd",
        "father",
        "sister",
        "cllr",
    ]
)
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "do",
        "dos",
        "van",
        "von",
        "der",
        "den",
        "du",
        "di",
        "del",
        "della",
        "al",
        "el",
        "bin",
        "bint",
        "ibn",
        "le",
        "la",
        "mac",
        "mc",
        "an",
        "ni",
        "nic",
        "ó",
        "ua",
        "ap",
    ]
)
# Irish eclipsis and h-prefix inside a name: "Mac an tSaoir", "Ó hEara", "Ní Bhriain"
_ECLIPSED = re.compile(r"^(?:t|n|h|bh|mb|gc|nd|ng|bp|dt)[A-ZÁÉÍÓÚ]")
_INITIAL = re.compile(r"[A-Z]\.?")
# What the rules read around a word (compiled once: the rules run for every capitalised word).
_SAINT_BEFORE = re.compile(r"\b(?:St|Saint)\.?\s+$")  # "St Peter's"
_NICKNAME_AFTER = re.compile(r"\s*[(\"“]\s*[A-Z][^\W\d_]+\s*[)\"”]")  # 'Grace ("Gigi")'
_INITIAL_AFTER = re.compile(r" [B-HJ-Z](?:\b|\.)(?!\w)(?! [a-z])")  # "Ivy M."
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-•*][ \t]*$")
_NAME_AFTER_BULLET = re.compile(r"(?: [a-z][\w'-]*){0,2}[ \t]*(?:[–—-][ \t]|\()")
_OWNS_SOMETHING = re.compile(r"['’]s\s+[a-z]")  # "Tobiasz's reading book"
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_JOINED = re.compile(r"\s*[+&]\s*")
# Verbs that follow a person's name as its subject in school notes.
_NAME_VERBS = frozenset(
    [
        "is",
        "was",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "should",
        "may",
        "might",
        "must",
        "said",
        "says",
        "told",
        "tells",
        "asked",
        "asks",
        "arrived",
        "arrives",
        "came",
        "comes",
        "went",
        "goes",
        "got",
        "gets",
        "left",
        "leaves",
        "likes",
        "liked",
        "loves",
        "loved",
        "wants",
        "wanted",
        "needs",
        "needed",
        "seemed",
        "seems",
        "became",
        "refused",
        "refuses",
        "hit",
        "hits",
        "kicked",
        "kicks",
        "cried",
        "cries",
        "shouted",
        "shouts",
        "ran",
        "runs",
        "walked",
        "walks",
        "drew",
        "draws",
        "wrote",
        "writes",
        "read",
        "reads",
        "sat",
        "sits",
        "stood",
        "stands",
        "spoke",
        "speaks",
        "talked",
        "talks",
        "reported",
        "reports",
        "disclosed",
        "discloses",
        "chose",
        "chooses",
        "joined",
        "joins",
        "attended",
        "attends",
        "missed",
        "misses",
        "struggled",
        "struggles",
        "settled",
        "settles",
        "started",
        "starts",
        "finished",
        "finishes",
        "worked",
        "works",
        "made",
        "makes",
        "took",
        "takes",
        # what notes say a child is doing: "Brooke crying in the toilets", "Hope refusing"
        "crying",
        "refusing",
        "struggling",
        "shouting",
        "screaming",
        "hitting",
        "kicking",
        "asking",
        "saying",
        "telling",
        "laughing",
        "smiling",
        "sobbing",
        "upset",
    ]
)
# Verbs of speech: after one, even a capitalised word the tagger calls a common noun is a
# speaker ("after Harps said ...", "Zee asked").
_SPEECH_VERBS = frozenset(
    "said says asked asks told tells replied replies shouted shouts explained explains "
    "whispered whispers added adds answered answers admitted admits claimed claims".split()
)
# What school notes say of a pupil's attendance straight after the name: "Ivy off today",
# "Summer absent", "Rose late again".
_ATTENDANCE_WORDS = frozenset("off absent late ill unwell poorly sick away back excluded".split())
# What follows "off" or "absent" when it is said of a child ("Ivy off today", "Rose late again,
# no call"), and not when the name is a verb with an object ("Mark absent pupils", "Mark off the
# names").
_AFTER_ATTENDANCE = re.compile(
    r"\s*(?:$|[,.;:!?)–—(-]|\d|(?:today|yesterday|tomorrow|again|all|this|since|for|until|"
    r"till|with|after|on|from|sick|ill|poorly|unwell|still|now|due|and|but|as)\b)",
    re.IGNORECASE,
)
_NOT_NAMES_ENT = frozenset(
    {
        "GPE",
        "LOC",
        "ORG",
        "FAC",
        "NORP",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LANGUAGE",
        "LAW",
        "DATE",
        "TIME",
    }
)
# Last words that make a capitalised phrase a place, not a person (surnames such as Hall, Green
# or Wood are left out on purpose).
_PLACE_WORDS = frozenset(
    "hill hills park centre center road street lane avenue way field fields woods forest heath "
    "common bridge cross castle abbey church chapel court farm museum zoo beach bay island "
    "valley lake reservoir battlefield estate village town city airport station".split()
)
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "LAW", "LANGUAGE"})
NAME = "PersonRecognizer"
# Lower-case words that open note bullets and happen to be first names somewhere.
_FUNCTION_WORDS = frozenset(
    "the a an and or but if so to in on at by for of with from as is was are be will can may "
    "must shall do does did not no yes all any some new next last staff note reminder "
    "he she it we they you i me him her us them his its our their this that these those there "
    "here who what when where why how which each every".split()
)


class PersonRecognizer(NameRecognizer):
    NAME = NAME

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None)
        view = TextView(text, doc, getattr(nlp_artifacts, "all_entities", None))
        found: list[RecognizerResult] = []
        if doc is not None:
            found.extend(self._from_model(view))
        found.extend(self._from_titles(view))
        found.extend(self._from_lexicon(view))
        found.extend(self._before_bracketed_name(view))
        found.extend(self._entry_heads(view))
        found.extend(self._lower_case_titles(view))
        found.extend(self._called(view))
        found.extend(self._greeted(view))
        found.extend(self._quote_speakers(view))
        found.extend(self._month_first_names(view, found))
        return found

    def _month_first_names(
        self, view: TextView, found: list[RecognizerResult]
    ) -> list[RecognizerResult]:
        """'Jun Hao Lim', 'April Osei': a first name that is also a month or a season is left
        out by the rules above (as a school word), so it is added where a name found here
        follows it."""
        if not found:
            return []
        starts = {r.start for r in found if r.end - r.start > 2}
        out = []
        for k, w in enumerate(view.words[1:], start=1):
            before = view.words[k - 1]
            if w.start not in starts or view.text[before.end : w.start] != " ":
                continue
            if not before.is_title or before.text.lower() not in _MONTH_FIRST_NAMES:
                continue
            if k >= 2 and re.search(r"\d\s*$", view.text[: before.start]):
                continue  # "on 12 May Chen came": the month of a date
            reason = "first name that is also a school word, before a name"
            out.append(result("PERSON", before.start, before.end, 0.6, NAME, reason))
        return out

    # -- spaCy entities --------------------------------------------------------------------------

    def _from_model(self, view: TextView) -> list[RecognizerResult]:
        out = []
        for ent in view.ents:
            if ent.label_ != "PERSON":
                continue
            for piece_start, piece_end in _pieces(view.text, ent.start_char, ent.end_char):
                found = self._model_piece(view, piece_start, piece_end)
                if found is not None:
                    out.append(found)
        return out

    def _model_piece(self, view: TextView, start: int, end: int) -> RecognizerResult | None:
        lex = self.lexicon
        # the words starting in [start, end): words are in text order, so two binary searches
        starts = view.word_starts
        words = view.words[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        while words and (
            words[0].text.lower().rstrip(".") in TITLES or lex.is_school_word(words[0].text)
        ):
            words = words[1:]
        # Only capitalised words count ("the bin lorry" is no one, even if Bin is a name).
        while words and not words[0].is_capitalised:
            words = words[1:]
        while words and not words[-1].is_capitalised:
            words = words[:-1]

        def plain_word(w: Word) -> bool:
            return lex.is_school_word(w.text) or (
                lex.is_english(w.text)
                and not lex.is_first_name(w.text)
                and not lex.is_surname(w.text)
            )

        # "Hi Summer", "Signed B. Pickering": greetings and form labels are not the name
        while len(words) > 1 and plain_word(words[0]):
            words = words[1:]
        while len(words) > 1 and plain_word(words[-1]):
            words = words[:-1]
        if not words or any(ch.isdigit() for ch in view.text[start:end]):
            return None
        known = any(lex.is_first_name(w.text) or lex.is_surname(w.text) for w in words)
        ordinary = all(lex.is_english(w.text) for w in words)
        # "Attendance Officer": every word a dictionary word and none a first name is a job
        # title or a thing, even when a word is also somebody's surname
        if ordinary and not any(lex.is_first_name(w.text) for w in words):
            return None
        if all(plain_word(w) for w in words):
            return None
        if (
            len(words) == 1
            and lex.is_common(words[0].text)
            and not lex.is_first_name(words[0].text)
        ):
            return None  # "Close", "Green" alone: surnames that are words need a title or context
        if len(words) == 1 and words[0].is_upper and len(words[0].text) <= 4:
            return None  # acronyms are the initials recognizer's business
        if len(words) > 1 and words[-1].text.lower() in _PLACE_WORDS:
            return None  # "Ambion Hill", "Beacon Park": a place the model took for a person
        score = 0.85 if known else 0.7
        return result("PERSON", words[0].start, words[-1].end, score, NAME, "spaCy PERSON")

    # -- titles --------------------------------------------------------------------------------

    def _from_titles(self, view: TextView) -> list[RecognizerResult]:
        lex = self.lexicon
        out = []
        words = view.words
        for i, title in enumerate(words):
            if title.text.lower() not in TITLES or not title.is_capitalised:
                continue
            j = i + 1
            end = None
            start = None
            # Allow "Mr." and "Ms D. Kowalczyk": skip a dot, take initials and up to two names.
            while j < len(words) and words[j].start - (end or title.end) <= 3:
                w = words[j]
                gap = view.text[(end or title.end) : w.start]
                if gap.strip(" .") or "\n" in gap:
                    break
                if len(w.text) == 1 and w.text.isupper():
                    start = w.start if start is None else start
                    end = w.end
                elif (
                    start is None
                    and w.is_title
                    and w.text.lower() in _PARTICLES
                    and j + 1 < len(words)
                    and words[j + 1].is_title
                    and view.text[w.end : words[j + 1].start] == " "
                ):
                    start = w.start  # "Mr Dos Santos", "Mrs Van Dijk": a particle opens it
                    end = w.end
                elif w.is_capitalised and (
                    not lex.is_common(w.text) or lex.is_surname(w.text) or lex.is_first_name(w.text)
                ):
                    start = w.start if start is None else start
                    end = w.end
                    if j + 1 >= len(words) or view.has_possessive(w):
                        break
                    nxt = words[j + 1]
                    if not (nxt.is_capitalised and view.text[w.end : nxt.start] == " "):
                        break
                    if lex.is_common(nxt.text) and not lex.is_surname(nxt.text):
                        break
                else:
                    break
                j += 1
            if start is not None and end is not None:
                last = next(k for k, w in enumerate(words) if w.end == end)
                if (
                    last + 1 < len(words)
                    and view.next_word(last) is not None
                    and words[last + 1].text.lower() in _PARTICLES
                ):
                    end = max(end, _extend_particles(view, last + 1))
                out.append(result("PERSON", start, end, 0.85, NAME, "title before a name"))
        return out

    # -- name knowledge --------------------------------------------------------------------------

    def _from_lexicon(self, view: TextView) -> list[RecognizerResult]:
        lex = self.lexicon
        out = []
        words = view.words
        i = 0
        while i < len(words):
            w = words[i]
            if w.text.islower() and self._no_rule_for_lower_case(view, w):
                i += 1  # most words: lower case and no name at all, so no rule below applies
                continue
            score, reason = self._first_name_score(view, i)
            if score == 0.0:
                score, reason = self._surname_forename(view, i)
                if score:
                    nxt = view.next_word(i + 0, gap=", ")
                    assert nxt is not None
                    out.append(result("PERSON", w.start, nxt.end, score, NAME, reason))
                    i += 2
                    continue
                score, reason = self._initial_and_surname(view, i)
                if score:
                    end = _extend_particles(view, i + 1)
                    out.append(result("PERSON", w.start, end, score, NAME, reason))
                    i += 2
                    continue
                score, reason = self._lowercase_name(view, i)
                if score == 0.0:
                    score, reason = self._unknown_before_verb(view, i)
                if score == 0.0:
                    score, reason = self._unknown_coordinated(view, i)
                if score == 0.0:
                    score, reason = self._unknown_possessive(view, i)
                if score == 0.0 and self._before_year_group(view, i):
                    score, reason = 0.65, "name before a year group"
            if score == 0.0:
                i += 1
                continue
            end, j = w.end, i
            # Surname(s), particles or an initial after the first name.
            while True:
                nxt = view.next_word(j)
                if nxt is None:
                    # a surname carried to the next line: "Layla\n   Rahimi"
                    wrapped = _word_on_next_line(view, j)
                    if (
                        wrapped is not None
                        and wrapped.is_title
                        and not lex.is_english(wrapped.text)
                        and not lex.is_school_word(wrapped.text)
                    ):
                        end, j = wrapped.end, j + 1
                    break
                if nxt.text.lower() in _PARTICLES and j + 2 < len(words):
                    k = j + 1
                    # "de Souza", "Mac an tSaoir": particles, then a capitalised or eclipsed name
                    while k + 1 < len(words) and words[k + 1].text.lower() in _PARTICLES:
                        if view.next_word(k) is None:
                            break
                        k += 1
                    after = view.next_word(k)
                    if after is not None and (after.is_title or _ECLIPSED.match(after.text)):
                        end, j = after.end, k + 1
                        continue
                    break
                if len(nxt.text) == 1 and nxt.text.isupper():
                    end, j = nxt.end, j + 1
                    if view.text[end : end + 1] == ".":
                        end += 1
                    break
                if (
                    w.text.islower()
                    and nxt.text.islower()
                    and lex.is_surname(nxt.text)
                    and not lex.is_english(nxt.text)
                ):
                    end, j = nxt.end, j + 1  # "chi-chi eze", "jj campbell-reid" in lower case
                    continue
                if nxt.is_upper and len(nxt.text) > 1 and not w.is_upper:
                    break  # "J King MPH 5mg": an acronym after a name is not its surname
                if (
                    nxt.is_capitalised
                    and (
                        lex.is_surname(nxt.text)
                        or (not lex.is_common(nxt.text) and not lex.is_school_word(nxt.text))
                    )
                    and view.pos(nxt) not in ("VERB", "AUX")
                ):
                    end, j = nxt.end, j + 1
                    if j - i >= 3:
                        break
                    continue
                break
            if j > i:
                score = max(score, 0.7)
            out.append(result("PERSON", w.start, end, score, NAME, reason))
            i = j + 1
        return out

    def _no_rule_for_lower_case(self, view: TextView, w: Word) -> bool:
        """No rule below can take this lower-case word for a name: it is no name at all, or an
        ordinary word ("hall", "will") that neither opens a bullet as a first name nor comes
        before a year group in brackets (the only rules that read such words)."""
        lex = self.lexicon
        first = lex.is_first_name(w.text)
        if not (first or lex.is_surname(w.text)):
            return True
        if not lex.is_english(w.text):
            return False
        return not (
            first
            and (
                "(" in view.text[w.end : w.end + 45]
                or _BULLET_BEFORE.search(view.before(w, 6)) is not None
            )
        )

    def _first_name_score(self, view: TextView, i: int) -> tuple[float, str]:
        lex = self.lexicon
        w = view.words[i]
        if not w.is_capitalised or len(w.text) < 2 or not lex.is_first_name(w.text):
            return 0.0, ""
        if _SAINT_BEFORE.search(view.before(w, 8)):
            return 0.0, ""  # St Peter's: a school or church, not a person
        if w.is_upper and len(w.text) <= 3:
            return 0.0, ""  # initials and acronyms are handled elsewhere
        if lex.is_school_word(w.text) or w.text.lower() in TITLES:
            return 0.0, ""
        nxt = view.next_word(i)
        if (
            w.is_upper
            and nxt is not None
            and nxt.is_upper
            and len(nxt.text) > 2
            and (not lex.is_common(nxt.text) or lex.is_surname(nxt.text))
        ):
            return 0.7, "known first name and surname in capitals"
        if w.is_upper and view.after(w, 6).lstrip().startswith("("):
            return 0.65, "known first name in capitals before brackets"
        if w.is_upper:
            return 0.0, ""  # a word in capitals is a heading or an acronym unless shown otherwise
        if w.text.lower() in _FUNCTION_WORDS:
            # "He", "An", "Will": pronouns and function words are not names, except a capital
            # mid-sentence beside another name ("thanks to Mei and Will")
            partner = _coordinated(view, i)
            if (
                w.is_title
                and not view.starts_sentence(w)
                and partner is not None
                and partner.is_title
                and lex.is_first_name(partner.text)
                and partner.text.lower() not in _FUNCTION_WORDS
            ):
                return 0.6, "known first name paired with another name"
            return 0.0, ""
        if not lex.is_common(w.text):
            if view.ent_label(w) in ("GPE", "LOC") and view.pos(w) != "PROPN":
                return 0.0, ""
            return 0.75, "known first name"
        # A first name that is also an ordinary word: only with name evidence.
        if w.is_upper:
            return 0.0, ""
        if view.has_possessive(w):
            return 0.65, "known first name, possessive"
        pos = view.pos(w)  # needed from here on: asked only for names that are also words
        if (
            nxt is not None
            and nxt.is_title
            and lex.is_surname(nxt.text)
            and pos == "PROPN"
            and nxt.text.lower() not in _THING_WORDS  # "Hope House", "Rose Garden"
        ):
            return 0.7, "known first name and surname"
        if nxt is not None and nxt.is_title and not lex.is_english(nxt.text):
            return 0.65, "known first name before an unknown capitalised word"
        if _NICKNAME_AFTER.match(view.after(w, 30)):
            return 0.6, "known first name before a nickname"
        starts = view.starts_sentence(w)
        if _INITIAL_AFTER.match(view.after(w, 6)):
            return 0.6, "known first name and an initial"  # "Grace B + Kai Z", "Ivy M."
        partner = _coordinated(view, i)
        if (
            partner is not None
            and lex.is_first_name(partner.text)
            and not lex.is_common(partner.text)
        ):
            return 0.6, "known first name paired with another name"
        if pos == "PROPN" and not starts:
            return 0.6, "known first name as proper noun"
        if pos == "PROPN" and nxt is not None and view.pos(nxt) in ("VERB", "AUX"):
            return 0.6, "known first name before a verb"
        if (
            nxt is not None
            and nxt.text.lower() in _NAME_VERBS
            and (pos == "PROPN" or (starts and pos not in ("AUX", "VERB", "DET", "PRON", "ADP")))
        ):
            return 0.6, "known first name before a verb"
        if (
            pos == "PROPN"
            and nxt is not None
            and nxt.text.lower() in _ATTENDANCE_WORDS
            and _AFTER_ATTENDANCE.match(view.text, nxt.end)  # not "Mark absent pupils"
        ):
            return 0.6, "known first name before an attendance word"
        return 0.0, ""

    def _initial_and_surname(self, view: TextView, i: int) -> tuple[float, str]:
        """'P. Raval', 'J Sutcliffe', 'K Wójcik', 'C. Mac an tSaoir' (no title)."""
        lex = self.lexicon
        w = view.words[i]
        if len(w.text) != 1 or not w.text.isupper() or i + 1 >= len(view.words):
            return 0.0, ""
        nxt = view.words[i + 1]
        gap = view.text[w.end : nxt.start]
        if gap not in (" ", ". ", ".") or not nxt.is_title or len(nxt.text) < 2:
            return 0.0, ""
        if view.pos(nxt) in ("VERB", "AUX"):
            return 0.0, ""
        if lex.is_school_word(nxt.text):
            # "R. Hall", "A. Reading": with the dot, a surname that is also a school word
            if gap.startswith(".") and lex.is_surname(nxt.text):
                return 0.6, "initial and surname"
            return 0.0, ""
        if nxt.text.lower() in _PARTICLES:
            return 0.65, "initial and surname"
        if not lex.is_english(nxt.text):
            return 0.7, "initial and surname"
        if lex.is_surname(nxt.text) and w.text not in ("A", "I") and not lex.is_common(nxt.text):
            return 0.65, "initial and surname"
        if lex.is_surname(nxt.text) and gap.startswith("."):
            return 0.6, "initial and surname"
        return 0.0, ""

    def _lowercase_name(self, view: TextView, i: int) -> tuple[float, str]:
        """A first name typed in lower case ("thx pooja", "- kemar –"): only names that are no
        English word at all, so "ran" or "will" never count."""
        lex = self.lexicon
        w = view.words[i]
        if not w.text.islower() or len(w.text) < 2:
            return 0.0, ""
        known_first = lex.is_first_name(w.text)
        if (
            w.text not in _FUNCTION_WORDS
            and len(w.text) > 2
            and (known_first or (lex.is_surname(w.text) and not lex.is_english(w.text)))
            # the layout is read only for a word that could be a name
            and _BULLET_BEFORE.search(view.before(w, 6))
            and _NAME_AFTER_BULLET.match(view.after(w, 30))
        ):
            return 0.6, "lower-case name opening a bullet"
        if not known_first or len(w.text) < 3 or lex.is_common(w.text) or lex.is_english(w.text):
            return 0.0, ""
        return 0.55, "known first name in lower case"

    def _surname_forename(self, view: TextView, i: int) -> tuple[float, str]:
        """'WHITEHOUSE, Charlotte' / 'Whitehouse, Charlotte' in exports and registers."""
        lex = self.lexicon
        w = view.words[i]
        nxt = view.next_word(i, gap=", ")
        if nxt is None or view.text[w.end : nxt.start] != ", " or not w.is_capitalised:
            return 0.0, ""
        if not (lex.is_first_name(nxt.text) and nxt.is_title):
            return 0.0, ""
        # A surname in capitals before a first name is the register layout itself, so even a
        # first name that is a word ("WHITEHOUSE, Charlotte", "KING, Grace") counts.
        if w.is_upper and len(w.text) >= 3 and not lex.is_school_word(w.text):
            return 0.8, "SURNAME, Forename"
        if lex.is_surname(w.text) and not lex.is_common(w.text) and not lex.is_common(nxt.text):
            return 0.65, "Surname, Forename"
        return 0.0, ""

    def _unknown_before_verb(self, view: TextView, i: int) -> tuple[float, str]:
        lex = self.lexicon
        w = view.words[i]
        if not w.is_title or len(w.text) < 3 or lex.is_common(w.text):
            return 0.0, ""
        if lex.is_school_word(w.text):
            return 0.0, ""
        nxt = view.next_word(i)
        if nxt is None or nxt.text.lower() not in _NAME_VERBS:
            return 0.0, ""
        speaker = nxt.text.lower() in _SPEECH_VERBS and not lex.is_english(w.text)
        if (
            view.pos(w) != "PROPN"
            and (lex.is_english(w.text) or not view.starts_sentence(w))
            and not speaker
        ):
            return 0.0, ""
        # The small model often calls an unfamiliar name an organisation; places it gets right.
        excluded = _PLACE_ENTS if not lex.is_english(w.text) else _NOT_NAMES_ENT
        if view.ent_label(w) in excluded:
            return 0.0, ""
        if view.starts_sentence(w) or _after_comma_or_and(view, w):
            return 0.55, "proper noun before a verb"
        return 0.5, "proper noun before a verb"

    def _before_bracketed_name(self, view: TextView) -> list[RecognizerResult]:
        """'jj campbell-reid (jayden)', 'Mo Abdi (Mohamed)': the words before a known first name
        in brackets are the same person's name as the register writes it, even in lower case
        and even when no list knows them. They must open a line or sentence, or be capitalised,
        and be no ordinary word."""
        lex = self.lexicon
        out: list[RecognizerResult] = []
        for m in _BRACKETED_WORD.finditer(view.text):
            inner = m.group(1)
            if not lex.is_first_name(inner) or lex.is_common(inner) or lex.is_school_word(inner):
                continue
            k = bisect.bisect_left(view.word_starts, m.start()) - 1
            if k < 0 or view.text[view.words[k].end : m.start()].strip(" "):
                continue
            run: list[Word] = []
            while k >= 0 and len(run) < 3:
                w = view.words[k]
                plain = (
                    lex.is_english(w.text)
                    and not (
                        (lex.is_first_name(w.text) or lex.is_surname(w.text))
                        and not lex.is_common(w.text)
                    )
                    # "mo hussain": a two-letter short form before a surname
                    and not (len(w.text) <= 2 and run)
                )
                if plain or lex.is_school_word(w.text) or w.text.lower() in _FUNCTION_WORDS:
                    break
                run.insert(0, w)
                if k == 0 or view.text[view.words[k - 1].end : w.start] != " ":
                    break
                k -= 1
            if not run or (not view.starts_sentence(run[0]) and not all(w.is_title for w in run)):
                continue
            if run[0].is_upper and len(run) == 1:
                continue  # "DSL (Helen)": a role or initials, not a name
            out.append(
                result(
                    "PERSON",
                    run[0].start,
                    run[-1].end,
                    0.6,
                    NAME,
                    "name before a first name in brackets",
                )
            )
        return out

    def _entry_heads(self, view: TextView) -> list[RecognizerResult]:
        """The person a line of notes is about, named at its head before a dash, colon or
        bracket: "4.00 alfie thornton – mum came", "- sanne de vries (Y3): settled",
        "Y5 – Shenice Blackwood: part-time timetable". The layout says name, so the surname
        counts even when it is also a word (Moss, Field) and the whole name may be lower case."""
        lex = self.lexicon
        out = []
        for m in _ENTRY_HEAD.finditer(view.text):
            starts = view.word_starts
            k = bisect.bisect_left(starts, m.start("name"))
            words = []
            while k < len(starts) and view.words[k].end <= m.end("name"):
                words.append(view.words[k])
                k += 1
            if not words or words[0].start != m.start("name"):
                continue
            year_prefix = m.group("year") is not None
            first = words[0]
            known = lex.is_first_name(first.text) and (
                not lex.is_common(first.text)
                or fold(first.text) in lex.popular_first_names
                or (year_prefix and len(words) > 1)
            )
            unknown_capitalised = (
                year_prefix
                and first.is_title
                and not lex.is_english(first.text)
                and not lex.is_surname(first.text)
            )
            if not (known or unknown_capitalised) or len(first.text) < 2:
                continue
            if first.text.lower() in _FUNCTION_WORDS:
                continue
            if lex.is_school_word(first.text) and not (year_prefix and len(words) > 1):
                continue  # "Jun Hao Lim" after a year group is a name, "Jun –" a month
            if first.is_upper:
                continue  # headings and acronyms
            if len(words) == 1 and not year_prefix:
                continue  # one word at a bullet: the lower-case bullet rule's business
            if not all(self._name_part(w, year_prefix) for w in words[1:]):
                continue
            out.append(
                result("PERSON", first.start, words[-1].end, 0.65, NAME, "name heading a note")
            )
        return out

    def _name_part(self, w: Word, year_prefix: bool) -> bool:
        """A word that may follow a first name inside a name at the head of a note."""
        lex = self.lexicon
        text = w.text
        if len(text) == 1:
            return True  # "priya s"
        low = text.lower()
        if low in _PARTICLES:
            return True
        if low in _FUNCTION_WORDS or low in _THING_WORDS or lex.is_school_word(text):
            return False
        if text.isupper():
            return False
        if lex.is_surname(text) or lex.is_first_name(text):
            return True
        return (year_prefix or w.is_title) and not lex.is_english(text)

    def _called(self, view: TextView) -> list[RecognizerResult]:
        """'at home he is called Chotu', 'known as Kaz', 'goes by Sasha': what a child is
        called is a name, even one no list knows."""
        lex = self.lexicon
        out = []
        for m in _CALLED.finditer(view.text):
            word = m.group(1)
            if lex.is_school_word(word) or word.isupper():
                continue
            if lex.is_english(word) and not (lex.is_first_name(word) and not lex.is_common(word)):
                continue  # "a game called Tag", "called Mum"
            out.append(result("PERSON", m.start(1), m.end(1), 0.6, NAME, "what someone is called"))
        return out

    def _greeted(self, view: TextView) -> list[RecognizerResult]:
        """'Dear Tobiasz,', 'Hi Mrs Eze', 'thanks Gosia!': the person a message greets or
        thanks, up to two capitalised words, when they are no ordinary words."""
        lex = self.lexicon
        out = []
        for m in _GREETING.finditer(view.text):
            names = m.group(1).split()
            kept: list[str] = []
            for word in names:
                if word.lower().rstrip(".") in TITLES:
                    if kept:
                        break
                    continue
                if lex.is_school_word(word) or word.isupper() or word.lower() in _FUNCTION_WORDS:
                    break
                if lex.is_common(word) and not (lex.is_first_name(word) or lex.is_surname(word)):
                    break
                kept.append(word)
            if not kept:
                continue
            if len(kept) == 1 and lex.is_english(kept[0]) and not lex.is_first_name(kept[0]):
                continue  # "Hi All", "Thanks Everyone"
            start = m.start(1) + m.group(1).index(kept[0])
            end = m.start(1) + m.group(1).index(kept[-1]) + len(kept[-1])
            out.append(result("PERSON", start, end, 0.6, NAME, "greeted or thanked"))
        return out

    def _quote_speakers(self, view: TextView) -> list[RecognizerResult]:
        """'"...we can't kick" — Hope, Ash (Y6)': who said a quotation, named after it."""
        lex = self.lexicon
        out = []
        for m in _QUOTE_SPEAKER.finditer(view.text):
            name = m.group(1)
            first = name.split()[0]
            if lex.is_school_word(first) or first.lower() in _FUNCTION_WORDS:
                continue
            if lex.is_english(first) and not lex.is_first_name(first):
                continue  # '"..." – Anonymous', '– Year 6'
            out.append(result("PERSON", m.start(1), m.end(1), 0.65, NAME, "who said a quotation"))
        return out

    def _lower_case_titles(self, view: TextView) -> list[RecognizerResult]:
        """'mr sharma', 'mrs k', 'ask mrs hollins' in notes typed without capitals."""
        lex = self.lexicon
        out = []
        words = view.words
        for i, title in enumerate(words[:-1]):
            if title.text not in _LOWER_TITLES or view.text[title.end : words[i + 1].start] not in (
                " ",
                ". ",
            ):
                continue
            name = words[i + 1]
            if not name.text.islower():
                continue  # capitalised names after a title are found already
            if len(name.text) == 1:
                if re.match(r"[a-z]\b(?!['’])", view.text[name.start :]):
                    reason = "title and initial"
                    out.append(result("PERSON", name.start, name.end, 0.6, NAME, reason))
                continue
            if name.text in _FUNCTION_WORDS or lex.is_school_word(name.text):
                continue
            surname = lex.is_surname(name.text) and (
                not lex.is_common(name.text) or title.text != "miss"
            )
            if surname or not lex.is_english(name.text):
                end = _extend_particles(view, i + 1)
                out.append(result("PERSON", name.start, end, 0.65, NAME, "lower-case title"))
        return out

    def _before_year_group(self, view: TextView, i: int) -> bool:
        """'Tobiasz Wrona (Y5)', 'WHITEHOUSE (Y4)', 'levi (8JG)': unknown capitalised words, or
        a known first name in any case, before a year group or form in brackets name a pupil."""
        lex = self.lexicon
        j = i
        while True:
            w = view.words[j]
            lower_name = (
                w.text.islower()
                and lex.is_first_name(w.text)
                and w.text not in _FUNCTION_WORDS
                and not lex.is_school_word(w.text)
            )
            if len(w.text) < 2 or not (
                lower_name or (w.is_capitalised and not lex.is_english(w.text))
            ):
                return False
            nxt = view.next_word(j)
            if nxt is None or not nxt.is_capitalised or lex.is_english(nxt.text) or j - i >= 2:
                break
            j += 1
        return _YEAR_GROUP_AFTER.match(view.after(view.words[j], 45)) is not None

    def _unknown_possessive(self, view: TextView, i: int) -> tuple[float, str]:
        """'Tobiasz's reading book': a capitalised word no dictionary knows, owning something."""
        lex = self.lexicon
        w = view.words[i]
        if (
            not w.is_title
            or len(w.text) < 3
            or lex.is_english(w.text)
            or not view.has_possessive(w)
        ):
            return 0.0, ""
        if view.ent_label(w) in _NOT_NAMES_ENT or lex.is_school_word(w.text):
            return 0.0, ""
        if not _OWNS_SOMETHING.match(view.after(w, 5)):
            return 0.0, ""
        return 0.55, "unknown word owning something"

    def _unknown_coordinated(self, view: TextView, i: int) -> tuple[float, str]:
        """'Ibby and Kai', 'Lils + Hope': an unknown capitalised word paired with a known name."""
        lex = self.lexicon
        w = view.words[i]
        if not w.is_title or len(w.text) < 3 or lex.is_english(w.text):
            return 0.0, ""
        if view.ent_label(w) in _NOT_NAMES_ENT - {"ORG", "PRODUCT"}:
            return 0.0, ""
        partner = _coordinated(view, i)
        if partner is None or not lex.is_first_name(partner.text) or lex.is_common(partner.text):
            return 0.0, ""
        return 0.55, "unknown word paired with a known name"


# A year group or form in brackets after a pupil's name: "(Y5)", "(Year 10, Oak)", "(R)", "(8JG)"
_YEAR_GROUP_AFTER = re.compile(
    r"\s*\([^()\n]{0,30}?\b(?i:y|yr|year)\s?\d|\s*\(\s*(?:R|Rec|Reception)\s*\)"
    r"|\s*\(\s*\d{1,2}[A-Z]{1,3}\s*\)"
)
_WIDE_GAP = re.compile(r"\t|\n| {2,}|[ \t]*[:;|][ \t]*")
# The head of a line of notes: bullet, time stamp ("4.10", "[08:14]") or year group ("Y5 –"),
# then up to four words, then a dash, colon or bracket.
_NAME_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
_ENTRY_HEAD = re.compile(
    r"(?m)^[ \t]*(?:[-•*>][ \t]*)?"
    r"(?:\[?\d{1,2}[:.]\d{2}\]?[ \t]+"
    r"|(?P<year>(?:Y|Yr|Year|Class)[ \t]?\d{1,2}[A-Z]?|R|Rec|Reception|N|Nursery)[ \t]*[–—:-][ \t]*"
    r")?"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,3}})"
    r"(?:[ \t]*[–—:(]|[ \t]+-[ \t])"
)
# Words that make "first name + word" a thing, not a person: "Hope House", "Brown Bear class:".
# (Surnames that are also place words, such as Hall, Field or Cross, are left out on purpose.)
_THING_WORDS = frozenset(
    "house room class group team club term day week fair trip unit base bear bears garden "
    "rota list plan notes meeting centre road avenue".split()
)
_CALLED = re.compile(
    r"\b(?:called|known as|nicknamed|goes by|calls (?:him|her|them)self)\s+[\"“‘']?"
    r"([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)"
)
# Months and seasons that are first names too ("may" is left out: a modal verb before a name).
_MONTH_FIRST_NAMES = frozenset("jan jun june jul july april august summer autumn winter".split())
_GREETING = re.compile(
    r"(?im)(?:^|[.!?]\s+|[-–]\s+)[ \t]*(?:dear|hi|hello|hey|morning|afternoon|evening|"
    r"thanks|thank you|thx|cheers|well done|congratulations|congrats)[ \t]*,?[ \t]+"
    r"(?-i:((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)*"
    r"(?:[ \t]+[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)*)?))"
)
# A closing quotation mark, a dash, then who said it: '" — Hope, Ash (Y6)', '” - Tomasz'
_QUOTE_SPEAKER = re.compile(
    r"[\"”’'][ \t]*[–—-][ \t]*([A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)?"
    r"(?:[ \t][A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)?)?)(?=[ \t]*(?:[,(.;:]|$))",
    re.MULTILINE,
)
# Titles as typed in notes without capitals ("miss" is also a verb: it needs a real surname).
_LOWER_TITLES = frozenset(["mr", "mrs", "ms", "mx", "dr", "miss"])
_BRACKETED_WORD = re.compile(r"\(\s*([^\W\d_]{2,}(?:-[^\W\d_]+)?)\s*\)")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A model entity cut where a table column or a line ends: names do not span those."""
    pieces, position = [], start
    for gap in _WIDE_GAP.finditer(text, start, end):
        pieces.append((position, gap.start()))
        position = gap.end()
    pieces.append((position, end))
    return [(a, b) for a, b in pieces if b > a]


def _word_on_next_line(view: TextView, i: int) -> Word | None:
    """words[i + 1] when only a line break and indentation separate it from words[i]."""
    if i + 1 >= len(view.words) or view.has_possessive(view.words[i]):
        return None
    between = view.text[view.words[i].end : view.words[i + 1].start]
    return view.words[i + 1] if _LINE_BREAK.fullmatch(between) else None


def _extend_particles(view: TextView, i: int) -> int:
    """End of the surname starting at words[i], taking in particles ("Mac an tSaoir")."""
    words = view.words
    end = words[i].end
    if words[i].text.lower() not in _PARTICLES:
        return end
    k = i
    while k + 1 < len(words) and view.next_word(k) is not None:
        nxt = words[k + 1]
        if nxt.text.lower() in _PARTICLES:
            k += 1
            continue
        if nxt.is_title or _ECLIPSED.match(nxt.text):
            return nxt.end
        break
    return end


def _coordinated(view: TextView, i: int) -> Word | None:
    """The word joined to words[i] by 'and', '&' or '+', if any."""
    words, w = view.words, view.words[i]
    if i + 1 < len(words):
        between = view.text[w.end : words[i + 1].start]
        if _JOINED.fullmatch(between):
            return words[i + 1]
        if (
            between == " "
            and words[i + 1].text == "and"
            and i + 2 < len(words)
            and view.text[words[i + 1].end : words[i + 2].start] == " "
        ):
            return words[i + 2]
    if i >= 1:
        between = view.text[words[i - 1].end : w.start]
        if _JOINED.fullmatch(between):
            return words[i - 1]
        if (
            between == " "
            and words[i - 1].text == "and"
            and i >= 2
            and view.text[words[i - 2].end : words[i - 1].start] == " "
        ):
            return words[i - 2]
    return None


def _after_comma_or_and(view: TextView, w: Word) -> bool:
    before = view.before(w, 6).rstrip()
    return before.endswith((",", " and", " with"))
