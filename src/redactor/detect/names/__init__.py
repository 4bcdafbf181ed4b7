"""Person names: the evidence beyond the spaCy model.

- `lexicon`:     first names, surnames and ordinary English words (files in models/names/)
- `person`:      spaCy PERSON, titles, known first names with their surnames, names before verbs
- `initials`:    staff initials in attendance lists, action lines and brackets
- `family`:      names next to family words ("Tobi's mum", "nan sue", "mum (Lucía)")
- `headers`:     email From/To lines and signatures; lists of pupils
- `table_columns`: name columns of tables typed into text (tabs, pipes, fixed width)
- `roles`:       telling children from adults by context
- `propagation`: every other mention of a name found once, in the same document
- `roster`:      the school's own pupil and staff lists
"""

from __future__ import annotations

#: name -> "module:class" of each name recognizer registered with the analyzer
NAME_RECOGNIZERS: dict[str, str] = {
    "person": "redactor.detect.names.person:PersonRecognizer",
    "initials": "redactor.detect.names.initials:InitialsRecognizer",
    "family": "redactor.detect.names.family:FamilyRecognizer",
    "headers": "redactor.detect.names.headers:HeaderNameRecognizer",
    "table_columns": "redactor.detect.names.table_columns:TableColumnRecognizer",
}
