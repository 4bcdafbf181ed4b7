"""Email addresses, found without touching the network."""

from __future__ import annotations

import socket

import pytest

from redactor.detect.recognizers import load_recognizers
from redactor.detect.recognizers.email import OfflineEmailRecognizer

from . import reported

RECOGNIZER = OfflineEmailRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to j.okafor@oakridge.example.org.", ["j.okafor@oakridge.example.org"]),
        ("<office@brambleprimary.example.sch.uk>", ["office@brambleprimary.example.sch.uk"]),
        ("mum: kerry_lane84@example.com, dad too", ["kerry_lane84@example.com"]),
        ("plus tag: tom+school@example.net;", ["tom+school@example.net"]),
        ("Irish: siobhan.o'neill@example.ie", ["siobhan.o'neill@example.ie"]),
        ("a@b.co and c.d@e-f.org", ["a@b.co", "c.d@e-f.org"]),
    ],
)
def test_emails_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "meet @ 3pm in the hall",
        "twitter @oakridgeprimary",
        "user@localhost",
        "ratio 3@4 is not an address",
        "email address to follow",
    ],
)
def test_non_emails_are_not_found(text: str) -> None:
    assert reported(RECOGNIZER, text) == []


def test_no_network_is_attempted(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    recognizers = load_recognizers()
    text = "Contact r.adeyemi@example.org or 07700 900411."
    found = [r for rec in recognizers for r in rec.analyze(text, [], None)]
    assert {r.entity_type for r in found} >= {"EMAIL", "PHONE"}
    assert attempts == []
