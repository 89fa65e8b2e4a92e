"""The organisers' pages of funding schemes: the list with unpublished schemes, create and edit a scheme with its
rules (« Ajouter une règle » without JavaScript), every refusal of a rule in French naming it with nothing written,
publish and unpublish, and the admin's same refusal."""

from html import unescape

import pytest
from django.urls import reverse

from mediane.funding.forms import parse_value
from mediane.funding.models import EligibilityRule, Scheme
from mediane.funding.services import MAX_RULES
from tests.funding.factories import EligibilityRuleFactory, SchemeFactory

pytestmark = pytest.mark.django_db


def scheme_post(rules=(), **changes):
    data = {
        "name": "Aide régionale aux médiathèques",
        "short_name": "",
        "slug": "aide-regionale",
        "funder": "Région Auvergne-Rhône-Alpes",
        "funder_kind": "region",
        "summary": "Une aide pour équiper les médiathèques.",
        "description": "Le texte.",
        "source_url": "",
        "period_text": "2024-2026",
        "period_start": "",
        "period_end": "",
        "amount_text": "Jusqu'à 30 % de la dépense.",
        "rate_percent": "30",
        "ceiling_euros": "",
        "unit_amount_euros": "",
        "unit_name": "",
        "published": "on",
        "position": "10",
        "rules-TOTAL_FORMS": str(len(rules)),
        "rules-INITIAL_FORMS": "0",
        "rules-MIN_NUM_FORMS": "0",
        "rules-MAX_NUM_FORMS": "30",
    }
    for index, (fact, operator, value, wording) in enumerate(rules):
        data |= {
            f"rules-{index}-fact": fact,
            f"rules-{index}-operator": operator,
            f"rules-{index}-value": value,
            f"rules-{index}-wording": wording,
        }
    return data | changes


def test_the_list_shows_unpublished_schemes_to_organisers_only(client, organiser, citizen):
    SchemeFactory(name="Aide en préparation", unpublished=True)
    client.force_login(citizen)
    assert client.get(reverse("funding:manage")).status_code == 403
    client.force_login(organiser)
    page = unescape(client.get(reverse("funding:manage")).content.decode())
    assert "Aide en préparation" in page
    assert "Non publié" in page
    assert "Retirer la publication" in page and "Dépublier" not in page


def test_the_organisers_list_runs_a_constant_number_of_queries(client, organiser, django_assert_num_queries):
    client.force_login(organiser)
    client.get(reverse("funding:manage"))
    with django_assert_num_queries(5) as small:
        client.get(reverse("funding:manage"))
    for _ in range(5):
        EligibilityRuleFactory.create_batch(2, scheme=SchemeFactory(unpublished=True))
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("funding:manage"))


def test_an_organiser_creates_a_scheme_with_its_rules_written_in_plain_text(client, organiser):
    client.force_login(organiser)
    rules = [
        ("structure_kind", "in", "commune, epci, bibliotheque_municipale", ""),
        ("population", "between", "2 000 à 10 000", "réservé aux petites villes"),
        ("rural_area", "is_true", "", ""),
    ]
    response = client.post(reverse("funding:scheme_create"), scheme_post(rules))
    assert response.status_code == 302
    scheme = Scheme.objects.get(slug="aide-regionale")
    assert [(r.fact, r.operator, r.value) for r in scheme.rules.all()] == [
        ("structure_kind", "in", ["commune", "epci", "bibliotheque_municipale"]),
        ("population", "between", [2000, 10000]),
        ("rural_area", "is_true", None),
    ]
    assert response["Location"] == scheme.get_absolute_url()


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (("population", "in", "10000", ""), "Règle 2 : la condition « est l'une de ces valeurs » ne s'applique pas"),
        (("population", "at_least", "beaucoup", ""), "Règle 2 : pour le critère « population"),
        (("labels", "any_of", "Label imaginaire", ""), "Règle 2 : « Label imaginaire » ne fait pas partie"),
        (("structure_kind", "in", "mairie", ""), "Règle 2 : « mairie » ne fait pas partie"),
        (("charter_signed", "is_true", "oui", ""), "Règle 2 : pour le critère « charte"),
        (("", "in", "commune", ""), "Règle 2 : choisissez le critère que la règle teste"),
        (("population", "", "10", ""), "Règle 2 : choisissez la condition de la règle"),
    ],
)
def test_a_rule_that_cannot_be_evaluated_is_refused_by_the_form_with_nothing_written(client, organiser, rule, message):
    client.force_login(organiser)
    before = (Scheme.objects.count(), EligibilityRule.objects.count())
    response = client.post(
        reverse("funding:scheme_create"), scheme_post([("structure_kind", "in", "commune", ""), rule])
    )
    assert response.status_code == 400
    assert message in unescape(response.content.decode())
    assert (Scheme.objects.count(), EligibilityRule.objects.count()) == before


