"""Theme 2 of 2019: the short answers and the pasted text that a real forum also gets, in the shape of
`contributions.CONTRIBUTIONS` (theme number, kind, persona key, title, body). The synthesis counts the short answers
by kind (« Oui », « Non », « Je ne sais pas »…) and shows the copies of the pasted text as one campaign.
"""

from mediane.pages.demo.kinds import E, P, V

# The forum asks for 10 characters at least: a short answer there is « Oui, bien sûr. », not « Oui ».
# A text that an association asked its members to post, each under a title of their own.
CAMPAIGN = (
    "Nous demandons une heure par semaine d'aide aux démarches en ligne dans chaque bibliothèque, avec une "
    "personne formée, sans rendez-vous, pour toutes les personnes qui n'ont pas d'ordinateur. Les démarches de la "
    "CAF, de l'assurance maladie et des impôts se font en ligne : sans aide près de chez elles, beaucoup de "
    "personnes renoncent à leurs droits."
)

SHORT: list[tuple[int, str, str, str, str]] = [
    (2, E, "robert", "Mon avis sur les ateliers", "Oui, bien sûr."),
    (2, E, "sylvie", "Ateliers du samedi", "Oui, tout à fait."),
    (2, V, "gilles", "Réponse à la question des horaires", "Non, pas du tout."),
    (2, E, "kevin", "Mon expérience", "Je ne sais pas."),
    (2, V, "samir", "Question du questionnaire", "Voir ma réponse précédente."),
    (2, E, "elodie", "Mon retour", "Rien à signaler."),
    (2, P, "seniors", "Une heure d'aide par semaine", CAMPAIGN),
    (2, P, "secours", "Aide aux démarches sans rendez-vous", CAMPAIGN),
    (2, P, "aicha", "Pour une heure d'aide aux démarches", CAMPAIGN),
    (2, P, "fatou", "Notre demande commune", CAMPAIGN),
]
