"""Who may import places and follow the imports. Every permission of structures is defined here.

- Organisers import files of places (national standard, older v0 format, the Ministry's libraries file) and read
  the reports of every import.
- Everyone downloads the places in the national standard (public exports and API): no permission is needed.
"""

import rules

from mediane.accounts.rules import is_organiser

rules.add_perm("structures.import_places", is_organiser)
rules.add_perm("structures.view_imports", is_organiser)
