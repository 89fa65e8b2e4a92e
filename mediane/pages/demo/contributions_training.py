"""Theme 3 of 2019, « Former et professionnaliser les acteurs »: its contributions, written for the demo, in the
shape of `contributions.CONTRIBUTIONS` (theme number, kind, persona key, title, body). Open from July to September
2019: what people wrote then, and nothing they could not have known.
"""

from mediane.pages.demo.kinds import E, P, V

TRAINING: list[tuple[int, str, str, str, str]] = [
    (
        3,
        E,
        "formateur",
        "Une journée de formation ne suffit pas",
        "Nous proposons une journée « accueillir les publics en difficulté avec le numérique ». Les stagiaires "
        "repartent motivés, mais trois mois plus tard, beaucoup n'ont rien changé. Sans suivi, sans temps dégagé "
        "dans le planning, la formation reste un bon souvenir.",
    ),
    (
        3,
        P,
        "marc",
        "Un parcours de formation à l'accueil numérique pour toutes les équipes",
        "Chaque agent qui est à l'accueil devrait suivre un parcours court : repérer une personne en difficulté, "
        "l'aider sans faire à sa place, savoir vers qui l'orienter. Pas besoin d'être expert en informatique : il "
        "faut surtout savoir accueillir.",
    ),
    (
        3,
        V,
        "nadia",
        "On forme les volontaires, pas les équipes",
        "Dans notre réseau, ce sont toujours les deux ou trois mêmes collègues passionnés qui partent en "
        "formation. Les autres se sentent autorisés à dire « ce n'est pas mon travail ». Il faut former tout le "
        "monde, y compris les cadres.",
    ),
    (
        3,
        E,
        "julien",
        "Nous avons passé la certification Pix en équipe",
        "Toute l'équipe de l'espace numérique a passé la certification Pix. Certains avaient peur d'être jugés. "
        "Au final, chacun a vu ses points forts et ses manques, et nous avons organisé des formations entre "
        "collègues sur les domaines les plus faibles.",
    ),
    (
        3,
        P,
        "yann",
        "Certifier les compétences des agents avec Pix",
        "Pix permet de mesurer les compétences numériques et de les certifier. Proposer la certification à tous "
        "les agents qui accompagnent le public, sur le temps de travail, donnerait un repère commun et une "
        "reconnaissance.",
    ),
    (
        3,
        V,
        "chercheuse",
        "Savoir utiliser un ordinateur ne suffit pas pour savoir accompagner",
        "Un bon score en compétences numériques ne dit rien de la capacité à accompagner une personne qui a peur, "
        "qui lit mal ou qui est pressée par une échéance. La pédagogie et l'écoute s'apprennent aussi, et se "
        "mesurent mal.",
    ),
    (
        3,
        E,
        "maire_creuse",
        "Nos bénévoles ont besoin d'être formés, et rassurés",
        "Notre bibliothèque tient grâce à cinq bénévoles. Quand un habitant leur demande de l'aide pour sa "
        "déclaration en ligne, ils ont peur de mal faire. Une formation courte, près de chez nous, changerait "
        "tout.",
    ),
    (
        3,
        P,
        "sylvie",
        "Former les bénévoles des petites bibliothèques près de chez eux",
        "La bibliothèque départementale peut organiser des formations itinérantes : une demi-journée, dans une "
        "bibliothèque du réseau, pour les bénévoles et les agents des communes voisines. Se déplacer à la "
        "préfecture pour une journée, ils ne le feront pas.",
    ),
    (
        3,
        V,
        "secours",
        "Les bénévoles ne doivent pas remplacer des professionnels",
        "Les bénévoles font beaucoup, mais on ne peut pas tout leur demander. Aider quelqu'un pour un dossier de "
        "retraite ou un titre de séjour engage une responsabilité. Il faut dire clairement ce qu'un bénévole fait "
        "et ne fait pas.",
    ),
    (
        3,
        E,
        "olivier",
        "Animateur multimédia depuis quinze ans, toujours sur un contrat précaire",
        "J'anime l'espace public numérique depuis quinze ans. Mon poste a changé trois fois de nom et de "
        "financement. Ce métier existe sur le terrain, mais pas dans les grilles de la fonction publique.",
    ),
    (
        3,
        P,
        "gilles",
        "Reconnaître le métier de médiateur numérique",
        "Il faut une fiche métier, une formation qualifiante et des postes stables. Les médiateurs numériques "
        "font un vrai travail d'accompagnement social : ils ont besoin d'une place reconnue à côté des "
        "bibliothécaires et des travailleurs sociaux.",
    ),
    (
        3,
        V,
        "elue_interco",
        "Qui paie les formations ?",
        "Les petites collectivités n'ont pas de budget formation à la hauteur. Si l'on veut former tous les "
        "agents, il faut dire qui finance : l'État, le CNFPT, les régions ? Sinon, ce sera encore les mêmes "
        "territoires qui en profiteront.",
    ),
    (
        3,
        E,
        "francois",
        "Les ateliers d'analyse de pratiques entre collègues",
        "Une fois par mois, les collègues qui accompagnent le public se retrouvent une heure pour parler d'une "
        "situation difficile. On partage les astuces, on se soulage aussi. C'est devenu indispensable.",
    ),
    (
        3,
        P,
        "amandine",
        "Des temps d'échange entre pairs dans chaque département",
        "Sur le modèle de l'analyse de pratiques, réunir deux fois par an les bibliothécaires et les médiateurs "
        "d'un département pour échanger sur leurs situations. Cela forme autant qu'un stage, et cela crée un "
        "réseau.",
    ),
    (
        3,
        E,
        "etudiant",
        "Dans mon master, presque rien sur l'accompagnement au numérique",
        "Je suis en master métiers du livre. Nous avons des cours sur le catalogage et la politique documentaire, "
        "mais presque rien sur l'accueil des publics en difficulté avec le numérique. Pourtant, c'est ce que je "
        "fais tous les samedis en stage.",
    ),
    (
        3,
        P,
        "chercheuse",
        "Intégrer la médiation numérique dans la formation initiale des bibliothécaires",
        "Les écoles et les universités qui forment les bibliothécaires devraient inclure un module obligatoire "
        "sur la médiation numérique et l'accompagnement des publics, avec un stage dans un lieu d'aide.",
    ),
    (
        3,
        V,
        "cecile",
        "Les formations sont toujours dans les grandes villes",
        "Chaque fois qu'une formation m'intéresse, elle a lieu à Paris ou à Lyon. Deux jours de déplacement pour "
        "une journée de formation : ma bibliothèque ne peut pas s'en passer. Pensez aux formations à distance.",
    ),
    (
        3,
        P,
        "bruno",
        "Des formations à distance, courtes et accompagnées",
        "Un MOOC seul, on l'abandonne. Mais une formation à distance en petites séances d'une heure, avec un "
        "formateur disponible et un groupe, cela marche. Nous l'avons fait pour les médiateurs de la région.",
    ),
    (
        3,
        E,
        "patrice",
        "Former les agents à l'accueil des personnes qui parlent créole",
        "À La Réunion, beaucoup de personnes âgées parlent surtout créole. Nos agents qui le parlent rassurent "
        "tout de suite. La formation devrait tenir compte des langues du territoire, en outre-mer comme ailleurs.",
    ),
    (
        3,
        P,
        "dpo",
        "Former tout le monde aux données personnelles",
        "Aider quelqu'un en ligne, c'est voir ses identifiants, ses revenus, sa santé. Chaque agent et chaque "
        "bénévole devrait apprendre les bons gestes : ne jamais noter un mot de passe, fermer la session, ne pas "
        "garder de copie.",
    ),
    (
        3,
        V,
        "adjointe_culture",
        "Former sans donner de temps ne sert à rien",
        "On envoie les agents en formation, puis on leur demande de faire l'accompagnement en plus de tout le "
        "reste. Il faut prévoir ce temps dans les fiches de poste, sinon la formation est inutile.",
    ),
    (
        3,
        E,
        "lea",
        "Nous formons les bibliothécaires au fablab",
        "Les bibliothécaires de la ville viennent au fablab une demi-journée par mois. Ils apprennent à réparer "
        "un téléphone, à installer une application, à sauvegarder des photos. Ce sont les questions que le "
        "public leur pose.",
    ),
    (
        3,
        P,
        "helene",
        "Une boîte à outils commune pour les formateurs",
        "Chaque réseau refait les mêmes supports de formation. Une boîte à outils nationale, libre, avec des "
        "déroulés de formation et des cas pratiques, ferait gagner un temps précieux.",
    ),
    (
        3,
        E,
        "monique",
        "La bibliothécaire m'a appris à apprendre",
        "Je croyais que j'étais trop vieille. La bibliothécaire n'a jamais fait les choses à ma place : elle me "
        "montrait, puis elle me laissait faire. Aujourd'hui, j'aide mes voisines. Former les bibliothécaires à "
        "faire comme elle, c'est cela qui compte.",
    ),
]

