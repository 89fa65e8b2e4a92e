"""Files of places written for the import tests: a valid place of the standard, with chosen fields replaced."""

import json

from mediane.structures.standard import FIELD_NAMES, write_csv

VALID_SIRET = "43493312300029"
WRONG_SIRET = "43493312300028"


def place(**values: str) -> dict[str, str]:
    """The raw values of a valid place of the standard (Reims), with some fields replaced."""
    base = {
        "id": "lieu-1",
        "pivot": VALID_SIRET,
        "nom": "Médiathèque Jean Falala",
        "commune": "Reims",
        "code_postal": "51100",
        "code_insee": "51454",
        "adresse": "2 rue des Fuseliers",
        "latitude": "49.2535",
        "longitude": "4.0291",
        "date_maj": "2024-04-02",
        "services": "Aide aux démarches administratives|Accès internet et matériel informatique",
        "frais_a_charge": "Gratuit",
    }
    return base | values


def csv_text(*places: dict[str, str], delimiter: str = ",") -> str:
    text = write_csv(places)
    return text.replace(",", delimiter) if delimiter != "," else text


def csv_bytes(*places: dict[str, str]) -> bytes:
    return csv_text(*places).encode("utf-8")


def json_bytes(*places: dict[str, str]) -> bytes:
    return json.dumps(list(places), ensure_ascii=False).encode("utf-8")


def header() -> str:
    return ",".join(FIELD_NAMES)
