"""What producers call the standard's fields and labels: the tables behind `propose.py`.

Pure data. Names are compared folded (`fold_name`: no case, accents or punctuation). Column names come from the
producers' files described in issue 15 and the national cartography's per-source configurations; labels from the
v0 tables of `standard_readers.py` and producers' common wording.
"""

from __future__ import annotations

import re

from ..standard_readers import LEGACY_FRAIS, LEGACY_MODALITES_ACCOMPAGNEMENT, LEGACY_PUBLICS, LEGACY_SERVICES
from .profile import label_key

# Two parts of an address that a profile joins into `adresse` (number first).
STREET_NUMBER = "numero_voie"
STREET_NAME = "libelle_voie"


def fold_name(name: str) -> str:
    """A column name as compared with the tables: « N° de voie » → « n de voie », « code_postal » → « code postal »."""
    return " ".join(re.sub(r"[_\-.'’/()°:*#]+", " ", label_key(name)).split())


COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifiant", "identifiant local", "identifiant unique", "code bib", "cle", "uid", "ref",
           "reference", "id lieu", "identifiant du lieu", "code lieu", "code"),
    "pivot": ("pivot", "siret", "siren", "rna", "ridet", "numero siret", "n siret", "siret de la structure",
              "siret structure", "numero rna"),
    "nom": ("nom", "nom de la structure", "raison sociale", "nom du lieu", "nom lieu", "nom de l etablissement",
            "denomination", "nom structure", "nom de la bibliotheque", "etablissement", "structure", "name",
            "libelle", "titre", "lieu", "nom du point", "nom de l espace"),
    "commune": ("commune", "ville", "localite", "nom commune", "nom de la commune", "libelle commune", "city",
                "town", "municipalite"),
    "code_postal": ("code postal", "cp", "codepostal", "code postale", "postcode", "zip", "code post", "cp ville"),
    "code_insee": ("code insee", "insee", "code commune", "cog", "citycode", "code insee commune",
                   "code officiel geographique", "code commune insee", "com insee"),
    "adresse": ("adresse", "adresse postale", "rue", "voie", "adresse 1", "adresse ligne 1", "street", "address",
                "adresse du lieu", "adresse complete", "adresse de la structure", "numero et voie"),
    STREET_NUMBER: ("n de voie", "numero de voie", "numero voie", "n voie", "num voie", "numero de rue", "n",
                    "numero", "num", "n de rue", "n rue", "numero rue", "num rue", "numero dans la voie",
                    "numero adresse", "n adresse"),
    STREET_NAME: ("libelle voie", "libelle de voie", "libelle de la voie", "nom de voie", "nom de la voie",
                  "type et nom de voie", "nom voie", "nom de rue", "nom rue", "libelle rue", "libelle de rue",
                  "type et libelle de voie", "lib voie"),
    "complement_adresse": ("complement", "complement d adresse", "complement adresse", "adresse 2",
                           "adresse ligne 2", "batiment", "lieu dit", "complement de l adresse"),
    "latitude": ("latitude", "lat", "y", "coord y", "gps lat", "coordonnees y", "geo lat"),
    "longitude": ("longitude", "lng", "lon", "long", "x", "coord x", "gps lng", "gps lon", "coordonnees x",
                  "geo lng"),
    "typologie": ("typologie", "type", "type de structure", "type de lieu", "categorie", "type structure",
                  "nature"),
    "telephone": ("telephone", "tel", "numero de telephone", "n de telephone", "phone", "portable",
                  "contact telephone", "telephone fixe", "tel fixe", "num tel"),
    "courriels": ("courriel", "courriels", "mail", "e mail", "email", "adresse mail", "adresse e mail",
                  "contact mail", "adresse electronique", "mel", "e mail de contact", "adresse courriel"),
    "site_web": ("site web", "site internet", "site", "url", "web", "lien", "website", "page web", "lien web",
                 "url site"),
    "horaires": ("horaires", "horaires d ouverture", "heures d ouverture", "ouverture", "opening hours",
                 "jours et horaires", "horaire", "jours et heures d ouverture", "horaires ouverture"),
    "presentation_resume": ("presentation", "presentation resume", "description courte", "resume",
                            "description", "presentation courte"),
    "presentation_detail": ("presentation detaillee", "description longue", "description detaillee", "detail",
                            "informations complementaires", "infos complementaires", "commentaire",
                            "commentaires", "presentation longue"),
    "source": ("source", "producteur", "structure collectant la donnee", "fournisseur", "origine"),
    "itinerance": ("itinerance", "itinerant", "mobile", "fixe ou itinerant", "lieu itinerant"),
    "structure_parente": ("structure parente", "structureparente", "reseau", "structure de rattachement",
                          "organisme de rattachement", "rattachement", "parent"),
    "date_maj": ("date maj", "date de mise a jour", "mise a jour", "derniere mise a jour", "date modification",
                 "date de modification", "updated at", "modifie le", "date de maj", "maj", "date mise a jour",
                 "last update"),
    "services": ("services", "services proposes", "thematiques", "thematique", "offre", "offre de services",
                 "activites", "accompagnements proposes", "themes", "prestations", "service"),
    "publics_specifiquement_adresses": ("public", "publics", "public cible", "publics accueillis",
                                        "publics cibles", "public accueilli", "publics specifiquement adresses",
                                        "public vise"),
    "prise_en_charge_specifique": ("prise en charge specifique", "handicap", "accueil specifique",
                                   "public specifique", "accessibilite handicap", "handicaps"),
    "frais_a_charge": ("frais", "tarif", "tarifs", "cout", "gratuite", "frais a charge", "conditions d acces",
                       "conditions acces", "gratuite des services", "prix", "tarification"),
    "dispositif_programmes_nationaux": ("dispositifs", "dispositif", "programmes nationaux", "labels nationaux",
                                        "dispositif programmes nationaux", "dispositifs nationaux"),
    "formations_labels": ("labels", "formations labels", "label", "formations"),
    "autres_formations_labels": ("autres labels", "labels autres", "autres formations labels",
                                 "autres formations"),
    "modalites_acces": ("modalites d acces", "modalites acces", "acces", "comment venir", "prise de contact",
                        "modalite d acces"),
    "modalites_accompagnement": ("modalites d accompagnement", "accompagnement", "type d accompagnement",
                                 "modalites accompagnement", "modalite d accompagnement"),
    "fiche_acces_libre": ("fiche acces libre", "acceslibre", "acces libre", "accessibilite", "lien acceslibre"),
    "prise_rdv": ("prise de rdv", "prise rdv", "rendez vous", "rdv", "lien rdv", "prendre rendez vous",
                  "prise de rendez vous", "lien de prise de rendez vous"),
}  # fmt: skip

