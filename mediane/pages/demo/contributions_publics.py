"""Theme 2 of 2019, « Identifier et atteindre les publics cibles », from the diagnostic of needs to orientation: its
contributions, written for the demo, in the shape of `contributions.CONTRIBUTIONS` (theme number, kind, persona key,
title, body).
"""

from mediane.pages.demo.kinds import E, P, V

PUBLICS: list[tuple[int, str, str, str, str]] = [
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
