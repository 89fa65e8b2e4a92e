"""Theme 1 of 2019, « Rôle et missions des bibliothèques »: its contributions, written for the demo, in the shape of
`contributions.CONTRIBUTIONS` (theme number, kind, persona key, title, body).
"""

from mediane.pages.demo.kinds import E, P, V

ROLE: list[tuple[int, str, str, str, str]] = [
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
]
