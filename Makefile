# Médiane — every command a developer or CI needs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help

.PHONY: help
help: ## Affiche cette aide
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 est nécessaire ($(PYTHON) introuvable)."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# The DSFR that the pages use (mediane/assets/), built again when a file that can name a class changes.
ASSETS := build/static/dsfr/dist/dsfr-mediane.min.css
ASSETS_SOURCES := $(shell find templates mediane config static -type f \( -name '*.html' -o -name '*.txt' -o -name '*.py' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' \) 2>/dev/null)

$(ASSETS): $(VENV)/.installed node_modules/.installed $(ASSETS_SOURCES)
	$(MANAGE) build_assets

.PHONY: install
install: $(VENV)/.installed node_modules/.installed $(ASSETS) ## Installe l'environnement et construit le DSFR du site (idempotent)

.PHONY: migrate
migrate: install ## Applique les migrations
	@mkdir -p var
	$(MANAGE) migrate --noinput

.PHONY: demo
demo: migrate ## Charge les données de démonstration (une seule fois)
	$(MANAGE) load_demo

# `make run` serves the site as people get it: DEBUG off, French error pages, static files collected, compressed and
# cached for ten years. `make run DEBUG=true` gives Django's debug pages (and static files served as they are).
DEBUG ?= false
# Collected again when a static file changes: hashed names, gzip and Brotli (about 15 s).
COLLECTED := staticfiles/staticfiles.json

$(COLLECTED): $(ASSETS) $(shell find static -type f 2>/dev/null) requirements.txt package-lock.json
	DEBUG=false $(MANAGE) collectstatic --noinput -v0
	@touch $@

.PHONY: run
run: $(COLLECTED) demo ## Installe, migre, charge la démo et sert sur http://localhost:$(PORT) comme en production (DEBUG=true : pages de débogage)
	DEBUG=$(DEBUG) $(MANAGE) runserver 127.0.0.1:$(PORT)

.PHONY: test
test: install ## Lance les tests sur SQLite, puis sur PostgreSQL s'il répond
	$(BIN)/pytest -n 2 --dist loadfile -q
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_TEST_URL)', connect_timeout=2).close()" 2>/dev/null; then \
		echo "PostgreSQL répond : la suite tourne aussi sur PostgreSQL."; \
		DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -n 2 --dist loadfile -q -m "not e2e"; \
	else \
		echo "PostgreSQL ne répond pas sur $(PG_TEST_URL) : tests PostgreSQL sautés."; \
	fi

.PHONY: quality
quality: install ## Vérifie le format, le lint, les types et les migrations
	@mkdir -p var
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(MANAGE) makemigrations --check --dry-run
	MEDIANE_ENV=production MEDIANE_TRUSTED_PROXIES=1 MEDIANE_HOST_INFO='Exemple SAS, 1 rue de la Paix, 75002 Paris' MEDIANE_CONTACT_EMAIL=contact@mediane.example.org SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') ALLOWED_HOSTS=mediane.example.org $(MANAGE) check --deploy --fail-level WARNING

.PHONY: format
format: install ## Formate le code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

.PHONY: bench
bench: bench-web bench-synthesis bench-synthesis-scale bench-orientation bench-imports bench-places bench-weight bench-conseillers bench-conseillers-export ## Lance tous les benchmarks

.PHONY: bench-web
bench-web: install ## Benchmark web (gunicorn + wrk) : voir docs/benchmarks.md
	$(BIN)/python bench/web.py $(BENCH_ARGS)

.PHONY: bench-synthesis
bench-synthesis: install ## Qualité de la synthèse de 200 à 143 719 réponses, 3 graines, contre une référence (Grand Débat) : voir docs/benchmarks.md
	$(BIN)/python bench/synthesis_quality.py $(BENCH_ARGS)

.PHONY: bench-synthesis-scale
bench-synthesis-scale: install ## Synthèse de 1,9 million de réponses (temps par étape, mémoire) : voir docs/benchmarks.md
	$(BIN)/python bench/synthesis_scale.py $(BENCH_ARGS)

.PHONY: bench-weight
bench-weight: install ## Poids et premier affichage des pages publiques sur un téléphone lent (Chromium) : voir docs/benchmarks.md
	$(BIN)/python bench/weight.py $(BENCH_ARGS)

.PHONY: bench-imports
bench-imports: install ## Import de 40 000 lieux pendant que d'autres écrivent (verrou d'écriture SQLite) : voir docs/benchmarks.md
	$(BIN)/python bench/imports.py $(BENCH_ARGS)

.PHONY: bench-places
bench-places: install ## Import du fichier des bibliothèques et des fichiers régionaux (lignes/s, mémoire, verrou) contre DictReader + bulk_create : voir docs/benchmarks.md
	$(BIN)/python bench/places_import.py $(BENCH_ARGS)

.PHONY: bench-conseillers-export
bench-conseillers-export: install ## Export XLSX et CSV des 5 000 comptes rendus d'un conseiller (≤ 5 s) : voir docs/benchmarks.md
	$(BIN)/python bench/conseillers_export.py $(BENCH_ARGS)

.PHONY: bench-conseillers
bench-conseillers: install ## Recommandations et affectation de 15 000 candidats sur 4 000 postes : voir docs/benchmarks.md
	$(BIN)/python bench/conseillers.py $(BENCH_ARGS)

.PHONY: bench-conseillers-dashboard
bench-conseillers-dashboard: install ## Tableau de bord du programme avec 1 000 000 de comptes rendus (PostgreSQL) : voir docs/benchmarks.md
	$(BIN)/python bench/conseillers_dashboard.py $(BENCH_ARGS)

.PHONY: bench-orientation
bench-orientation: install ## Lieux les plus proches parmi 32 000 (moteur contre force brute) : voir docs/benchmarks.md
	$(BIN)/python bench/orientation.py $(BENCH_ARGS)
