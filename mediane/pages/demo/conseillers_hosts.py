"""Demo of the programme: the départements' quotas computed from the population (4,000 positions), and host
structures of the Rhône (libraries among them) with requests at every stage and a committee date; the library of
Bron, managed by « responsable », validated with 2 positions. Written through the programme's services, e-mails
silenced (see conseillers.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from mediane.accounts.models import User
from mediane.conseillers import services_committee as committee
from mediane.conseillers import services_hosts as hosts
from mediane.conseillers.enums import HostKind, HostStatus, Opinion, QuotaIndex, RequestKind
from mediane.conseillers.models import HostStructure
from mediane.jobs.queue import without_emails
from mediane.pages.demo.charter import MANAGER_LIBRARY
from mediane.structures.communes import load_communes
from mediane.structures.models import Structure

from . import clock
from .consultation import ACCOUNTS_CREATED

# The stage each structure reaches: created (no opinion yet), examen (further examination), validated with n
# positions, refused, abandon (validated then given up), cancelled, and « duplicate » (a second registration of
# the SIRET of the structure before it).
CREATED, EXAMEN, REFUSED, ABANDON, CANCELLED, DUPLICATE = "creee", "examen", "refusee", "abandon", "annulee", "doublon"

# (name, kind, commune, advisers wished, stage: a stage above or the positions granted, flags: z = ZRR, q = QPV,
# f = France Services)
STRUCTURES: list[tuple[str, str, str, int, str | int, str]] = [
    ("Médiathèque de Vaulx-en-Velin", HostKind.COMMUNE, "Vaulx-en-Velin", 2, 2, "q"),
    ("Commune de Givors", HostKind.COMMUNE, "Givors", 2, 1, "qf"),
    ("Médiathèque Lucie Aubrac de Vénissieux", HostKind.COMMUNE, "Vénissieux", 3, 2, "q"),
    ("Médiathèque de Rillieux-la-Pape", HostKind.COMMUNE, "Rillieux-la-Pape", 1, 1, "q"),
    ("Commune de Tarare", HostKind.COMMUNE, "Tarare", 1, 1, "f"),
    ("Communauté de communes de l'Ouest Rhodanien", HostKind.EPCI, "Thizy-les-Bourgs", 2, 2, "zf"),
    ("Médiathèque de Saint-Fons", HostKind.COMMUNE, "Saint-Fons", 1, 1, "q"),
    ("Association Entraide numérique Villefranche", HostKind.ASSOCIATION, "Villefranche-sur-Saône", 1, 1, ""),
    ("Département du Rhône", HostKind.DEPARTEMENT, "Villefranche-sur-Saône", 4, 2, ""),
    ("Médiathèque de Décines-Charpieu", HostKind.COMMUNE, "Décines-Charpieu", 1, CREATED, ""),
    ("Commune de Meyzieu", HostKind.COMMUNE, "Meyzieu", 2, CREATED, ""),
    ("Médiathèque d'Amplepuis", HostKind.COMMUNE, "Amplepuis", 1, CREATED, "z"),
    ("Centre social de Saint-Priest", HostKind.ASSOCIATION, "Saint-Priest", 1, CREATED, "q"),
    ("Bibliothèque de Mornant", HostKind.COMMUNE, "Mornant", 1, CREATED, ""),
    ("Commune de Feyzin", HostKind.COMMUNE, "Feyzin", 1, CREATED, ""),
    ("Médiathèque de Brignais", HostKind.COMMUNE, "Brignais", 1, EXAMEN, ""),
    ("Association Connexions solidaires", HostKind.ASSOCIATION, "Villeurbanne", 2, EXAMEN, "q"),
    ("Commune de Corbas", HostKind.COMMUNE, "Corbas", 1, EXAMEN, ""),
    ("Médiathèque de Neuville-sur-Saône", HostKind.COMMUNE, "Neuville-sur-Saône", 1, EXAMEN, ""),
    ("Commune de Mions", HostKind.COMMUNE, "Mions", 2, REFUSED, ""),
    ("Association Numérique pour tous Caluire", HostKind.ASSOCIATION, "Caluire-et-Cuire", 1, REFUSED, ""),
    ("Commune d'Écully", HostKind.COMMUNE, "Écully", 1, REFUSED, ""),
    ("Médiathèque de Craponne", HostKind.COMMUNE, "Craponne", 1, ABANDON, ""),
    ("Commune de Chaponost", HostKind.COMMUNE, "Chaponost", 1, ABANDON, ""),
    ("Médiathèque de Saint-Genis-Laval", HostKind.COMMUNE, "Saint-Genis-Laval", 1, CANCELLED, ""),
    ("Commune de Vaulx-en-Velin", HostKind.COMMUNE, "Vaulx-en-Velin", 1, DUPLICATE, "q"),
    ("Médiathèque de Tassin-la-Demi-Lune", HostKind.COMMUNE, "Tassin-la-Demi-Lune", 1, CREATED, ""),
    ("Espace France Services de Belleville", HostKind.PRIVATE_NON_PROFIT, "Belleville-en-Beaujolais", 1, 1, "zf"),
]
# When each step happens, in days before the loading day: the quotas, the registrations examined by the committee
# (two days apart), then the committee. Recruitments and contracts follow (conseillers_recruitment.py).
QUOTAS_DAYS_AGO, REGISTRATIONS_DAYS_AGO, COMMITTEE_DAYS_AGO = 410, 400, 340
BRON_NAME = "Pôle lecture Terraillon"
FIRST_NAMES = ["Camille", "Dominique", "Sacha", "Claude", "Alix", "Morgan", "Lou", "Noa", "Charlie", "Eden"]


def made_up_siret(n: int) -> str:
    """A SIRET with a valid key (Luhn) but made up: « 2 69 » then n; it names no real establishment."""
    base = f"269{n:010d}"
    for key in range(10):
        total = 0
        for index, char in enumerate(reversed(base + str(key))):
            digit = int(char) * (2 if index % 2 else 1)
            total += digit - 9 if digit > 9 else digit
        if total % 10 == 0:
            return base + str(key)
    raise AssertionError("unreachable")


def _commune(name: str):
    return next(c for c in load_communes().find(name) if c.departement == "69")


def _data(number: int, name: str, kind: str, commune_name: str, wished: int, flags: str) -> hosts.HostData:
    today = timezone.localdate()
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    return hosts.HostData(
        kind=kind,
        name=name,
        siret=made_up_siret(number),
        commune=_commune(commune_name),
        address=f"{1 + number * 3} place de la Mairie",
        contact_name=f"{first} Martin",
        contact_job="Responsable de la médiathèque" if "édiathèque" in name else "Chargé·e de mission",
        contact_email=f"contact{number}@structure.example.org",
        contact_phone="",
        advisers_wished=wished,
        start_date=today + dt.timedelta(days=30 + 7 * (number % 8)),
        motivation=(
            "Beaucoup d'habitants viennent nous demander de l'aide pour leurs démarches en ligne, et nous manquons de "
            "temps pour les accompagner. Un conseiller numérique animerait des ateliers et des permanences."
        ),
        charter_commitment=True,
        cofunding=number % 4 == 0,
        cofunding_details="Département du Rhône" if number % 4 == 0 else "",
        rural_revitalisation_zone="z" in flags,
        priority_district="q" in flags,
        france_services="f" in flags,
    )


def moment(day: dt.date, hour: int = 10) -> dt.datetime:
    """`day` at `hour`, Paris time: when a step of the demo happens (see clock.py)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _manager(number: int, data: hosts.HostData) -> User:
    """The structure's own manager, who registers it and acts for it (so the history says « un gestionnaire »)."""
    email = f"structure{number:02d}@demo.mediane.localhost"
    if user := User.objects.filter(email=email).first():
        return user
    # Made when the demo's accounts were: the story's accounts all date from 2019.
    with clock.at(ACCOUNTS_CREATED):
        return User.objects.create_user(email, None, display_name=data.contact_name)


