"""Demo of the programme: four months of activity reports (see conseillers.py), so that the dashboard and the
roadmap's live figure show real-looking numbers. Karim (the « conseiller » persona) is recruited by a library of the
Rhône with a free position and finalised four months ago; he and every other adviser in post report a few
accompaniments a week, mostly individual (e-mail, online procedures, handling a phone or a computer), with a
workshop now and then. Written through `services_reports`, a week at a time at the week's date (clock.py), so that
the counters are the service's own."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from django.utils import timezone

from mediane.accounts.models import User
from mediane.conseillers import services_candidates
from mediane.conseillers.enums import ContractType, RecruitmentStatus
from mediane.conseillers.models import HostStructure
from mediane.conseillers.models_candidates import Candidate
from mediane.conseillers.models_recruitment import Recruitment
from mediane.conseillers.models_reports import ActivityReport
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_recruitment import MoveData, move_recruitment, put_in_touch
from mediane.conseillers.services_reports import ReportData, record_reports
from mediane.conseillers.subsidy import add_months
from mediane.jobs.queue import without_emails
from mediane.roadmap.services_indicators import refresh_measured_actions
from mediane.structures.communes import load_communes
from mediane.structures.models import Place

from . import clock
from .conseillers_hosts import moment

WEEKS = 17
# (thématiques, materiel, minutes, weight): the accompaniments of a conseiller numérique, most frequent first.
INDIVIDUAL = [
    (["email"], ["telephone"], 30, 8),
    (["aide_aux_demarches_administratives", "argent_impots"], ["ordinateur"], 45, 5),
    (["aide_aux_demarches_administratives", "social_sante"], ["ordinateur"], 45, 4),
    (["prendre_en_main_du_materiel"], ["telephone"], 30, 6),
    (["prendre_en_main_du_materiel", "gere_ses_contenus_numeriques"], ["tablette"], 45, 3),
    (["navigation_sur_internet", "securite_numerique"], ["ordinateur"], 60, 3),
    (["sante"], ["telephone"], 30, 2),
    (["insertion_professionnelle", "bureautique"], ["ordinateur"], 60, 2),
    (["banque_et_achats_en_ligne"], ["telephone"], 30, 2),
    (["aide_aux_demarches_administratives", "logement"], ["ordinateur"], 60, 2),
]
WORKSHOPS = [
    ("Découvrir sa messagerie", ["email"], "debutant", 120),
    ("Se protéger des arnaques en ligne", ["securite_numerique"], "intermediaire", 90),
    ("Mon smartphone au quotidien", ["prendre_en_main_du_materiel"], "debutant", 120),
]
AGES = [
    "soixante_dix_plus",
    "soixante_soixante_neuf",
    "quarante_cinquante_neuf",
    "vingt_cinq_trente_neuf",
    "non_communique",
]
STATUSES = {"soixante_dix_plus": "retraite", "soixante_soixante_neuf": "retraite"}


def _karim(people: dict[str, User], team: User) -> int:
    """Karim's profile and his finalised recruitment at a library with a free position, four months ago."""
    karim = people.get("conseiller")
    if karim is None or Recruitment.objects.held_by(karim).exists():
        return 0
    today = timezone.localdate()
    started = add_months(today, -4)
    candidate = Candidate.objects.filter(user=karim).first()
    if candidate is None:
        with clock.at(moment(started - dt.timedelta(days=60))):
            candidate = services_candidates.create_profile(
                karim,
                {
                    "first_name": "Karim",
                    "last_name": "Haddad",
                    "situation": "demandeur_emploi",
                    "education_level": "bac_2",
                    "mediation_diplomas": ["ccp_remn"],
                    "experience_months": "12",
                    "available_from": started - dt.timedelta(days=30),
                    "max_distance_km": 40,
                    "commune": load_communes().by_insee("69123"),
                    "motivation": "J'aide déjà les habitants de mon quartier avec leurs démarches en ligne.",
                    "pix_shared": False,
                    "pix_level": None,
                    "pix_competences": [],
                },
            )
    for host in HostStructure.objects.validated().filter(positions_granted__gt=0).order_by("pk"):
        if host.recruitments.holding().count() >= host.positions_granted:
            continue
        by = host.managers.order_by("pk").first() or team
        contract = MoveData(contract_type=ContractType.CDD, starts_on=started, ends_on=add_months(started, 24))
        try:
            with clock.at(moment(started - dt.timedelta(days=25))):
                recruitment = put_in_touch(host, candidate, by=by, interested=True)
            with clock.at(moment(started - dt.timedelta(days=10))):
                move_recruitment(recruitment, "recruter", contract, by=by)
            with clock.at(moment(started + dt.timedelta(days=7))):
                move_recruitment(recruitment, "finaliser", by=team)
        except ProgrammeError:
            continue
        return 1
    return 0


