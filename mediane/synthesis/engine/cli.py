"""`mediane-synthesis`: run the synthesis on a CSV, a JSON list, an Excel workbook or a Decidim export, without a
database. What the file is comes from its content (`sniff.read_input`), not from its name.

Exit codes: 0 done, 2 unusable input (the French reason is printed on the error output).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mediane.synthesis.engine import report, sniff
from mediane.synthesis.engine.backends import backend_names
from mediane.synthesis.engine.documents import SynthesisInputError
from mediane.synthesis.engine.pipeline import DEFAULT_MAX_TOPICS, DEFAULT_MIN_TOPICS, synthesise

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _FrenchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"Erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _FrenchParser(
        prog="mediane-synthesis",
        description=(
            "Synthèse de contributions en français : sujets, contributions représentatives, réponses courtes, "
            "copies. Lit un CSV (UTF-8, Windows-1252 ou UTF-16 ; séparateur « ; », « , », tabulation ou « | » ; "
            "éventuellement compressé en .gz), une liste JSON de contributions, un classeur Excel (.xlsx, "
            "première feuille) ou un export de propositions Decidim (CSV ou JSON)."
        ),
    )
    parser.add_argument("input", type=Path, help="fichier CSV, JSON, XLSX ou export Decidim (éventuellement en .gz)")
    parser.add_argument("--format", choices=("json", "markdown"), default="json", help="format du résultat")
    parser.add_argument("--output", "-o", type=Path, help="fichier où écrire le résultat (sinon la sortie standard)")
    parser.add_argument("--text-column", help="colonne (ou clé JSON) qui contient le texte des contributions")
    parser.add_argument("--id-column", help="colonne (ou clé JSON) des identifiants (sinon le numéro de ligne)")
    parser.add_argument("--label-column", help="colonne d'étiquettes connues, pour mesurer l'accord (NMI, ARI)")
    parser.add_argument("--decidim", action="store_true", help="le fichier est un export de propositions Decidim")
    parser.add_argument("--seed", type=int, default=0, help="graine : même graine, même résultat (défaut : 0)")
    parser.add_argument("--min-topics", type=int, default=DEFAULT_MIN_TOPICS, help="nombre minimal de sujets")
    parser.add_argument("--max-topics", type=int, default=DEFAULT_MAX_TOPICS, help="nombre maximal de sujets")
    parser.add_argument(
        "--backend",
        default="tfidf",
        help=f"méthode de représentation des textes : {', '.join(backend_names())} (défaut : tfidf)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.min_topics < 1 or args.max_topics < args.min_topics:
            raise SynthesisInputError("Il faut 1 ≤ --min-topics ≤ --max-topics.")
        documents = sniff.read_input(
            args.input,
            text_column=args.text_column,
            id_column=args.id_column,
            label_column=args.label_column,
            decidim=args.decidim,
        )
        result = synthesise(
            documents, seed=args.seed, min_topics=args.min_topics, max_topics=args.max_topics, backend=args.backend
        )
    except SynthesisInputError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in result.figures["warnings"]:
        print(f"Attention : {warning}", file=sys.stderr)
    if args.format == "json":
        output = json.dumps(report.to_json(result, documents), ensure_ascii=False, indent=2) + "\n"
    else:
        output = report.to_markdown(result, documents)
    if args.output is None:
        sys.stdout.write(output)
    else:
        try:
            args.output.write_text(output, encoding="utf-8")
        except OSError as error:
            print(f"Erreur : impossible d'écrire « {args.output} » ({error.strerror}).", file=sys.stderr)
            return EXIT_BAD_INPUT
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
