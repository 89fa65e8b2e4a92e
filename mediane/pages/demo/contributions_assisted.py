"""The 2019 contributions that the mediator recorded for people without an account, written for the demo."""

from mediane.pages.demo.kinds import E, P, V

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
