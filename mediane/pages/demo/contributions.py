"""The 2019 forum's contributions to theme 1 « rôle et missions » (`contributions_role.py`) and theme 2 « publics
cibles » (`contributions_publics.py`), in their order: (theme number, kind, persona key, title, body). Theme 3's are in
`contributions_training.py`, those recorded by the mediator in `contributions_assisted.py`. Titles are unique:
comments, decisions and the hidden contribution refer to them. Bodies use the forum's small Markdown subset.
"""

from mediane.pages.demo.contributions_publics import PUBLICS
from mediane.pages.demo.contributions_role import ROLE
from mediane.pages.demo.kinds import V

CONTRIBUTIONS: list[tuple[int, str, str, str, str]] = [*ROLE, *PUBLICS]

# The contribution a moderator hides (« Propos injurieux ») after it is published: (theme, kind, persona, title, body).
HIDDEN = (
    2,
    V,
    "etudiant",
    "Les bibliothécaires ne servent à rien",
    "Franchement, les bibliothécaires de ma ville sont des incapables et des fainéants. Ils passent leur temps "
    "à boire du café au lieu d'aider les gens. Qu'on les remplace tous par des machines.",
)
