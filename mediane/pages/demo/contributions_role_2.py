"""Theme 1 of 2019, « Rôle et missions des bibliothèques »: the second half of its contributions, in the order they
were published, written for the demo as (theme number, kind, persona key, title, body). `contributions.py` joins the
two halves, in this order, into `CONTRIBUTIONS`.
"""

from mediane.pages.demo.kinds import E, P, V

ROLE_2: list[tuple[int, str, str, str, str]] = [
    (
        1,
        P,
        "sarah",
        "Une « charte d'accueil » commune à tous les lieux d'aide",
        "Tous les lieux qui aident au numérique pourraient s'engager sur une charte simple : accueil sans "
        "jugement, gratuité, respect de la confidentialité, orientation vers le bon interlocuteur.",
    ),
    (
        1,
        E,
        "olivier",
        "EPN et médiathèque sous le même toit",
        "À Nevers, l'espace public numérique a déménagé dans la médiathèque. Les publics se croisent : les "
        "lecteurs découvrent les ateliers, les usagers de l'EPN empruntent des livres. Les équipes ont appris à "
        "travailler ensemble, ce n'était pas évident au début.",
    ),
    (
        1,
        P,
        "etudiant",
        "Des services civiques pour l'aide numérique",
        "Les jeunes en service civique pourraient renforcer les équipes pour l'accompagnement de premier niveau. "
        "À condition d'être formés et encadrés, et de ne pas remplacer des postes.",
    ),
    (
        1,
        V,
        "formateur",
        "Les bénévoles ne peuvent pas tout porter",
        "Beaucoup de petites bibliothèques reposent sur des bénévoles. Ils sont précieux, mais on ne peut pas "
        "leur demander d'aider aux démarches administratives sans formation ni cadre juridique.",
    ),
    (
        1,
        E,
        "amandine",
        "Un atelier « smartphone » pour les plus de 60 ans",
        "Six séances d'1 h 30 : allumer, régler, appeler, photographier, installer une application, se protéger "
        "des arnaques. Les participants repartent avec un petit carnet. Nous avons 40 personnes en liste "
        "d'attente.",
    ),
    (
        1,
        P,
        "yann",
        "Prêter des tablettes à domicile",
        "Pour les personnes qui n'ont pas d'équipement, un prêt de tablette préparée (grandes icônes, "
        "applications utiles, connexion incluse) pour un mois, avec un atelier de prise en main au départ.",
    ),
    (
        1,
        V,
        "cecile",
        "La question de la responsabilité quand on fait à la place",
        "Quand je remplis une demande de RSA pour quelqu'un et qu'il y a une erreur, qui est responsable ? "
        "Moi ? La commune ? Personne ne sait. Il faut un cadre, comme celui qui se prépare avec Aidants Connect.",
    ),
    (
        1,
        E,
        "emmaus",
        "Des permanences avec un écrivain public numérique",
        "Chaque mardi, une bénévole écrivaine publique tient une permanence à la médiathèque. Elle aide à écrire "
        "des courriers et des courriels, et oriente vers les bons services.",
    ),
    (
        1,
        P,
        "bruno",
        "Mesurer ce que font les bibliothèques",
        "Personne ne sait combien de personnes sont aidées chaque année dans les bibliothèques. Un petit "
        "indicateur commun (nombre d'accompagnements, types de demande) aiderait à convaincre les financeurs.",
    ),
    (
        1,
        E,
        "adjointe_culture",
        "Dijon : un « point numérique » dans chaque bibliothèque de quartier",
        "Nous avons installé dans chaque bibliothèque de quartier un point numérique : deux postes, une "
        "imprimante, un scanner et un créneau d'aide deux fois par semaine. Le coût reste modeste et les "
        "habitants n'ont plus à traverser la ville.",
    ),
    (
        1,
        V,
        "chercheuse",
        "Le numérique ne doit pas remplacer l'humain",
        "L'objectif n'est pas que tout le monde fasse tout en ligne. Certaines personnes ne le pourront jamais. "
        "La bibliothèque doit aussi défendre le droit de faire ses démarches autrement, au guichet ou par "
        "courrier.",
    ),
    (
        1,
        P,
        "familles",
        "Des ateliers parents-enfants sur les écrans",
        "Les parents nous demandent de l'aide sur le temps d'écran, le contrôle parental, les réseaux sociaux. "
        "Les bibliothèques pourraient proposer des ateliers parents-enfants, avec les associations familiales.",
    ),
    (
        1,
        E,
        "samir",
        "J'ai trouvé mon travail grâce à l'atelier CV",
        "J'étais au chômage depuis un an. À la médiathèque, j'ai fait un atelier pour faire mon CV et créer mon "
        "espace Pôle emploi. Une bibliothécaire m'a appris à répondre aux annonces. J'ai trouvé un travail de "
        "magasinier.",
    ),
    (
        1,
        P,
        "patrice",
        "Adapter les horaires aux réalités des territoires ultramarins",
        "Ici, la chaleur et les transports rythment la journée. Ouvrir tôt le matin serait plus utile que le soir. "
        "Les solutions nationales doivent laisser de la souplesse.",
    ),
    (
        1,
        V,
        "alpha",
        "Attention aux formulaires écrits en langage administratif",
        "Même avec de l'aide, les usagers ne comprennent pas ce qu'on leur demande. « Justificatif de domicile "
        "de moins de trois mois », « avis d'imposition N-1 »… Les bibliothécaires passent beaucoup de temps à "
        "traduire. Il faudrait aussi demander aux administrations d'écrire plus simplement.",
    ),
    (
        1,
        E,
        "paul",
        "Mon expérience de bénévole à la bibliothèque",
        "Je suis retraité de l'informatique. J'aide le mercredi à la bibliothèque de ma commune. Les demandes sont "
        "simples mais urgentes : un mot de passe perdu, une mise à jour bloquée. Je me sens utile, mais parfois "
        "seul face à des situations difficiles (dettes, expulsions).",
    ),
    (
        1,
        P,
        "marc",
        "Un temps d'échange entre bibliothécaires sur les situations difficiles",
        "Nous sommes confrontés à la détresse de certains usagers. Un temps d'analyse de pratiques, comme chez "
        "les travailleurs sociaux, aiderait les équipes à tenir dans la durée.",
    ),
    (
        1,
        E,
        "sylvie",
        "La navette documentaire transporte aussi du matériel numérique",
        "Notre navette, qui apporte les livres dans les petites bibliothèques, transporte maintenant des valises "
        "de tablettes pour les ateliers. Cela ne coûte presque rien de plus.",
    ),
    (
        1,
        V,
        "maire_creuse",
        "La couverture internet est le premier problème",
        "Avant de parler d'ateliers, il faut du réseau. Dans ma commune, la bibliothèque a un débit de 2 Mbit/s. "
        "Impossible de faire un atelier à plusieurs. La fibre n'est pas prévue avant 2022.",
    ),
    (
        1,
        P,
        "lea",
        "Faire des bibliothèques des lieux de fabrication",
        "Imprimante 3D, réparation d'ordinateurs, découverte du code : le numérique, ce n'est pas seulement les "
        "démarches. Les publics éloignés viennent aussi pour faire, pas seulement pour apprendre.",
    ),
    (
        1,
        E,
        "kevin",
        "Le wifi de la médiathèque m'a sauvé pendant mes études",
        "Pendant ma licence, je n'avais pas internet chez moi. J'ai fait tous mes devoirs et mes candidatures à "
        "la médiathèque. Sans elle, j'aurais abandonné.",
    ),
    (
        1,
        V,
        "etudiant",
        "Les bibliothécaires ne sont pas formés à la médiation numérique",
        "Dans ma formation, il y a très peu de cours sur l'accompagnement des publics au numérique. On apprend "
        "le catalogage et les ressources numériques, pas à aider quelqu'un à créer une adresse e-mail.",
    ),
    (
        1,
        P,
        "conseiller_dep",
        "Intégrer l'inclusion numérique dans les schémas départementaux de lecture publique",
        "Les départements écrivent leurs schémas de lecture publique. Ils pourraient y inscrire un volet inclusion "
        "numérique, avec des moyens pour les petites bibliothèques du réseau.",
    ),
    (
        1,
        E,
        "fatou",
        "France Services et la médiathèque : l'expérience de Créteil",
        "Nous avons mis en place une orientation croisée : la médiathèque envoie vers nous les démarches "
        "complexes, nous envoyons vers elle les personnes qui veulent apprendre. Une réunion par mois entre les "
        "équipes suffit à bien se connaître.",
    ),
    (
        1,
        P,
        "secours",
        "Des ordinateurs reconditionnés pour les familles",
        "Les collectivités renouvellent leurs ordinateurs tous les cinq ans. Plutôt que de les jeter, elles "
        "pourraient les faire reconditionner et les donner via les bibliothèques, avec un atelier de prise en "
        "main.",
    ),
    (
        1,
        E,
        "elodie",
        "Faire les devoirs de mon fils sur l'ENT",
        "Les devoirs de mon fils sont sur l'ENT du collège et je n'y comprenais rien. À la médiathèque, on m'a "
        "montré comment faire sur mon téléphone. Maintenant je suis ses notes et ses devoirs.",
    ),
    (
        1,
        V,
        "gilles",
        "Ne pas confondre inclusion numérique et communication numérique",
        "Certaines bibliothèques pensent faire de l'inclusion numérique parce qu'elles ont une page Facebook ou "
        "des liseuses. L'inclusion, c'est accompagner les personnes qui en ont besoin. Il faut le dire clairement.",
    ),
    (
        1,
        P,
        "francois",
        "Une boîte à outils nationale pour les ateliers",
        "Des déroulés d'ateliers prêts à l'emploi, testés, avec les supports imprimables : premier pas, e-mail, "
        "sécurité, démarches. Chaque bibliothèque n'aurait plus à tout créer seule.",
    ),
    (
        1,
        E,
        "jeanne",
        "En Guyane, la médiathèque est loin",
        "J'habite à 40 km de la médiathèque. J'y vais une fois par mois quand j'ai quelqu'un pour m'emmener. Les "
        "bibliothécaires m'aident beaucoup ce jour-là. Mais le reste du mois, je suis seule avec mes papiers.",
    ),
    (
        1,
        P,
        "helene",
        "Ouvrir l'accès aux postes sans carte de lecteur",
        "L'accès aux ordinateurs devrait être possible sans être inscrit à la bibliothèque. Pour beaucoup, "
        "l'inscription est déjà une barrière.",
    ),
    (
        1,
        V,
        "nadia",
        "Des usagers qui ne savent pas qu'ils peuvent venir",
        "Les personnes qui ont le plus besoin d'aide ne savent souvent pas que la bibliothèque peut les aider. "
        "Elles pensent que c'est un lieu pour les gens qui lisent. Il faut communiquer autrement, dans les lieux "
        "où elles vont.",
    ),
    (
        1,
        P,
        "dpo",
        "Des postes publics configurés pour protéger la vie privée",
        "Session invitée qui s'efface à la déconnexion, navigateur en navigation privée par défaut, rappel à "
        "l'écran pour se déconnecter : quelques réglages simples protègent les usagers. Un guide national de "
        "configuration serait utile.",
    ),
    (
        1,
        E,
        "amandine",
        "Notre partenariat avec la mission locale",
        "Les conseillers de la mission locale viennent une fois par mois à la médiathèque avec leurs jeunes. Nous "
        "faisons ensemble des ateliers sur la recherche d'emploi en ligne et l'identité numérique.",
    ),
    (
        1,
        P,
        "adjointe_culture",
        "Associer les élus à la définition des missions",
        "Les élus locaux décident des moyens des bibliothèques. Il faut les associer dès maintenant au groupe de "
        "travail, sinon les propositions resteront lettre morte.",
    ),
    (
        1,
        P,
        "julien",
        "Faire de la bibliothèque le lieu d'accueil de l'inclusion numérique",
        "Je rejoins d'autres contributions : la bibliothèque pourrait devenir officiellement le lieu d'accueil et "
        "d'orientation de l'inclusion numérique dans chaque commune. Accueillir, faire un premier diagnostic, "
        "orienter.",
    ),
    (
        1,
        V,
        "robert",
        "Les ateliers sont trop rapides pour nous",
        "Dans certains ateliers, le formateur va trop vite et parle avec des mots anglais. Les personnes âgées "
        "n'osent pas demander de répéter. Il faut des groupes par niveau.",
    ),
]
