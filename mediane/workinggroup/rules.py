"""Who may do what in the working group. Every permission of the app is defined here.

- Organisers manage members, meetings, minutes and decisions, and generate dossiers.
- Working-group members read the dossier before the meeting: it is their preparation.
- Everyone sees the members, the meetings (agenda of planned ones; minutes and decisions of held ones, with the
  contributions and topics behind each decision), and the dossier once the meeting is held. Before the meeting
  the dossier is a working document of the group; once the group has met it becomes part of the public record,
  like the synthesis and the decisions it led to, so that anyone can follow the chain from contribution to decision.
"""

import rules

from mediane.accounts.rules import is_organiser, is_working_group_member


@rules.predicate
def meeting_is_held(user, meeting) -> bool:
    return meeting is not None and meeting.is_held


rules.add_perm("workinggroup.manage", is_organiser)
rules.add_perm("workinggroup.generate_dossier", is_organiser)
rules.add_perm("workinggroup.view_dossier", is_organiser | is_working_group_member | meeting_is_held)
rules.add_perm("workinggroup.view_decision_log", is_organiser)
