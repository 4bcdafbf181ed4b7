"""What each part of a .docx is for, and so how it is read, redacted, kept or removed.

story      paragraphs of text: document, headers, footers, footnotes, endnotes, comments
settings   document settings: document variables, mail-merge source, revision-save IDs
core/app/custom   document properties
xml        any other XML (custom XML data, charts, diagrams): every text and attribute read
safe       XML with no document text (styles, fonts, numbering, theme ...)
rels       relationships: external targets (hyperlinks, mailto:) are read
image      pictures: kept unless `drop_images`
font       embedded fonts and printer set-up: kept
drop       removed always (thumbnail of the first page, people.xml naming comment authors)
embedded   anything else (OLE objects, workbooks, ActiveX, imported HTML/RTF chunks): the file
           fails closed unless `drop_embedded`
"""

from __future__ import annotations

from dataclasses import dataclass

from redactor.ingest._docx_package import DocxPackage, rels_name

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
MAIN_TYPES = frozenset(
    {
        _WML + "document.main+xml",
        _WML + "template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
STORY_TYPES = MAIN_TYPES | {
    _WML + name
    for name in (
        "header+xml",
        "footer+xml",
        "footnotes+xml",
        "endnotes+xml",
        "comments+xml",
        "document.glossary+xml",
    )
}
SAFE_TYPES = frozenset(
    {
        _WML + "styles+xml",
        _WML + "fontTable+xml",
        _WML + "numbering+xml",
        _WML + "webSettings+xml",
        _WML + "commentsExtended+xml",
        _WML + "commentsIds+xml",
        _WML + "commentsExtensible+xml",
        "application/vnd.ms-word.stylesWithEffects+xml",
        "application/vnd.openxmlformats-officedocument.theme+xml",
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
    }
)
ROLE_BY_TYPE = {
    _WML + "settings+xml": "settings",
    _WML + "people+xml": "drop",
    "application/vnd.openxmlformats-package.core-properties+xml": "core",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml": "app",
    "application/vnd.openxmlformats-officedocument.custom-properties+xml": "custom",
}
FONT_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.obfuscatedFont",
        "application/x-fontdata",
        "application/x-font-ttf",
        "application/vnd.ms-opentype",
    }
)
XML_ROLES = frozenset({"story", "settings", "core", "app", "custom", "xml", "safe"})


@dataclass
class DocxPayload:
    """What the writer needs from the reader: the package and the role of every part."""

    package: DocxPackage
    roles: dict[str, str]
    main: str

    def parts(self, *roles: str) -> list[str]:
        return [part for part, role in self.roles.items() if role in roles]


def classify(package: DocxPackage) -> dict[str, str]:
    """Role of every reachable part, plus one "rels" entry per relationships part."""
    via: dict[str, str] = {}  # part -> kind of the first relationship that reached it
    for rels in package.rels.values():
        for rel in rels:
            if not rel.external:
                via.setdefault(rel.target, rel.kind)
    roles: dict[str, str] = {}
    for part in package.reachable:
        roles[part] = _role(package.content_type(part), via.get(part, ""))
    for source in package.rels:
        name = package.find(rels_name(source))
        if name is not None:
            roles[name] = "rels"
    return roles


def _role(content_type: str, rel_kind: str) -> str:
    if rel_kind == "thumbnail":
        return "drop"
    if content_type in STORY_TYPES:
        return "story"
    if content_type in ROLE_BY_TYPE:
        return ROLE_BY_TYPE[content_type]
    if content_type in SAFE_TYPES:
        return "safe"
    if content_type.startswith("image/"):
        return "image"
    if content_type in FONT_TYPES or content_type.startswith("font/"):
        return "font"
    if content_type == _WML + "printerSettings":
        return "font"  # printer set-up (DEVMODE): kept as is, like fonts
    if content_type.endswith(("+xml", "/xml")):
        return "xml"
    return "embedded"
