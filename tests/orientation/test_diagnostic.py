"""The needs self-diagnostic, pure: its questions, the checks of each answer, and what the answers recommend."""

import itertools

import pytest

from mediane.orientation import diagnostic
from mediane.orientation.diagnostic import QUESTIONS, QUESTIONS_BY_KEY, check, clean, recommend
from mediane.structures import standard

NEEDS = QUESTIONS_BY_KEY["besoin"].values
COMPLETE = {
    "besoin": ("demarches",),
    "materiel": ("oui",),
    "aisance": ("avec_aide",),
    "apprendre": ("egal",),
    "besoins": ("aucun",),
    "public": ("aucun",),
    "frais": ("payant",),
    "commune": ("69003",),
}


def test_there_are_at_most_ten_short_questions_with_two_to_six_answers_each():
    assert len(QUESTIONS) <= diagnostic.MAX_QUESTIONS
    for question in QUESTIONS:
        assert len(question.title) <= 60 and len(question.assisted_title) <= 60, question.key
        assert question.title.endswith("?") and question.assisted_title.endswith("?")
        if not question.free_text:
            assert 2 <= len(question.choices) <= 6, question.key
            assert len(set(question.values)) == len(question.values)


def test_the_commune_is_the_last_question():
    assert QUESTIONS[-1].key == "commune" and QUESTIONS[-1].free_text


def test_the_assisted_wording_speaks_of_the_person_in_the_third_person():
    for question in QUESTIONS:
        title, _hint = question.wording(assisted=True)
        assert "vous" not in title.lower().split(), question.key
        for choice in question.choices:
            words = choice.text(assisted=True).lower().replace("'", " ").split()
            assert not {"je", "j", "moi", "mes", "me", "m"} & set(words), choice.label


@pytest.mark.parametrize(
    "selection", [combo for size in range(1, len(NEEDS) + 1) for combo in itertools.combinations(NEEDS, size)]
)
def test_every_combination_of_needs_recommends_at_least_one_service_of_the_standard(selection):
    recommendation = recommend({**COMPLETE, "besoin": selection})

    services = [advice.service for advice in recommendation.services]
    assert services and set(services) <= set(standard.SERVICES)
    assert len(services) == len(set(services))
    assert all(advice.explanation for advice in recommendation.services)
    first = diagnostic.NEED_SERVICES[selection[0]][0]
    assert services[0] == first
    assert recommendation.required[0] == diagnostic.Filter("services", (first,), True, f"le service « {first} »")


