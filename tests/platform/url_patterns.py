"""Every URL pattern of the site and how to fill its path parameters from real objects (`PATTERNS`), shared by the
tests that send requests to every pattern (`test_hostile_input.py`). A new named pattern must be added here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mediane.orientation.diagnostic import QUESTIONS

if TYPE_CHECKING:
    from tests.platform.test_hostile_input import World

# --- Every pattern, and how to fill its path ------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    name: str  # the name reverse() takes, with its namespaces
    route: str  # the pattern's text, prefixes included

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")


def _walk(patterns, namespace="", prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield Pattern(f"{namespace}{entry.name}" if entry.name else "", prefix + str(entry.pattern))


def all_patterns() -> list[Pattern]:
    return list(_walk(get_resolver().url_patterns))


Fill = Callable[["World"], dict]
NONE: Fill = lambda world: {}  # noqa: E731
SOURCE: Fill = lambda world: {"slug": world.place.place_source.slug}  # noqa: E731
THEME: Fill = lambda world: {"consultation": world.theme.consultation.slug, "theme": world.theme.slug}  # noqa: E731
CONTRIBUTION: Fill = lambda world: {"pk": world.contribution.pk}  # noqa: E731
COMMENT: Fill = lambda world: {"pk": world.comment.pk}  # noqa: E731
RUN: Fill = lambda world: {"pk": world.run.pk}  # noqa: E731
TOPIC: Fill = lambda world: {"pk": world.topic.pk}  # noqa: E731
MEETING: Fill = lambda world: {"pk": world.meeting.pk}  # noqa: E731
DOSSIER: Fill = lambda world: {"pk": world.dossier.pk}  # noqa: E731
JOB: Fill = lambda world: {"pk": world.job.pk}  # noqa: E731
EVENT: Fill = lambda world: {"pk": world.event.pk}  # noqa: E731

# Every URL pattern of the site (but the admin's) and its path parameters. Add a new pattern here.
PATTERNS: dict[str, Fill] = {
    "pages:home": NONE,
    "pages:news": NONE,
    "pages:news_detail": lambda world: {"slug": world.news.slug},
    "pages:accessibility": NONE,
    "pages:legal": NONE,
    "pages:privacy": NONE,
    "pages:charter": NONE,
    "pages:site_map": NONE,
    "pages:organisation": NONE,
    "pages:api": NONE,
    "consultation:index": NONE,
    "consultation:contribution": CONTRIBUTION,
    "consultation:withdraw": lambda world: {"pk": world.own_contribution.pk},
    "consultation:support": CONTRIBUTION,
    "consultation:comment": CONTRIBUTION,
    "consultation:search": NONE,
    "consultation:open_data": NONE,
    "consultation:open_data_csv": NONE,
    "consultation:open_data_json": NONE,
    "consultation:report": CONTRIBUTION,
    "consultation:report_comment": COMMENT,
    "consultation:moderation_queue": NONE,
    "consultation:moderation_log": NONE,
    "consultation:hide": CONTRIBUTION,
    "consultation:restore": lambda world: {"pk": world.hidden.pk},
    "consultation:approve": lambda world: {"pk": world.pending.pk},
    "consultation:reject": lambda world: {"pk": world.pending.pk},
    "consultation:dismiss_reports": CONTRIBUTION,
    "consultation:hide_comment": COMMENT,
    "consultation:restore_comment": COMMENT,
    "consultation:dismiss_comment_reports": COMMENT,
    "consultation:workshop_sheet_template": NONE,
    "consultation:assisted": THEME,
    "consultation:similar_assisted": THEME,
    "consultation:import_workshop_sheet": THEME,
    "consultation:import_decidim": THEME,
    "consultation:theme": THEME,
    "consultation:contribute": THEME,
    "consultation:similar_draft": THEME,
    "consultation:follow": THEME,
    "synthesis:index": NONE,
    "synthesis:run": RUN,
    "synthesis:run_progress": RUN,
    "synthesis:merge": RUN,
    "synthesis:publish": RUN,
    "synthesis:unpublish": RUN,
    "synthesis:topic": TOPIC,
    "synthesis:rename": TOPIC,
    "synthesis:split": TOPIC,
    "synthesis:published": lambda world: {
        "consultation": world.closed_theme.consultation.slug,
        "theme": world.closed_theme.slug,
    },
    "synthesis:theme_runs": THEME,
    "workinggroup:home": NONE,
    "events:agenda": NONE,
    "events:past": NONE,
    "events:agenda_ics": NONE,
    "events:mine": NONE,
    "events:event": EVENT,
    "events:event_ics": EVENT,
    "events:register": EVENT,
    "events:registration_confirm": lambda world: {"token": world.registration.token},
    "events:registration_leave": lambda world: {"token": world.registration.token},
    "events:manage": NONE,
    "events:create": NONE,
    "events:edit": EVENT,
    "events:publish": EVENT,
    "events:cancel": EVENT,
    "events:participants": EVENT,
    "events:participants_csv": EVENT,
    "workinggroup:meeting": MEETING,
    "workinggroup:dossier_pdf": DOSSIER,
    "workinggroup:dossier_markdown": DOSSIER,
    "workinggroup:member_create": NONE,
    "workinggroup:member_edit": lambda world: {"pk": world.member.pk},
    "workinggroup:meeting_create": NONE,
    "workinggroup:meeting_edit": MEETING,
    "workinggroup:minutes_edit": MEETING,
    "workinggroup:decision_create": MEETING,
    "workinggroup:dossier_request": MEETING,
    "workinggroup:decision_edit": lambda world: {"pk": world.decision.pk},
    "workinggroup:decision_log": NONE,
    "roadmap:charter": NONE,
    "roadmap:charter_version": lambda world: {"number": 1},
    "roadmap:charter_sign": NONE,
    "roadmap:charter_signatories_csv": NONE,
    "roadmap:charter_signatories_json": NONE,
    "roadmap:charter_manage": NONE,
    "roadmap:charter_version_create": NONE,
    "roadmap:charter_version_edit": lambda world: {"number": 2},
    "roadmap:charter_version_publish": lambda world: {"number": 2},
    "structures:imports": NONE,
    "structures:new_import": NONE,
    "structures:import": JOB,
    "structures:import_progress": JOB,
    "structures:import_checked": JOB,
    "structures:export_csv": NONE,
    "structures:export_json": NONE,
    "structures:sources": NONE,
    "structures:mapping_start": NONE,
    "structures:source": SOURCE,
    "structures:source_profile": SOURCE,
    "structures:source_profile_upload": SOURCE,
    "structures:mapping_upload": SOURCE,
    "structures:mapping_columns": SOURCE,
    "structures:mapping_labels": SOURCE,
    "structures:mapping_preview": SOURCE,
    "structures:my_places": NONE,
    "structures:revisions_csv": NONE,
    "structures:place_edit": lambda world: {"pk": world.place.pk},
    "structures:place_confirm": lambda world: {"pk": world.place.pk},
    "structures:place_history": lambda world: {"pk": world.place.pk},
    "structures:ask_to_manage": lambda world: {"pk": world.place.pk},
    "structures:report_error": lambda world: {"pk": world.place.pk},
    "structures:report_error_sent": lambda world: {"pk": world.place.pk},
    "structures:error_reports": NONE,
    "structures:error_report": lambda world: {"pk": world.place.pk},
    "structures:manager_requests": NONE,
    "structures:manager_request": lambda world: {"pk": world.place.pk},
    "orientation:directory": NONE,
    "orientation:place": lambda world: {"pk": world.place.pk},
    "diagnostic:start": NONE,
    "diagnostic:question": lambda world: {"key": QUESTIONS[0].key},
    "diagnostic:result": NONE,
    "diagnostic:slip": NONE,
    "diagnostic:slip_pdf": NONE,
    "accounts:profile": NONE,
    "accounts:profile_edit": NONE,
    "accounts:charter": NONE,
    "accounts:export": NONE,
    "accounts:delete": NONE,
    "accounts:verification_sent": NONE,
    "accounts:resend_confirmation": NONE,
    "accounts:change_confirmation_email": NONE,
    "account_login": NONE,
    "account_logout": NONE,
    "account_inactive": NONE,
    "account_signup": NONE,
    "account_reauthenticate": NONE,
    "account_email": NONE,
    "account_email_verification_sent": NONE,
    "account_change_password": NONE,
    "account_set_password": NONE,
    "account_reset_password": NONE,
    "account_confirm_login_code": NONE,
    "account_confirm_email": lambda world: {"key": "cle-inconnue"},
    "account_reset_password_from_key_done": NONE,
    "account_reset_password_from_key": lambda world: {"uidb36": "1", "key": "cle-inconnue"},
    "account_reset_password_done": NONE,
    "api:openapi-json": NONE,
    "api:openapi-view": NONE,
    "api:list_events": NONE,
    "api:get_event": lambda world: {"event_id": world.event.pk},
    "api:list_themes": NONE,
    "api:get_theme": lambda world: {"theme_id": world.theme.pk},
    "api:list_theme_contributions": lambda world: {"theme_id": world.theme.pk},
    "api:create_contribution": lambda world: {"theme_id": world.theme.pk},
    "api:list_contributions": NONE,
    "api:get_contribution": lambda world: {"contribution_id": world.contribution.pk},
    "api:support": lambda world: {"contribution_id": world.contribution.pk},
    "api:unsupport": lambda world: {"contribution_id": world.contribution.pk},
    "api:create_comment": lambda world: {"contribution_id": world.contribution.pk},
    "api:nearest": NONE,
    "api:list_places": NONE,
    "api:list_stages": NONE,
    "api:list_axes": NONE,
    "api:list_actions": NONE,
    "api:get_action": lambda world: {"action_id": world.action.pk},
    "api:list_frameworks": NONE,
    "api:list_courses": NONE,
    "api:api-root": NONE,
    # --- conseillers: matching ---
    "conseillers:recommendations": lambda world: {"pk": world.host.pk},
    "conseillers:assignment": NONE,
    # --- roadmap: public pages ---
    "roadmap:index": NONE,
    "roadmap:action": lambda world: {"pk": world.action.pk},
    "roadmap:follow": lambda world: {"pk": world.action.pk},
    "roadmap:unfollow": lambda world: {"pk": world.action.pk},
    "roadmap:my_proposals": NONE,
    "roadmap:open_data": NONE,
    "roadmap:open_data_csv": NONE,
    "roadmap:open_data_json": NONE,
    # --- end roadmap: public pages ---
    "dev_inbox": NONE,
    # --- roadmap: the organisers' pages (urls_manage.py) ---
    "roadmap:manage": NONE,
    "roadmap:action_create": NONE,
    "roadmap:action_edit": lambda world: {"pk": world.action.pk},
    "roadmap:action_delete": lambda world: {"pk": world.action.pk},
    "roadmap:action_progress": lambda world: {"pk": world.action.pk},
    "roadmap:milestone_create": lambda world: {"pk": world.action.pk},
    "roadmap:milestone_delete": lambda world: {"pk": world.milestone.pk},
    "roadmap:action_links": lambda world: {"pk": world.action.pk},
    "roadmap:action_from_decision": NONE,
    "roadmap:action_from_contribution": CONTRIBUTION,
    "roadmap:export_csv": NONE,
    "roadmap:import_csv": NONE,
    "roadmap:stages": NONE,
    "roadmap:stage_create": NONE,
    "roadmap:stage_edit": lambda world: {"pk": world.action.stage_id},
    "roadmap:axes": NONE,
    "roadmap:axis_create": NONE,
    "roadmap:axis_edit": lambda world: {"pk": world.action.axis_id},
    "roadmap:statuses": NONE,
    "roadmap:status_create": NONE,
    "roadmap:status_edit": lambda world: {"pk": world.action.status_id},
    # --- funding: schemes, the eligibility finder, the profile (urls_schemes.py) ---
    "funding:schemes": NONE,
    "funding:finder": NONE,
    "funding:profile": lambda world: {"structure_pk": world.place.structure_id},
    "funding:schemes_csv": NONE,
    "funding:schemes_json": NONE,
    "funding:manage": NONE,
    "funding:scheme_create": NONE,
    "funding:scheme_edit": lambda world: {"slug": "dgd-bibliotheques"},
    "funding:scheme_publish": lambda world: {"slug": "dgd-bibliotheques"},
    "funding:scheme": lambda world: {"slug": "dgd-bibliotheques"},
    "api:list_schemes": NONE,
    "api:get_scheme": lambda world: {"slug": "dgd-bibliotheques"},
    # --- funding: applications, payments, figures (urls_applications.py) ---
    "funding:my_applications": NONE,
    "funding:application_create": lambda world: {"slug": world.application.scheme.slug},
    "funding:application": lambda world: {"pk": world.application.pk},
    "funding:application_edit": lambda world: {"pk": world.application.pk},
    "funding:application_submit": lambda world: {"pk": world.application.pk},
    "funding:document_upload": lambda world: {"pk": world.application.pk},
    "funding:document": lambda world: {"pk": world.application.pk, "token": world.document.token},
    "funding:document_remove": lambda world: {"pk": world.application.pk, "token": world.document.token},
    "funding:instruction": NONE,
    "funding:instruction_csv": NONE,
    "funding:application_review": lambda world: {"pk": world.accepted.pk},
    "funding:application_accept": lambda world: {"pk": world.accepted.pk},
    "funding:application_refuse": lambda world: {"pk": world.accepted.pk},
    "funding:tranche_add": lambda world: {"pk": world.accepted.pk},
    "funding:tranche_remove": lambda world: {"pk": world.accepted.pk, "tranche_pk": world.tranche.pk},
    "funding:payment_add": lambda world: {"pk": world.accepted.pk},
    "funding:figures": NONE,
    "funding:figures_csv": NONE,
    "funding:figures_json": NONE,
    # --- end funding: applications ---
    # --- conseillers: hosts and the committee ---
    "conseillers:home": NONE,
    "conseillers:kit": NONE,
    "conseillers:host_register": NONE,
    "conseillers:host_list": NONE,
    "conseillers:host_detail": lambda world: {"pk": world.host.pk},
    "conseillers:host_edit": lambda world: {"pk": world.host.pk},
    "conseillers:host_status": lambda world: {"pk": world.host.pk},
    "conseillers:request_create": lambda world: {"pk": world.host.pk},
    "conseillers:committee": NONE,
    "conseillers:committee_departement": lambda world: {"departement": "69"},
    "conseillers:decision_create": lambda world: {"pk": world.position_request.pk},
    "conseillers:quotas": NONE,
    # --- conseillers: candidates ---
    "conseillers:candidate_signup": NONE,
    "conseillers:candidate_profile": NONE,
    "conseillers:candidate_edit": NONE,
    "conseillers:candidate_cv_upload": NONE,
    "conseillers:candidate_cv_delete": NONE,
    "conseillers:candidate_pause": NONE,
    "conseillers:candidate_delete": NONE,
    "conseillers:candidate_list": NONE,
    "conseillers:candidate_detail": lambda world: {"pk": world.candidate.pk},
    "conseillers:candidate_cv": lambda world: {"pk": world.candidate.pk},
    # --- training: the kit ---
    "training:kit": NONE,
    "training:kit_csv": NONE,
    "training:kit_json": NONE,
    "training:kit_manage": NONE,
    "training:kit_create": NONE,
    "training:kit_resource": lambda world: {"slug": world.kit_resource.slug},
    "training:kit_edit": lambda world: {"slug": world.kit_resource.slug},
    "training:kit_publish": lambda world: {"slug": world.kit_resource.slug},
    "training:kit_unpublish": lambda world: {"slug": world.kit_resource.slug},
    "api:list_kit_resources": NONE,
    "api:get_kit_resource": lambda world: {"slug": world.kit_resource.slug},
    # --- training: courses, sessions, records, teams ---
    "training:catalogue": NONE,
    "training:course": lambda world: {"pk": world.training_session.course_id},
    "training:session": lambda world: {"pk": world.training_session.pk},
    "training:enrol": lambda world: {"pk": world.training_session.pk},
    "training:registration_confirm": lambda world: {"token": world.enrolment.token},
    "training:registration_leave": lambda world: {"token": world.enrolment.token},
    "training:open_data_csv": NONE,
    "training:open_data_json": NONE,
    "training:frameworks": NONE,
    "training:framework": lambda world: {"slug": "pix"},
    "training:my_record": NONE,
    "training:invitation_accept": lambda world: {"pk": world.staff_member.pk},
    "training:invitation_decline": lambda world: {"pk": world.staff_member.pk},
    "training:team_leave": lambda world: {"pk": world.staff_member.pk},
    "training:team": lambda world: {"pk": world.staff_member.structure_id},
    "training:team_add": lambda world: {"pk": world.staff_member.structure_id},
    "training:team_remove": lambda world: {"pk": world.staff_member.structure_id, "member_pk": world.staff_member.pk},
    "training:manage": NONE,
    "training:course_create": NONE,
    "training:course_edit": lambda world: {"pk": world.training_session.course_id},
    "training:session_create": lambda world: {"pk": world.training_session.course_id},
    "training:session_edit": lambda world: {"pk": world.training_session.pk},
    "training:participants": lambda world: {"pk": world.training_session.pk},
    "training:participants_csv": lambda world: {"pk": world.training_session.pk},
    "training:attendance": lambda world: {"pk": world.enrolment.pk},
    "training:result": lambda world: {"pk": world.enrolment.pk},
    # --- conseillers: recruitment ---
    "conseillers:host_recruitments": lambda world: {"pk": world.host.pk},
    "conseillers:recruitment_create": lambda world: {"pk": world.host.pk},
    "conseillers:recruitment_detail": lambda world: {"pk": world.recruitment.pk},
    "conseillers:recruitment_move": lambda world: {"pk": world.recruitment.pk, "transition": "recruter"},
    "conseillers:recruitment_payment": lambda world: {"pk": world.recruitment.pk},
    "conseillers:recruitment_invitation": lambda world: {"pk": world.recruitment.pk},
    "conseillers:recruitment_list": NONE,
    "conseillers:subsidies": NONE,
    "conseillers:training_status": NONE,
    # --- conseillers: reports ---
    "conseillers:reports": NONE,
    "conseillers:report_new": NONE,
    "conseillers:my_statistics": NONE,
    "conseillers:report_detail": lambda world: {"pk": world.report.pk},
    "conseillers:report_edit": lambda world: {"pk": world.report.pk},
    "conseillers:report_duplicate": lambda world: {"pk": world.report.pk},
    "conseillers:report_delete": lambda world: {"pk": world.report.pk},
    "conseillers:host_reports": lambda world: {"pk": world.host.pk},
    # --- conseillers: exports ---
    "conseillers:reports_export": lambda world: {"fmt": "xlsx"},
    "conseillers:host_reports_export": lambda world: {"pk": world.host.pk, "fmt": "csv"},
    "conseillers:team_reports_export": lambda world: {"fmt": "csv"},
    "conseillers:reports_import": NONE,
    # --- conseillers: dashboard ---
    "conseillers:dashboard": NONE,
    "conseillers:dashboard_internal": NONE,
    "conseillers:dashboard_open_data": lambda world: {"fmt": "csv"},
}
# The admin's patterns are Django's, one set per registered model: generic values fill them.
ADMIN_VALUES = {"object_id": "1", "app_label": "consultation", "url": "x", "content_type_id": "1", "id": "1"}
# Patterns without a name cannot be reversed: the route is used as it is.
UNNAMED_ROUTES = {"api/<path:rest>": "api/inconnue/"}


def _admin_url(route: str) -> str:
    """The admin's route with its parameters filled: `<path:object_id>` and regex groups alike."""
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: ADMIN_VALUES[match.group(1)], route)
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda match: ADMIN_VALUES[match.group(1)], route)
    return "/" + route.replace("^", "").replace("$", "")


def url_of(pattern: Pattern, world: World) -> str:
    if pattern.is_admin:
        return _admin_url(pattern.route)
    if not pattern.name:
        return "/" + UNNAMED_ROUTES[pattern.route]
    return reverse(pattern.name, kwargs=PATTERNS[pattern.name](world))