def test_a_forged_fact_outside_the_list_is_refused_by_the_form(client, organiser):
    client.force_login(organiser)
    response = client.post(reverse("funding:scheme_create"), scheme_post([("surface", "in", "1", "")]))
    assert response.status_code == 400
    assert not Scheme.objects.filter(slug="aide-regionale").exists()


def test_adding_a_rule_re_renders_the_form_with_one_more_row_and_saves_nothing(client, organiser):
    client.force_login(organiser)
    data = scheme_post([("structure_kind", "in", "commune", "")]) | {"add_rule": "1"}
    response = client.post(reverse("funding:scheme_create"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="rules-1-fact"' in page
    assert 'name="rules-TOTAL_FORMS" value="2"' in page
    assert not Scheme.objects.filter(slug="aide-regionale").exists()


def test_a_forged_total_of_rule_rows_is_bounded(client, organiser):
    client.force_login(organiser)
    data = scheme_post() | {"add_rule": "1", "rules-TOTAL_FORMS": "99999999999999999999"}
    assert client.post(reverse("funding:scheme_create"), data).status_code == 200


def test_an_organiser_edits_a_scheme_and_replaces_its_rules(client, organiser):
    scheme = SchemeFactory(slug="a-modifier")
    EligibilityRuleFactory(scheme=scheme)
    client.force_login(organiser)
    page = client.get(reverse("funding:scheme_edit", args=["a-modifier"])).content.decode()
    assert 'value="bibliotheque_municipale, commune"' in page
    response = client.post(
        reverse("funding:scheme_edit", args=["a-modifier"]),
        scheme_post([("staff_trained", "at_least", "2", "")], slug="a-modifier", **{"rules-INITIAL_FORMS": "0"}),
    )
    assert response.status_code == 302
    assert [(r.fact, r.value) for r in scheme.rules.all()] == [("staff_trained", 2)]


def test_a_rule_marked_for_deletion_is_removed(client, organiser):
    scheme = SchemeFactory(slug="a-modifier")
    client.force_login(organiser)
    data = scheme_post(
        [("structure_kind", "in", "commune", ""), ("population", "at_least", "5", "")], slug="a-modifier"
    ) | {"rules-1-DELETE": "on"}
    assert client.post(reverse("funding:scheme_edit", args=["a-modifier"]), data).status_code == 302
    assert [r.fact for r in scheme.rules.all()] == ["structure_kind"]


def test_a_reserved_slug_is_refused(client, organiser):
    client.force_login(organiser)
    response = client.post(reverse("funding:scheme_create"), scheme_post(slug="eligibilite"))
    assert response.status_code == 400
    assert "est réservé à une page du site" in unescape(response.content.decode())


def test_publishing_and_unpublishing_from_the_list(client, organiser):
    scheme = SchemeFactory(slug="a-publier", unpublished=True)
    client.force_login(organiser)
    client.post(reverse("funding:scheme_publish", args=["a-publier"]), {"publier": "1"})
    scheme.refresh_from_db()
    assert scheme.published
    client.post(reverse("funding:scheme_publish", args=["a-publier"]), {"publier": "0"})
    scheme.refresh_from_db()
    assert not scheme.published


def test_the_admin_refuses_a_rule_that_cannot_be_evaluated_and_saves_nothing(admin_client):
    before = (Scheme.objects.count(), EligibilityRule.objects.count())
    data = {
        "name": "Aide de l'admin",
        "short_name": "",
        "slug": "aide-admin",
        "funder": "État",
        "funder_kind": "etat",
        "summary": "Une phrase.",
        "description": "Le texte.",
        "source_url": "",
        "period_text": "",
        "amount_text": "10 %",
        "unit_name": "",
        "position": "0",
        "published": "on",
        "rules-TOTAL_FORMS": "1",
        "rules-INITIAL_FORMS": "0",
        "rules-MIN_NUM_FORMS": "0",
        "rules-MAX_NUM_FORMS": "1000",
        "rules-0-position": "1",
        "rules-0-fact": "population",
        "rules-0-operator": "in",
        "rules-0-value": '["x"]',
        "rules-0-wording": "",
    }
    response = admin_client.post(reverse("admin:funding_scheme_add"), data)
    assert response.status_code == 200
    assert (
        "Règle 1 : la condition « est l&#x27;une de ces valeurs » ne s&#x27;applique pas" in response.content.decode()
    )
    assert (Scheme.objects.count(), EligibilityRule.objects.count()) == before
    data["rules-0-operator"] = "at_least"
    data["rules-0-value"] = "1000"
    assert admin_client.post(reverse("admin:funding_scheme_add"), data).status_code == 302
    assert Scheme.objects.get(slug="aide-admin").rules.get().value == 1000


def test_a_refused_rule_is_also_said_under_its_own_row(client, organiser):
    client.force_login(organiser)
    rules = [("structure_kind", "in", "commune", ""), ("", "", "", ""), ("population", "in", "1", "")]
    response = client.post(reverse("funding:scheme_create"), scheme_post(rules))
    page = unescape(response.content.decode())
    message = "Règle 2 : la condition « est l'une de ces valeurs » ne s'applique pas"
    assert page.count(message) == 2  # above the form, and in the third row (the blank one is not a rule)
    third_row = page.split('id="regle-3"', 1)[1].split("</fieldset>", 1)[0]
    assert message in third_row


def test_adding_a_rule_at_the_maximum_adds_none_keeps_the_rules_and_says_so(client, organiser):
    client.force_login(organiser)
    rules = [("structure_kind", "in", "commune", f"Condition {n}") for n in range(MAX_RULES)]
    response = client.post(reverse("funding:scheme_create"), scheme_post(rules) | {"add_rule": "1"})
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert f'name="rules-TOTAL_FORMS" value="{MAX_RULES}"' in page
    assert "Condition 29</textarea>" in page
    assert f"Un dispositif a {MAX_RULES} règles au plus" in page
    assert 'name="add_rule"' not in page
    assert not Scheme.objects.filter(slug="aide-regionale").exists()


def test_below_the_maximum_the_add_button_is_there(client, organiser):
    client.force_login(organiser)
    rules = [("structure_kind", "in", "commune", "")] * (MAX_RULES - 2)
    response = client.post(reverse("funding:scheme_create"), scheme_post(rules) | {"add_rule": "1"})
    page = response.content.decode()
    assert f'name="rules-TOTAL_FORMS" value="{MAX_RULES - 1}"' in page
    assert 'name="add_rule"' in page


def test_a_value_of_a_thousand_nested_brackets_is_refused_in_french_not_a_crash(client, organiser):
    client.force_login(organiser)
    response = client.post(reverse("funding:scheme_create"), scheme_post([("structure_kind", "in", "[" * 1500, "")]))
    assert response.status_code == 400
    assert "Règle 1" in unescape(response.content.decode())
    assert not Scheme.objects.filter(slug="aide-regionale").exists()


def test_nested_lists_are_not_read_as_a_value():
    assert parse_value("structure_kind", "in", "[[[1]]]") == "[[[1]]]"
    assert parse_value("population", "between", "[2000, 10000]") == [2000, 10000]
