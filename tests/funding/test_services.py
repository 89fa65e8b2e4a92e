"""Writing schemes with their rules (all or nothing, every refusal in French naming the rule), publishing, and the
structure's funding profile."""

import pytest
from django.core.exceptions import ValidationError

from mediane.funding import services
from mediane.funding.models import EligibilityRule, Scheme, StructureProfile
from mediane.funding.services import ProfileData, RuleData, SchemeData, SchemeError
from tests.funding.factories import EligibilityRuleFactory, SchemeFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

DATA = SchemeData(
    slug="ctl",
    name="Contrat territoire-lecture",
    funder="Ministère de la Culture (DRAC)",
    funder_kind="etat",
    summary="Un contrat de trois ans pour la lecture publique.",
    description="Le texte.",
    amount_text="Selon le contrat.",
)
GOOD = RuleData("structure_kind", "in", ["commune", "epci"], "ouvert aux communes et intercommunalités")


def test_a_scheme_is_created_with_its_rules_in_order():
    scheme = services.create_scheme(DATA, [GOOD, RuleData("population", "at_most", 10_000)])
    assert [(r.position, r.fact) for r in scheme.rules.all()] == [(1, "structure_kind"), (2, "population")]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (RuleData("surface", "in", ["x"]), "Règle 2 : le critère « surface » n'existe pas"),
        (RuleData("population", "in", ["x"]), "Règle 2 : la condition « est l'une de ces valeurs » ne s'applique pas"),
        (RuleData("population", "at_least", "beaucoup"), "Règle 2 : pour le critère « population"),
        (RuleData("labels", "any_of", ["Label inconnu"]), "Règle 2 : « Label inconnu » ne fait pas partie"),
    ],
)
def test_a_rule_that_cannot_be_evaluated_is_refused_when_the_scheme_is_created_and_nothing_is_written(rule, message):
    before = (Scheme.objects.count(), EligibilityRule.objects.count())
    with pytest.raises(SchemeError, match=message):
        services.create_scheme(DATA, [GOOD, rule])
    assert not Scheme.objects.filter(slug="ctl").exists()
    assert (Scheme.objects.count(), EligibilityRule.objects.count()) == before


def test_a_refused_edit_leaves_the_scheme_and_its_rules_as_they_were():
    scheme = services.create_scheme(DATA, [GOOD])
    changed = SchemeData(**{**DATA.__dict__, "name": "Nouveau nom"})
    with pytest.raises(SchemeError, match="Règle 1"):
        services.update_scheme(scheme, changed, [RuleData("population", "between", [10, 2])])
    scheme.refresh_from_db()
    assert scheme.name == "Contrat territoire-lecture"
    assert [(r.fact, r.value) for r in scheme.rules.all()] == [("structure_kind", ["commune", "epci"])]


def test_an_edit_replaces_the_fields_and_all_the_rules():
    scheme = services.create_scheme(DATA, [GOOD])
    changed = SchemeData(**{**DATA.__dict__, "name": "Nouveau nom"})
    services.update_scheme(scheme, changed, [RuleData("charter_signed", "is_true")])
    scheme.refresh_from_db()
    assert scheme.name == "Nouveau nom"
    assert [r.fact for r in scheme.rules.all()] == ["charter_signed"]


def test_every_reason_is_given_at_once():
    bad = SchemeData(**{**DATA.__dict__, "name": "", "slug": "Pas un slug !", "rate_percent": 150})
    with pytest.raises(SchemeError) as error:
        services.create_scheme(bad, [RuleData("x", "in", [])])
    text = " ".join(error.value.messages)
    assert "Le nom est obligatoire" in text
    assert "L'identifiant d'adresse" in text
    assert "Le taux est un pourcentage" in text
    assert "Règle 1 : le critère « x » n'existe pas" in text


def test_a_slug_already_taken_is_refused():
    SchemeFactory(slug="ctl")
    with pytest.raises(SchemeError, match="déjà celui d'un autre dispositif"):
        services.create_scheme(DATA, [])


def test_a_control_character_in_a_rules_wording_is_refused():
    with pytest.raises(SchemeError, match="Règle 1"):
        services.create_scheme(DATA, [RuleData("charter_signed", "is_true", None, "signée\x00")])
    assert not Scheme.objects.filter(slug="ctl").exists()


def test_the_models_clean_refuses_a_rule_that_cannot_be_evaluated():
    rule = EligibilityRuleFactory.build(scheme=SchemeFactory(), position=4, fact="population", operator="in", value=[1])
    with pytest.raises(ValidationError, match="Règle 4 : la condition"):
        rule.full_clean()


def test_publishing_and_unpublishing_a_scheme():
    scheme = SchemeFactory(unpublished=True)
    services.set_published(scheme, True)
    assert Scheme.objects.public().filter(pk=scheme.pk).exists()
    services.set_published(scheme, False)
    assert not Scheme.objects.public().filter(pk=scheme.pk).exists()


def test_a_scheme_whose_stored_rule_cannot_be_evaluated_is_not_published():
    scheme = SchemeFactory(unpublished=True)
    EligibilityRuleFactory(scheme=scheme, fact="population", operator="in", value=["x"])
    with pytest.raises(SchemeError, match="Règle 1"):
        services.set_published(scheme, True)
    scheme.refresh_from_db()
    assert not scheme.published


def test_a_profile_is_saved_once_per_structure_with_who_declared_it(librarian):
    structure = StructureFactory()
    services.save_profile(structure, ProfileData(rural_area=True, staff_trained=3), by=librarian)
    services.save_profile(structure, ProfileData(rural_area=False, staff_trained=4), by=librarian)
    profile = StructureProfile.objects.get()
    assert (profile.rural_area, profile.staff_trained, profile.updated_by) == (False, 4, librarian)


def test_a_profile_with_an_impossible_population_is_refused(librarian):
    with pytest.raises(services.ProfileError, match="population desservie"):
        services.save_profile(StructureFactory(), ProfileData(population_served=0), by=librarian)
    assert not StructureProfile.objects.exists()


def test_the_seeded_schemes_are_the_six_of_the_roadmap_and_every_rule_of_theirs_can_be_evaluated():
    seeded = Scheme.objects.prefetch_related("rules")
    assert [s.short_name for s in seeded] == [
        "DGD Bibliothèques",
        "BNR",
        "CTL / CDLI",
        "Fonds européens",
        "France Relance, inclusion numérique",
        "Conseiller numérique",
    ]
    for scheme in seeded:
        assert scheme.rules.all(), scheme
        services.check_rules(services.rules_of(scheme))
        assert scheme.source_url.startswith("https://")
    adviser = Scheme.objects.get(slug="conseiller-numerique")
    assert (adviser.unit_amount_euros, adviser.figures_are_illustrative) == (50_000, False)
    assert "titre d'exemple" in Scheme.objects.get(slug="dgd-bibliotheques").amount_text


@pytest.mark.parametrize("persona", ["citizen", "librarian", "organiser"])
def test_the_view_permission_and_the_visible_queryset_agree(request, persona):
    user = request.getfixturevalue(persona)
    SchemeFactory(slug="brouillon", unpublished=True)
    for scheme in Scheme.objects.all():
        assert (
            user.has_perm("funding.view_scheme", scheme)
            == Scheme.objects.visible_to(user).filter(pk=scheme.pk).exists()
        ), (persona, scheme.slug)