def load(people: dict[str, User], step: Callable[[str], None]) -> dict[str, int]:
    team, manager = people["programme"], people["responsable"]
    today = timezone.localdate()
    committee_day = today - dt.timedelta(days=COMMITTEE_DAYS_AGO)
    with without_emails():
        step("conseillers numériques : les quotas des départements, d'après la population")
        with clock.at(moment(today - dt.timedelta(days=QUOTAS_DAYS_AGO))):
            committee.set_quotas(
                committee.compute_quotas(committee.compute_index(QuotaIndex.POPULATION)),
                by=team,
                index=QuotaIndex.POPULATION,
            )
        step("conseillers numériques : la bibliothèque de Bron, retenue pour 2 postes")
        library = Structure.objects.filter(source_id=MANAGER_LIBRARY).first()
        # The directory spells it in capitals (« POLE LECTURE TERRAILLON »); its manager writes it properly.
        data = _data(0, BRON_NAME if library else "Médiathèque de Bron", HostKind.COMMUNE, "Bron", 2, "q")
        data.motivation = (
            "Le pôle lecture accueille chaque semaine des habitants du quartier qui ne savent pas faire leurs "
            "démarches en ligne. Deux conseillers numériques tiendraient des permanences et des ateliers."
        )
        with clock.at(moment(today - dt.timedelta(days=REGISTRATIONS_DAYS_AGO + 5))):
            bron = hosts.register_host(data, by=manager, structure=library)
        with clock.at(moment(committee_day, 15)):
            committee.record_opinion(
                bron.requests.get(), Opinion.FAVOURABLE, 2, committee_day, "Projet solide, public prioritaire.", by=team
            )
        step("conseillers numériques : des structures du Rhône, à chaque étape")
        registered: dict[str, HostStructure] = {}
        for number, (name, kind, commune, wished, stage, flags) in enumerate(STRUCTURES, start=1):
            data = _data(number, name, kind, commune, wished, flags)
            # Those still waiting registered after the committee met; the others two days apart before it.
            days_ago = 40 - number if stage == CREATED else REGISTRATIONS_DAYS_AGO - 2 * number
            registered_on = today - dt.timedelta(days=days_ago)
            with clock.at(moment(registered_on)):
                person = _manager(number, data)
                if stage == DUPLICATE:
                    data.siret = next(h for h in registered.values() if h.commune == commune).siret
                    hosts.register_host(data, by=person, other_request=True)
                    continue
                host = hosts.register_host(data, by=person)
            registered[name] = host
            request = host.requests.get()
            if stage == CANCELLED:
                with clock.at(moment(registered_on + dt.timedelta(days=5))):
                    hosts.change_host_status(host, HostStatus.CANCELLED, by=team, note="Inscription faite par erreur.")
                continue
            with clock.at(moment(committee_day, 15)):
                if isinstance(stage, int):
                    committee.record_opinion(request, Opinion.FAVOURABLE, stage, committee_day, "", by=team)
                elif stage == EXAMEN:
                    committee.record_opinion(
                        request,
                        Opinion.FURTHER_EXAMINATION,
                        0,
                        committee_day,
                        "Précisez où le conseiller travaillera et le cofinancement prévu.",
                        by=team,
                    )
                elif stage == REFUSED:
                    committee.record_opinion(
                        request,
                        Opinion.UNFAVOURABLE,
                        0,
                        committee_day,
                        "Le département compte déjà des conseillers tout près ; le projet reste à préciser.",
                        by=team,
                    )
                elif stage == ABANDON:
                    committee.record_opinion(request, Opinion.FAVOURABLE, 1, committee_day, "", by=team)
            if stage == ABANDON:
                with clock.at(moment(committee_day + dt.timedelta(days=60))):
                    hosts.change_host_status(
                        host, HostStatus.ABANDONED, by=team, note="La commune n'a pas pu recruter."
                    )
        # A validated structure asks for one more position, another gives one back: the committee's next agenda.
        vaulx, rhone = registered["Médiathèque de Vaulx-en-Velin"], registered["Département du Rhône"]
        with clock.at(moment(today - dt.timedelta(days=30))):
            hosts.request_positions(
                vaulx, RequestKind.ADD, 1, "Une seconde antenne ouvre.", by=vaulx.managers.order_by("pk").first()
            )
        with clock.at(moment(today - dt.timedelta(days=25))):
            hosts.request_positions(
                rhone,
                RequestKind.GIVE_BACK,
                1,
                "Un poste ne sera pas pourvu.",
                by=rhone.managers.order_by("pk").first(),
            )
    return {"structures d'accueil": HostStructure.objects.count()}
