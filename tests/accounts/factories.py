"""Factories for people, with one trait per role."""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from mediane.accounts.enums import ParticipantCategory, Role
from mediane.accounts.models import User

PASSWORD = "mot-de-passe-de-test-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Personne {n}")
    category = ParticipantCategory.USER
    postal_code = "69003"
    departement = "69"
    charter_accepted_at = factory.LazyFunction(timezone.now)
    password = factory.django.Password(PASSWORD)

    class Params:
        without_charter = factory.Trait(charter_accepted_at=None)
        librarian = factory.Trait(
            category=ParticipantCategory.LIBRARY_PROFESSIONAL, postal_code="59000", departement="59"
        )
        mediation_actor = factory.Trait(category=ParticipantCategory.DIGITAL_MEDIATION)
        elected = factory.Trait(category=ParticipantCategory.ELECTED_OFFICIAL, postal_code="35000", departement="35")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for role in extracted:
            group, _ = Group.objects.get_or_create(name=Role(role).value)
            self.groups.add(group)


def verify_email(user: User) -> None:
    """Mark the user's address as verified, as allauth does after the link in the e-mail is followed."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
