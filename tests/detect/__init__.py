"""Tests of detection. `reported` runs one recognizer the way the engine does (no NLP artifacts)
and returns the spans it reports, after checking what every result must carry."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from redactor.detect.recognizers._patterns import REPORT_THRESHOLD


def reported(recognizer: EntityRecognizer, text: str) -> list[str]:
    """The text of every span scoring at or above the reporting threshold, in order."""
    results = sorted(
        recognizer.analyze(text, recognizer.supported_entities, None), key=lambda r: r.start
    )
    for result in results:
        found = text[result.start : result.end]
        assert found == found.strip(), "span has leading or trailing space"
        assert not found.endswith((".", ",", ";", ":", "'s")), "span ends in punctuation"
        explanation = result.analysis_explanation
        assert explanation is not None and explanation.recognizer == recognizer.name
        assert explanation.textual_explanation, "no reason given"
        assert found not in explanation.textual_explanation, "reason quotes the matched text"
        assert result.entity_type in recognizer.supported_entities
    return [text[r.start : r.end] for r in results if r.score >= REPORT_THRESHOLD]


def scores(recognizer: EntityRecognizer, text: str) -> list[float]:
    """Every score the recognizer gives in `text`, reported or not."""
    return [r.score for r in recognizer.analyze(text, recognizer.supported_entities, None)]
