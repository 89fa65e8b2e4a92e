"""The arithmetic of the départements' quotas, without Django: sharing a total by largest remainder (Hamilton's
method, « au plus fort reste ») from an index per département, reading such an index typed or uploaded as
`departement;valeur`, and carrying it in one line from the preview to the save (`encode_index`/`decode_index`)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from fractions import Fraction

from mediane.numbers import NumberError, parse_int

DEPARTEMENT_CODE = re.compile(r"(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])")
MAX_INDEX_VALUE = 10**12
# Any code of the communes reference, overseas collectivities (975, 977, 988…) included: for `decode_index`.
REFERENCE_CODE = re.compile(r"[0-9]{2,3}|2A|2B")


class IndexReadError(ValueError):
    """An index that cannot be read: every problem, one French line each, with its line number."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def largest_remainder(index: Mapping[str, int | Fraction], total: int) -> dict[str, int]:
    """Share `total` between the keys of `index` in proportion to their values: each gets the whole part of its
    exact share, and the positions left go one each to the largest remainders. Ties go to the larger index value,
    then to the smaller code (so the result never depends on the order of the mapping). A key of value 0 gets 0;
    an index that sums to 0 gives 0 to everyone (nothing to share by)."""
    if total < 0:
        raise ValueError("total must be positive")
    weight = sum(index.values(), Fraction(0))
    if weight <= 0:
        return dict.fromkeys(index, 0)
    shares = {key: Fraction(value) * total / weight for key, value in index.items()}
    result = {key: int(share) for key, share in shares.items()}  # int() of a positive Fraction is its floor
    left = total - sum(result.values())
    order = sorted(index, key=lambda key: (-(shares[key] - result[key]), -Fraction(index[key]), key))
    for key in order[:left]:
        result[key] += 1
    return result


def encode_index(index: Mapping[str, int]) -> str:
    """The index on one line (`69=1883437,01=657856`), for the preview's form to send back with the quotas."""
    return ",".join(f"{code}={value}" for code, value in sorted(index.items()))


def decode_index(text: str) -> dict[str, int]:
    """The index of `encode_index`; raises ValueError on anything else (a form sent back altered)."""
    index: dict[str, int] = {}
    for item in filter(None, text.split(",")):
        code, _, value = item.partition("=")
        if not REFERENCE_CODE.fullmatch(code) or not value.isascii() or not value.isdecimal():
            raise ValueError(item[:20])
        if int(value) > MAX_INDEX_VALUE or code in index:
            raise ValueError(item[:20])
        index[code] = int(value)
    return index


def normalise_departement(text: str) -> str:
    """« 1 » → « 01 », « 2a » → « 2A »; anything else as it is, stripped."""
    code = text.strip().upper()
    return code.zfill(2) if code.isascii() and code.isdecimal() and len(code) == 1 else code


def read_index(text: str) -> dict[str, int]:
    """Read `departement;valeur` lines (a header line is allowed, `,` or tab also accepted as separators) into an
    index. Raises `IndexReadError` with every problem, each naming its line."""
    errors: list[str] = []
    index: dict[str, int] = {}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    dialect_delimiter = ";" if ";" in text else ("\t" if "\t" in text else ",")
    for number, row in enumerate(csv.reader(io.StringIO("\n".join(lines)), delimiter=dialect_delimiter), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) != 2:
            errors.append(
                f"Ligne {number} : écrivez deux valeurs séparées par un point-virgule, le département puis la "
                "valeur, par exemple « 69;1883437 »."
            )
            continue
        code = normalise_departement(cells[0])
        if not DEPARTEMENT_CODE.fullmatch(code):
            if number == 1 and not index:
                continue  # a header line (« departement;valeur »)
            errors.append(f"Ligne {number} : « {cells[0][:20]} » n'est pas un code de département (par exemple 69).")
            continue
        try:
            value = parse_int(
                "".join(cells[1].split()), minimum=0, maximum=MAX_INDEX_VALUE, label=f"Le nombre donné pour le {code}"
            )
        except NumberError as error:
            errors.append(f"Ligne {number} : {error}")
            continue
        if code in index:
            errors.append(f"Ligne {number} : le département {code} est déjà donné plus haut.")
            continue
        index[code] = value
    if not index and not errors:
        errors.append("Aucune ligne lue : écrivez une ligne par département, par exemple « 69;1883437 ».")
    if errors:
        raise IndexReadError(errors[:20])
    return index
