"""Who may import places, follow the imports, and keep a place right. Every permission of structures is defined here.

- Organisers import files of places (national standard, older v0 format, the Ministry's libraries file, a producer's
  own file through its source's mapping), build and share the sources' mappings, and read the reports of every
  import; they approve the requests to manage a place and read every error report.
- A place's managers (a manager of its structure, or a person an organiser approved for it) complete and correct it,
  confirm it is up to date, and read and close the errors reported on it.
- Everyone downloads the places in the national standard (public exports and API), reports an error on a place
  page, and, once signed in, asks to manage a place: no permission is needed.
"""

import rules

from mediane.accounts.rules import is_organiser


@rules.predicate
def manages_place(user, place) -> bool:
    """A manager of the place's structure, or a person an organiser approved for this place."""
    if not getattr(user, "is_authenticated", False) or place is None:
        return False
    from .models import Place

    return Place.objects.managed_by(user).filter(pk=place.pk).exists()


rules.add_perm("structures.import_places", is_organiser)
rules.add_perm("structures.view_imports", is_organiser)
rules.add_perm("structures.manage_sources", is_organiser)
rules.add_perm("structures.edit_place", manages_place | is_organiser)
rules.add_perm("structures.decide_manager_requests", is_organiser)


@rules.predicate
def manages_reported_place(user, report) -> bool:
    return report is not None and manages_place(user, report.place)


rules.add_perm("structures.handle_error_report", manages_reported_place | is_organiser)
rules.add_perm("structures.ask_to_manage_place", rules.is_authenticated)
