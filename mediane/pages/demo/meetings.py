"""The three meetings of the 2019 working group, as they were held: place, agendas, minutes (the forum's Markdown
subset), the organisations excused, and the decisions with the titles of the contributions behind each. Loaded by
`workinggroup.py`.
"""

from mediane.workinggroup.enums import DecisionStatus

PLACE = "Paris, ministère de la Culture"
AGENDAS = {
    1: (
        "1. Accueil par le Service du livre et de la lecture et l'Agence du numérique\n"
        "2. Présentation de la synthèse des contributions du thème 1 : sujets, chiffres et propositions les plus soutenues\n"
        "3. Échanges sur le rôle et les missions des bibliothèques dans l'inclusion numérique\n"
        "4. Décisions et suites à donner\n"
        "5. Calendrier des réunions suivantes"
    ),
    2: (
        "1. Retour sur les décisions de la réunion de mai\n"
        "2. Présentation de la synthèse du thème 2 : repérer, comprendre et orienter les publics\n"
        "3. Le diagnostic des besoins : quels outils, quelles limites ?\n"
        "4. L'orientation vers les autres lieux d'aide : annuaire, fiche commune\n"
        "5. Décisions"
    ),
    3: (
        "1. Point d'étape sur la feuille de route\n"
        "2. Présentation de la synthèse du thème 3 : former et professionnaliser les acteurs\n"
        "3. Formation initiale et continue : avec le CNFPT et l'Enssib\n"
        "4. Certification des compétences et place des bénévoles\n"
        "5. Décisions et clôture du cycle de réunions"
    ),
}
MINUTES_MAY = """La réunion est ouverte à 10 heures par le Service du livre et de la lecture, qui rappelle l'objet du groupe de travail : proposer des suites concrètes aux contributions du forum.

**Synthèse du thème 1.** L'Agence du numérique présente la synthèse des contributions publiées sur le thème « Rôle et missions des bibliothèques ». Les membres relèvent trois constats partagés :

- les bibliothèques accueillent déjà de nombreuses personnes en difficulté avec le numérique, souvent sans que cette mission soit reconnue ;
- l'aide aux démarches administratives en ligne pose des questions de responsabilité et de confidentialité ;
- le travail avec les autres lieux d'aide (Maisons France Services, espaces publics numériques, associations) reste à organiser.

**Échanges.** Les associations d'élus rappellent la situation des petites communes, qui n'ont pas toujours les moyens d'ouvrir plus longtemps. La MedNum insiste pour que les médiateurs déjà présents sur les territoires soient associés. Le CNFPT propose de rapprocher ces conclusions des travaux du thème 3 sur la formation.

**Décisions.** Le groupe adopte trois décisions, met une proposition à l'étude et en écarte une, comme indiqué ci-dessous. La prochaine réunion, sur le thème 2, aura lieu en juillet.

La séance est levée à 12 h 30."""

# title, text, status, titles of the theme 1 contributions behind the decision.
DECISIONS_MAY = [
    (
        "Reconnaître l'inclusion numérique parmi les missions des bibliothèques",
        "Le groupe de travail recommande que l'accompagnement des publics au numérique figure explicitement parmi les "
        "missions des bibliothèques territoriales, et que les collectivités l'inscrivent dans le projet de leur "
        "établissement.",
        DecisionStatus.ADOPTED,
        [
            "Inscrire l'inclusion numérique dans les missions officielles des bibliothèques",
            "Faire de la bibliothèque le lieu d'accueil de l'inclusion numérique",
            "Reconnaître la bibliothèque comme « tiers lieu » du numérique",
        ],
    ),
    (
        "Une convention type entre bibliothèques et Maisons France Services",
        "Le groupe de travail demande qu'une convention type soit proposée aux collectivités pour organiser l'orientation "
        "des personnes entre bibliothèques, Maisons France Services et médiateurs numériques du territoire.",
        DecisionStatus.ADOPTED,
        [
            "Des conventions avec les Maisons France Services",
            "France Services et la médiathèque : l'expérience de Créteil",
            "Attention à ne pas oublier les médiateurs déjà présents sur le territoire",
        ],
    ),
    (
        "Fixer les limites de l'aide aux démarches administratives",
        "Le groupe de travail adopte le principe d'un guide commun : ce qu'un·e bibliothécaire peut faire avec une "
        "personne, ce qu'il ou elle ne fait pas à sa place, et comment protéger ses données personnelles.",
        DecisionStatus.ADOPTED,
        [
            "Nous ne sommes pas des guichets de la CAF",
            "Le risque de devenir le service après-vente de la dématérialisation",
            "La question de la responsabilité quand on fait à la place",
            "Les bibliothécaires manipulent des données très sensibles",
        ],
    ),
    (
        "Élargir les horaires d'ouverture pour l'aide aux démarches",
        "Le groupe de travail met à l'étude l'ouverture en soirée et le samedi, en tenant compte des moyens des petites "
        "communes et des réalités des territoires ultramarins. Un point sera fait à la réunion de septembre.",
        DecisionStatus.TO_STUDY,
        [
            "Ouvrir les bibliothèques le soir et le samedi pour les démarches",
            "Adapter les horaires aux réalités des territoires ultramarins",
            "Les petites communes n'ont pas les moyens de suivre",
        ],
    ),
    (
        "Un label « bibliothèque numérique de proximité »",
        "Le groupe de travail n'a pas retenu la création d'un nouveau label : il préfère s'appuyer sur les dispositifs "
        "existants et sur la reconnaissance des missions (décision n° 1.1).",
        DecisionStatus.SET_ASIDE,
        ["Un label « bibliothèque numérique de proximité »"],
    ),
]

