"""Who may do what with events. Every permission of the app is defined here.

- Organisers create, edit and cancel events and read the participant lists (personal data: organisers only).
- Everyone sees published events and cancelled ones (marked « Annulé »), never drafts.
- Everyone may register for a published event open to registrations: the public with a name and an e-mail
  address, confirmed by e-mail; a signed-in person in one click.
"""

import rules

from mediane.accounts.rules import is_organiser


@rules.predicate
def event_is_public(user, event) -> bool:
    return event is not None and event.is_public


rules.add_perm("events.manage", is_organiser)
rules.add_perm("events.view_event", is_organiser | event_is_public)
rules.add_perm("events.view_participants", is_organiser)
