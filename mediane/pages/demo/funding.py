"""The demo's funding: the six schemes of the roadmap are seeded by their migration (`funding/migrations/0004`);
here the demo's library manager (`responsable@mediane.localhost`, Pôle lecture Terraillon in Bron, see
`charter.py`) declares the structure's funding profile, so that the finder « À quelles aides ma bibliothèque
peut-elle prétendre ? » shows a mix: eligible schemes, one not eligible with a clear reason (the BNR example asks for
100,000 inhabitants; Bron has about 43,000), and one « à confirmer » (the CTL example asks whether the library is in a
quartier prioritaire, which the profile leaves unanswered); France Relance shows as « clos » (its calls ended in 2021).

Written through `mediane.funding.services`; loading twice changes nothing (the profile is one row per structure).
"""

from __future__ import annotations

from collections.abc import Callable

from mediane.accounts.models import User
from mediane.funding import services
from mediane.funding.models import Scheme, StructureProfile
from mediane.pages.demo.charter import MANAGER_LIBRARY
from mediane.structures.models import Structure

# Not rural (Bron is in the dense suburbs of Lyon), the quartier prioritaire not answered yet, two people trained.
PROFILE = services.ProfileData(rural_area=False, priority_neighbourhood=None, population_served=None, staff_trained=2)


def load_funding(manager: User, step: Callable[[str], None]) -> dict[str, int]:
    structure = Structure.objects.filter(source_id=MANAGER_LIBRARY).first()
    if structure is None:
        step("financements : la bibliothèque de la démonstration manque, pas de profil")
    else:
        step("financements : le profil de la bibliothèque de la démonstration")
        services.save_profile(structure, PROFILE, by=manager)
    return {
        "dispositifs de financement": Scheme.objects.count(),
        "profils de financement": StructureProfile.objects.count(),
    }
