"""The 2019 forum's contributions to theme 1 « rôle et missions » and theme 2 « publics cibles », written for the
demo: (theme number, kind, persona key, title, body). Theme 3's are in `contributions_training.py`. Titles are unique:
comments, decisions and the hidden contribution refer to them. Bodies use the forum's small Markdown subset.
"""

E = "retour_experience"
V = "point_vigilance"
P = "proposition"

CONTRIBUTIONS: list[tuple[int, str, str, str, str]] = [
    # --- Theme 1: role and missions of libraries -----------------------------------------------------------
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
    # --- Theme 2: identifying and reaching the target publics ----------------------------------------------
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
    (
        2,
        V,
        "adjointe_culture",
        "Les publics cibles changent avec les dispositifs",
        "Chaque dispositif national définit ses propres publics cibles. Les bibliothèques doivent rester ouvertes "
        "à tous, sans trier les personnes selon les critères du financeur du moment.",
    ),
    (
        2,
        P,
        "familles",
        "Travailler avec les écoles pour toucher les parents",
        "Les écoles connaissent les familles en difficulté. Un mot dans le cahier de liaison, une réunion à "
        "l'école avec la bibliothécaire : c'est le meilleur moyen de toucher les parents.",
    ),
    (
        2,
        E,
        "lea",
        "Un atelier réparation attire de nouveaux publics",
        "Notre atelier « répare ton téléphone » attire des personnes qui ne seraient jamais venues à un cours "
        "d'informatique. Pendant qu'on répare, on parle des mots de passe, des arnaques, des démarches.",
    ),
    (
        2,
        V,
        "dpo",
        "Aidants Connect : un cadre nécessaire pour agir pour autrui",
        "Faire une démarche à la place de quelqu'un, avec ses identifiants, pose un vrai problème juridique. Le "
        "futur service Aidants Connect doit permettre un mandat clair. En attendant, les bibliothécaires ne "
        "devraient jamais garder les identifiants des usagers.",
    ),
    (
        2,
        P,
        "cecile",
        "Habiliter les bibliothécaires à Aidants Connect",
        "Dès que le service sera disponible, les bibliothécaires qui aident aux démarches devraient pouvoir être "
        "habilités, avec une formation courte. Cela protégerait à la fois l'usager et l'agent.",
    ),
    (
        2,
        E,
        "monique",
        "On m'a appelée pour me proposer un atelier",
        "La mairie m'a téléphoné pour me proposer un atelier à la bibliothèque. Je n'y serais jamais allée seule. "
        "Maintenant, j'y vais tous les jeudis avec une voisine.",
    ),
    (
        2,
        P,
        "seniors",
        "Des ateliers à domicile pour les personnes qui ne peuvent pas se déplacer",
        "Le portage de livres à domicile existe déjà. Il pourrait s'accompagner d'une aide numérique : un "
        "bibliothécaire ou un bénévole qui vient montrer comment utiliser la tablette.",
    ),
    (
        2,
        V,
        "maire_creuse",
        "Le transport, premier obstacle en zone rurale",
        "Sans voiture, pas d'atelier. Dans ma commune, il y a un car par jour. Les solutions doivent venir aux "
        "gens : permanences itinérantes, aide par téléphone.",
    ),
    (
        2,
        E,
        "bruno",
        "Une hotline téléphonique animée par des médiateurs",
        "Pendant l'hiver, nous avons ouvert une ligne téléphonique : les personnes appellent et un médiateur les "
        "guide pas à pas. Cela marche bien pour les petites questions, moins pour les démarches complètes.",
    ),
    (
        2,
        P,
        "gilles",
        "Un référentiel commun pour décrire les besoins",
        "Pour que les lieux se comprennent, il faut les mêmes mots : « accès », « apprentissage », « aide aux "
        "démarches », « faire à la place ». Un référentiel national de services faciliterait l'orientation.",
    ),
    (
        2,
        E,
        "amandine",
        "Les jeunes retraités, un public oublié",
        "On pense aux très âgés, mais les jeunes retraités ont aussi besoin d'aide : ils ont quitté le travail où "
        "un collègue les dépannait. Ils apprennent vite et deviennent souvent bénévoles ensuite.",
    ),
    (
        2,
        V,
        "paul",
        "Attention aux arnaques qui visent les débutants",
        "Les personnes qui débutent sont les premières victimes des faux courriels de l'assurance maladie ou des "
        "impôts. Chaque atelier devrait parler de la sécurité dès le début.",
    ),
    (
        2,
        P,
        "paul",
        "Un atelier « reconnaître les arnaques » dans chaque bibliothèque",
        "Faux SMS de livraison, faux courriels des impôts, faux support technique : un atelier d'une heure, avec "
        "de vrais exemples, protège mieux qu'une affiche.",
    ),
    (
        2,
        E,
        "jeanne",
        "La radio locale a fait connaître la permanence",
        "Chez nous, tout le monde écoute la radio. Quand la bibliothécaire est passée à la radio pour parler de la "
        "permanence numérique, beaucoup de gens sont venus.",
    ),
    (
        2,
        P,
        "patrice",
        "Communiquer par la radio et le porte-à-porte",
        "Les affiches et les sites internet ne touchent pas les personnes éloignées du numérique, par définition. "
        "Radio locale, journal municipal papier, porte-à-porte : il faut des moyens qui n'utilisent pas internet.",
    ),
    (
        2,
        V,
        "etudiant",
        "Ne pas oublier les étudiants précaires",
        "Des étudiants n'ont qu'un téléphone, pas d'ordinateur, pas d'imprimante. Ils sont invisibles car ils "
        "semblent « connectés ». Les bibliothèques universitaires et municipales pourraient se coordonner.",
    ),
    (
        2,
        E,
        "elue_interco",
        "Un diagnostic de territoire avant de lancer des ateliers",
        "Avant de créer des ateliers, notre communauté de communes a fait un diagnostic : qui sont les habitants, "
        "où sont les lieux d'aide, quels sont les trous. Cela nous a évité d'ouvrir un atelier là où il en "
        "existait déjà un.",
    ),
    (
        2,
        P,
        "elue_interco",
        "Un diagnostic territorial financé dans chaque intercommunalité",
        "Chaque intercommunalité devrait pouvoir financer un diagnostic de l'offre et des besoins en inclusion "
        "numérique, avec une méthode commune. C'est la base pour décider où agir.",
    ),
    (
        2,
        E,
        "secours",
        "Les bénévoles orientent vers la bibliothèque",
        "Lors des distributions alimentaires, nous parlons des ateliers de la médiathèque. Une bibliothécaire "
        "est venue se présenter une fois. Depuis, plusieurs familles y vont.",
    ),
    (
        2,
        V,
        "fatou",
        "Les démarches « 100 % en ligne » excluent",
        "Certaines démarches ne sont plus possibles qu'en ligne : cartes grises, permis de conduire. Les "
        "personnes sans équipement n'ont plus le choix. Il faut maintenir une solution sans internet.",
    ),
    (
        2,
        P,
        "sylvie",
        "Des bibliothèques relais formées au premier accueil",
        "Une formation d'une journée pour les bénévoles des bibliothèques relais : repérer le besoin, faire le "
        "premier pas avec la personne, savoir vers qui orienter. Pas plus.",
    ),
    (
        2,
        E,
        "yann",
        "L'orientation vers les ateliers Pix",
        "Quand une personne a fini les ateliers de base, nous lui proposons de passer la certification Pix. "
        "C'est valorisant, surtout pour la recherche d'emploi. Mais il faut bien l'accompagner.",
    ),
    (
        2,
        P,
        "olivier",
        "Une carte numérique de la personne accompagnée",
        "Comme un carnet de santé, un petit carnet où sont notés les ateliers suivis et ce que la personne sait "
        "faire. Elle l'emporte d'un lieu à l'autre et n'a pas à tout recommencer.",
    ),
    (
        2,
        V,
        "chercheuse",
        "Les chiffres de l'illectronisme sont à manier avec prudence",
        "On cite souvent 13 millions de personnes éloignées du numérique. Derrière ce chiffre, il y a des "
        "situations très différentes. Il faut des études locales avant de bâtir des politiques.",
    ),
    (
        2,
        E,
        "adjointe_culture",
        "Notre campagne d'affichage dans les bus",
        "Nous avons affiché « Besoin d'aide avec internet ? La bibliothèque vous accompagne » dans les bus et "
        "les abribus. La fréquentation des créneaux d'aide a augmenté d'un tiers en deux mois.",
    ),
    (
        2,
        P,
        "marc",
        "Orienter vers la bibliothèque depuis les sites administratifs",
        "Sur les sites de la CAF, des impôts ou de l'ANTS, un lien « Besoin d'aide ? Trouvez un lieu près de "
        "chez vous » qui mène vers l'annuaire des lieux d'aide, y compris les bibliothèques.",
    ),
    (
        2,
        E,
        "kevin",
        "Le chat avec la bibliothèque",
        "Je pose souvent mes questions par le chat du site de la médiathèque. C'est pratique quand on n'ose pas "
        "venir. Mais il faut savoir se servir du site, donc ce n'est pas pour tout le monde.",
    ),
    (
        2,
        V,
        "alpha",
        "Les personnes en situation d'illettrisme ne remplissent pas les questionnaires",
        "Tout diagnostic écrit met en échec les personnes qui lisent mal. Il faut des outils oraux ou imagés, et "
        "du temps.",
    ),
    (
        2,
        P,
        "lea",
        "Des ateliers courts et ludiques pour commencer",
        "Pour attirer, il faut des formats courts : 30 minutes, un seul objectif, un résultat tout de suite. "
        "« Envoyer une photo à ses petits-enfants » donne plus envie que « initiation à l'informatique ».",
    ),
    (
        2,
        E,
        "maire_creuse",
        "La bibliothécaire du département est venue former nos bénévoles",
        "Une journée de formation dans notre petite bibliothèque a suffi à rassurer nos deux bénévoles. Elles "
        "savent maintenant quoi faire et qui appeler. Nous voudrions une journée par an.",
    ),
    (
        2,
        P,
        "aicha",
        "Un numéro de téléphone unique pour trouver de l'aide",
        "Un seul numéro gratuit, facile à retenir, qui dit où aller près de chez soi pour être aidé. Comme le "
        "3939 pour les services publics.",
    ),
    (
        2,
        V,
        "robert",
        "Ne nous obligez pas tous à passer au numérique",
        "Je veux bien apprendre, mais certains de mes amis ne pourront jamais. Ils ont le droit de faire leurs "
        "démarches au guichet. Ne les oubliez pas.",
    ),
    (
        2,
        P,
        "ines",
        "Le repérage par les agents de toutes les administrations",
        "CAF, CPAM, mairie, Pôle emploi : chaque agent qui repère une personne en difficulté devrait pouvoir "
        "l'orienter vers un lieu d'aide, avec la même fiche. L'inclusion numérique est l'affaire de tous.",
    ),
    (
        2,
        P,
        "nadia",
        "Un questionnaire court à l'accueil de toutes les bibliothèques",
        "Comme d'autres l'ont dit, un questionnaire oral de quelques minutes à l'accueil permet d'orienter "
        "chaque personne vers la bonne aide. Il faudrait le généraliser à toutes les bibliothèques, avec le même "
        "modèle partout.",
    ),
    (
        2,
        E,
        "helene",
        "Le numérique à l'EHPAD",
        "Nous intervenons une fois par mois à l'EHPAD avec des tablettes. Les résidents font des appels vidéo avec "
        "leur famille. Le personnel est demandeur, mais n'a pas le temps de prendre le relais.",
    ),
    (
        2,
        V,
        "secours",
        "Des publics qui n'ont même pas de téléphone",
        "On oublie qu'une partie des personnes que nous aidons n'a pas de téléphone portable, ou pas de forfait. "
        "Sans numéro, impossible de recevoir les codes de vérification. Les démarches sont bloquées dès le "
        "départ.",
    ),
    (
        2,
        E,
        "francois",
        "Une urgence rencontrée un samedi",
        "Une dame est arrivée en pleurs : sa prime d'activité était suspendue faute de déclaration. Nous l'avons "
        "aidée à la faire en 20 minutes. Sans la bibliothèque ouverte le samedi, elle aurait attendu lundi, et "
        "perdu un mois.",
    ),
    (
        2,
        P,
        "formateur",
        "Des binômes bibliothécaire et travailleur social",
        "Pour les situations complexes, une permanence commune bibliothécaire et travailleur social : l'un aide "
        "pour l'outil, l'autre pour le dossier. Chacun reste dans son métier.",
    ),
    (
        2,
        V,
        "bruno",
        "Les outils de diagnostic se multiplient",
        "Il existe déjà une dizaine d'outils de diagnostic, chacun avec son vocabulaire. Avant d'en créer un "
        "nouveau, regardons ce qui existe et choisissons.",
    ),
    (
        2,
        E,
        "paul",
        "Ce que je vois comme bénévole : la peur de casser",
        "Beaucoup de débutants ont peur de « casser » l'ordinateur ou de faire une bêtise irréversible. La "
        "première chose à faire, c'est de les rassurer. Le diagnostic vient après.",
    ),
]

