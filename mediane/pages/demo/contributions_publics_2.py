"""Theme 2 of 2019, « Identifier et atteindre les publics cibles »: the second half of its contributions, in the order
they were published, written for the demo as (theme number, kind, persona key, title, body). `contributions.py`
joins the two halves, in this order, into `CONTRIBUTIONS`.
"""

from mediane.pages.demo.kinds import E, P, V

PUBLICS_2: list[tuple[int, str, str, str, str]] = [
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
