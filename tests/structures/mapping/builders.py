"""Producers' files in shapes unlike the standard, built from the real patterns of issue 15, and where they live."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from mediane.structures.mapping.profile import FieldRule, Profile

FILES = Path(__file__).resolve().parent / "files"


def shared_data() -> Path | None:
    """`../shared/data` beside the checkout (or a worktree of it), or None when absent."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "data"
        if (candidate / "lieux").is_dir():
            return candidate
    return None


def file_bytes(name: str) -> bytes:
    return (FILES / name).read_bytes()


MOBILE_HEADER = [
    "Raison sociale",
    "SIRET",
    "N° de voie",
    "Libellé voie",
    "CP",
    "Commune",
    "Tél",
    "Lat",
    "Lng",
    "Itinérance",
    "Date de mise à jour",
    "Jours de passage",
]
MOBILE_ROWS = [
    # A spreadsheet drops the leading zero of postal codes and phones typed as numbers, writes dates as dates.
    ["Bus numérique de l'Ain", "130 025 265 00013", 4, "rue du Marché", 1000, "Bourg-en-Bresse", 474123456,
     46.2052, 5.2255, "Bus", datetime.fromisoformat("2024-03-12"), "du lundi au samedi 9h30-12h"],
    ["Numérique itinérant Guadeloupe", "356 000 000 00048", 12, "rue Frébault", 97110, "Pointe-à-Pitre",
     "0590 12 34 56", 16.2411, -61.5331, "Itinérant", "2024-02-01", "Mercredi de 14h à 15H30"],
    ["Camion connecté Réunion", "", None, "Rue de Paris", "97400", "Saint-Denis", "0262 20 00 00",
     -20.8789, 55.4481, "Mobile", "05/01/2024", "tous les jours sauf le dimanche de 10h à midi"],
    ["Bus France Services Mayotte", "21690123100011", 1, "place Mariage", 97600, "Mamoudzou", "0269 61 12 34",
     -12.7806, 45.2279, "Bus", "2024-01-20", "Sur rendez-vous"],
]  # fmt: skip


def mobile_network_xlsx(rows: list[list] | None = None, header: list[str] | None = None) -> bytes:
    """(c) a network of mobile help, as an XLSX workbook: SIRETs with spaces, overseas phones, numbers as numbers."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Passages"
    sheet.append(header or MOBILE_HEADER)
    for row in MOBILE_ROWS if rows is None else rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def libraries_like_csv(count: int) -> bytes:
    """A large producer's file with repeated values, for the throughput test."""
    header = "Identifiant;Nom de la structure;Adresse;CP;Ville;Tél;Horaires;Thématiques;Latitude;Longitude;Réseau\n"
    lines = [
        f"L{i};Médiathèque {i};{i} rue de la Paix;{1000 + i % 90};Ville {i % 300};04 78 {i % 90:02d} 34 56;"
        f'du lundi au vendredi 9h-12h;"Démarches en ligne ; Accès wifi";45.{i % 1000:03d};4.{i % 1000:03d};'
        f"Réseau {i % 7}\n"
        for i in range(count)
    ]
    return (header + "".join(lines)).encode()


def minimal_profile(**fields: FieldRule) -> Profile:
    """A profile for a file « Nom;Adresse;CP;Ville », placeholder pivot and a fixed date, with `fields` added."""
    rules = {
        "nom": FieldRule(columns=["Nom"]),
        "adresse": FieldRule(columns=["Adresse"]),
        "code_postal": FieldRule(columns=["CP"]),
        "commune": FieldRule(columns=["Ville"]),
        "pivot": FieldRule(default="00000000000000"),
        "date_maj": FieldRule(default="2024-04-02"),
    }
    rules.update(fields)
    return Profile(source="S", fields=rules)
