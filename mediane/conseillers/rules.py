"""Who may do what in the Conseillers numériques programme. Every permission of the app is defined here, and the
QuerySets' `visible_to` say the same for lists.

- The programme team (`Role.PROGRAMME`) runs the programme: quotas, the committee's opinions, conventions, every
  structure, candidate, CV and recruitment, the global assignment, finalisations, subsidies and training.
- A host structure's managers (`HostStructure.managers`) read and edit their registration, request positions,
  read the committee's opinions and conventions about it, read the recommended candidates once it is validated,
  and move their recruitments.
- A candidate reads and edits their own profile and CV, pauses or deletes it, and sees the structures that
  showed interest in them.
- A structure's managers read the profile of an active candidate feasible for one of their validated structures
  (same territory, within both distance limits), and act on it; or of one they are in touch with.
- A CV, and a candidate's contact details, are read by the programme team, the candidate, and the managers of a
  structure in touch with the candidate (a recruitment between them in `INTEREST_STATUSES`: the structure showed
  interest, and for a candidate it added by hand, the candidate accepted); by nobody else.
"""

import rules

from mediane.accounts.enums import Role

from .enums import INTEREST_STATUSES, HostStatus, RecruitmentStatus

is_programme_team = rules.predicate(rules.is_group_member(Role.PROGRAMME.value))


@rules.predicate
def manages_host(user, host) -> bool:
    return host is not None and user.is_authenticated and host.managers.filter(pk=user.pk).exists()


@rules.predicate
def host_is_validated(user, host) -> bool:
    return host is not None and host.status == HostStatus.VALIDATED


@rules.predicate
def manages_a_validated_host(user) -> bool:
    from .models import HostStructure

    return user.is_authenticated and HostStructure.objects.managed_by(user).validated().exists()


@rules.predicate
def is_the_candidate(user, candidate) -> bool:
    return candidate is not None and user.is_authenticated and candidate.user_id == user.pk


@rules.predicate
def candidate_is_active(user, candidate) -> bool:
    return (
        candidate is not None
        and candidate.deleted_at is None
        and not candidate.paused
        and not candidate.recruitments.holding().exists()
    )


@rules.predicate
def in_touch_with_candidate(user, candidate) -> bool:
    """A structure that `user` manages has a recruitment with `candidate` in `INTEREST_STATUSES`."""
    from .models import HostStructure

    return (
        candidate is not None
        and user.is_authenticated
        and candidate.recruitments.filter(
            host__in=HostStructure.objects.managed_by(user), status__in=INTEREST_STATUSES
        ).exists()
    )


@rules.predicate
def feasible_for_a_managed_host(user, candidate) -> bool:
    """`candidate` is feasible for a validated structure `user` manages (`recommendations.pair_feasible`)."""
    from .models import HostStructure
    from .recommendations import pair_feasible

    if candidate is None or not user.is_authenticated:
        return False
    return any(pair_feasible(host, candidate) for host in HostStructure.objects.managed_by(user).validated())


@rules.predicate
def manages_recruiting_host(user, recruitment) -> bool:
    """`user` manages the structure, and the recruitment is not an invitation the candidate has not accepted."""
    return recruitment is not None and not recruitment.awaits_candidate and manages_host(user, recruitment.host)


@rules.predicate
def is_invited_candidate(user, recruitment) -> bool:
    """`recruitment` is an invitation to `user` (added by hand by a structure) waiting for their answer."""
    return (
        recruitment is not None
        and user.is_authenticated
        and recruitment.awaits_candidate
        and recruitment.status == RecruitmentStatus.NEW
        and recruitment.candidate.user_id == user.pk
    )


@rules.predicate
def is_interested_in_candidate(user, recruitment) -> bool:
    """`recruitment` is the user's own, and the structure showed interest."""
    return (
        recruitment is not None
        and user.is_authenticated
        and recruitment.candidate.user_id == user.pk
        and recruitment.status in INTEREST_STATUSES
    )


rules.add_perm("conseillers.manage_programme", is_programme_team)
rules.add_perm("conseillers.view_host", is_programme_team | manages_host)
rules.add_perm("conseillers.edit_host", manages_host)
rules.add_perm("conseillers.request_positions", manages_host)
rules.add_perm("conseillers.view_recommendations", is_programme_team | (manages_host & host_is_validated))
rules.add_perm(
    "conseillers.view_candidate",
    is_programme_team
    | is_the_candidate
    | in_touch_with_candidate
    | (manages_a_validated_host & candidate_is_active & feasible_for_a_managed_host),
)
rules.add_perm("conseillers.view_candidate_contact", is_programme_team | is_the_candidate | in_touch_with_candidate)
rules.add_perm("conseillers.view_cv", is_programme_team | is_the_candidate | in_touch_with_candidate)
rules.add_perm("conseillers.edit_candidate", is_the_candidate)
rules.add_perm("conseillers.view_recruitment", is_programme_team | manages_recruiting_host | is_interested_in_candidate)
rules.add_perm("conseillers.move_recruitment", manages_recruiting_host)
# The moves of the recruitment workflow (`transitions.TRANSITIONS`): the structure's managers say they are interested
# and declare the contract; the team validates (a recruitment, a rupture) or closes it; either declares a rupture or
# asks for a renewal.
rules.add_perm("conseillers.decide_recruitment", is_programme_team)
rules.add_perm("conseillers.end_recruitment", is_programme_team | manages_recruiting_host)
rules.add_perm("conseillers.recruit", manages_host & host_is_validated)
rules.add_perm("conseillers.answer_invitation", is_invited_candidate)


@rules.predicate
def holds_a_position(user) -> bool:
    """The user is an adviser in post: one of their recruitments holds a position (recruited, finalised, in rupture
    or renewed)."""
    from .models_recruitment import Recruitment

    return Recruitment.objects.held_by(user).exists()


@rules.predicate
def wrote_report(user, report) -> bool:
    return report is not None and user.is_authenticated and report.adviser_id == user.pk


@rules.predicate
def manages_reporting_host(user, report) -> bool:
    return report is not None and user.is_authenticated and report.host.managers.filter(pk=user.pk).exists()


# The activity reports: the adviser writes and reads their own; the structure that employs them reads them (and
# exports them); the programme team reads all. The public sees only the dashboard's aggregates.
# `ActivityReport.objects.readable_by` is the same rule for lists and exports.
rules.add_perm("conseillers.record_reports", holds_a_position)
rules.add_perm("conseillers.view_report", is_programme_team | wrote_report | manages_reporting_host)
rules.add_perm("conseillers.change_report", wrote_report)