MINUTES_JULY = """La réunion est ouverte à 10 heures. Le Service du livre et de la lecture fait le point sur les décisions de mai : la convention type avec les Maisons France Services est en préparation, le guide sur l'aide aux démarches sera relu par les associations de bibliothécaires.

**Synthèse du thème 2.** L'Agence du numérique présente la synthèse des contributions sur le thème « Identifier et toucher les publics ». Trois constats reviennent le plus souvent :

- les personnes qui ont besoin d'aide ne la demandent pas toujours, par honte ou parce qu'elles ne savent pas qu'elle existe ;
- un diagnostic des besoins est utile, à condition d'être court, possible sur papier, et de ne pas devenir un fichage ;
- orienter une personne suppose de savoir où sont les autres lieux d'aide, ce qui est difficile sans annuaire à jour, surtout en zone rurale.

**Échanges.** Les associations d'élus insistent sur le transport, premier obstacle en zone rurale. La MedNum propose de s'appuyer sur le standard de données des lieux de médiation numérique pour l'annuaire. Le CGET rappelle l'expérimentation d'Aidants Connect, qui encadre l'aide apportée pour le compte d'une personne.

**Décisions.** Le groupe adopte trois décisions, met une proposition à l'étude et en écarte une, comme indiqué ci-dessous. La prochaine réunion, sur la formation, aura lieu en septembre.

La séance est levée à 12 h 45."""

MINUTES_SEPTEMBER = """La réunion est ouverte à 10 heures. Le Service du livre et de la lecture présente l'état des décisions de mai et de juillet ; la question des horaires d'ouverture, mise à l'étude en mai, est renvoyée à un groupe restreint avec les associations d'élus.

**Synthèse du thème 3.** L'Agence du numérique présente la synthèse des contributions sur le thème « Former et professionnaliser les acteurs ». Les membres retiennent trois constats :

- la formation touche surtout des volontaires, alors que toutes les équipes d'accueil sont concernées ;
- les bénévoles des petites bibliothèques ont besoin de formations courtes, près de chez eux ;
- le métier de médiateur numérique existe sur le terrain sans être reconnu.

**Échanges.** Le CNFPT propose d'ouvrir un parcours « accueil et médiation numérique » dans son offre. L'Enssib indique qu'un module sur la médiation numérique pourrait entrer dans la formation initiale. Les associations d'élus demandent que le financement des formations soit précisé pour les petites collectivités.

**Décisions.** Le groupe adopte trois décisions et en met une à l'étude, comme indiqué ci-dessous. Ce cycle de trois réunions s'achève : les décisions seront présentées lors de la Journée inclusion numérique de novembre.

La séance est levée à 12 h 30."""

