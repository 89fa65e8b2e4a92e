"""A producer's own file, as regional hubs publish them (issue 15): « ; » between columns, French column names, a
postal code without its leading zero, phones as typed, free French hours, and « Thématiques » glued with « ; » in
the hub's own wording. Used by the mapping pages' tests and their browser journey."""

import csv
import io

HEADER = (
    "Identifiant",
    "Nom de la structure",
    "Adresse postale",
    "Code postal",
    "Ville",
    "Téléphone",
    "Horaires d'ouverture",
    "Thématiques",
    "Nom du référent",
)

FIRST = (
    (
        "hub-1",
        "Médiathèque Elisabeth et Roger Vailland",
        "1 rue Jules Ferry",
        "1000",
        "Bourg-en-Bresse",
        "04 74 12 34 56",
        "du lundi au vendredi 9h-12h",
        "Démarches en ligne ; Accès wifi",
        "Mme Durand",
    ),
    (
        "hub-2",
        "Espace numérique de Viriat",
        "2 place de la Mairie",
        "1440",
        "Viriat",
        "04 74 25 00 00",
        "Mercredi de 14h à 15H30",
        "Initiation informatique",
        "M. Petit",
    ),
    (
        "hub-3",
        "Tiers-lieu La Fabrique",
        "5 avenue Alsace-Lorraine",
        "1000",
        "Bourg-en-Bresse",
        "",
        "Sur rendez-vous",
        "Démarches en ligne ; Ateliers numériques",
        "",
    ),
)
# The next file of the same source: one place changed (its hours), one new place.
NEXT = (
    FIRST[0],
    FIRST[1][:6] + ("Mercredi de 14h à 17h",) + FIRST[1][7:],
    FIRST[2],
    (
        "hub-4",
        "Maison France Services de Péronnas",
        "10 rue de la Paix",
        "1960",
        "Péronnas",
        "04 74 21 21 21",
        "du lundi au vendredi 9h-12h",
        "Démarches en ligne",
        "Mme Martin",
    ),
)


def producer_csv(rows=FIRST) -> bytes:
    """The rows as the hub writes them: « ; » between columns, quotes around a cell that holds one."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
