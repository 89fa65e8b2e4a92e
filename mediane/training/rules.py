"""Who may do what in training. Every permission of the app (but the kit's) is defined here.

- Organisers write courses and sessions, and read participant lists, attendance and results (personal data).
- Everyone sees published courses, their sessions and the frameworks; a signed-in person enrols.
- A manager of a structure (`Structure.managers`) sees and changes its staff, and their training records as they
  cover the socle minimal; organisers see every structure's team.
"""

import rules

from mediane.accounts.rules import is_organiser
from mediane.roadmap.rules import manages_structure


@rules.predicate
def course_is_published(user, course) -> bool:
    return course is not None and course.published


rules.add_perm("training.manage", is_organiser)
rules.add_perm("training.view_course", is_organiser | course_is_published)
rules.add_perm("training.view_participants", is_organiser)
rules.add_perm("training.manage_team", is_organiser | manages_structure)
