"""Theme 2 of 2019, « Identifier et atteindre les publics cibles »: the first half of its contributions, in the order
they were published, written for the demo as (theme number, kind, persona key, title, body). `contributions.py`
joins the two halves, in this order, into `CONTRIBUTIONS`.
"""

from mediane.pages.demo.kinds import E, P, V

PUBLICS_1: list[tuple[int, str, str, str, str]] = [
    (
        2,
        E,
        "nadia",
        "Un questionnaire de 5 minutes à l'accueil pour connaître les besoins",
        "Nous avons créé un questionnaire très court, posé à l'oral à l'accueil : avez-vous un ordinateur, un "
        "téléphone, une adresse e-mail ? Que voulez-vous faire ? Selon les réponses, nous orientons vers un "
        "atelier, un rendez-vous individuel ou France Services. 5 minutes suffisent.",
    ),
    (
        2,
        P,
        "bruno",
        "Un outil de diagnostic commun à tous les lieux",
        "Chaque structure a son propre questionnaire. Un outil commun, simple et gratuit, permettrait de faire "
        "le diagnostic une seule fois et de le partager (avec l'accord de la personne) entre les lieux.",
    ),
    (
        2,
        V,
        "dpo",
        "Le diagnostic ne doit pas devenir un fichage",
        "Un diagnostic des compétences numériques révèle des fragilités : illettrisme, handicap, précarité. Ces "
        "informations ne doivent pas être conservées sans raison, ni partagées sans l'accord explicite de la "
        "personne.",
    ),
    (
        2,
        E,
        "ines",
        "Le Pass numérique APTIC à Marseille : premiers résultats",
        "Depuis trois mois, nous acceptons les Pass numériques APTIC. Les travailleurs sociaux les distribuent "
        "et les personnes viennent en atelier. Environ **60 %** des carnets distribués sont utilisés. Ceux qui "
        "ne viennent pas ont souvent des problèmes de transport ou de garde d'enfants.",
    ),
    (
        2,
        P,
        "sarah",
        "Distribuer les Pass numériques aussi dans les bibliothèques",
        "Aujourd'hui, les Pass numériques sont surtout distribués par les services sociaux. Les bibliothèques "
        "pourraient aussi les distribuer, car elles voient passer des personnes qui n'ont pas d'assistant "
        "social.",
    ),
    (
        2,
        E,
        "fatou",
        "Les personnes que nous voyons à France Services",
        "Trois profils reviennent : des personnes âgées seules, des personnes qui ne lisent pas bien le français, "
        "et des actifs pressés qui n'ont pas le temps de comprendre un site. Ce ne sont pas les mêmes besoins, "
        "et pas les mêmes réponses.",
    ),
    (
        2,
        V,
        "chercheuse",
        "Les « publics éloignés » ne sont pas un bloc",
        "On parle des publics éloignés du numérique comme d'un groupe. En réalité, il y a ceux qui n'ont pas "
        "d'équipement, ceux qui ne savent pas s'en servir, ceux qui ne veulent pas, et ceux qui savent mais "
        "n'ont pas confiance. Le diagnostic doit distinguer ces situations.",
    ),
    (
        2,
        P,
        "alpha",
        "Repérer l'illettrisme avec délicatesse",
        "Les personnes en situation d'illettrisme le cachent. Un agent d'accueil formé peut repérer les signes "
        "(« j'ai oublié mes lunettes ») et proposer une aide sans humilier. Il faudrait former tous les agents "
        "d'accueil à ce repérage.",
    ),
    (
        2,
        E,
        "helene",
        "Aller chercher les personnes là où elles sont",
        "Nous avons tenu des permanences à l'épicerie solidaire, au CCAS et à la sortie de l'école. Nous y avons "
        "rencontré des personnes qui ne seraient jamais venues à la médiathèque. La moitié sont venues ensuite à "
        "un atelier.",
    ),
    (
        2,
        P,
        "olivier",
        "Un annuaire à jour des lieux d'aide numérique",
        "Pour orienter, il faut savoir vers qui. Un annuaire public, à jour, avec les services de chaque lieu "
        "(ateliers, aide aux démarches, accès libre, horaires) et une carte. Et dans un format ouvert pour que "
        "chacun puisse le réutiliser.",
    ),
    (
        2,
        V,
        "cecile",
        "Orienter, oui, mais vers qui en zone rurale ?",
        "On nous dit d'orienter les personnes vers le bon interlocuteur. Mais dans mon canton, il n'y a ni "
        "France Services, ni EPN, ni association. La bibliothèque est seule. L'orientation suppose qu'il existe "
        "un réseau.",
    ),
    (
        2,
        E,
        "maire_rural",
        "Les habitants viennent d'abord à la mairie",
        "Dans les petites communes, les gens viennent demander de l'aide à la secrétaire de mairie. Elle n'a pas "
        "le temps et pas la formation. Nous avons décidé de faire de la bibliothèque, à côté, le lieu d'aide, et "
        "la secrétaire y oriente les habitants.",
    ),
    (
        2,
        P,
        "seniors",
        "Appeler les personnes âgées isolées",
        "Les personnes âgées isolées ne viennent pas. Avec le registre des personnes vulnérables du CCAS, on "
        "pourrait les appeler pour leur proposer une aide, à domicile ou à la bibliothèque.",
    ),
    (
        2,
        E,
        "aicha",
        "Je ne savais pas que la bibliothèque pouvait m'aider",
        "C'est l'assistante sociale qui m'a dit d'aller à la médiathèque pour mon dossier de logement social. Je "
        "pensais que c'était pour les livres. On m'a aidée à scanner mes papiers et à créer mon compte. J'y "
        "retourne maintenant pour apprendre.",
    ),
    (
        2,
        V,
        "asso_fle",
        "Les personnes allophones sont souvent oubliées",
        "Les sites administratifs sont en français seulement, et les ateliers aussi. Les personnes qui parlent "
        "peu le français ont un double obstacle. Il faut des ateliers adaptés, avec des pictogrammes et des "
        "interprètes bénévoles.",
    ),
    (
        2,
        P,
        "asso_fle",
        "Des ateliers « numérique et FLE » dans les bibliothèques",
        "Associer les cours de français langue étrangère et les ateliers numériques : apprendre le vocabulaire "
        "en créant son adresse e-mail, en prenant un rendez-vous en ligne. Les associations de FLE sont prêtes à "
        "travailler avec les bibliothèques.",
    ),
    (
        2,
        E,
        "marc",
        "Les jeunes aussi ont besoin d'aide",
        "On croit que les jeunes savent tout faire. Ils savent utiliser les réseaux sociaux, mais pas envoyer un "
        "CV en pièce jointe, ni remplir un dossier de bourse. Nous avons ouvert un créneau « jeunes » le "
        "mercredi, avec la mission locale.",
    ),
    (
        2,
        V,
        "gilles",
        "Ne pas réduire le diagnostic à un test de compétences",
        "Un test type Pix mesure des compétences, pas la situation de la personne. Quelqu'un peut savoir se "
        "servir d'une souris et être perdu parce qu'il a peur de se tromper dans sa déclaration. Le diagnostic "
        "doit partir des besoins réels.",
    ),
    (
        2,
        P,
        "nadia",
        "Une fiche d'orientation commune, imprimable",
        "Une fiche simple que la bibliothèque remplit avec la personne et lui donne : son besoin, le lieu où "
        "aller, l'adresse, les horaires, ce qu'il faut apporter. La personne arrive au bon endroit avec les "
        "bons papiers.",
    ),
    (
        2,
        E,
        "robert",
        "On m'a envoyé de guichet en guichet",
        "Pour ma retraite complémentaire, la caisse m'a dit d'aller sur internet, la mairie m'a envoyé à la "
        "médiathèque, la médiathèque m'a envoyé à France Services. J'ai fait trois fois le trajet. Il faudrait "
        "que les services se parlent.",
    ),
    (
        2,
        P,
        "fatou",
        "Un « rendez-vous chaud » entre structures",
        "Quand on oriente quelqu'un, on pourrait appeler devant lui la structure suivante et prendre rendez-vous "
        "tout de suite. La personne ne se perd pas en route.",
    ),
    (
        2,
        V,
        "emmaus",
        "Les personnes sans domicile ont besoin d'une adresse e-mail qui dure",
        "Beaucoup de personnes sans domicile perdent leur téléphone et donc l'accès à leurs comptes. Il faut les "
        "aider à garder une adresse e-mail et un coffre-fort numérique pour leurs papiers, accessible partout.",
    ),
    (
        2,
        E,
        "emmaus",
        "Le coffre-fort numérique pour les personnes à la rue",
        "Nous avons testé un coffre-fort numérique avec 30 personnes sans domicile. Leurs papiers d'identité "
        "scannés sont accessibles depuis la médiathèque. Quand les papiers sont volés, tout est plus simple.",
    ),
    (
        2,
        P,
        "kevin",
        "Un créneau sans rendez-vous le samedi",
        "Je travaille en intérim, je ne peux pas prévoir. Un créneau sans rendez-vous le samedi matin, c'est ce "
        "qui me conviendrait.",
    ),
    (
        2,
        E,
        "sylvie",
        "Les bibliothèques relais repèrent les besoins",
        "Nous avons demandé aux bénévoles des bibliothèques relais de noter, pendant un mois, les demandes liées "
        "au numérique. Résultat : 300 demandes, dont la moitié pour des démarches administratives. Cela nous a "
        "permis de convaincre le département.",
    ),
    (
        2,
        V,
        "formateur",
        "Le repérage demande une formation",
        "Identifier qu'une personne est en difficulté demande du tact. Sans formation, l'agent risque de vexer ou "
        "de passer à côté. Ce n'est pas inné.",
    ),
    (
        2,
        P,
        "conseiller_dep",
        "Croiser les données pour savoir où sont les besoins",
        "En croisant les données de couverture internet, d'âge de la population et de revenus, on pourrait "
        "repérer les communes où les besoins sont les plus forts, et y concentrer les moyens.",
    ),
    (
        2,
        E,
        "patrice",
        "Les mamans viennent pour les enfants, puis pour elles",
        "À l'heure du conte, les mamans attendent. Nous avons proposé un atelier numérique en même temps, à côté. "
        "Plusieurs sont devenues des habituées et nous ont amené leurs voisines.",
    ),
    (
        2,
        V,
        "elodie",
        "Les horaires des ateliers ne sont pas faits pour les parents",
        "Les ateliers sont à 14 h en semaine. Quand on travaille ou qu'on va chercher les enfants à l'école, on ne "
        "peut pas venir. Personne ne nous demande quand on serait disponibles.",
    ),
    (
        2,
        P,
        "elodie",
        "Une garde d'enfants pendant les ateliers",
        "Un coin jeux avec une animatrice pendant les ateliers pour les parents. Sinon, beaucoup de mamans "
        "comme moi ne peuvent pas venir.",
    ),
    (
        2,
        E,
        "yann",
        "Les personnes en situation de handicap",
        "Nous avons équipé un poste avec un lecteur d'écran, une loupe et un clavier à grosses touches. Il est peu "
        "utilisé, car personne ne le sait. Nous allons travailler avec les associations de personnes aveugles "
        "pour le faire connaître.",
    ),
    (
        2,
        P,
        "ines",
        "Orienter vers les médiateurs du territoire",
        "Chaque bibliothèque devrait savoir où reçoivent les médiateurs numériques de son territoire, et quels "
        "jours. Une carte tenue à jour serait idéale.",
    ),
    (
        2,
        V,
        "sarah",
        "Le diagnostic en ligne exclut ceux qu'il veut aider",
        "Certains proposent un autodiagnostic en ligne. Mais une personne qui ne sait pas utiliser internet ne "
        "le remplira pas. Il faut toujours une version papier ou orale.",
    ),
    (
        2,
        E,
        "olivier",
        "Un autodiagnostic papier en 10 questions",
        "Nous utilisons une feuille de 10 questions, avec des dessins. La personne coche ce qu'elle sait faire. "
        "Cela donne une base pour discuter, sans la mettre en difficulté devant un écran.",
    ),
    (
        2,
        P,
        "chercheuse",
        "Évaluer l'orientation : les personnes arrivent-elles au bon endroit ?",
        "On mesure le nombre de personnes orientées, jamais le nombre qui arrivent au bon endroit et trouvent "
        "une solution. Un suivi simple, quelques semaines après, permettrait d'améliorer les circuits.",
    ),
    (
        2,
        E,
        "samir",
        "Ce qui m'a fait venir : le bouche-à-oreille",
        "Je ne lis pas les affiches. C'est mon voisin qui m'a dit que la bibliothèque aidait pour Pôle emploi. "
        "Le bouche-à-oreille marche mieux que tout.",
    ),
    (
        2,
        P,
        "samir",
        "Former des « ambassadeurs » dans les quartiers",
        "Des habitants formés qui parlent de la bibliothèque autour d'eux, dans leur langue, dans leur "
        "immeuble. Ils connaissent les gens et les gens leur font confiance.",
    ),
    (
        2,
        V,
        "aicha",
        "La honte de demander de l'aide",
        "C'est difficile de dire qu'on ne sait pas. Devant tout le monde à l'accueil, je n'ose pas. Il faudrait "
        "un endroit plus discret pour expliquer son problème.",
    ),
    (
        2,
        P,
        "julien",
        "Un espace d'accueil confidentiel",
        "Prévoir dans chaque bibliothèque un petit bureau fermé pour les démarches et les premiers échanges. "
        "Les usagers y parlent plus librement de leur situation.",
    ),
    (
        2,
        E,
        "francois",
        "Ce que nous apprennent 1 000 demandes d'aide",
        "Nous avons noté chaque demande pendant un an :\n\n- 35 % démarches administratives (CAF, impôts, ANTS)\n"
        "- 25 % usage du téléphone\n- 20 % recherche d'emploi\n- 20 % autres (photos, courriels, achats)\n\n"
        "Les démarches prennent le plus de temps, mais les autres demandes sont la porte d'entrée.",
    ),
]
