"""The demo forum's comments: (contribution title, persona key, body, replies as [(persona key, body)])."""

COMMENTS: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    (
        "Nous ne sommes pas des guichets de la CAF",
        "fatou",
        "C'est exactement pour cela que les Maisons France Services existent. Orientez-nous ces personnes, nous "
        "avons des correspondants à la CAF.",
        [
            (
                "nadia",
                "Merci, mais la France Services la plus proche est à 40 minutes en bus pour nos usagers.",
            ),
            (
                "amandine",
                "D'où l'intérêt d'une convention locale, pour que l'orientation marche dans les deux sens.",
            ),
        ],
    ),
    (
        "Nous ne sommes pas des guichets de la CAF",
        "cecile",
        "Même constat chez nous. Nous avons affiché ce que nous faisons et ne faisons pas à l'accueil : cela aide "
        "à expliquer.",
        [],
    ),
    (
        "Inscrire l'inclusion numérique dans les missions officielles des bibliothèques",
        "adjointe_culture",
        "Tout à fait d'accord. Pour un élu, une mission inscrite dans un texte, c'est un argument pour voter un "
        "budget.",
        [("marc", "Merci, c'est exactement ce que nous entendons en commission culture.")],
    ),
    (
        "Inscrire l'inclusion numérique dans les missions officielles des bibliothèques",
        "gilles",
        "Oui, à condition que les moyens suivent. Une mission sans moyens, c'est une charge de plus.",
        [],
    ),
    (
        "Une permanence numérique au marché du samedi",
        "maire_rural",
        "Très belle idée. Combien de personnes faut-il pour tenir la permanence ?",
        [
            (
                "helene",
                "Deux personnes : une pour accueillir et orienter, une pour accompagner. La clé 4G coûte "
                "15 euros par mois.",
            )
        ],
    ),
    (
        "Des conventions avec les Maisons France Services",
        "ines",
        "Nous avons une convention de ce type à Marseille. Le plus important : que les équipes se rencontrent "
        "vraiment, pas seulement les directions.",
        [],
    ),
    (
        "Des conventions avec les Maisons France Services",
        "elue_interco",
        "Un modèle de convention national aiderait les petites communes à se lancer.",
        [("amandine", "Bonne idée, je propose que le groupe de travail en rédige un.")],
    ),
    (
        "Ce que la bibliothèque m'a apporté",
        "yann",
        "Merci pour ce témoignage, il fait chaud au cœur de toute l'équipe !",
        [],
    ),
    (
        "Ce que la bibliothèque m'a apporté",
        "seniors",
        "Bravo Robert ! Vous pourriez peut-être devenir bénévole à votre tour ?",
        [("robert", "Pourquoi pas, si on m'explique comment faire.")],
    ),
    (
        "Les postes sont toujours pris",
        "francois",
        "Nous avons réservé deux postes aux démarches, avec une affichette. Cela a réglé le problème.",
        [],
    ),
    (
        "Les postes sont toujours pris",
        "kevin",
        "Les jeunes qui jouent n'ont souvent pas d'ordinateur chez eux non plus. Il faut plus de postes, pas "
        "moins de jeunes.",
        [("aicha", "Je suis d'accord, je ne veux pas les chasser. Juste un poste pour les papiers.")],
    ),
    (
        "Du wifi gratuit et sans inscription compliquée",
        "dpo",
        "Attention : un wifi public a des obligations de conservation des données de connexion. Une page "
        "d'acceptation simple reste possible.",
        [],
    ),
    (
        "La question de la responsabilité quand on fait à la place",
        "dpo",
        "Le futur mandat Aidants Connect doit justement répondre à cette question. En attendant, faites toujours "
        "valider chaque étape par la personne, devant l'écran.",
        [
            ("cecile", "Merci pour ce conseil très concret."),
            (
                "formateur",
                "C'est aussi ce que nous enseignons en formation : la personne reste maîtresse de sa démarche.",
            ),
        ],
    ),
    (
        "Financer des postes de médiateurs dans les bibliothèques municipales",
        "conseiller_dep",
        "Et prévoir dès le départ comment le poste sera pérennisé après le financement.",
        [],
    ),
    (
        "Financer des postes de médiateurs dans les bibliothèques municipales",
        "bruno",
        "Le Pass numérique et les appels à projets de l'État vont peut-être répondre à cette demande.",
        [],
    ),
    (
        "Une boîte à outils nationale pour les ateliers",
        "olivier",
        "Il existe déjà beaucoup de ressources libres (par exemple chez les Hubs territoriaux). Le plus utile "
        "serait de les rassembler et de les trier.",
        [("francois", "Oui, un tri par niveau et par durée serait précieux.")],
    ),
    (
        "Prêter des tablettes à domicile",
        "helene",
        "Nous le faisons avec des clés 4G et cela marche très bien. Les tablettes demandent plus de préparation "
        "entre deux prêts (effacer les données !).",
        [],
    ),
    (
        "Prêter des tablettes à domicile",
        "monique",
        "J'aurais aimé avoir ça avant qu'on m'offre la mienne.",
        [],
    ),
    (
        "La couverture internet est le premier problème",
        "sylvie",
        "C'est vrai pour la moitié de nos bibliothèques relais. Nous préparons les ateliers hors connexion quand "
        "c'est possible.",
        [],
    ),
    (
        "Un bus numérique pour les communes sans bibliothèque",
        "maire_creuse",
        "Ma commune serait candidate tout de suite.",
        [("maire_rural", "La mienne aussi. Il faudrait mutualiser à l'échelle du département.")],
    ),
    (
        "Un questionnaire de 5 minutes à l'accueil pour connaître les besoins",
        "olivier",
        "Pouvez-vous partager votre questionnaire ? Nous cherchons justement quelque chose de simple.",
        [
            ("nadia", "Avec plaisir, je le déposerai ici dès qu'il est relu."),
            ("bruno", "Intéressé aussi, pour le comparer avec le nôtre."),
        ],
    ),
    (
        "Un questionnaire de 5 minutes à l'accueil pour connaître les besoins",
        "alpha",
        "Bravo pour l'oral : c'est la seule façon de ne pas exclure les personnes qui lisent mal.",
        [],
    ),
    (
        "Le diagnostic ne doit pas devenir un fichage",
        "gilles",
        "Très important. Le diagnostic appartient à la personne, pas à la structure.",
        [],
    ),
    (
        "Le diagnostic ne doit pas devenir un fichage",
        "chercheuse",
        "On peut très bien produire des statistiques anonymes sans garder de fiches nominatives.",
        [("dpo", "Exactement : minimisation des données, et suppression après l'orientation.")],
    ),
    (
        "Le Pass numérique APTIC à Marseille : premiers résultats",
        "sarah",
        "60 %, c'est déjà beaucoup ! Avez-vous essayé de proposer les ateliers près des lieux de distribution ?",
        [("ines", "Oui, depuis le mois dernier, au centre social. Nous verrons si le taux monte.")],
    ),
    (
        "Le Pass numérique APTIC à Marseille : premiers résultats",
        "conseiller_dep",
        "Le département réfléchit à acheter des Pass. Votre retour nous aide beaucoup.",
        [],
    ),
    (
        "Un annuaire à jour des lieux d'aide numérique",
        "gilles",
        "Il existe un travail en cours sur un standard de données des lieux de médiation numérique. Il faudrait "
        "que les bibliothèques y figurent.",
        [],
    ),
    (
        "Un annuaire à jour des lieux d'aide numérique",
        "fatou",
        "Et surtout qu'il soit mis à jour : les horaires changent tout le temps.",
        [("olivier", "D'où l'intérêt que chaque lieu puisse mettre à jour sa propre fiche.")],
    ),
    (
        "Orienter, oui, mais vers qui en zone rurale ?",
        "maire_creuse",
        "Même situation chez nous. La bibliothèque est le réseau.",
        [],
    ),
    (
        "Les personnes allophones sont souvent oubliées",
        "nadia",
        "Nous avons des bénévoles qui parlent arabe, tamoul et anglais. Cela change tout pour l'accueil.",
        [
            (
                "asso_fle",
                "Belle initiative. Pourriez-vous recenser ces compétences linguistiques dans le réseau ?",
            )
        ],
    ),
    (
        "On m'a envoyé de guichet en guichet",
        "fatou",
        "Je suis désolée pour vous. C'est pour cela que nous voulons des fiches d'orientation communes.",
        [],
    ),
    (
        "Un « rendez-vous chaud » entre structures",
        "ines",
        "Nous le faisons déjà avec la mission locale. Le taux de personnes qui arrivent au rendez-vous est bien "
        "meilleur.",
        [],
    ),
    (
        "Une garde d'enfants pendant les ateliers",
        "patrice",
        "Nous faisons l'atelier pendant l'heure du conte : les enfants sont occupés juste à côté.",
        [("elodie", "Très bonne idée, je vais en parler à ma médiathèque.")],
    ),
    (
        "Le coffre-fort numérique pour les personnes à la rue",
        "dpo",
        "Attention au choix du prestataire : hébergement en France et aucun usage commercial des documents.",
        [],
    ),
    (
        "Habiliter les bibliothécaires à Aidants Connect",
        "formateur",
        "Nous pourrions intégrer cette habilitation dans les formations du CNFPT.",
        [],
    ),
    (
        "Un atelier « reconnaître les arnaques » dans chaque bibliothèque",
        "seniors",
        "C'est la première demande de nos adhérents. Nous pouvons fournir des exemples réels.",
        [("paul", "Merci, c'est le plus parlant pour les participants.")],
    ),
    (
        "Une fiche d'orientation commune, imprimable",
        "robert",
        "Oui ! Avec ça, je n'aurais pas fait trois fois le trajet.",
        [],
    ),
    (
        "Une fiche d'orientation commune, imprimable",
        "alpha",
        "Pensez à une version avec des pictogrammes pour les personnes qui lisent mal.",
        [],
    ),
    (
        "Ce que nous apprennent 1 000 demandes d'aide",
        "chercheuse",
        "Merci pour ces chiffres, rares et précieux. Accepteriez-vous de les partager pour une étude ?",
        [("francois", "Bien sûr, les données sont anonymes. Contactez la bibliothèque.")],
    ),
    (
        "Un numéro de téléphone unique pour trouver de l'aide",
        "bruno",
        "Ce numéro devrait renvoyer vers l'annuaire des lieux. Sinon, c'est une plateforme de plus.",
        [],
    ),
]
