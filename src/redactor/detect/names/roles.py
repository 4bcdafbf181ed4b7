"""Telling children from adults by the words around a mention.

A name is a CHILD when the text says so ("Tobi's mum", "pupil", "Year 4", "(Y3)", "in class"),
an ADULT when it says that ("Mr", "mum (Lucía)", "(SW)", "teacher", "Entered by:"); otherwise it
stays PERSON. The planner makes every mention of one person share the most specific kind.
"""

from __future__ import annotations

import re

from redactor.detect.names._regex import any_case

_CHILD_AFTER = re.compile(
    r"^(?:['’]s\s+(?:mum|mom|mummy|mother|dad|daddy|father|nan|nana|nanny|gran|granny|grandma|"
    r"grandad|carer|foster carers?|parents?|family|teacher|class|TA|key ?worker|behaviour|"
    r"attendance|reading|annual review|EHCP|IEP|SEN|targets?|progress|book|peg|tray|"
    r"brother|sister|sibling)\b"
    r"|\s*[,(]\s*(?:Y|Yr|Year)\s?\d{1,2}\b|\s*\(\s*(?:R|Rec|Reception|Nursery)\s*\)"
    r"|\s*\(\s*\d{1,2}[A-Z]{1,3}\s*\)"  # a tutor group: "(8JG)", "(10MC)"
    r"|\s*,?\s+(?:in|from)\s+(?:Y|Yr|Year)\s?\d|\s*,?\s+(?:is|was)\s+(?:in|a)\s+(?:Y|Year)\s?\d)",
    re.IGNORECASE,
)
# The words before a mention that say child or adult, in any case. The patterns below use
# `any_case(...)`, the same as `(?i:...)` but faster: they are searched for at the end of the
# text before every mention of a person.
_CHILD_WORDS = (
    "pupil|pupils|student|students|child|children|learner|son|daughter|boy|girl|"
    "Student|Pupil|Child(?:'s)? name|Name of child|mum of|dad of|mother of|father of|"
    "nan of|carer of|brother|sister|sibling|twin|cousin"
)
_CHILD_BEFORE = re.compile(
    rf"(?:\b{any_case(_CHILD_WORDS)}\s*:?\s*"
    rf"|\b{any_case('Y|Yr|Year')}\s?\d{{1,2}}\s*(?i:pupil|student|child)?\s*:?\s*)$"
)
_TITLES = "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Cllr|Rev"
_ADULT_WORDS = (
    "mum|mom|mummy|mother|dad|daddy|father|nan|nana|nanny|gran|granny|grandma|"
    "grandmother|grandad|grandpa|grandfather|auntie|aunty|aunt|uncle|carer|foster carer|"
    "teacher|TA|SENCo|SENCO|DSL|head|headteacher|social worker|SW|governor|chair|clerk|"
    "nurse|doctor|therapist|officer|worker|practitioner|consultant|psychologist|"
    "Entered by|Exported by|Typed up by|Recorded by|Completed by|Signed|Alerted|From|To|Cc|"
    "Present|Apologies"
)
_ADULT_BEFORE = re.compile(
    rf"(?:\b{any_case(_TITLES)}(?i:\.?\s+(?:[A-Z]\.?\s+)?)"
    rf"|\b{any_case(_ADULT_WORDS)}\s*[:(]?\s*"
    r")$"
)
_ADULT_AFTER = re.compile(
    r"^\s*\(\s*(?:SW|TA|HLTA|SENCo|SENCO|DSL|DDSL|DHT|AHT|HT|head|headteacher|teacher|"
    r"class teacher|office|admin|foster carers?|carer|mum|dad|parent|nan|grandparent|"
    r"social worker|Virtual School|CAMHS|school nurse|nurse|EP|SALT|OT|governor|chair|clerk|"
    r"[^)]*(?:Therapist|Officer|Worker|Practitioner|Lead|Manager|Coordinator|Consultant|"
    r"Psychologist|Nurse|Teacher|Governor|Head|Assistant|SENCo|Designated))"
    r"|^['’]s\s+(?:son|daughter|child|children|kids|boy|girl)\b"
    r"|^\s*,\s*(?:SW|TA|SENCo|DSL|headteacher|class teacher|social worker|school nurse)\b",
    re.IGNORECASE,
)


def classify(text: str, start: int, end: int) -> str:
    """CHILD, ADULT or PERSON for the mention text[start:end], from its neighbourhood."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if _ADULT_BEFORE.search(before) or _ADULT_AFTER.search(after):
        return "ADULT"
    if _CHILD_AFTER.search(after) or _CHILD_BEFORE.search(before):
        return "CHILD"
    return "PERSON"