# The contribution a moderator hides (« Propos injurieux ») after it is published: (theme, kind, persona, title, body).
HIDDEN = (
    2,
    V,
    "etudiant",
    "Les bibliothécaires ne servent à rien",
    "Franchement, les bibliothécaires de ma ville sont des incapables et des fainéants. Ils passent leur temps "
    "à boire du café au lieu d'aider les gens. Qu'on les remplace tous par des machines.",
)

# Contributions recorded by the mediator for people without an account:
# (theme, kind, category, postal code, channel, title, body).
ASSISTED: list[tuple[int, str, str, str, str, str, str]] = [
    (
        2,
        E,
        "usager",
        "93200",
        "accueil",
        "Je viens ici parce qu'on m'explique doucement",
        "Je ne sais pas lire l'écran. Ici, on prend le temps de m'expliquer avec des mots simples. À la CAF, ils "
        "me disent juste « c'est sur internet ».",
    ),
    (
        2,
        P,
        "usager",
        "93200",
        "accueil",
        "Il faudrait des papiers avec des images",
        "Pour les gens comme moi qui lisent mal, des fiches avec des images pour chaque étape : allumer, "
        "cliquer, écrire son mot de passe.",
    ),
    (
        2,
        V,
        "usager",
        "93300",
        "atelier",
        "Mon fils fait tout à ma place",
        "C'est mon fils qui fait mes papiers sur internet. Quand il n'est pas là, je ne peux rien faire. Je "
        "voudrais apprendre mais j'ai peur de me tromper.",
    ),
    (
        2,
        E,
        "usager",
        "93200",
        "atelier",
        "J'ai créé ma première adresse e-mail",
        "Aujourd'hui à l'atelier, j'ai créé mon adresse e-mail. J'ai envoyé un message à ma sœur au Mali. Je suis "
        "contente.",
    ),
    (
        2,
        P,
        "usager",
        "95100",
        "telephone",
        "Aider par téléphone les personnes qui ne peuvent pas venir",
        "Je suis malade et je ne peux pas me déplacer. Si quelqu'un pouvait m'aider au téléphone pour mes "
        "rendez-vous médicaux en ligne, ce serait bien.",
    ),
    (
        2,
        V,
        "association",
        "93200",
        "atelier",
        "Les personnes âgées ont peur des arnaques",
        "Les personnes de notre club ne veulent pas utiliser internet parce qu'elles ont peur de se faire voler "
        "leur argent. Il faut leur expliquer comment se protéger avant tout.",
    ),
    (
        2,
        E,
        "usager",
        "75019",
        "accueil",
        "On m'a aidé pour mon rendez-vous en préfecture",
        "Je devais prendre rendez-vous pour mon titre de séjour. Le site était toujours plein. Le médiateur m'a "
        "montré à quelle heure essayer. J'ai eu mon rendez-vous.",
    ),
    (
        2,
        P,
        "usager",
        "93200",
        "accueil",
        "Des ordinateurs réservés pour les papiers",
        "Quand je viens pour mes papiers, les ordinateurs sont pris. Il faut un ou deux ordinateurs seulement "
        "pour les démarches, avec quelqu'un à côté.",
    ),
    (
        1,
        E,
        "usager",
        "93200",
        "atelier",
        "La médiathèque, c'est le seul endroit où on m'aide gratuitement",
        "Ailleurs, on me demande de payer pour imprimer ou pour remplir un dossier. À la médiathèque, c'est "
        "gratuit et on ne me juge pas.",
    ),
    (
        1,
        P,
        "autre",
        "93200",
        "atelier",
        "Que la bibliothèque reste ouverte pendant les vacances",
        "En été, la médiathèque ferme deux semaines. C'est justement le moment où j'ai le temps d'apprendre. "
        "Il faudrait au moins une permanence.",
    ),
]