def _place_of(host: HostStructure) -> Place | None:
    """The adviser's place of activity in the directory: their structure's, else one of its département."""
    places = Place.objects.order_by("pk")
    return (host.structure_id and places.filter(structure_id=host.structure_id).first()) or places.filter(
        code_postal__startswith=host.departement
    ).first()


def _week(rng: random.Random, monday: dt.date, last_day: dt.date, host: HostStructure, place) -> list[ReportData]:
    """A week of one adviser: 6 to 12 individual accompaniments, and a workshop one week in two, at their place of
    activity when the directory has one (else « autre lieu », in their structure's commune)."""
    at_place = (
        {"place_type": "lieu_activite", "place": place}
        if place
        else {"place_type": "autre", "place_commune": host.commune}
    )
    days = [monday + dt.timedelta(days=n) for n in range(5) if monday + dt.timedelta(days=n) <= last_day]
    rows = []
    for _ in range(rng.randint(6, 12)):
        thematiques, materiel, minutes, _weight = rng.choices(INDIVIDUAL, [row[3] for row in INDIVIDUAL])[0]
        age = rng.choice(AGES)
        redirected = rng.random() < 0.08
        rows.append(
            ReportData(
                kind="individuel",
                first_visit=rng.random() < 0.4,
                date=rng.choice(days),
                duration=minutes if rng.random() < 0.7 else rng.choice([15, 30, 45, 60, 90]),
                **rng.choices(
                    [at_place, {"place_type": "domicile", "place_commune": host.commune}, {"place_type": "a_distance"}],
                    [8, 1, 1],
                )[0],
                thematiques=list(thematiques),
                materiel=list(materiel),
                autonomie=rng.choice(["entierement_accompagne", "partiellement_autonome", "autonome"]),
                redirected=redirected,
                redirection="administration" if redirected else "",
                age_band=age,
                social_status=STATUSES.get(age, rng.choice(["en_emploi", "sans_emploi", "non_communique"])),
                gender=rng.choice(["feminin", "feminin", "masculin", "non_communique"]),
            )
        )
    if rng.random() < 0.5:
        title, thematiques, level, minutes = rng.choice(WORKSHOPS)
        participants = rng.randint(4, 10)
        rows.append(
            ReportData(
                kind="collectif",
                date=rng.choice(days),
                duration=minutes,
                **at_place,
                thematiques=list(thematiques),
                materiel=["ordinateur"],
                workshop_title=title,
                workshop_level=level,
                participants=participants,
                participant_counts={"age_band": {"soixante_dix_plus": participants // 2}},
                autonomie="",
            )
        )
    return rows


def load(people: dict[str, User], step: Callable[[str], None]) -> dict[str, int]:
    team = people.get("programme")
    if team is None:
        return {}
    step("Conseillers numériques : comptes rendus d'activité")
    rng = random.Random(13)  # noqa: S311 - invented activity, the same at every load
    today = timezone.localdate()
    with without_emails():
        recruited = _karim(people, team)
        made = 0
        for recruitment in (
            Recruitment.objects.holding()
            .filter(status=RecruitmentStatus.FINALISED, activity_reports__isnull=True)
            .select_related("host", "candidate__user")
            .order_by("pk")
        ):
            adviser = recruitment.candidate.user
            place = _place_of(recruitment.host)
            first = max(recruitment.starts_on or today, today - dt.timedelta(weeks=WEEKS))
            monday = first - dt.timedelta(days=first.weekday())
            while monday <= today:
                last_day = min(monday + dt.timedelta(days=4), today)
                rows = [row for row in _week(rng, monday, last_day, recruitment.host, place) if row.date >= first]
                if rows:
                    with clock.at(moment(last_day, 18)):
                        made += len(record_reports(rows, by=adviser, recruitment=recruitment))
                monday += dt.timedelta(days=7)
    refresh_measured_actions()
    return {
        "conseillers_recrutés_demo": recruited,
        "comptes_rendus": made,
        "comptes_rendus_total": ActivityReport.objects.count(),
    }
