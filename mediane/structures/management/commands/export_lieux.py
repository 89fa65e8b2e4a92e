"""`manage.py export_lieux`: every place in the national standard v1.0.2, CSV or JSON, to a file or stdout."""

from pathlib import Path

from django.core.management.base import BaseCommand

from mediane.structures import services, standard


class Command(BaseCommand):
    help = (
        "Exporte tous les lieux au standard national « lieux de médiation numérique » v1.0.2, en CSV (valide pour "
        "frictionless validate --schema schema.json) ou en JSON, dans un fichier ou sur la sortie standard."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="csv", help="csv (par défaut) ou json.")
        parser.add_argument("--output", help="Fichier à écrire ; sans lui, l'export va sur la sortie standard.")

    def handle(self, *args, **options):
        rows = list(services.export_rows())
        writer = standard.write_csv if options["format"] == "csv" else standard.write_json
        content = writer(rows)
        if options["output"]:
            Path(options["output"]).write_text(content, encoding="utf-8", newline="")
            self.stderr.write(f"{len(rows)} lieu(x) exporté(s) dans {options['output']}.")
        else:
            self.stdout.write(content, ending="")