# Proposals of theme 3 the crowd rallies behind (supports wanted), beside `consultation.POPULAR`.
POPULAR_TRAINING = {
    "Un parcours de formation à l'accueil numérique pour toutes les équipes": 24,
    "Former les bénévoles des petites bibliothèques près de chez eux": 19,
    "Reconnaître le métier de médiateur numérique": 16,
    "Des formations à distance, courtes et accompagnées": 12,
}

# (contribution title, persona key, body, replies as [(persona key, body)]), as `comments.COMMENTS`.
TRAINING_COMMENTS: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    (
        "Une journée de formation ne suffit pas",
        "formateur",
        "Nous essayons maintenant un suivi à trois mois, par téléphone. Les premiers retours sont encourageants.",
        [("nadia", "Un suivi, oui, et un temps prévu dans le planning pour pratiquer.")],
    ),
    (
        "Certifier les compétences des agents avec Pix",
        "chercheuse",
        "D'accord pour un repère commun, à condition que ce ne soit pas une sanction pour ceux qui ont un score bas.",
        [("yann", "Chez nous, le score n'a été vu que par la personne elle-même. C'est essentiel.")],
    ),
    (
        "Former les bénévoles des petites bibliothèques près de chez eux",
        "maire_rural",
        "Nous prêterions volontiers la salle du conseil municipal pour ces formations.",
        [],
    ),
    (
        "Reconnaître le métier de médiateur numérique",
        "olivier",
        "Merci. Un métier reconnu, c'est aussi des médiateurs qui restent et qui connaissent leur public.",
        [],
    ),
]
