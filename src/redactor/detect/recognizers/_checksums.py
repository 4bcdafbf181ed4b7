"""Check characters of the UK identifiers school documents carry.

- UPN (DfE "Unique Pupil Numbers" guide): 13 characters; characters 2-13 weighted by their
  position (2..13), a letter in position 13 (temporary UPN) counting as its index in the check
  alphabet; the sum modulo 23 picks the check letter (character 1) from that alphabet.
- ULN (DfE ULN validation guide): 10 digits; the first nine weighted 10..2; remainder 0 is
  invalid, otherwise the check digit is 10 - remainder.
- NHS number (NHS Data Dictionary): 10 digits; the first nine weighted 10..2; the check digit
  is 11 - (sum mod 11), 11 becoming 0 and 10 being invalid.
"""

from __future__ import annotations

__all__ = ["UPN_CHECK_ALPHABET", "nhs_number_valid", "uln_valid", "upn_check_letter", "upn_valid"]

#: A-Z without I, O and S, which are too easily read as 1, 0 and 5.
UPN_CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_check_letter(body: str) -> str | None:
    """The check letter for the 12 characters after it, or None if they cannot carry one."""
    if len(body) != 12 or not body[:11].isdigit():
        return None
    total = 0
    for weight, char in enumerate(body.upper(), start=2):
        if char.isdigit():
            total += int(char) * weight
        elif char in UPN_CHECK_ALPHABET and weight == 13:
            total += UPN_CHECK_ALPHABET.index(char) * weight
        else:
            return None
    return UPN_CHECK_ALPHABET[total % 23]


def upn_valid(upn: str) -> bool:
    return len(upn) == 13 and upn_check_letter(upn[1:]) == upn[0].upper()


def _weighted_ten_to_two(digits: str) -> int:
    return sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))


def uln_valid(uln: str) -> bool:
    if len(uln) != 10 or not uln.isdigit() or uln[0] == "0":
        return False
    remainder = _weighted_ten_to_two(uln) % 11
    return remainder != 0 and 10 - remainder == int(uln[9])


def nhs_number_valid(number: str) -> bool:
    if len(number) != 10 or not number.isdigit():
        return False
    check = 11 - _weighted_ten_to_two(number) % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(number[9])
