"""Deploy checks of what the legal notice and the accessibility statement must say: who hosts the site, and where
to write. Without them the pages stay true (they say the information is missing) but the law asks for both."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility, deploy=True)
def check_legal_information(app_configs, **kwargs) -> list[checks.CheckMessage]:
    found = []
    if not settings.MEDIANE_HOST_INFO:
        found.append(
            checks.Warning(
                "MEDIANE_HOST_INFO est vide : les mentions légales ne peuvent pas nommer l'hébergeur du site.",
                hint="Donnez le nom, l'adresse et le téléphone de l'hébergeur, une information par ligne "
                "(loi pour la confiance dans l'économie numérique, article 6).",
                id="mediane.W002",
            )
        )
    if not settings.MEDIANE_CONTACT_EMAIL:
        found.append(
            checks.Warning(
                "MEDIANE_CONTACT_EMAIL est vide : la déclaration d'accessibilité et les mentions légales ne "
                "donnent aucune adresse où écrire.",
                hint="Donnez l'adresse e-mail à laquelle l'exploitant répond (accessibilité, questions sur le site).",
                id="mediane.W003",
            )
        )
    return found
