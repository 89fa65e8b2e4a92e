"""The needs self-diagnostic: its questions in plain French, and what the answers recommend.

Pure Python, no Django. Answers are plain data (`Answers`: a question's key → the values chosen), read from a
query string and never stored. `recommend` turns them into the standard's services, in priority order with one
plain sentence each, and into the filters of the nearest-place search, each « required » or « nice to have ».
Every question has a second wording in the third person, for a mediator who answers for someone else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from mediane.structures import standard

Answers = dict[str, tuple[str, ...]]

PLACE_MAX_LENGTH = 80
_INSEE_RE = re.compile(r"^[0-9][0-9AB][0-9]{3}$")
WRITE_PLACE = "Écrivez le nom de votre commune ou son code postal, par exemple « Villeurbanne » ou « 69100 »."
CHOOSE_ONE = "Choisissez une réponse."
CHOOSE_SOME = "Cochez au moins une réponse."


@dataclass(frozen=True)
class Choice:
    """One answer. `assisted` is its third-person wording (a mediator answering for someone); empty: the same."""

    value: str
    label: str
    assisted: str = ""

    def text(self, assisted: bool) -> str:
        return (self.assisted or self.label) if assisted else self.label


@dataclass(frozen=True)
class Question:
    """One screen of the diagnostic. A question without choices is the commune (free text: a name or a postal code).

    `none_of` is the value of a checkbox that cannot be ticked with the others (« Non, aucune »). `applies`
    hides the question unless an earlier answer calls for it (the only skip of the diagnostic).
    """

    key: str
    title: str
    assisted_title: str
    hint: str = ""
    assisted_hint: str = ""
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    none_of: str = ""
    applies: Callable[[Answers], bool] | None = None

    @property
    def free_text(self) -> bool:
        return not self.choices

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def wording(self, assisted: bool) -> tuple[str, str]:
        """The question and its hint, in the first person or, for a mediator, the third."""
        if assisted:
            return self.assisted_title, self.assisted_hint or self.hint
        return self.title, self.hint

    def label_of(self, value: str, assisted: bool = False) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.text(assisted)
        return value


# --- The questions ----------------------------------------------------------------------------------------------

NEED = "besoin"
EQUIPMENT = "materiel"
EASE = "aisance"
LEARNING = "apprendre"
SUPPORTS = "besoins"
LANGUAGE = "langue"
PUBLIC = "public"
FEES = "frais"
PLACE = "commune"
# Not a question: the INSEE code of the commune once found (typed name or postal code, or chosen among several).
INSEE = "insee"

SEVERAL = "Vous pouvez cocher plusieurs réponses."

QUESTIONS: tuple[Question, ...] = (
    Question(
        NEED,
        "Que voulez-vous faire avec le numérique ?",
        "Que veut faire la personne avec le numérique ?",
        hint=SEVERAL,
        multiple=True,
        choices=(
            Choice(
                "demarches",
                "Faire mes démarches en ligne (CAF, impôts, Ameli, carte grise…)",
                "Faire ses démarches en ligne (CAF, impôts, Ameli, carte grise…)",
            ),
            Choice(
                "outils",
                "Apprendre à me servir d'un téléphone, d'une tablette ou d'un ordinateur",
                "Apprendre à se servir d'un téléphone, d'une tablette ou d'un ordinateur",
            ),
            Choice("emploi", "Chercher un emploi ou une formation"),
            Choice(
                "enfants",
                "Suivre l'école de mes enfants (Pronote, ENT…)",
                "Suivre l'école de ses enfants (Pronote, ENT…)",
            ),
            Choice(
                "securite",
                "Me protéger sur internet et comprendre les réseaux sociaux",
                "Se protéger sur internet et comprendre les réseaux sociaux",
            ),
            Choice(
                "loisirs",
                "Créer et me divertir (photos, vidéos, jeux…)",
                "Créer et se divertir (photos, vidéos, jeux…)",
            ),
        ),
    ),
    Question(
        EQUIPMENT,
        "Avez-vous un appareil pour aller sur internet ?",
        "La personne a-t-elle un appareil pour aller sur internet ?",
        hint="Un ordinateur, une tablette ou un téléphone qui va sur internet.",
        choices=(
            Choice("oui", "Oui, et j'ai internet chez moi", "Oui, et elle a internet chez elle"),
            Choice(
                "sans_internet", "Oui, mais je n'ai pas internet chez moi", "Oui, mais elle n'a pas internet chez elle"
            ),
            Choice("non", "Non, je n'en ai pas", "Non, elle n'en a pas"),
        ),
    ),
    Question(
        EASE,
        "Êtes-vous à l'aise avec le numérique ?",
        "La personne est-elle à l'aise avec le numérique ?",
        choices=(
            Choice(
                "jamais", "Je ne l'ai jamais ou presque jamais utilisé", "Elle ne l'a jamais ou presque jamais utilisé"
            ),
            Choice("avec_aide", "Je me débrouille avec de l'aide", "Elle se débrouille avec de l'aide"),
            Choice("sans_aide", "Je me débrouille sans aide", "Elle se débrouille sans aide"),
        ),
    ),
    Question(
        LEARNING,
        "Comment aimez-vous être aidé ?",
        "Comment la personne aime-t-elle être aidée ?",
        assisted_hint="Demandez-lui ce qu'elle préfère.",
        choices=(
            Choice("individuel", "Avec une personne, rien que pour moi", "Avec une personne, rien que pour elle"),
            Choice("atelier", "En groupe, dans un atelier"),
            Choice(
                "autonomie",
                "Seul, avec un ordinateur mis à ma disposition",
                "Seule, avec un ordinateur mis à sa disposition",
            ),
            Choice("distance", "À distance, par téléphone ou en vidéo"),
            Choice("egal", "Cela m'est égal", "Cela lui est égal"),
        ),
    ),
    Question(
        SUPPORTS,
        "Avez-vous besoin d'une aide particulière ?",
        "La personne a-t-elle besoin d'une aide particulière ?",
        hint=SEVERAL,
        multiple=True,
        none_of="aucun",
        choices=(
            Choice("surdite", "J'entends mal ou je n'entends pas", "Elle entend mal ou n'entend pas"),
            Choice("vue", "Je vois mal ou je ne vois pas", "Elle voit mal ou ne voit pas"),
            Choice(
                "moteur",
                "Je me déplace difficilement (fauteuil roulant, béquilles…)",
                "Elle se déplace difficilement (fauteuil roulant, béquilles…)",
            ),
            Choice(
                "lecture",
                "Lire ou écrire en français est difficile pour moi",
                "Lire ou écrire en français est difficile pour elle",
            ),
            Choice("langue", "Je parle mal le français", "Elle parle mal le français"),
            Choice("aucun", "Non, je n'ai besoin d'aucune de ces aides", "Non, elle n'a besoin d'aucune de ces aides"),
        ),
    ),
    Question(
        LANGUAGE,
        "Quelle langue parlez-vous le mieux ?",
        "Quelle langue la personne parle-t-elle le mieux ?",
        choices=(Choice("anglais", "L'anglais"), Choice("autre", "Une autre langue")),
        applies=lambda answers: "langue" in answers.get(SUPPORTS, ()),
    ),
    Question(
        PUBLIC,
        "Êtes-vous dans l'un de ces cas ?",
        "La personne est-elle dans l'un de ces cas ?",
        hint="Certains lieux accueillent ces personnes en particulier.",
        choices=(
            Choice("senior", "J'ai plus de 60 ans", "Elle a plus de 60 ans"),
            Choice("jeune", "J'ai moins de 26 ans", "Elle a moins de 26 ans"),
            Choice("etudiant", "Je fais des études", "Elle fait des études"),
            Choice("parent", "J'ai des enfants", "Elle a des enfants"),
            Choice("aucun", "Aucun de ces cas"),
        ),
    ),
    Question(
        FEES,
        "L'aide doit-elle être gratuite ?",
        "Pour la personne, l'aide doit-elle être gratuite ?",
        choices=(
            Choice("gratuit", "Oui, je ne peux pas payer", "Oui, elle ne peut pas payer"),
            Choice("payant", "Non, je peux payer un peu", "Non, elle peut payer un peu"),
        ),
    ),
    Question(
        PLACE,
        "Dans quelle commune habitez-vous ?",
        "Dans quelle commune habite la personne ?",
        hint="Son nom ou son code postal, par exemple « Villeurbanne » ou « 69100 ». Nous cherchons les lieux proches.",
    ),
)
QUESTIONS_BY_KEY = {question.key: question for question in QUESTIONS}
# The question screens never exceed this: a longer diagnostic loses the people it is for.
MAX_QUESTIONS = 10


def questions_for(answers: Mapping[str, Sequence[str]]) -> list[Question]:
    """The questions asked, given the answers so far (the language question only for those who need it)."""
    return [q for q in QUESTIONS if q.applies is None or q.applies(dict_of(answers))]


def dict_of(answers: Mapping[str, Sequence[str]]) -> Answers:
    return {key: tuple(values) for key, values in answers.items()}


def clean(raw: Mapping[str, Sequence[str]]) -> Answers:
    """The answers a query string carries, keeping only known values of the questions that apply.

    Anything else (an unknown value, a question that no longer applies after going back) is dropped: the
    state travels in the address, so it is read as untrusted input every time.
    """
    answers: Answers = {}
    for question in QUESTIONS:
        values = [value for value in raw.get(question.key, ()) if isinstance(value, str)]
        if question.free_text:
            text = " ".join(" ".join(values[:1]).split())[:PLACE_MAX_LENGTH]
            if text:
                answers[question.key] = (text,)
                insee = [v for v in raw.get(INSEE, ()) if isinstance(v, str) and _INSEE_RE.match(v)][:1]
                if insee:
                    answers[INSEE] = (insee[0],)
            continue
        kept = tuple(dict.fromkeys(v for v in values if v in question.values))
        if not question.multiple:
            kept = kept[:1]
        if kept:
            answers[question.key] = kept
    applicable = {question.key for question in questions_for(answers)} | {INSEE}
    return {key: values for key, values in answers.items() if key in applicable}


def check(question: Question, values: Sequence[str], assisted: bool = False) -> str:
    """The French message saying what to fix in the answer to `question`, or "" when it is fine."""
    if question.free_text:
        # The commune itself is looked up in the communes reference by the caller.
        return "" if values and values[0].strip() else WRITE_PLACE
    chosen = [value for value in values if value in question.values]
    if not chosen:
        return CHOOSE_SOME if question.multiple else CHOOSE_ONE
    if not question.multiple and len(set(chosen)) > 1:
        return CHOOSE_ONE
    if question.none_of and question.none_of in chosen and len(set(chosen)) > 1:
        return (
            f"Vous avez coché « {question.label_of(question.none_of, assisted)} » et une autre réponse : "
            "gardez l'une ou les autres."
        )
    return ""


def first_unanswered(answers: Answers) -> Question | None:
    """The first question that applies and has no valid answer yet (None: the diagnostic is complete)."""
    for question in questions_for(answers):
        if check(question, answers.get(question.key, ())):
            return question
    return None


def position(question: Question, answers: Answers) -> tuple[int, int]:
    """« Question n sur total » for a question that applies, given the answers (the skip changes the total)."""
    asked = questions_for(answers)
    return asked.index(question) + 1, len(asked)


def neighbours(question: Question, answers: Answers) -> tuple[Question | None, Question | None]:
    """The questions before and after one that applies, given the answers."""
    asked = questions_for(answers)
    index = asked.index(question)
    return (asked[index - 1] if index else None), (asked[index + 1] if index + 1 < len(asked) else None)


# --- What the answers recommend ---------------------------------------------------------------------------------

(
    PROCEDURES,
    EVERYDAY_TOOLS,
    EMPLOYMENT,
    SAFETY,
    PARENTING,
    LEISURE,
    UNDERSTANDING,
    ACCESS,
    EQUIPMENT_PURCHASE,
) = standard.SERVICES

EXPLANATIONS = {
    PROCEDURES: "Quelqu'un fait avec vous vos démarches en ligne : CAF, impôts, santé, papiers d'identité.",
    EVERYDAY_TOOLS: "Vous apprenez à vous servir d'un téléphone, d'une tablette ou d'un ordinateur, pas à pas.",
    EMPLOYMENT: "On vous aide à chercher un emploi ou une formation en ligne, et à écrire votre CV.",
    SAFETY: "On vous apprend à reconnaître les arnaques et à protéger vos mots de passe et vos données.",
    PARENTING: "On vous aide à suivre l'école de vos enfants en ligne et à les accompagner sur les écrans.",
    LEISURE: "Vous pouvez créer et vous divertir : photos, vidéos, musique, jeux.",
    UNDERSTANDING: "On vous aide à comprendre les réseaux sociaux et à vérifier si une information est vraie.",
    ACCESS: "Vous pouvez utiliser sur place un ordinateur, une imprimante et internet.",
    EQUIPMENT_PURCHASE: "Vous pouvez acheter un ordinateur ou un téléphone à petit prix.",
}
NEED_SERVICES = {
    "demarches": (PROCEDURES,),
    "outils": (EVERYDAY_TOOLS,),
    "emploi": (EMPLOYMENT,),
    "enfants": (PARENTING,),
    "securite": (SAFETY, UNDERSTANDING),
    "loisirs": (LEISURE,),
}
MODALITIES = {
    "individuel": ("Accompagnement individuel", "une aide avec une personne rien que pour vous"),
    "atelier": ("Dans un atelier collectif", "des ateliers en groupe"),
    "autonomie": ("En autonomie", "un ordinateur en libre accès"),
    "distance": ("À distance", "une aide à distance"),
}
SPECIFIC_SUPPORTS = {
    "surdite": ("Surdité", "un accueil des personnes sourdes ou malentendantes"),
    "vue": ("Déficience visuelle", "un accueil des personnes aveugles ou malvoyantes"),
    "moteur": ("Handicaps moteurs", "un accès pour les personnes qui se déplacent difficilement"),
    "lecture": ("Illettrisme", "une aide pour les personnes qui lisent ou écrivent difficilement"),
}
LANGUAGES = {
    "anglais": ("Langues étrangères (anglais)", "une aide en anglais"),
    "autre": ("Langues étrangères (autres)", "une aide dans une autre langue que le français"),
}
PUBLICS = {
    "senior": ("Seniors", "un accueil pensé pour les seniors"),
    "jeune": ("Jeunes", "un accueil pensé pour les jeunes"),
    "etudiant": ("Étudiants", "un accueil pensé pour les étudiants"),
    "parent": ("Familles et/ou enfants", "un accueil pensé pour les familles"),
}
FREE_OF_CHARGE = ("Gratuit", "Gratuit sous condition")
BRING_FOR_PROCEDURES = (
    "Une pièce d'identité : carte d'identité, passeport ou titre de séjour.",
    "Vos identifiants et mots de passe, si vous en avez : adresse e-mail, FranceConnect, CAF, Ameli, impôts.",
    "Votre téléphone portable, si vous en avez un : il peut recevoir un code de connexion.",
    "Les courriers et papiers de votre démarche : dernier avis d'impôt, attestation CAF, numéro de sécurité sociale.",
    "Un justificatif de domicile récent, si la démarche en demande un.",
)


@dataclass(frozen=True)
class Advice:
    """A recommended service of the standard, and why, in one plain sentence."""

    service: str
    explanation: str


@dataclass(frozen=True)
class Filter:
    """One filter of the nearest-place search: the keyword of `search.nearest_places` and its labels.

    A required filter is never dropped. A nice-to-have one may be, when too few places have everything;
    `description` then says, in plain French, what the places shown may lack.
    """

    keyword: str
    labels: tuple[str, ...]
    required: bool
    description: str


@dataclass(frozen=True)
class Recommendation:
    services: tuple[Advice, ...]
    # Most important first: nice-to-have filters are dropped from the end.
    filters: tuple[Filter, ...]
    bring: tuple[str, ...] = ()

    @property
    def required(self) -> tuple[Filter, ...]:
        return tuple(f for f in self.filters if f.required)

    @property
    def nice_to_have(self) -> tuple[Filter, ...]:
        return tuple(f for f in self.filters if not f.required)

    def relaxations(self) -> list[tuple[tuple[Filter, ...], tuple[Filter, ...]]]:
        """The successive searches to try: (filters kept, filters dropped), first with every filter, then
        dropping the least important nice-to-have filter one at a time, down to the required ones alone."""
        steps = []
        optional = list(self.nice_to_have)
        dropped: list[Filter] = []
        while True:
            kept = tuple(f for f in self.filters if f.required or f in optional)
            steps.append((kept, tuple(dropped)))
            if not optional:
                return steps
            dropped.insert(0, optional.pop())


def criteria(filters: Sequence[Filter]) -> dict[str, tuple[str, ...]]:
    """The keyword arguments of `search.nearest_places` for these filters."""
    chosen: dict[str, tuple[str, ...]] = {}
    for item in filters:
        chosen[item.keyword] = tuple(dict.fromkeys((*chosen.get(item.keyword, ()), *item.labels)))
    return chosen


def recommend(answers: Mapping[str, Sequence[str]]) -> Recommendation:
    """The services to recommend, most important first, and the filters of the search, from the answers.

    The first service the person asked for is required of every place; the others are nice to have. A specific
    support (deafness, sight, mobility, reading, language) and « free of charge » are required: a place without
    them cannot help this person. A learning preference and a public are nice to have.
    """
    answers = clean(answers)
    needs = answers.get(NEED, ())
    services: list[str] = [service for need in needs for service in NEED_SERVICES[need]]
    ease = answers.get(EASE, ())
    if ("jamais" in ease or not services) and EVERYDAY_TOOLS not in services:
        # Someone who has never used a screen learns the basics along with what they came for.
        services.insert(min(1, len(services)), EVERYDAY_TOOLS)
    equipment = answers.get(EQUIPMENT, ())
    if "sans_internet" in equipment or "non" in equipment:
        services.append(ACCESS)
    if "non" in equipment:
        services.append(EQUIPMENT_PURCHASE)
    services = list(dict.fromkeys(services))

    filters: list[Filter] = [Filter("services", (services[0],), True, f"le service « {services[0]} »")]
    for value in answers.get(SUPPORTS, ()):
        if value in SPECIFIC_SUPPORTS:
            label, description = SPECIFIC_SUPPORTS[value]
            filters.append(Filter("supports", (label,), True, description))
    for value in answers.get(LANGUAGE, ()):
        label, description = LANGUAGES[value]
        filters.append(Filter("supports", (label,), True, description))
    if "gratuit" in answers.get(FEES, ()):
        filters.append(Filter("fees", FREE_OF_CHARGE, True, "un accueil gratuit"))
    # Nice to have, most important first: the other services asked for, then how to learn, then the public.
    for service in services[1:]:
        if service != EQUIPMENT_PURCHASE:  # a place that sells equipment is a different errand, not a filter
            filters.append(Filter("services", (service,), False, f"le service « {service} »"))
    for value in answers.get(LEARNING, ()):
        if value in MODALITIES:
            label, description = MODALITIES[value]
            filters.append(Filter("modalities", (label,), False, description))
    for value in answers.get(PUBLIC, ()):
        if value in PUBLICS:
            label, description = PUBLICS[value]
            filters.append(Filter("publics", (label,), False, description))

    return Recommendation(
        services=tuple(Advice(service, EXPLANATIONS[service]) for service in services),
        filters=tuple(filters),
        bring=BRING_FOR_PROCEDURES if PROCEDURES in services else (),
    )
