"""`manage.py export_lieux`: every place in the national standard v1.0.2, CSV or JSON, to a file or stdout."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from mediane.structures import services, standard


class Command(BaseCommand):
    help = (
        "Exporte les lieux au standard national « lieux de médiation numérique » v1.0.2, en CSV (valide pour "
        "frictionless validate --schema schema.json) ou en JSON (avec les données propres à chaque source sous "
        "« donnees_source »), dans un fichier ou sur la sortie standard. Les "
        "lieux sans adresse, que le standard exige, sont laissés de côté : la sortie d'erreur dit combien. Un "
        "identifiant porté par les lieux de deux sources devient « <source>-<identifiant> » pour la seconde."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="csv", help="csv (par défaut) ou json.")
        parser.add_argument("--output", help="Fichier à écrire ; sans lui, l'export va sur la sortie standard.")

    def handle(self, *args, **options):
        if options["format"] == "csv":
            rows = list(services.export_rows())
            content, count = standard.write_csv(rows), len(rows)
        else:
            content = "".join(services.export_json_chunks())
            count = len(json.loads(content))
        if options["output"]:
            Path(options["output"]).write_text(content, encoding="utf-8", newline="")
            self.stderr.write(f"{count} lieu(x) exporté(s) dans {options['output']}.")
        else:
            self.stdout.write(content, ending="")
        _excluded, sentence = services.export_exclusions()
        if sentence:
            self.stderr.write(sentence)
