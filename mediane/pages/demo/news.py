"""The demo news and events (« actualités ») of the story, at their real dates: dicts of NewsItem fields, keyed by
their unique slug. The news of today's consultation is dated from the loading day (`today.news`)."""

import datetime as dt

UTC = dt.UTC

NEWS: list[dict] = [
    {
        "slug": "ouverture-du-forum-contributif",
        "kind": "actualite",
        "title": "Ouverture du forum contributif « Inclusion numérique en bibliothèque »",
        "summary": "Le ministère de la Culture et l'Agence du numérique ouvrent un forum public pour nourrir le "
        "groupe de travail sur l'inclusion numérique en bibliothèque.",
        "published_at": dt.datetime(2019, 4, 1, 7, 0, tzinfo=UTC),  # 9 h in Paris, as the forum opens
        "event_date": None,
        "body": (
            "Près de **13 millions** de Français ont du mal à utiliser les outils numériques. Les bibliothèques "
            "les accueillent déjà tous les jours : pour un formulaire en ligne, une adresse e-mail, un CV ou un "
            "téléphone qui résiste.\n\n"
            "Pour mieux les aider, le ministère de la Culture et l'Agence du numérique ont réuni un groupe de "
            "travail. Il rassemble des bibliothécaires, des acteurs de la médiation numérique, des élus et des "
            "associations.\n\n"
            "Ce forum est ouvert à toutes et à tous. Chacun peut y déposer :\n\n"
            "- un **retour d'expérience** : ce que vous avez fait ou vu ;\n"
            "- un **point de vigilance** : un risque ou une difficulté à ne pas oublier ;\n"
            "- une **proposition** : une idée concrète pour le groupe de travail.\n\n"
            "Le forum a trois thèmes, et chacun prépare une réunion du groupe de travail :\n\n"
            "1. le rôle et les missions des bibliothèques (réunion en mai 2019) ;\n"
            "2. identifier et toucher les publics, du diagnostic des besoins à l'orientation ou à "
            "l'accompagnement (réunion en juillet 2019) ;\n"
            "3. former et professionnaliser les acteurs (réunion en septembre 2019).\n\n"
            "Avant chaque réunion, les contributions sont lues, résumées et remises au groupe de travail. "
            "Vous ne pouvez pas écrire en ligne ? Demandez à l'accueil de votre bibliothèque : un médiateur "
            "peut recueillir votre avis pour vous."
        ),
    },
    {
        "slug": "theme-3-ouvert",
        "kind": "actualite",
        "title": "Le thème 3 est ouvert : comment former celles et ceux qui accompagnent ?",
        "summary": "Dernier thème du forum : la formation des bibliothécaires, des bénévoles et des médiateurs "
        "numériques.",
        "published_at": dt.datetime(2019, 7, 8, 7, 0, tzinfo=UTC),
        "event_date": None,
        "body": (
            "Le thème 2 est clos : sa synthèse a été remise au groupe de travail, qui s'est réuni le 4 juillet. "
            "Ses décisions sont publiées sur la page de la réunion.\n\n"
            "Le thème 3 est maintenant ouvert, jusqu'au 8 septembre. La question : *comment former les "
            "bibliothécaires, les bénévoles et les médiateurs qui accompagnent les publics au numérique ?*\n\n"
            "Formation continue, certification des compétences, place des bénévoles, métier de médiateur : "
            "racontez ce qui a marché, dites ce qui manque. Le groupe de travail lira vos contributions avant "
            "sa réunion de septembre."
        ),
    },
    {
        "slug": "journee-inclusion-numerique",
        "kind": "evenement",
        "title": "Journée inclusion numérique : bibliothèques et médiateurs se rencontrent",
        "summary": "Une journée d'échanges pour présenter les premières pistes du groupe de travail et partager "
        "les expériences des territoires.",
        "published_at": dt.datetime(2019, 10, 1, 9, 0, tzinfo=UTC),
        "event_date": dt.date(2019, 11, 14),
        "body": (
            "Le groupe de travail « Inclusion numérique en bibliothèque » organise une journée de rencontre, "
            "ouverte aux professionnels des bibliothèques, aux médiateurs numériques, aux élus et aux "
            "associations.\n\n"
            "Au programme :\n\n"
            "- la présentation des synthèses des trois thèmes du forum ;\n"
            "- des ateliers d'échange : aide aux démarches en ligne, accueil des publics éloignés, "
            "partenariats avec les Maisons France Services ;\n"
            "- des témoignages de bibliothèques rurales et urbaines ;\n"
            "- une table ronde avec des élus sur le financement de la médiation numérique.\n\n"
            "L'entrée est *gratuite*, sur inscription. Les échanges seront filmés et mis en ligne, avec des "
            "sous-titres. Le lieu est accessible aux personnes en fauteuil roulant ; dites-nous à "
            "l'inscription si vous avez besoin d'un interprète en langue des signes."
        ),
    },
    {
        "slug": "conseillers-numeriques",
        "kind": "actualite",
        "title": "4 000 Conseillers numériques pour accompagner les Français",
        "summary": "L'État finance 4 000 postes de Conseillers numériques dans les collectivités et les "
        "associations, dont de nombreuses bibliothèques.",
        "published_at": dt.datetime(2021, 2, 15, 9, 0, tzinfo=UTC),
        "event_date": None,
        "body": (
            "Le dispositif **Conseillers numériques** finance 4 000 postes pour aider les Français à utiliser "
            "le numérique au quotidien : ateliers, accompagnement individuel, aide pour devenir autonome dans "
            "ses démarches en ligne.\n\n"
            "Les premiers chiffres :\n\n"
            "- **2 600 structures d'accueil** ont été retenues : communes, intercommunalités, départements, "
            "associations… et beaucoup de bibliothèques ;\n"
            "- **15 000 candidats** se sont proposés pour devenir Conseillers numériques ;\n"
            "- chaque poste est financé à hauteur de **50 000 euros sur deux ans**.\n\n"
            "Chaque Conseiller numérique suit une **formation certifiante** avant de commencer. Il reçoit aussi "
            "un **kit de ressources** : des déroulés d'ateliers, des fiches pratiques et des outils pour "
            "suivre son activité.\n\n"
            "Pour les bibliothèques, c'est l'occasion de renforcer leur rôle de lieu d'accueil et "
            "d'accompagnement, comme l'a proposé le groupe de travail. Parlez-en à votre collectivité : elle "
            "peut demander un ou plusieurs postes."
        ),
    },
    {
        "slug": "theme-2-ouvert",
        "kind": "actualite",
        "title": "Le thème 2 est ouvert : comment toucher les publics qui ont besoin d'aide ?",
        "summary": "Après le rôle et les missions des bibliothèques, le forum s'intéresse aux publics : les "
        "repérer, comprendre leurs besoins et les orienter.",
        "published_at": dt.datetime(2019, 5, 27, 7, 0, tzinfo=UTC),
        "event_date": None,
        "body": (
            "Le premier thème du forum est clos : merci pour vos nombreuses contributions ! Leur synthèse a "
            "été remise au groupe de travail pour sa réunion de mai.\n\n"
            "Le thème 2 est maintenant ouvert. La question : *comment identifier et toucher les personnes qui "
            "ont besoin d'aide avec le numérique, du diagnostic de leurs besoins jusqu'à leur orientation ou "
            "leur accompagnement ?*\n\n"
            "Racontez comment vous repérez ces personnes, comment vous leur parlez, vers qui vous les "
            "orientez. Le groupe de travail lira vos contributions avant sa réunion de juillet."
        ),
    },
]
