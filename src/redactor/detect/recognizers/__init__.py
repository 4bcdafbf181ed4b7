"""The project's own UK recognizers, one module each, registered here in one line each.

Each is a Presidio `EntityRecognizer` for one entity type that needs no NLP artifacts, takes no
constructor arguments and compiles its patterns at import. The engine calls `load_recognizers()`
once and adds the results to its recognizer registry.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from redactor._registry import load

__all__ = ["RECOGNIZERS", "load_recognizers"]

#: entity type -> "module:class"
RECOGNIZERS: dict[str, str] = {
    "PHONE": "redactor.detect.recognizers.phone:UKPhoneRecognizer",
    "POSTCODE": "redactor.detect.recognizers.postcode:UKPostcodeRecognizer",
    "ADDRESS": "redactor.detect.recognizers.address:UKAddressRecognizer",
    "EMAIL": "redactor.detect.recognizers.email:OfflineEmailRecognizer",
    "DOB": "redactor.detect.recognizers.dob:DateOfBirthRecognizer",
    "UPN": "redactor.detect.recognizers.upn:UPNRecognizer",
    "ULN": "redactor.detect.recognizers.uln:ULNRecognizer",
    "NHS_NUMBER": "redactor.detect.recognizers.nhs_number:NHSNumberRecognizer",
    "NI_NUMBER": "redactor.detect.recognizers.ni_number:NINumberRecognizer",
    "CASE_REF": "redactor.detect.recognizers.case_ref:CaseReferenceRecognizer",
}


def load_recognizers() -> list[EntityRecognizer]:
    """One instance of every registered recognizer (cheap: the patterns compile at import)."""
    return [load(dotted)() for dotted in RECOGNIZERS.values()]