# title, text, status, titles of the theme 2 contributions behind the decision.
DECISIONS_JULY = [
    (
        "Une fiche d'orientation commune à tous les lieux d'aide",
        "Le groupe de travail adopte le principe d'une fiche d'orientation commune, imprimable, que la personne emporte "
        "d'un lieu d'aide à l'autre : ce qu'elle veut faire, ce qu'elle sait déjà faire, le lieu et l'horaire où elle "
        "est attendue.",
        DecisionStatus.ADOPTED,
        [
            "Une fiche d'orientation commune, imprimable",
            "Un « rendez-vous chaud » entre structures",
            "On m'a envoyé de guichet en guichet",
        ],
    ),
    (
        "Un annuaire ouvert et tenu à jour des lieux d'aide numérique",
        "Le groupe de travail demande un annuaire public des lieux d'aide numérique, publié en données ouvertes selon "
        "le standard des lieux de médiation numérique, pour que chaque bibliothèque sache vers qui orienter, en ville "
        "comme en zone rurale.",
        DecisionStatus.ADOPTED,
        [
            "Un annuaire à jour des lieux d'aide numérique",
            "Orienter, oui, mais vers qui en zone rurale ?",
            "Orienter vers les médiateurs du territoire",
        ],
    ),
    (
        "Un diagnostic des besoins court, sur papier comme en ligne, qui ne garde rien",
        "Le groupe de travail recommande un diagnostic des besoins en quelques questions simples, utilisable sur "
        "papier comme en ligne, qui sert à orienter la personne et ne conserve aucune donnée sur elle.",
        DecisionStatus.ADOPTED,
        [
            "Un outil de diagnostic commun à tous les lieux",
            "Un autodiagnostic papier en 10 questions",
            "Le diagnostic en ligne exclut ceux qu'il veut aider",
            "Le diagnostic ne doit pas devenir un fichage",
        ],
    ),
    (
        "Habiliter des bibliothécaires à Aidants Connect",
        "Le groupe de travail met à l'étude l'habilitation de bibliothécaires volontaires à Aidants Connect, une fois "
        "l'expérimentation terminée. Un point sera fait avec ses responsables.",
        DecisionStatus.TO_STUDY,
        [
            "Habiliter les bibliothécaires à Aidants Connect",
            "Aidants Connect : un cadre nécessaire pour agir pour autrui",
        ],
    ),
    (
        "Croiser les fichiers des administrations pour repérer les personnes",
        "Le groupe de travail n'a pas retenu le croisement de fichiers nominatifs : il préfère un diagnostic de "
        "territoire, sans données personnelles, et le repérage par les personnes au contact du public.",
        DecisionStatus.SET_ASIDE,
        ["Croiser les données pour savoir où sont les besoins"],
    ),
]

# title, text, status, titles of the theme 3 contributions behind the decision.
DECISIONS_SEPTEMBER = [
    (
        "Un parcours de formation à l'accueil numérique pour toutes les équipes",
        "Le groupe de travail recommande que chaque agent d'accueil des bibliothèques suive un parcours court de "
        "formation à l'accueil numérique, proposé avec le CNFPT, avec du temps prévu pour pratiquer ensuite.",
        DecisionStatus.ADOPTED,
        [
            "Un parcours de formation à l'accueil numérique pour toutes les équipes",
            "On forme les volontaires, pas les équipes",
            "Une journée de formation ne suffit pas",
        ],
    ),
    (
        "Former les bénévoles près de chez eux, avec les bibliothèques départementales",
        "Le groupe de travail demande que les bibliothèques départementales organisent des formations itinérantes "
        "pour les bénévoles, et qu'un document dise ce qu'un bénévole fait et ne fait pas.",
        DecisionStatus.ADOPTED,
        [
            "Former les bénévoles des petites bibliothèques près de chez eux",
            "Nos bénévoles ont besoin d'être formés, et rassurés",
            "Les bénévoles ne doivent pas remplacer des professionnels",
        ],
    ),
    (
        "Des formations à distance, courtes et accompagnées",
        "Le groupe de travail recommande des formations à distance en petites séances, avec un formateur et un groupe, "
        "pour les équipes éloignées des grandes villes.",
        DecisionStatus.ADOPTED,
        [
            "Des formations à distance, courtes et accompagnées",
            "Les formations sont toujours dans les grandes villes",
        ],
    ),
    (
        "Proposer la certification Pix aux agents qui accompagnent le public",
        "Le groupe de travail met à l'étude la certification Pix des agents, sur le temps de travail et sans que le "
        "résultat serve à les évaluer, à côté d'une formation à l'accompagnement lui-même.",
        DecisionStatus.TO_STUDY,
        [
            "Certifier les compétences des agents avec Pix",
            "Nous avons passé la certification Pix en équipe",
            "Savoir utiliser un ordinateur ne suffit pas pour savoir accompagner",
        ],
    ),
]

# Organisations excused at each meeting (everyone else attended), by theme number.
EXCUSED = {
    1: {"Régions de France", "Emmaüs Connect"},
    2: {"Régions de France", "FNCC — Fédération nationale des collectivités territoriales pour la culture"},
    3: {"ACIM — Association pour la coopération des professionnels de l'information musicale"},
}
MINUTES = {1: MINUTES_MAY, 2: MINUTES_JULY, 3: MINUTES_SEPTEMBER}
DECISIONS = {1: DECISIONS_MAY, 2: DECISIONS_JULY, 3: DECISIONS_SEPTEMBER}
