"""Factories of the programme: a validated library of Villeurbanne hosting two positions, a candidate of Lyon
available next month within 20 km, and a recruitment between them (« nouvelle »). Personas: the programme team
(`programme_team()`), a structure's manager (the factory's `managers`), a candidate (`CandidateFactory.user`)."""

import datetime as dt

import factory
from django.utils import timezone

from mediane.accounts.enums import Role
from mediane.conseillers.enums import HostKind, HostStatus, RecruitmentStatus, Situation
from mediane.conseillers.models import Candidate, HostStructure, Recruitment
from mediane.conseillers.services_reports import ReportData, record_report
from tests.accounts.factories import UserFactory

# A valid SIRET (Luhn key) for each number n: 13 digits then the key.


def siret(n: int) -> str:
    base = f"2{n:012d}"
    for key in range(10):
        digits = [int(c) for c in base + str(key)]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2:
                d *= 2
                d -= 9 if d > 9 else 0
            total += d
        if total % 10 == 0:
            return base + str(key)
    raise AssertionError("unreachable")


def programme_team(**kwargs):
    return UserFactory(roles=[Role.PROGRAMME], **kwargs)


class HostStructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HostStructure
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Médiathèque n° {n}")
    kind = HostKind.COMMUNE
    siret = factory.Sequence(siret)
    commune = "Villeurbanne"
    insee_code = "69266"
    postal_code = "69100"
    departement = "69"
    region = "84"
    latitude = 45.77188
    longitude = 4.88898
    contact_name = "Camille Martin"
    contact_email = factory.Sequence(lambda n: f"contact{n}@mairie.example.org")
    advisers_wished = 2
    start_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=60))
    motivation = "Accompagner les habitants dans leurs démarches en ligne."
    charter_commitment = True
    status = HostStatus.VALIDATED
    positions_granted = 2

    class Params:
        created = factory.Trait(status=HostStatus.CREATED, positions_granted=0)

    @factory.post_generation
    def managers(self, create, extracted, **kwargs):
        if not create:
            return
        for user in extracted if extracted is not None else [UserFactory()]:
            self.managers.add(user)


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    user = factory.SubFactory(UserFactory)
    first_name = factory.Sequence(lambda n: f"Alex{n}")
    last_name = "Dupont"
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "candidat@example.org")
    situation = Situation.JOB_SEEKER
    education_level = "bac_2"
    mediation_diplomas = factory.LazyFunction(lambda: ["ccp_remn"])
    experience_months = 24
    available_from = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    max_distance_km = 20
    commune = "Lyon 3e Arrondissement"
    insee_code = "69383"
    postal_code = "69003"
    departement = "69"
    region = "84"
    latitude = 45.75141
    longitude = 4.86142
    motivation = "J'aime transmettre et j'aide déjà mes voisins avec leurs démarches en ligne."


class RecruitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recruitment

    host = factory.SubFactory(HostStructureFactory)
    candidate = factory.SubFactory(CandidateFactory)
    status = RecruitmentStatus.NEW


def adviser(host: HostStructure | None = None, **kwargs) -> Recruitment:
    """An adviser in post: a finalised recruitment (its `candidate.user` reports under it) at `host`."""
    return RecruitmentFactory(
        host=host or HostStructureFactory(),
        status=RecruitmentStatus.FINALISED,
        contract_type="cdd",
        starts_on=timezone.localdate() - dt.timedelta(days=200),
        ends_on=timezone.localdate() + dt.timedelta(days=530),
        **kwargs,
    )


def report_data(**overrides):
    """A valid individual accompaniment of yesterday, 30 minutes at home, about e-mail on a phone."""
    values = {
        "kind": "individuel",
        "date": timezone.localdate() - dt.timedelta(days=1),
        "duration": 30,
        "place_type": "domicile",
        "place_commune": "Villeurbanne",
        "thematiques": ["email"],
        "materiel": ["telephone"],
        "autonomie": "partiellement_autonome",
        "age_band": "soixante_dix_plus",
        "social_status": "retraite",
        "gender": "feminin",
    }
    values.update(overrides)
    return ReportData(**values)


def workshop_data(**overrides):
    """A valid collective session of yesterday: 8 beginners discovering their e-mail, 2 hours at home."""
    values = {
        "kind": "collectif",
        "participants": 8,
        "workshop_title": "Découvrir sa messagerie",
        "workshop_level": "debutant",
        "duration": 120,
        "autonomie": "",
        "age_band": "non_communique",
        "social_status": "non_communique",
        "gender": "non_communique",
        "place_commune": "Villeurbanne",
        "place_type": "autre",
    }
    values.update(overrides)
    return report_data(**values)


def report(recruitment: Recruitment | None = None, **overrides):
    """A recorded report (through the service, so that the counters count it)."""
    recruitment = recruitment or adviser()
    return record_report(report_data(**overrides), by=recruitment.candidate.user, recruitment=recruitment)