_SERVICES = {
    "Aide aux démarches administratives": (
        "demarches en ligne", "demarches administratives", "aide aux demarches", "e administration",
        "aide administrative", "acces aux droits", "demarches", "aide aux demarches en ligne",
        "accompagnement aux demarches", "france connect", "demarches de sante",
    ),
    "Accès internet et matériel informatique": (
        "acces wifi", "wifi", "wi fi", "acces internet", "acces libre a internet", "postes informatiques",
        "ordinateurs en libre acces", "acces a un ordinateur", "impression", "materiel informatique",
        "connexion internet", "acces a internet", "acces au materiel", "espace public numerique", "epn",
        "imprimante", "scanner", "acces libre",
    ),
    "Maîtrise des outils numériques du quotidien": (
        "initiation informatique", "initiation au numerique", "ateliers numeriques", "atelier numerique",
        "ateliers informatiques", "atelier informatique", "formation informatique", "bureautique", "smartphone",
        "tablette", "prise en main", "usages du quotidien", "numerique du quotidien", "initiation",
        "apprendre l informatique", "messagerie", "internet", "informatique",
    ),
    "Insertion professionnelle via le numérique": (
        "emploi", "recherche d emploi", "insertion professionnelle", "cv", "insertion", "aide a l emploi",
        "formation professionnelle",
    ),
    "Utilisation sécurisée du numérique": (
        "securite", "cybersecurite", "securite numerique", "arnaques", "protection des donnees",
        "securite informatique",
    ),
    "Parentalité et éducation avec le numérique": (
        "parentalite", "education", "soutien scolaire", "accompagnement a la scolarite", "parentalite numerique",
    ),
    "Loisirs et créations numériques": (
        "loisirs", "creation numerique", "fablab", "fab lab", "jeux video", "photo", "video", "musique",
        "loisirs numeriques", "impression 3d", "robotique", "programmation",
    ),
    "Compréhension du monde numérique": (
        "culture numerique", "comprehension du numerique", "reseaux sociaux", "citoyennete numerique",
        "education aux medias", "intelligence artificielle",
    ),
    "Acquisition de matériel informatique à prix solidaire": (
        "reconditionnement", "vente de materiel", "materiel reconditionne", "achat de materiel",
        "equipement informatique", "ordinateurs a prix solidaire", "don de materiel", "vente solidaire",
    ),
}  # fmt: skip
_PUBLICS = {
    "Seniors": ("seniors", "senior", "personnes agees", "retraites", "aines", "plus de 60 ans", "3e age"),
    "Jeunes": ("jeunes", "jeunesse", "16 25 ans", "adolescents", "ados", "jeunes 16 25 ans"),
    "Étudiants": ("etudiants", "etudiant"),
    "Familles et/ou enfants": ("familles", "famille", "enfants", "parents", "familles enfants"),
    "Femmes": ("femmes",),
}
_PRISE_EN_CHARGE = {
    "Handicaps moteurs": ("pmr", "handicap moteur", "mobilite reduite", "fauteuil roulant", "handicap physique"),
    "Surdité": ("sourds", "malentendants", "surdite", "lsf", "handicap auditif", "sourds et malentendants"),
    "Déficience visuelle": ("malvoyants", "aveugles", "deficience visuelle", "handicap visuel", "non voyants"),
    "Handicaps mentaux": ("handicap mental", "handicap psychique", "handicap cognitif", "handicaps mentaux"),
    "Illettrisme": ("illettrisme", "analphabetisme", "alphabetisation", "personnes illettrees"),
    "Langues étrangères (anglais)": ("anglais", "anglophones"),
    "Langues étrangères (autres)": ("langues etrangeres", "allophones", "traduction", "fle", "etrangers"),
}
_FRAIS = {
    "Gratuit": ("gratuit", "gratuite", "gratuits", "acces gratuit", "sans frais"),
    "Gratuit sous condition": ("gratuit sous condition", "gratuit sous conditions", "sous condition",
                               "gratuit sous conditions de ressources"),
    "Payant": ("payant", "payante", "adhesion", "sur adhesion", "tarif", "pass numerique", "cheque",
               "participation"),
}  # fmt: skip
_MODALITES_ACCES = {
    "Se présenter": ("sans rendez vous", "accueil libre", "se presenter", "acces libre", "sur place",
                     "accueil sans rendez vous"),
    "Téléphoner": ("telephone", "par telephone", "appeler", "sur rendez vous par telephone"),
    "Contacter par mail": ("mail", "par mail", "courriel", "e mail", "par courriel"),
    "Prendre un RDV en ligne": ("rdv en ligne", "rendez vous en ligne", "prise de rendez vous en ligne"),
    "Envoyer un mail avec une fiche de prescription": ("prescription", "fiche de prescription",
                                                       "orientation par un travailleur social", "sur orientation"),
}  # fmt: skip
_MODALITES_ACCOMPAGNEMENT = {
    "Accompagnement individuel": ("individuel", "accompagnement individuel", "individuel sur rendez vous",
                                  "individuellement", "accompagnement individualise", "a ma place",
                                  "avec de l aide", "sur rendez vous", "rendez vous"),
    "Dans un atelier collectif": ("collectif", "atelier", "ateliers", "ateliers collectifs", "en groupe",
                                  "atelier collectif", "dans un atelier"),
    "En autonomie": ("autonomie", "libre service", "en libre service", "acces libre", "seul", "en autonomie"),
    "À distance": ("a distance", "en ligne", "visio", "par telephone", "distanciel"),
}  # fmt: skip
NATIONAL_PROGRAMMES = {
    "France Services": ("france services", "france service", "msap", "maison france services",
                        "maison de services au public", "espace france services"),
    "Aidants Connect": ("aidants connect", "aidant connect", "aidants connect habilite"),
    "Conseillers numériques": ("conseillers numeriques", "conseiller numerique", "cnfs",
                               "conseiller numerique france services", "conseillers numeriques france services"),
    "Certification PIX": ("pix", "certification pix", "centre pix"),
    "Emmaüs Connect": ("emmaus connect",),
    "Relais numérique (Emmaüs Connect)": ("relais numerique", "relais numerique emmaus connect"),
    "La Croix Rouge": ("croix rouge", "la croix rouge", "croix rouge francaise"),
    "Point d'accès numérique CAF": ("caf", "point numerique caf", "point d acces numerique caf",
                                    "point relais caf"),
    "Promeneurs du net": ("promeneurs du net", "promeneur du net"),
    "Bibliothèques numérique de référence": ("bibliotheque numerique de reference", "bnr",
                                             "bibliotheques numeriques de reference"),
    "Grande école du numérique": ("grande ecole du numerique", "gen"),
}  # fmt: skip
TRAINING_LABELS = {
    "Formé à « Mon Espace Santé »": ("mon espace sante", "forme a mon espace sante"),
    "Formé à « DUPLEX » (illettrisme)": ("duplex",),
    "Étapes numériques(La Poste)": ("etapes numeriques", "etapes numeriques la poste", "la poste"),
    "Fabriques de Territoire": ("fabriques de territoire", "fabrique de territoire"),
    "Les Éclaireurs du numérique (Drôme)": ("eclaireurs du numerique", "les eclaireurs du numerique"),
    "Mes Papiers (Métropole de Lyon)": ("mes papiers",),
    "ORDI 3.0": ("ordi 3.0", "ordi 3 0", "label ordi 3.0"),
    "SUD LABS (PACA)": ("sud labs", "sud lab"),
    "Arnia/MedNum BFC (Bourgogne-Franche-Comté)": ("arnia", "mednum bfc"),
    "Collectif ressources et acteurs réemploi (Normandie)": ("collectif ressources et acteurs reemploi", "cra"),
}  # fmt: skip
_ITINERANCE = {
    "Itinérant": ("itinerant", "itinerante", "mobile", "bus", "bibliobus", "camion"),
    "Fixe": ("fixe", "permanence"),
}


