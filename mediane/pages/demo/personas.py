"""Demo people: the team accounts (dev-only passwords) and the crowd of participants who write the demo forum.

Categories use the values of `mediane.accounts.enums.ParticipantCategory`; roles, those of `Role`.
"""

from dataclasses import dataclass

# Dev-only password of the team accounts; written in the README. `load_demo` refuses to run in production.
DEMO_PASSWORD = "demo-mediane-2019"  # noqa: S105


@dataclass(frozen=True)
class Persona:
    key: str
    display_name: str
    category: str
    postal_code: str = ""
    organisation: str = ""
    email: str = ""
    role: str = ""
    superuser: bool = False
    charter: bool = True

    @property
    def address(self) -> str:
        return self.email or f"{self.key}@demo.mediane.localhost"


# People who run the forum: they log in with DEMO_PASSWORD.
TEAM = [
    Persona(
        "organisatrice",
        "Claire (organisation)",
        "autre",
        "75001",
        "Ministère de la Culture — Service du livre et de la lecture",
        email="organisatrice@mediane.localhost",
        role="organisateur",
    ),
    Persona(
        "moderateur",
        "Thomas (modération)",
        "autre",
        "75013",
        "Agence du numérique",
        email="moderateur@mediane.localhost",
        role="moderateur",
    ),
    Persona(
        "mediateur",
        "Karim, médiateur numérique",
        "mediation",
        "93200",
        "Médiathèque Ulysse, Saint-Denis",
        email="mediateur@mediane.localhost",
        role="mediateur",
    ),
    Persona(
        "groupe",
        "Anne-Sophie, groupe de travail",
        "bibliotheque",
        "69003",
        "Bibliothèque municipale de Lyon",
        email="groupe@mediane.localhost",
        role="groupe_de_travail",
    ),
    Persona("participante", "Lucie", "usager", "44000", email="participante@mediane.localhost"),
    # Manages a library of the Rhône, for the charter (mediane/pages/demo/charter.py).
    Persona(
        "responsable",
        "Nadège, pôle lecture de Bron",
        "bibliotheque",
        "69500",
        "Pôle lecture Terraillon, Bron",
        email="responsable@mediane.localhost",
    ),
    # The Conseillers numériques programme (mediane/pages/demo/conseillers*.py): its team at the Agence du numérique
    # and a candidate of Villeurbanne. The manager of a host structure is « responsable » (the library of Bron).
    Persona(
        "programme",
        "Mathilde, équipe Conseillers numériques",
        "autre",
        "75002",
        "Agence nationale de la cohésion des territoires — programme Conseillers numériques",
        email="programme@mediane.localhost",
        role="equipe_programme",
    ),
    Persona("candidate", "Yasmine", "usager", "69100", email="candidate@mediane.localhost"),
    # An adviser in post (recruited by a library of the Rhône) who records his activity reports.
    Persona("conseiller", "Karim, conseiller numérique", "mediation", "69003", email="conseiller@mediane.localhost"),
    Persona("admin", "Administration", "autre", email="admin@mediane.localhost", superuser=True, charter=False),
]

# The crowd: they write, support and comment. No usable password.
CROWD = [
    Persona("sylvie", "Sylvie B.", "bibliotheque", "23000", "Bibliothèque départementale de la Creuse"),
    Persona("marc", "Marc, bibliothécaire", "bibliotheque", "59000", "Médiathèque Jean Lévy, Lille"),
    Persona("nadia", "Nadia", "bibliotheque", "93200", "Réseau des médiathèques de Plaine Commune"),
    Persona("julien", "Julien R.", "bibliotheque", "35000", "Bibliothèque des Champs Libres, Rennes"),
    Persona("helene", "Hélène", "bibliotheque", "48000", "Médiathèque intercommunale de Mende"),
    Persona("francois", "François D.", "bibliotheque", "33000", "Bibliothèque de Bordeaux"),
    Persona("amandine", "Amandine", "bibliotheque", "67000", "Médiathèque Malraux, Strasbourg"),
    Persona("patrice", "Patrice", "bibliotheque", "97400", "Médiathèque de Saint-Denis de La Réunion"),
    Persona("cecile", "Cécile L.", "bibliotheque", "15000", "Médiathèque du Bassin d'Aurillac"),
    Persona("yann", "Yann", "bibliotheque", "29200", "Bibliothèques de Brest"),
    Persona("ines", "Inès, médiatrice numérique", "mediation", "13001", "Espace public numérique du 1er"),
    Persona("bruno", "Bruno M.", "mediation", "63000", "Association Coop numérique Auvergne"),
    Persona("sarah", "Sarah", "mediation", "31000", "Point d'information médiation multi-services"),
    Persona("olivier", "Olivier, animateur EPN", "mediation", "58000", "EPN de Nevers"),
    Persona("fatou", "Fatou", "mediation", "94000", "France Services de Créteil"),
    Persona("gilles", "Gilles T.", "mediation", "87000", "Hub numérique Nouvelle-Aquitaine"),
    Persona("lea", "Léa", "mediation", "34000", "Fablab solidaire de Montpellier"),
    Persona("maire_creuse", "Jean-Pierre, maire", "elu", "23200", "Commune de 800 habitants"),
    Persona("adjointe_culture", "Martine, adjointe à la culture", "elu", "21000", "Ville de Dijon"),
    Persona("conseiller_dep", "Didier, conseiller départemental", "elu", "12000", "Département de l'Aveyron"),
    Persona("elue_interco", "Sophie, vice-présidente", "elu", "02000", "Communauté de communes"),
    Persona("maire_rural", "Michel, maire", "elu", "04000", "Commune rurale des Alpes-de-Haute-Provence"),
    Persona("emmaus", "Association Connexions solidaires", "association", "75011", "Association"),
    Persona(
        "alpha",
        "Collectif Lire et écrire",
        "association",
        "69008",
        "Association de lutte contre l'illettrisme",
    ),
    Persona("seniors", "Génération connectée", "association", "06000", "Association de seniors"),
    Persona("asso_fle", "Langues et accueil", "association", "67100", "Cours de français pour adultes"),
    Persona("secours", "Bénévoles du Secours", "association", "76000", "Antenne locale"),
    Persona("familles", "Familles rurales 46", "association", "46000", "Fédération départementale"),
    Persona("robert", "Robert, 74 ans", "usager", "86000"),
    Persona("aicha", "Aïcha", "usager", "93200"),
    Persona("kevin", "Kévin", "usager", "08000"),
    Persona("monique", "Monique", "usager", "45000"),
    Persona("samir", "Samir", "usager", "13015"),
    Persona("elodie", "Élodie, maman solo", "usager", "54000"),
    Persona("paul", "Paul", "usager", "14000"),
    Persona("jeanne", "Jeanne", "usager", "97300"),
    Persona("chercheuse", "Valérie, chercheuse", "autre", "75005", "Laboratoire en sciences de l'information"),
    Persona(
        "formateur",
        "Étienne, formateur",
        "autre",
        "37000",
        "Centre de formation aux carrières des bibliothèques",
    ),
    Persona("dpo", "Nathalie, déléguée à la protection des données", "autre", "51100", "Ville de Reims"),
    Persona("etudiant", "Hugo, étudiant", "autre", "25000", "Master métiers du livre"),
]
