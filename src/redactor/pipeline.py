"""`Redactor`: owns the detection engine (built once, lazily) and runs the flow
read -> detect -> plan -> write."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from redactor._memory import forget_documents
from redactor.emit import write_document
from redactor.emit.atomic import check_target
from redactor.errors import InputError, RedactorError
from redactor.ingest import read_document
from redactor.ingest.text import document_from_text
from redactor.model import Document, Edit, Finding
from redactor.settings import Settings
from redactor.transform.apply import apply_edits_to_segments
from redactor.transform.plan import plan_edits

__all__ = ["Detector", "FileResult", "Redactor"]


class Detector(Protocol):
    """Anything that finds personal data in a document."""

    def detect(self, document: Document) -> list[Finding]: ...


@dataclass
class FileResult:
    """What happened to one document. Holds no removed text unless asked for in the report."""

    source: Path | None
    output: Path | None
    format: str
    findings: list[Finding]
    edits: list[Edit]
    document: Document
    input_sha256: str = ""
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of distinct replaced spans per entity type."""
        return dict(sorted(Counter(e.entity_type for e in self.edits).items()))


class Redactor:
    """The redaction pipeline. Build one and reuse it: the detection engine is loaded on first use
    and shared by every document it processes.

        >>> r = Redactor()
        >>> r.redact_text("Ring Amy's mum on 07700 900123.")      # doctest: +SKIP
        "Ring [PERSON 1]'s mum on [PHONE 1]."
    """

    def __init__(self, settings: Settings | None = None, detector: Detector | None = None):
        self.settings = settings or Settings()
        self._detector = detector

    @property
    def detector(self) -> Detector:
        if self._detector is None:
            from redactor.detect import build_detector

            self._detector = build_detector(self.settings)
        return self._detector

    # -- stages --------------------------------------------------------------------------------

    def detect(self, document: Document) -> list[Finding]:
        return [f for f in self.detector.detect(document) if self._keep(f)]

    def _keep(self, finding: Finding) -> bool:
        settings = self.settings
        return finding.score >= settings.score_threshold and settings.enabled(finding.entity_type)

    def plan(self, document: Document, findings: list[Finding]) -> list[Edit]:
        edits = plan_edits(document, findings, self.settings)
        if self.settings.suppress:
            from redactor.transform.suppress.in_documents import table_edits

            hidden = table_edits(document, self.settings)
            # a hidden cell is replaced whole: no other edit may touch its text
            rewritten = {e.segment for e in hidden}
            edits = [e for e in edits if e.segment not in rewritten] + hidden
        return edits

    def process(self, document: Document) -> tuple[list[Finding], list[Edit]]:
        findings = self.detect(document)
        edits = self.plan(document, findings)
        forget_documents()  # the words it met go with it (see redactor._memory)
        return findings, edits

    def process_many(self, documents: list[Document]) -> list[tuple[list[Finding], list[Edit]]]:
        """`process` for several documents, batched through the detector when it can."""
        detect_many = getattr(self.detector, "detect_many", None)
        if detect_many is None:
            return [self.process(d) for d in documents]
        out = []
        for document, raw in zip(documents, detect_many(documents), strict=True):
            findings = [f for f in raw if self._keep(f)]
            out.append((findings, self.plan(document, findings)))
        forget_documents()
        return out

    def redact_texts(self, texts: list[str]) -> list[str]:
        """Redact many strings at once (faster than one by one: spaCy sees them in batches)."""
        documents = [document_from_text(text) for text in texts]
        out = []
        for document, (_, edits) in zip(documents, self.process_many(documents), strict=True):
            newline = document.payload["newline"]
            out.append(newline.join(apply_edits_to_segments(document, edits)))
        return out

    # -- conveniences --------------------------------------------------------------------------

    def redact_text(self, text: str) -> str:
        """Redact a string and return the redacted string."""
        return self.redact_text_result(text)[0]

    def redact_text_result(self, text: str) -> tuple[str, FileResult]:
        document = document_from_text(text)
        findings, edits = self.process(document)
        newline = document.payload["newline"]
        redacted = newline.join(apply_edits_to_segments(document, edits))
        notes = [str(n) for n in document.info.get("notes", [])]
        return redacted, FileResult(None, None, "text", findings, edits, document, notes=notes)

    def redact_file(self, source: Path, output: Path) -> FileResult:
        """Read `source`, redact it and write `output` atomically (never over `source`)."""
        result = self.redact_files([(source, output)])[0]
        if isinstance(result, RedactorError):
            raise result
        return result

    def redact_files(self, pairs: list[tuple[Path, Path]]) -> list[FileResult | RedactorError]:
        """`redact_file` for several (source, output) pairs, detected together so that spaCy
        reads them in one batch. Each file still fails on its own: its place in the result holds
        the error, and a file that cannot be read, detected or written is not written at all."""
        results: dict[int, FileResult | RedactorError] = {}
        ready: list[tuple[int, Path, Path, Document, str]] = []
        for index, (source, output) in enumerate(pairs):
            try:
                check_target(output, [source])
                try:
                    data_hash = hashlib.sha256(source.read_bytes()).hexdigest()
                except OSError as err:
                    raise InputError(f"{source}: cannot be read ({err.strerror})") from None
                document = read_document(source, self.settings)
            except RedactorError as err:
                results[index] = err
                continue
            ready.append((index, source, output, document, data_hash))
        processed: list[tuple[list[Finding], list[Edit]]] | None = None
        if ready:
            try:
                processed = self.process_many([document for _, _, _, document, _ in ready])
            except RedactorError:
                processed = None  # one document failed detection: each is tried on its own
        for k, (index, source, output, document, data_hash) in enumerate(ready):
            try:
                findings, edits = processed[k] if processed is not None else self.process(document)
                write_document(document, edits, output, self.settings)
            except RedactorError as err:
                results[index] = err
                continue
            notes = [str(n) for n in document.info.get("notes", [])]
            results[index] = FileResult(
                source, output, document.format, findings, edits, document, data_hash, notes
            )
        return [results[index] for index in range(len(pairs))]

    def check_file(self, source: Path) -> FileResult:
        """Detect without writing anything: for pre-publication checks."""
        document = read_document(source, self.settings)
        findings, edits = self.process(document)
        return FileResult(source, None, document.format, findings, edits, document)