def _table(groups: dict[str, tuple[str, ...]], legacy: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    table: dict[str, str] = {}
    for target, words in groups.items():
        for word in words:
            table[label_key(word)] = target
            table[fold_name(word)] = target
    for old, targets in (legacy or {}).items():
        if len(targets) == 1:
            table[label_key(old)] = targets[0]
            table[label_key(old.split(":")[0])] = targets[0]
    return table


def _legacy_publics(name: str) -> dict[str, tuple[str, ...]]:
    """The v0 publics that stand for one label of `name` (v0 mixed publics and specific support)."""
    return {old: (new[0][1],) for old, new in LEGACY_PUBLICS.items() if len(new) == 1 and new[0][0] == name}


# Field → folded source label → the standard's label it stands for.
LABELS: dict[str, dict[str, str]] = {
    "services": _table(_SERVICES, LEGACY_SERVICES),
    "publics_specifiquement_adresses": _table(
        _PUBLICS,
        {k: tuple(t for _, t in v) for k, v in LEGACY_PUBLICS.items() if len(v) == 1 and v[0][0].startswith("publics")},
    ),
    "prise_en_charge_specifique": _table(
        _PRISE_EN_CHARGE,
        {k: tuple(t for _, t in v) for k, v in LEGACY_PUBLICS.items() if len(v) == 1 and v[0][0].startswith("prise")},
    ),
    "frais_a_charge": _table(_FRAIS, LEGACY_FRAIS),
    "modalites_acces": _table(_MODALITES_ACCES),
    "modalites_accompagnement": _table(_MODALITES_ACCOMPAGNEMENT, LEGACY_MODALITES_ACCOMPAGNEMENT),
    "dispositif_programmes_nationaux": _table(NATIONAL_PROGRAMMES),
    "formations_labels": _table(TRAINING_LABELS),
    "itinerance": _table(_ITINERANCE),
}
# Labels that say « nothing specific » and translate to no label on purpose (in v1 a place welcomes everyone unless
# a field says otherwise).
NOTHING = frozenset(
    label_key(w)
    for w in ("tout public", "tous publics", "tous", "adultes", "adulte", "aucun", "aucune", "non", "non renseigne",
              "ne sait pas", "nc", "tout le monde", "grand public")
)  # fmt: skip

# Yes/no columns named after a feature: folded word in the column's name → (field, label for « oui », label for
# « non » or None). « connexion_wi_fi: Oui » means the place offers internet access.
FEATURE_COLUMNS: tuple[tuple[str, str, str, str | None], ...] = (
    ("wi fi", "services", "Accès internet et matériel informatique", None),
    ("wifi", "services", "Accès internet et matériel informatique", None),
    ("acces internet", "services", "Accès internet et matériel informatique", None),
    ("gratuit", "frais_a_charge", "Gratuit", "Payant"),
    ("payant", "frais_a_charge", "Payant", "Gratuit"),
    ("itinerant", "itinerance", "Itinérant", "Fixe"),
    ("itinerance", "itinerance", "Itinérant", "Fixe"),
    ("pmr", "prise_en_charge_specifique", "Handicaps moteurs", None),
    ("aidants connect", "dispositif_programmes_nationaux", "Aidants Connect", None),
    ("france services", "dispositif_programmes_nationaux", "France Services", None),
    ("conseiller numerique", "dispositif_programmes_nationaux", "Conseillers numériques", None),
    ("pix", "dispositif_programmes_nationaux", "Certification PIX", None),
)
YES = frozenset(("oui", "o", "yes", "y", "true", "vrai", "1", "x"))
NO = frozenset(("non", "n", "no", "false", "faux", "0"))
