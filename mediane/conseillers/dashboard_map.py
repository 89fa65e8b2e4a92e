"""The dashboard's map of the départements (an enhancement above the département table, which stays the content):
shown only when map tiles are configured (`MEDIANE_MAP_TILES_URL`, as the directory's map), one marker per
département at its centre (the population-weighted mean of its communes' positions, from the shipped communes
reference) labelled with the people helped there."""

from __future__ import annotations

import functools

from django.conf import settings

from mediane.french import count_phrase
from mediane.structures.communes import ARRONDISSEMENT, load_communes


@functools.lru_cache(maxsize=1)
def departement_centres() -> dict[str, tuple[float, float]]:
    """Each département's centre (latitude, longitude), weighted by its communes' population (read once per
    process). The arrondissements of Paris, Lyon and Marseille are left out: their city counts already."""
    sums: dict[str, list[float]] = {}
    for commune in load_communes():
        if commune.kind == ARRONDISSEMENT or not commune.located or not commune.departement:
            continue
        weight = max(commune.population, 1)
        total = sums.setdefault(commune.departement, [0.0, 0.0, 0.0])
        total[0] += weight * commune.latitude  # type: ignore[operator]
        total[1] += weight * commune.longitude  # type: ignore[operator]
        total[2] += weight
    return {code: (round(lat / weight, 4), round(lon / weight, 4)) for code, (lat, lon, weight) in sums.items()}


def map_data(departements) -> dict | None:
    """The JSON island of the map: None when no tiles are configured or no département has a published figure."""
    if not settings.MEDIANE_MAP_TILES_URL:
        return None
    centres = departement_centres()
    markers = [
        {
            "code": row.code,
            "nom": row.label,
            "personnes": row.people,
            "texte": f"{row.label} : {count_phrase(row.people, 'personne accompagnée', 'personnes accompagnées')}",
            "latitude": centres[row.code][0],
            "longitude": centres[row.code][1],
        }
        for row in departements
        if row.code in centres and not row.secret and row.people
    ]
    if not markers:
        return None
    return {
        "tuiles": settings.MEDIANE_MAP_TILES_URL,
        "attribution": settings.MEDIANE_MAP_ATTRIBUTION,
        "marqueurs": markers,
    }
