"""The demo's kit: a dozen tools and teaching resources that exist, each described with general facts only (what it
is, who publishes it, who it is for), written through the kit's services. No licence is guessed: where the
producer's terms were not checked, the licence is « Non précisée ». Competences are Pix codes, looked up at load
time; a code that the database does not have (frameworks not seeded) is skipped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mediane.orientation.helpline import NATIONAL_HELPLINE
from mediane.training.enums import FrameworkKind
from mediane.training.enums_kit import KitFormat, KitLicence, KitPublic
from mediane.training.models import Competence
from mediane.training.services_kit import KitResourceData, create_resource


@dataclass(frozen=True)
class Entry:
    title: str
    summary: str
    description: str
    link: str
    author: str
    format: str
    publics: tuple[str, ...]
    pix_codes: tuple[str, ...]
    licence: str = KitLicence.UNSPECIFIED
    published: bool = True


RESOURCES = (
    Entry(
        "Les Bons Clics",
        "Une plateforme en ligne pour les aidants numériques : des contenus et des fiches pour accompagner une "
        "personne vers l'autonomie.",
        "Créée par l'association WeTechCare, la plateforme s'adresse aux professionnels et bénévoles qui "
        "accompagnent des personnes éloignées du numérique : associations, CCAS, centres sociaux, bibliothèques, "
        "mairies.\n\nElle propose des contenus pour apprendre les bases et des ressources pour animer des ateliers.",
        "https://www.lesbonsclics.fr/",
        "WeTechCare",
        KitFormat.COURSE,
        (KitPublic.MEDIATORS, KitPublic.LIBRARIANS, KitPublic.SOCIAL_WORKERS),
        ("1.1", "2.1", "5.2"),
    ),
    Entry(
        "Pix",
        "Le service public en ligne pour évaluer, développer et certifier ses compétences numériques.",
        "Pix est gratuit pour s'évaluer. Les tests sont adaptatifs : les questions deviennent plus faciles ou plus "
        "difficiles selon les réponses. Le référentiel compte **16 compétences** en 5 domaines : informations et "
        "données, communication et collaboration, création de contenu, protection et sécurité, environnement "
        "numérique.\n\nLa certification se passe dans un centre agréé.",
        "https://pix.fr/",
        "Pix (groupement d'intérêt public)",
        KitFormat.ASSESSMENT,
        (KitPublic.EVERYONE, KitPublic.JOB_SEEKERS, KitPublic.YOUTH),
        ("1.1", "2.1", "3.1", "4.1", "5.1"),
    ),
    Entry(
        "Pix Orga",
        "L'espace de Pix pour les structures : proposer un parcours d'évaluation à un groupe et suivre ses résultats.",
        "Une médiathèque ou une association peut y préparer une campagne d'évaluation pour les personnes qu'elle "
        "accompagne, puis voir où chacune en est, compétence par compétence.",
        "https://orga.pix.fr/",
        "Pix (groupement d'intérêt public)",
        KitFormat.TOOL,
        (KitPublic.MEDIATORS, KitPublic.LIBRARIANS),
        (),
    ),
    Entry(
        "Pix+",
        "Des certifications complémentaires de Pix, propres à un métier.",
        "Pix+ complète la certification Pix par des compétences numériques professionnelles, par exemple Pix+ Édu "
        "pour les personnels de l'éducation.",
        "https://pix.fr/",
        "Pix (groupement d'intérêt public)",
        KitFormat.ASSESSMENT,
        (KitPublic.LIBRARIANS, KitPublic.MEDIATORS),
        (),
    ),
    Entry(
        "Solidarité Numérique",
        "Des tutoriels pas à pas pour les démarches en ligne, et un numéro d'aide national.",
        f"Le site propose des tutoriels pour faire ses démarches en ligne. Le numéro d'aide est le "
        f"{NATIONAL_HELPLINE.phone} ({NATIONAL_HELPLINE.price}).",
        NATIONAL_HELPLINE.url,
        "Solidarité Numérique",
        KitFormat.SHEET,
        (KitPublic.EVERYONE, KitPublic.SENIORS, KitPublic.MEDIATORS),
        ("2.1", "5.1"),
    ),
    Entry(
        "Aidants Connect",
        "Un service public qui permet à un aidant professionnel de faire une démarche en ligne à la place d'une "
        "personne, avec son accord écrit (un mandat).",
        "La personne accompagnée signe un mandat qui dit quelles démarches l'aidant peut faire et pour combien de "
        "temps. L'aidant agit dans un cadre légal, sans garder les mots de passe de la personne.\n\n"
        "Le service est réservé aux aidants professionnels salariés d'une structure habilitée : les bénévoles, les "
        "volontaires en service civique et les élus ne peuvent pas l'utiliser.",
        "https://aidantsconnect.beta.gouv.fr/",
        "État (beta.gouv.fr)",
        KitFormat.TOOL,
        (KitPublic.MEDIATORS, KitPublic.SOCIAL_WORKERS, KitPublic.LIBRARIANS),
        ("4.2",),
    ),
    Entry(
        "Internet Sans Crainte",
        "Le programme national de sensibilisation des jeunes aux risques et aux enjeux d'internet.",
        "Des kits pour animer des ateliers, de l'école primaire au lycée, et des ressources pour les familles : "
        "réseaux sociaux, cyberharcèlement, information en ligne, temps d'écran, jeux vidéo.\n\nEn France, le "
        "programme coordonne le Safer Internet Day.",
        "https://www.internetsanscrainte.fr/",
        "Internet Sans Crainte",
        KitFormat.WORKSHOP_KIT,
        (KitPublic.YOUTH, KitPublic.PARENTS, KitPublic.MEDIATORS),
        ("2.2", "4.2", "4.3"),
    ),
    Entry(
        "Cybermalveillance.gouv.fr",
        "Le dispositif national d'assistance aux victimes de cybermalveillance, avec des fiches et un kit de "
        "sensibilisation.",
        "Le site aide une victime à comprendre ce qui lui arrive (hameçonnage, virus, piratage de compte) et à "
        "trouver de l'aide. Ses fiches réflexes et son kit de sensibilisation expliquent les bons gestes : mots de "
        "passe, mises à jour, sauvegardes.",
        "https://www.cybermalveillance.gouv.fr/",
        "GIP Action contre la cybermalveillance (ACYMA)",
        KitFormat.GUIDE,
        (KitPublic.EVERYONE, KitPublic.SENIORS, KitPublic.MEDIATORS),
        ("4.1", "4.2"),
    ),
    Entry(
        "Les ressources de la CNIL sur les données personnelles",
        "Des conseils de la CNIL pour comprendre et protéger ses données personnelles.",
        "La Commission nationale de l'informatique et des libertés (CNIL) publie des conseils pour le grand public "
        "et des ressources d'éducation au numérique, utiles pour un atelier sur la vie privée.",
        "https://www.cnil.fr/",
        "CNIL",
        KitFormat.GUIDE,
        (KitPublic.EVERYONE, KitPublic.YOUTH, KitPublic.PARENTS),
        ("4.2",),
    ),
    Entry(
        "3018, le numéro contre les violences numériques",
        "Un numéro national pour les jeunes victimes de violences numériques et leurs parents.",
        "Le 3018 est géré par l'association e-Enfance. Il écoute et aide les jeunes victimes de cyberharcèlement "
        "ou d'autres violences en ligne, et leurs parents.",
        "https://e-enfance.org/",
        "Association e-Enfance",
        KitFormat.TOOL,
        (KitPublic.YOUTH, KitPublic.PARENTS),
        ("4.3",),
    ),
    Entry(
        "La Coop de la médiation numérique",
        "L'outil des médiateurs et des conseillers numériques pour enregistrer leurs accompagnements.",
        "Chaque accompagnement est noté avec un vocabulaire commun (thèmes, autonomie, matériel, orientation), "
        "ce qui permet de compter l'activité de la même façon partout.",
        "https://coop-numerique.anct.gouv.fr/",
        "Agence nationale de la cohésion des territoires (ANCT)",
        KitFormat.TOOL,
        (KitPublic.MEDIATORS,),
        (),
    ),
    Entry(
        "Atelier « Mon premier courriel » (brouillon de la médiathèque)",
        "Un déroulé d'atelier d'une heure pour créer une adresse e-mail et envoyer un premier message.",
        "Brouillon en cours de relecture : il sera publié quand la médiathèque l'aura testé.",
        "",
        "Médiathèque de démonstration",
        KitFormat.WORKSHOP_KIT,
        (KitPublic.SENIORS,),
        ("2.1",),
        published=False,
    ),
)


def load_kit(step: Callable[[str], None]) -> dict[str, int]:
    """Writes the kit through its services; returns what the demo's summary counts."""
    step("kit de ressources")
    pix = {competence.code: competence for competence in Competence.objects.filter(framework__kind=FrameworkKind.PIX)}
    for entry in RESOURCES:
        create_resource(
            KitResourceData(
                title=entry.title,
                summary=entry.summary,
                description=entry.description,
                link=entry.link,
                author=entry.author,
                format=entry.format,
                licence=entry.licence,
                publics=entry.publics,
                competences=[pix[code] for code in entry.pix_codes if code in pix],
            ),
            publish=entry.published,
        )
    return {"ressources du kit": len(RESOURCES)}
