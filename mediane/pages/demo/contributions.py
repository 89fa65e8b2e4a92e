"""The 2019 forum's contributions to theme 1 « rôle et missions » (`contributions_role_1.py`, then
`contributions_role_2.py`) and theme 2 « publics cibles » (`contributions_publics_1.py`, then
`contributions_publics_2.py`, then its short answers and a campaign, `contributions_short.py`), in their order: (theme number, kind, persona key, title, body). Theme 3's are in
`contributions_training.py`, those recorded by the mediator in `contributions_assisted.py`. Titles are unique:
comments, decisions and the hidden contribution refer to them. Bodies use the forum's small Markdown subset.
"""

from mediane.pages.demo.contributions_publics_1 import PUBLICS_1
from mediane.pages.demo.contributions_publics_2 import PUBLICS_2
from mediane.pages.demo.contributions_role_1 import ROLE_1
from mediane.pages.demo.contributions_role_2 import ROLE_2
from mediane.pages.demo.contributions_short import SHORT
from mediane.pages.demo.kinds import V

CONTRIBUTIONS: list[tuple[int, str, str, str, str]] = [*ROLE_1, *ROLE_2, *PUBLICS_1, *PUBLICS_2, *SHORT]

# The contribution a moderator hides (« Propos injurieux ») after it is published: (theme, kind, persona, title, body).
HIDDEN = (
    2,
    V,
    "etudiant",
    "Les bibliothécaires ne servent à rien",
    "Franchement, les bibliothécaires de ma ville sont des incapables et des fainéants. Ils passent leur temps "
    "à boire du café au lieu d'aider les gens. Qu'on les remplace tous par des machines.",
)
