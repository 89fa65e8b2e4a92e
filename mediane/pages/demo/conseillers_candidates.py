"""Demo of the programme: candidates (see conseillers.py). Yasmine of Villeurbanne (the « candidate » persona) with
her profile and a small demo CV, and about sixty invented candidates across the communes of the Rhône, weighted by
population, written through `services_candidates` with e-mails silenced."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mediane.accounts.models import User
from mediane.conseillers import services_candidates as services
from mediane.conseillers.enums import MAX_DISTANCE_CHOICES, EducationLevel, MediationDiploma, Situation
from mediane.conseillers.models_candidates import Candidate
from mediane.jobs.queue import without_emails
from mediane.structures.communes import Commune, load_communes

from . import clock
from .conseillers_hosts import moment
from .consultation import ACCOUNTS_CREATED

CANDIDATES = 60
# Days before the loading day when the first invented candidate signed up (one every four days after), and Yasmine.
FIRST_SIGNUP_DAYS_AGO, YASMINE_DAYS_AGO = 400, 90
FIRST_NAMES = [
    "Camille", "Inès", "Lucas", "Nora", "Mehdi", "Chloé", "Hugo", "Awa", "Julien", "Sarah", "Karim", "Léa",
    "Thomas", "Fatou", "Maxime", "Manon", "Rayan", "Emma", "Bastien", "Yanis",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Bernard", "Diallo", "Moreau", "Girard", "Nguyen", "Haddad", "Petit", "Roux", "Lefèvre", "Garcia",
    "Morel", "Fontaine", "Traoré", "Chevalier", "Blanc",
]  # fmt: skip
MOTIVATIONS = [
    "J'accompagne déjà des personnes âgées de mon quartier pour leurs démarches en ligne, et j'aimerais en faire mon "
    "métier.",
    "Après dix ans dans la vente, je veux un métier utile : aider chacun à se débrouiller avec le numérique.",
    "Bénévole dans une association d'aide aux devoirs, je montre souvent aux parents comment utiliser l'ENT.",
    "Je termine une formation d'animateur et je veux travailler en bibliothèque, au contact du public.",
]


def demo_cv(name: str) -> bytes:
    """A minimal valid PDF of one page that says it is demo data (pure)."""
    text = f"CV de {name} - donnees de demonstration".encode("ascii", "replace")
    stream = b"BT /F1 14 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _profile(rng: random.Random, first: str, last: str, commune: Commune | None, today: dt.date) -> dict:
    diplomas = rng.sample(MediationDiploma.values, k=rng.choice([0, 0, 1, 1, 2]))
    pix = rng.random() < 0.35
    competences = [c.pk for c in rng.sample(list(services.pix_competences()), k=rng.randint(1, 3))] if pix else []
    return {
        "first_name": first,
        "last_name": last,
        "situation": rng.choice(Situation.values),
        "education_level": rng.choice(EducationLevel.values),
        "mediation_diplomas": diplomas,
        "experience_months": str(rng.choice([0, 0, 3, 6, 12, 18, 24, 36, 60])),
        "available_from": today + dt.timedelta(days=rng.randint(-30, 150)),
        "max_distance_km": rng.choice([km for km, _ in MAX_DISTANCE_CHOICES]),
        "commune": commune,
        "motivation": rng.choice(MOTIVATIONS),
        "pix_shared": pix,
        "pix_level": str(rng.randint(2, 7)) if pix else None,
        "pix_competences": competences,
    }


def load(people: dict[str, User], step: Callable[[str], None]) -> dict[str, int]:
    step("conseillers numériques : les candidat·es du Rhône")
    rng = random.Random(69)  # noqa: S311 - invented people, the same at every load
    today = timezone.localdate()
    communes = [c for c in load_communes() if c.departement == "69" and c.population > 0 and c.located]
    created = 0
    with without_emails():
        yasmine = people.get("candidate")
        if yasmine is not None and not Candidate.objects.filter(user=yasmine).exists():
            data = _profile(rng, "Yasmine", "Benali", load_communes().by_insee("69266"), today)
            data.update(
                mediation_diplomas=[MediationDiploma.REMN_CCP],
                experience_months="18",
                max_distance_km=15,
                available_from=today + dt.timedelta(days=30),
                motivation=MOTIVATIONS[0],
            )
            with clock.at(moment(today - dt.timedelta(days=YASMINE_DAYS_AGO))):
                candidate = services.create_profile(yasmine, data)
                cv = SimpleUploadedFile("CV Yasmine Benali (démonstration).pdf", demo_cv("Yasmine Benali"))
                services.upload_cv(candidate, cv, by=yasmine)
            created += 1
        picked = rng.choices(communes, weights=[c.population for c in communes], k=CANDIDATES)
        for number, commune in enumerate(picked):
            email = f"candidat{number + 1:02d}@demo.mediane.localhost"
            if User.objects.filter(email=email).exists():
                continue
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            # Made when the demo's accounts were: the story's accounts all date from 2019.
            with clock.at(ACCOUNTS_CREATED):
                user = User.objects.create_user(email, None, display_name=f"{first} {last[0]}.")
            # The first ones signed up before the committee met (conseillers_hosts.py): they are recruited first.
            signed_up = today - dt.timedelta(days=FIRST_SIGNUP_DAYS_AGO - 4 * number)
            with clock.at(moment(signed_up)):
                candidate = services.create_profile(user, _profile(rng, first, last, commune, today))
            if rng.random() < 0.5:
                # Sent or sent again within the CV's retention: an older one would have been deleted.
                with clock.at(moment(today - dt.timedelta(days=rng.randint(3, 150)), 18)):
                    services.upload_cv(candidate, SimpleUploadedFile("CV.pdf", demo_cv(f"{first} {last}")), by=user)
            if number % 25 == 7:
                with clock.at(moment(signed_up + dt.timedelta(days=20))):
                    services.pause(candidate, True, by=user)
            created += 1
    return {"candidats": created}
