"""Strip metadata from the pictures a .docx keeps: pixels stay, what is written about them goes.

Photos carry EXIF (camera owner, GPS position of a child's home, dates), XMP and IPTC (author,
captions with names) and comments; PNGs carry text chunks. None of it shows in the document, and
none of it is read by the reader, so it is removed: JPEG APP1 (EXIF, XMP), APP13 (IPTC) and COM
segments (keeping only the EXIF orientation, so a phone photo is not shown on its side); PNG
tEXt, zTXt, iTXt, eXIf and tIME chunks. Colour profiles and everything else stay.
A picture that does not parse as its format says is kept as it is (the reader never took text
from it, and `--drop-images` removes pictures altogether).
"""

from __future__ import annotations

import struct

__all__ = ["strip_metadata"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROP = frozenset({b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"})
_JPEG_DROP = frozenset({0xE1, 0xED, 0xFE})  # APP1 (EXIF/XMP), APP13 (IPTC), COM
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def strip_metadata(data: bytes) -> bytes:
    """`data` without its metadata, or unchanged when it is not a PNG or JPEG it can parse."""
    if data.startswith(_PNG_SIGNATURE):
        return _png(data) or data
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data) or data
    return data


def _png(data: bytes) -> bytes | None:
    out = [_PNG_SIGNATURE]
    i = len(_PNG_SIGNATURE)
    while i < len(data):
        if i + 12 > len(data):
            return None
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > len(data):
            return None
        if kind not in _PNG_DROP:
            out.append(data[i:end])
        i = end
        if kind == b"IEND":
            break
    return b"".join(out)


def _jpeg(data: bytes) -> bytes | None:
    out = [b"\xff\xd8"]
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            return None
        j = i
        while j < len(data) and data[j] == 0xFF:  # fill bytes before a marker
            j += 1
        if j >= len(data):
            return None
        marker = data[j]
        if marker in _JPEG_STANDALONE:
            out.append(data[i : j + 1])
            i = j + 1
            continue
        if marker == 0xD9:  # end of image
            out.append(data[i:])
            return b"".join(out)
        if j + 3 > len(data):
            return None
        (length,) = struct.unpack(">H", data[j + 1 : j + 3])
        end = j + 1 + length
        if length < 2 or end > len(data):
            return None
        if marker == 0xDA:  # start of scan: the compressed picture follows, kept as it is
            out.append(data[i:])
            return b"".join(out)
        if marker not in _JPEG_DROP:
            out.append(data[i:end])
        elif marker == 0xE1:
            out.append(_orientation_only(data[j + 3 : end]))
        i = end
    return None


def _orientation_only(app1: bytes) -> bytes:
    """An APP1 segment holding nothing but the EXIF orientation of `app1`, or b""."""
    if not app1.startswith(b"Exif\x00\x00") or len(app1) < 14:
        return b""
    tiff = app1[6:]
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return b""
    try:
        (ifd,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
        for n in range(count):
            at = ifd + 2 + 12 * n
            tag, typ = struct.unpack(order + "HH", tiff[at : at + 4])
            if tag == 0x0112 and typ == 3:
                (value,) = struct.unpack(order + "H", tiff[at + 8 : at + 10])
                break
        else:
            return b""
    except struct.error:
        return b""
    if value == 1:
        return b""
    body = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08" + struct.pack(
        ">HHHIHHI", 1, 0x0112, 3, 1, value, 0, 0
    )
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