def test_the_services_follow_the_order_of_the_needs_and_the_equipment_comes_last():
    recommendation = recommend(
        {**COMPLETE, "besoin": ("emploi", "demarches"), "materiel": ("non",), "aisance": ("jamais",)}
    )

    assert [advice.service for advice in recommendation.services] == [
        "Insertion professionnelle via le numérique",
        "Maîtrise des outils numériques du quotidien",
        "Aide aux démarches administratives",
        "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    ]


def test_protecting_oneself_recommends_safety_and_understanding():
    services = [advice.service for advice in recommend({**COMPLETE, "besoin": ("securite",)}).services]
    assert services == ["Utilisation sécurisée du numérique", "Compréhension du monde numérique"]


def test_without_internet_at_home_the_access_service_is_recommended_but_no_purchase():
    services = [a.service for a in recommend({**COMPLETE, "materiel": ("sans_internet",)}).services]
    assert services == ["Aide aux démarches administratives", "Accès internet et matériel informatique"]


def test_specific_needs_and_free_of_charge_are_required_preferences_are_nice_to_have():
    recommendation = recommend(
        {
            **COMPLETE,
            "besoin": ("demarches", "loisirs"),
            "besoins": ("surdite", "lecture", "langue"),
            "langue": ("anglais",),
            "frais": ("gratuit",),
            "apprendre": ("atelier",),
            "public": ("senior",),
        }
    )

    assert diagnostic.criteria(recommendation.required) == {
        "services": ("Aide aux démarches administratives",),
        "supports": ("Surdité", "Illettrisme", "Langues étrangères (anglais)"),
        "fees": ("Gratuit", "Gratuit sous condition"),
    }
    assert diagnostic.criteria(recommendation.nice_to_have) == {
        "services": ("Loisirs et créations numériques",),
        "modalities": ("Dans un atelier collectif",),
        "publics": ("Seniors",),
    }


def test_relaxations_drop_the_least_important_nice_to_have_filter_first_and_never_a_required_one():
    recommendation = recommend(
        {**COMPLETE, "besoin": ("demarches", "emploi"), "apprendre": ("individuel",), "public": ("jeune",)}
    )

    steps = recommendation.relaxations()

    assert [[f.description for f in dropped] for _kept, dropped in steps] == [
        [],
        ["un accueil pensé pour les jeunes"],
        ["une aide avec une personne rien que pour vous", "un accueil pensé pour les jeunes"],
        [
            "le service « Insertion professionnelle via le numérique »",
            "une aide avec une personne rien que pour vous",
            "un accueil pensé pour les jeunes",
        ],
    ]
    assert all(set(recommendation.required) <= set(kept) for kept, _dropped in steps)
    assert steps[-1][0] == recommendation.required


def test_no_preference_means_no_nice_to_have_filter():
    recommendation = recommend(COMPLETE)
    assert recommendation.nice_to_have == ()
    assert recommendation.relaxations() == [(recommendation.required, ())]


def test_what_to_bring_is_listed_only_when_procedures_are_recommended():
    assert any("pièce d'identité" in line for line in recommend(COMPLETE).bring)
    assert recommend({**COMPLETE, "besoin": ("loisirs",)}).bring == ()


def test_the_language_question_is_asked_only_to_someone_who_speaks_little_french():
    keys = [q.key for q in diagnostic.questions_for(COMPLETE)]
    assert "langue" not in keys and len(keys) == 8
    keys = [q.key for q in diagnostic.questions_for({**COMPLETE, "besoins": ("vue", "langue")})]
    assert keys.index("langue") == keys.index("besoins") + 1 and len(keys) == 9


def test_progress_and_neighbours_follow_the_skip():
    language = QUESTIONS_BY_KEY["langue"]
    public = QUESTIONS_BY_KEY["public"]
    with_language = {**COMPLETE, "besoins": ("langue",)}

    assert diagnostic.position(language, with_language) == (6, 9)
    assert diagnostic.position(public, with_language) == (7, 9)
    assert diagnostic.position(public, COMPLETE) == (6, 8)
    assert diagnostic.neighbours(public, COMPLETE) == (QUESTIONS_BY_KEY["besoins"], QUESTIONS_BY_KEY["frais"])
    assert diagnostic.neighbours(public, with_language)[0] == language
    assert diagnostic.neighbours(QUESTIONS[0], COMPLETE)[0] is None
    assert diagnostic.neighbours(QUESTIONS[-1], COMPLETE)[1] is None


def test_clean_keeps_only_known_values_of_the_questions_that_apply():
    raw = {
        "besoin": ["demarches", "pirate", "demarches", "loisirs"],
        "materiel": ["oui", "non"],
        "langue": ["anglais"],  # the person does not need it any more: dropped
        "besoins": ["vue"],
        "commune": ["  saint   etienne  "],
        "insee": ["42218", "69123"],
        "autre": ["x"],
    }
    assert clean(raw) == {
        "besoin": ("demarches", "loisirs"),
        "materiel": ("oui",),
        "besoins": ("vue",),
        "commune": ("saint etienne",),
        "insee": ("42218",),
    }


def test_an_insee_code_is_kept_only_with_the_commune_and_only_when_it_looks_like_one():
    assert "insee" not in clean({"insee": ["42218"]})
    assert "insee" not in clean({"commune": ["Lyon"], "insee": ["<script>"]})
    assert clean({"commune": ["Ajaccio"], "insee": ["2A004"]})["insee"] == ("2A004",)


def test_the_commune_is_cut_to_a_sensible_length():
    assert clean({"commune": ["6" * 500]})["commune"] == ("6" * diagnostic.PLACE_MAX_LENGTH,)


@pytest.mark.parametrize(
    ("key", "values", "message"),
    [
        ("besoin", [], "Cochez au moins une réponse."),
        ("materiel", [], "Choisissez une réponse."),
        ("materiel", ["oui", "non"], "Choisissez une réponse."),
        ("materiel", ["peut-être"], "Choisissez une réponse."),
        (
            "besoins",
            ["vue", "aucun"],
            "Vous avez coché « Non, je n'ai besoin d'aucune de ces aides » et une autre réponse : "
            "gardez l'une ou les autres.",
        ),
        (
            "commune",
            ["  "],
            "Écrivez le nom de votre commune ou son code postal, par exemple « Villeurbanne » ou « 69100 ».",
        ),
        ("besoin", ["emploi"], ""),
        ("besoins", ["aucun"], ""),
    ],
)
def test_each_answer_is_checked_with_a_french_message(key, values, message):
    assert check(QUESTIONS_BY_KEY[key], values) == message


def test_the_first_unanswered_question_leads_the_way_back():
    assert diagnostic.first_unanswered({}) == QUESTIONS[0]
    assert diagnostic.first_unanswered(COMPLETE) is None
    partial = {k: v for k, v in COMPLETE.items() if k != "frais"}
    assert diagnostic.first_unanswered(partial) == QUESTIONS_BY_KEY["frais"]
    assert diagnostic.first_unanswered({**COMPLETE, "besoins": ("langue",)}) == QUESTIONS_BY_KEY["langue"]


def test_the_module_stays_pure():
    source = diagnostic.__loader__.get_source(diagnostic.__name__)
    assert "django" not in source
