"""Factories for the working group (members, meetings, decisions), and a published synthesis to build on."""

import datetime as dt

import factory
from django.utils import timezone

from mediane.consultation.enums import ContributionKind
from mediane.consultation.markup import render_markup
from mediane.synthesis.enums import RunStatus, TopicKind
from mediane.synthesis.models import SynthesisRun, Topic, TopicMembership
from mediane.workinggroup.enums import DecisionStatus, MeetingStatus, OrganisationKind
from mediane.workinggroup.models import Decision, Dossier, Meeting, Member
from tests.accounts.factories import UserFactory
from tests.consultation.factories import ContributionFactory, ThemeFactory


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    name = factory.Sequence(lambda n: f"Représentant·e n° {n}")
    title = "Chargé·e de mission"
    organisation = factory.Sequence(lambda n: f"Association des bibliothécaires n° {n}")
    organisation_kind = OrganisationKind.LIBRARIES

    class Params:
        inactive = factory.Trait(is_active=False)
        state = factory.Trait(organisation_kind=OrganisationKind.STATE, organisation="Agence du numérique")


class MeetingFactory(factory.django.DjangoModelFactory):
    """A planned meeting of a closed theme; `held` gives minutes."""

    class Meta:
        model = Meeting

    theme = factory.SubFactory(ThemeFactory, closed=True)
    date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))
    place = "Paris, ministère de la Culture"
    agenda = "1. Présentation de la synthèse\n2. Propositions"
    agenda_html = factory.LazyAttribute(lambda o: render_markup(o.agenda))

    class Params:
        held = factory.Trait(
            status=MeetingStatus.HELD,
            minutes="Le groupe a examiné la synthèse.",
            minutes_html=factory.LazyAttribute(lambda o: render_markup(o.minutes)),
            held_at=factory.LazyFunction(timezone.now),
        )


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory, held=True)
    number = factory.Sequence(lambda n: n + 1)
    title = "Conventionner avec les Maisons France Services"
    text = "Le groupe recommande une convention type."
    text_html = factory.LazyAttribute(lambda o: render_markup(o.text))
    status = DecisionStatus.ADOPTED


QUOTE = "Nous accueillons chaque samedi des personnes qui doivent déclarer leurs revenus en ligne [et] sans ordinateur."


def published_synthesis(theme, topics=(("Démarches en ligne · accompagnement", 4), ("Ateliers · seniors", 3))):
    """A published, succeeded run of `theme`, with topics of the given sizes and one contribution per member.

    Each topic holds proposals, a point of vigilance and an experience; the first two members are representatives.
    Returns the run; contributions are `run.test_contributions`.
    """
    run = SynthesisRun.objects.create(
        theme=theme,
        status=RunStatus.SUCCEEDED,
        contributions_count=sum(size for _, size in topics),
        finished_at=timezone.now(),
        published_at=timezone.now(),
    )
    kinds = [ContributionKind.PROPOSAL, ContributionKind.VIGILANCE, ContributionKind.EXPERIENCE]
    contributions = []
    for position, (label, size) in enumerate(topics):
        topic = Topic.objects.create(run=run, position=position, label=label, generated_label=label, size=size)
        for index in range(size):
            author = UserFactory(librarian=index % 2 == 0)
            contribution = ContributionFactory(
                theme=theme,
                author=author,
                kind=kinds[index % 3],
                title=f"{label.split(' · ')[0]} : contribution {index + 1}",
                body=QUOTE if index == 0 else "Un texte de contribution assez long pour être cité dans le dossier.",
                supports_count=10 - index,
            )
            contributions.append(contribution)
            TopicMembership.objects.create(
                run=run,
                topic=topic,
                contribution=contribution,
                representative_rank=index + 1 if index < 2 else None,
            )
    noise = Topic.objects.create(run=run, kind=TopicKind.NON_INFORMATIVE, position=99, label="Sans contenu", size=0)
    run.noise_topic = noise
    run.test_contributions = contributions
    return run


class DossierFactory(factory.django.DjangoModelFactory):
    """A queued dossier of a held meeting (no synthesis run: set one to generate it)."""

    class Meta:
        model = Dossier

    meeting = factory.SubFactory(MeetingFactory, held=True)
