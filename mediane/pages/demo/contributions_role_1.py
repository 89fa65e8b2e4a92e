"""Theme 1 of 2019, « Rôle et missions des bibliothèques »: the first half of its contributions, in the order they were
published, written for the demo as (theme number, kind, persona key, title, body). `contributions.py` joins the two
halves, in this order, into `CONTRIBUTIONS`.
"""

from mediane.pages.demo.kinds import E, P, V

ROLE_1: list[tuple[int, str, str, str, str]] = [
    (
        1,
        E,
        "sylvie",
        "Des ateliers « premiers pas » dans 12 bibliothèques du réseau départemental",
        "Depuis deux ans, la bibliothèque départementale organise des ateliers « premiers pas sur l'ordinateur » "
        "dans 12 petites bibliothèques du réseau. Un animateur vient une fois par mois, le même jour, à la même "
        "heure.\n\nCe qui marche : la régularité, les petits groupes (6 personnes au plus) et le café à la fin. "
        "Ce qui coince : les bénévoles des petites bibliothèques ne se sentent pas capables de prendre le relais.",
    ),
    (
        1,
        P,
        "marc",
        "Inscrire l'inclusion numérique dans les missions officielles des bibliothèques",
        "Aucune loi ne dit aujourd'hui ce que sont les missions des bibliothèques, et on parle d'en écrire une. Il "
        "faudrait y écrire noir sur blanc que l'accompagnement au numérique fait partie de leurs missions, au même titre que "
        "l'accès à la lecture. Sans cela, chaque bibliothèque fait selon la bonne volonté de son équipe.",
    ),
    (
        1,
        V,
        "nadia",
        "Nous ne sommes pas des guichets de la CAF",
        "Chaque semaine, des usagers arrivent avec un courrier de la CAF ou de Pôle emploi et nous demandent de "
        "faire la démarche à leur place. Nous les aidons, bien sûr. Mais nous ne sommes pas formés au droit "
        "social et nous risquons de faire des erreurs. Les administrations ferment leurs guichets et comptent sur "
        "nous sans nous le dire, ni nous donner de moyens.",
    ),
    (
        1,
        P,
        "julien",
        "Un label « bibliothèque numérique de proximité »",
        "Un label national, simple, avec quelques critères clairs : des postes en accès libre, du wifi gratuit, un "
        "créneau d'aide par semaine au moins, du personnel formé. Cela rendrait notre action visible pour les "
        "élus et pour les habitants.",
    ),
    (
        1,
        E,
        "helene",
        "Une permanence numérique au marché du samedi",
        "En Lozère, beaucoup de gens ne viennent jamais à la médiathèque. Alors nous allons au marché : une table, "
        "deux ordinateurs portables, une clé 4G. En six mois, nous avons aidé plus de 200 personnes, surtout pour "
        "les impôts et les cartes grises sur le site de l'ANTS.",
    ),
    (
        1,
        V,
        "francois",
        "Le risque de devenir le service après-vente de la dématérialisation",
        "Si les bibliothèques acceptent tout, elles deviendront le service après-vente de la dématérialisation des "
        "services publics. Il faut dire clairement ce que nous faisons (apprendre à faire seul) et ce que nous ne "
        "faisons pas (faire à la place, conseiller sur un dossier).",
    ),
    (
        1,
        P,
        "amandine",
        "Des conventions avec les Maisons France Services",
        "Plutôt que de se faire concurrence, les bibliothèques et les Maisons France Services pourraient signer "
        "des conventions : la bibliothèque forme et apprend à faire seul, France Services traite les dossiers "
        "avec les partenaires (CAF, CPAM, impots.gouv, ANTS). Une fiche d'orientation commune éviterait les "
        "allers-retours des usagers.",
    ),
    (
        1,
        E,
        "patrice",
        "À La Réunion, la médiathèque est souvent le seul lieu avec internet gratuit",
        "Dans les Hauts, la médiathèque est souvent le seul endroit avec une connexion correcte. Les jeunes "
        "viennent pour Parcoursup, les parents pour la CAF, les anciens pour voir les photos des petits-enfants. "
        "Notre rôle est d'abord d'être **ouverts** et **accueillants**.",
    ),
    (
        1,
        P,
        "cecile",
        "Ouvrir les bibliothèques le soir et le samedi pour les démarches",
        "Les personnes qui travaillent ne peuvent pas venir en semaine à 14 h. Il faudrait au moins un créneau "
        "d'aide numérique le soir ou le samedi matin dans chaque bibliothèque de plus de 10 000 habitants.",
    ),
    (
        1,
        E,
        "yann",
        "Notre « café numérique » du jeudi",
        "Pas de cours, pas d'inscription : le jeudi de 10 h à 12 h, on vient avec son téléphone ou sa tablette et "
        "sa question. Deux bibliothécaires et un bénévole répondent. Beaucoup de questions sur WhatsApp, les "
        "photos et les mots de passe oubliés. C'est simple et les gens reviennent.",
    ),
    (
        1,
        V,
        "ines",
        "Attention à ne pas oublier les médiateurs déjà présents sur le territoire",
        "Les bibliothèques ont un rôle, mais elles ne sont pas seules. Les espaces publics numériques, les centres "
        "sociaux et les associations font ce travail depuis vingt ans. Il faut construire avec eux, pas à côté.",
    ),
    (
        1,
        P,
        "bruno",
        "Un coordinateur de l'inclusion numérique par département",
        "Une personne par département qui connaît tous les lieux d'aide (bibliothèques, EPN, France Services, "
        "associations), tient la carte à jour et organise une réunion par trimestre. Sans coordination, chacun "
        "réinvente tout.",
    ),
    (
        1,
        E,
        "maire_creuse",
        "Dans ma commune, la bibliothèque est le dernier service public",
        "Plus de poste, plus d'école, plus de perception. Il reste la mairie et la bibliothèque, tenue par deux "
        "bénévoles. Nous avons installé un ordinateur et une imprimante. Les habitants viennent y faire leurs "
        "papiers. Il faudrait que l'État reconnaisse ce rôle et nous aide à le financer.",
    ),
    (
        1,
        P,
        "adjointe_culture",
        "Financer des postes de médiateurs dans les bibliothèques municipales",
        "Les communes ne peuvent pas tout payer. Un financement de l'État sur deux ou trois ans permettrait de "
        "créer des postes de médiateurs numériques dans les bibliothèques, le temps de prouver leur utilité.",
    ),
    (
        1,
        V,
        "conseiller_dep",
        "Les petites communes n'ont pas les moyens de suivre",
        "Chaque nouveau dispositif demande de répondre à un appel à projets, de remplir des dossiers, de rendre "
        "des comptes. Les petites communes n'ont personne pour cela. Résultat : l'argent va toujours aux mêmes "
        "grandes villes.",
    ),
    (
        1,
        E,
        "emmaus",
        "Notre partenariat avec la médiathèque du quartier",
        "Nous accueillons des personnes en grande précarité. Depuis un an, nous les accompagnons à la médiathèque "
        "une fois par semaine. Elles y trouvent un ordinateur, du calme et une bibliothécaire patiente. Certaines "
        "y reviennent seules ensuite. C'est une vraie réussite.",
    ),
    (
        1,
        P,
        "alpha",
        "Penser l'illettrisme avant le numérique",
        "Beaucoup de personnes en difficulté avec le numérique sont d'abord en difficulté avec l'écrit. Les "
        "bibliothèques devraient proposer des ateliers qui travaillent les deux en même temps : lire un courriel, "
        "remplir un formulaire, comprendre un message d'erreur.",
    ),
    (
        1,
        E,
        "robert",
        "Ce que la bibliothèque m'a apporté",
        "J'ai 74 ans et je n'avais jamais touché un ordinateur. Ma petite-fille m'a inscrit à un atelier à la "
        "médiathèque. Maintenant je fais mes virements et je parle avec ma famille en vidéo. La bibliothécaire "
        "ne s'est jamais moquée de moi. Merci à elle.",
    ),
    (
        1,
        V,
        "aicha",
        "Les postes sont toujours pris",
        "À la médiathèque de mon quartier, il y a quatre ordinateurs. L'après-midi, ils sont toujours pris par des "
        "jeunes qui jouent. Moi, je dois faire mon dossier de logement et je ne peux jamais. Il faudrait des "
        "postes réservés aux démarches.",
    ),
    (
        1,
        P,
        "kevin",
        "Du wifi gratuit et sans inscription compliquée",
        "Pour se connecter au wifi de la médiathèque, il faut une carte de lecteur, un code, un formulaire. Pour "
        "quelqu'un qui a juste besoin d'envoyer un CV, c'est trop. Un wifi ouvert, avec juste une page "
        "d'acceptation, suffirait.",
    ),
    (
        1,
        E,
        "chercheuse",
        "Ce que disent les enquêtes sur les publics des bibliothèques",
        "Les enquêtes montrent que les bibliothèques accueillent déjà des publics variés, y compris des personnes "
        "peu diplômées, beaucoup plus que les autres équipements culturels. C'est un atout unique pour "
        "l'inclusion numérique : la confiance est déjà là.",
    ),
    (
        1,
        P,
        "formateur",
        "Une fiche de poste type « bibliothécaire médiateur numérique »",
        "Les collectivités recrutent sans savoir quoi demander. Une fiche de poste type, validée au niveau "
        "national, aiderait : missions, compétences attendues, formation, place dans l'équipe.",
    ),
    (
        1,
        V,
        "dpo",
        "Les bibliothécaires manipulent des données très sensibles",
        "Quand un bibliothécaire aide quelqu'un à faire sa déclaration d'impôts, il voit son revenu, sa situation "
        "familiale, parfois ses identifiants. Il faut des règles claires : ne jamais noter un mot de passe, fermer "
        "les sessions, vider l'historique. Et former les équipes à la protection des données.",
    ),
    (
        1,
        E,
        "julien",
        "Les Champs Libres : un espace numérique ouvert à tous",
        "Nous avons ouvert un espace numérique en libre accès avec 20 postes, une imprimante et un scanner. Deux "
        "agents sont présents en permanence pour aider. La fréquentation a doublé en un an. Le scanner est de "
        "loin l'outil le plus demandé : les administrations demandent des pièces justificatives en PDF.",
    ),
    (
        1,
        P,
        "ines",
        "Reconnaître la bibliothèque comme « tiers lieu » du numérique",
        "La bibliothèque peut être le lieu où l'on apprend, où l'on fabrique et où l'on se rencontre autour du "
        "numérique. Pas seulement un lieu de secours pour les démarches.",
    ),
    (
        1,
        V,
        "marc",
        "On nous demande tout sans rien enlever",
        "Accueil, animations, action culturelle, éducation artistique, numérique… Les équipes sont à effectif "
        "constant. Si l'inclusion numérique devient une mission, il faut dire ce qu'on arrête ou donner des "
        "moyens en plus.",
    ),
    (
        1,
        E,
        "helene",
        "Le prêt de clés 4G a changé la vie de plusieurs familles",
        "Nous prêtons des clés 4G pour trois semaines, comme un livre. Des familles sans box internet peuvent "
        "ainsi faire les devoirs en ligne et les démarches. La liste d'attente est longue.",
    ),
    (
        1,
        P,
        "seniors",
        "Des ateliers entre seniors, animés par des seniors",
        "Les personnes âgées apprennent mieux avec quelqu'un de leur âge, qui a connu les mêmes difficultés. Les "
        "bibliothèques pourraient accueillir des ateliers animés par des seniors bénévoles, formés par les "
        "bibliothécaires.",
    ),
    (
        1,
        E,
        "francois",
        "Bordeaux : l'aide aux démarches sur rendez-vous",
        "Nous avons testé deux formules : l'aide sans rendez-vous (beaucoup d'attente, des gens repartent) et "
        "l'aide sur rendez-vous de 30 minutes. La seconde marche mieux pour les démarches longues. Mais il faut "
        "garder un peu de sans rendez-vous pour les urgences.",
    ),
    (
        1,
        V,
        "elue_interco",
        "Ne pas créer une inclusion numérique à deux vitesses",
        "Entre les villes qui ont une grande médiathèque et les villages qui ont un point lecture, l'écart est "
        "énorme. Les solutions doivent être pensées aussi pour les points lecture tenus par des bénévoles.",
    ),
    (
        1,
        P,
        "maire_rural",
        "Un bus numérique pour les communes sans bibliothèque",
        "Sur le modèle du bibliobus, un bus équipé d'ordinateurs et d'une connexion satellite pourrait passer "
        "dans les villages une fois par mois, avec un médiateur à bord.",
    ),
    (
        1,
        E,
        "asso_fle",
        "Apprendre le français et le numérique en même temps",
        "Nos apprenants allophones doivent prendre rendez-vous en préfecture en ligne, et ils ne comprennent ni la "
        "langue, ni le site. Avec la médiathèque, nous faisons des ateliers où l'on apprend le vocabulaire des "
        "démarches en les faisant. Les progrès sont rapides.",
    ),
    (
        1,
        P,
        "nadia",
        "Des ressources en plusieurs langues",
        "Des fiches pratiques (« créer une adresse e-mail », « se connecter à la CAF ») traduites en arabe, en "
        "anglais, en turc, en tamoul… et disponibles dans toutes les bibliothèques.",
    ),
    (
        1,
        E,
        "monique",
        "J'ai appris à utiliser ma tablette à la médiathèque",
        "On m'a offert une tablette et je ne savais pas m'en servir. Trois ateliers à la médiathèque et "
        "maintenant je lis le journal et je regarde la météo. J'aimerais apprendre à faire mes courses en ligne.",
    ),
    (
        1,
        V,
        "gilles",
        "Les financements par appel à projets ne durent pas",
        "Un atelier financé un an puis arrêté, c'est pire que pas d'atelier du tout : les gens ont pris "
        "confiance puis on les laisse. Il faut des financements sur plusieurs années.",
    ),
]
