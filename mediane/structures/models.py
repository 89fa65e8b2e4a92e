"""Structures (legal entities) and their places (« lieux ») in the national standard v1.0.2.

A `Place` keeps every field of the standard « lieux de médiation numérique » under the standard's own name, so
that an import and an export are the same row read and written (`standard.py` reads, checks and writes them). The
multi-valued fields are JSON lists of the standard's exact labels. A place's standard `id` belongs to its source (the
producer whose file it came from, `PlaceSource`): a place is upserted by (source, `id`). Places created before sources
existed, or by hand, have no source; their `id` is unique among them.

The care of places by their managers (revisions, error reports, requests to manage a place) lives in
`models_care.py`, imported at the end of this module.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from mediane.jobs.models import BackgroundJob, JobQuerySet

from . import standard
from .enums import IMPORT_STAGE_LABELS, ImportFormat, ImportStatus, StructureKind

# The fields of the standard whose value is a list: `Place` stores them as JSON lists.
MULTI_VALUED = tuple(field.name for field in standard.FIELDS if field.multiple)


class Structure(models.Model):
    """A legal entity (commune, association, library service…), identified by its SIRET or RNA number.

    A structure imported from a file without either (the Ministry's libraries file) is known by `source_id`, the
    id it had in that file, until someone adds its SIRET.
    """

    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type de structure", max_length=40, choices=StructureKind.choices)
    siret = models.CharField("SIRET", max_length=14, blank=True)
    rna = models.CharField("numéro RNA", max_length=10, blank=True)
    source_id = models.CharField("identifiant dans le fichier importé", max_length=100, blank=True)
    address = models.CharField("adresse", max_length=250, blank=True)
    postal_code = models.CharField("code postal", max_length=5, blank=True)
    commune = models.CharField("commune", max_length=150, blank=True)
    insee_code = models.CharField("code INSEE de la commune", max_length=5, blank=True)
    departement = models.CharField("département", max_length=3, blank=True, db_index=True)
    region = models.CharField("région", max_length=3, blank=True)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="managed_structures", verbose_name="responsables"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "structure"
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["siret"], condition=~models.Q(siret=""), name="structure_unique_siret"),
            models.UniqueConstraint(fields=["rna"], condition=~models.Q(rna=""), name="structure_unique_rna"),
            models.UniqueConstraint(
                fields=["source_id"], condition=~models.Q(source_id=""), name="structure_unique_source_id"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.siret and not standard.siret_is_valid(self.siret):
            errors["siret"] = (
                "Ce SIRET n'est pas valide : vérifiez les 14 chiffres (la clé de contrôle ne correspond pas)."
            )
        if self.rna and not standard.rna_is_valid(self.rna):
            errors["rna"] = "Ce numéro RNA n'est pas valide : il commence par W, suivi de 9 chiffres ou lettres."
        if errors:
            raise ValidationError(errors)


class PlaceSource(models.Model):
    """A producer of places (a regional hub, a département, a network, the Ministry's libraries file…).

    Its `profile` is the mapping from its own files to the standard (`mapping.profile.Profile.as_json()`), built by
    an organiser on the mapping pages, reused for its next file, exported and imported as a file. Empty for a source
    that publishes in the standard.
    """

    name = models.CharField("nom", max_length=200, unique=True)
    slug = models.SlugField("identifiant court", max_length=60, unique=True)
    profile = models.JSONField("correspondance avec le standard", default=dict, blank=True)
    profile_updated_at = models.DateTimeField("correspondance modifiée le", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "source de lieux"
        verbose_name_plural = "sources de lieux"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("structures:source", kwargs={"slug": self.slug})


class PlaceQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The places `user` manages: those of a structure they manage, and those an organiser approved them for
        (`PlaceManagerRequest`). Nothing for an anonymous visitor."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        from .enums import ManagerRequestStatus

        return self.filter(
            models.Q(structure__managers=user)
            | models.Q(manager_requests__user=user, manager_requests__status=ManagerRequestStatus.APPROVED)
        ).distinct()

    def located(self):
        """Places that can be shown on a map and measured: both coordinates are known."""
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def for_listing(self):
        """What a list of places shows, without the long texts."""
        return self.select_related("structure").defer("presentation_detail")


class Place(models.Model):
    """A place where people get help with digital tools: every field of the national standard v1.0.2."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, null=True, blank=True, related_name="places", verbose_name="structure"
    )
    place_source = models.ForeignKey(
        PlaceSource, on_delete=models.PROTECT, null=True, blank=True, related_name="places", verbose_name="source"
    )
    # The standard's fields, under their names in the standard (see the module docstring).
    id_standard = models.CharField("identifiant (id)", max_length=200)
    pivot = models.CharField("pivot (SIRET ou RNA)", max_length=14, default=standard.PIVOT_PLACEHOLDER)
    nom = models.CharField("nom", max_length=250)
    commune = models.CharField("commune", max_length=150)
    code_postal = models.CharField("code postal", max_length=5)
    code_insee = models.CharField("code INSEE", max_length=5, blank=True)
    # Blank only for a place known by its coordinates and commune (a library of the Ministry's file without street
    # address): it is shown, and left out of the standard's exports, which require an address.
    adresse = models.CharField("adresse", max_length=250, blank=True)
    complement_adresse = models.CharField("complément d'adresse", max_length=250, blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    typologie = models.JSONField("typologie", default=list, blank=True)
    telephone = models.CharField("téléphone", max_length=40, blank=True)
    courriels = models.JSONField("courriels", default=list, blank=True)
    site_web = models.JSONField("sites web", default=list, blank=True)
    horaires = models.TextField("horaires (format OpenStreetMap)", blank=True)
    presentation_resume = models.CharField("présentation (résumé)", max_length=280, blank=True)
    presentation_detail = models.TextField("présentation détaillée", blank=True)
    source = models.CharField("source", max_length=250, blank=True)
    itinerance = models.JSONField("itinérance", default=list, blank=True)
    structure_parente = models.CharField("structure parente", max_length=250, blank=True)
    date_maj = models.DateField("date de mise à jour")
    services = models.JSONField("services", default=list, blank=True)
    publics_specifiquement_adresses = models.JSONField("publics spécifiquement adressés", default=list, blank=True)
    prise_en_charge_specifique = models.JSONField("prise en charge spécifique", default=list, blank=True)
    frais_a_charge = models.JSONField("frais à charge", default=list, blank=True)
    dispositif_programmes_nationaux = models.JSONField("dispositifs nationaux", default=list, blank=True)
    formations_labels = models.JSONField("formations et labels", default=list, blank=True)
    autres_formations_labels = models.TextField("autres formations et labels", blank=True)
    modalites_acces = models.JSONField("modalités d'accès", default=list, blank=True)
    modalites_accompagnement = models.JSONField("modalités d'accompagnement", default=list, blank=True)
    fiche_acces_libre = models.URLField("fiche Acceslibre", max_length=500, blank=True)
    prise_rdv = models.URLField("prise de rendez-vous", max_length=500, blank=True)
    # Derived at write time, for filtering and counting: the département of the commune.
    departement = models.CharField("département", max_length=3, blank=True, db_index=True)
    # What the source's file held beyond the standard: {source column: value}, shown to organisers and exported in
    # the JSON export (the CSV keeps the standard's columns only).
    extra = models.JSONField("données supplémentaires de la source", default=dict, blank=True)
    # Fields a manager corrected: a later import of the source keeps the manager's value and says so.
    managed_fields = models.JSONField("champs corrigés par un responsable", default=list, blank=True)
    confirmed_at = models.DateTimeField("informations confirmées le", null=True, blank=True)
    reminded_at = models.DateTimeField("dernier rappel aux responsables", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = "lieu"
        ordering = ["nom", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["place_source", "id_standard"], name="place_unique_id_per_source"),
            models.UniqueConstraint(
                fields=["id_standard"],
                condition=models.Q(place_source__isnull=True),
                name="place_unique_id_without_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nom} ({self.commune})"

    def as_row(self) -> standard.Row:
        """The place as a row of the standard, for `standard.write_csv` and `write_json`."""
        row: standard.Row = {}
        for name in standard.FIELD_NAMES:
            value = getattr(self, "id_standard" if name == "id" else name)
            if name in MULTI_VALUED:
                row[name] = list(value)
            elif value is None:
                row[name] = ""
            else:
                row[name] = value.isoformat() if name == "date_maj" else str(value)
        return row


# --- Imports ---------------------------------------------------------------------------------------------------

IMPORT_ACTIVE_STATUSES = [ImportStatus.QUEUED, ImportStatus.RUNNING]


class ImportJob(BackgroundJob):
    """One import of a file of places, from the organisers' page or `manage.py import_lieux`.

    The uploaded file is kept in the default storage while the job waits and runs, and after a dry run until the
    real import of the same file is launched (or `DRY_RUN_FILE_KEPT` has passed); `file` is blank afterwards.
    `report` holds what the import found: every rejected row with its line and French messages, and the warnings.
    A background job (`mediane/jobs/`) whose work is `import_jobs.execute_import`.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("créé le", default=timezone.now, db_index=True)
    file = models.FileField("fichier", max_length=300, blank=True)  # stored under imports/lieux/ by services
    file_name = models.CharField("nom du fichier", max_length=255)
    file_size = models.PositiveBigIntegerField("taille du fichier (octets)", default=0)
    file_format = models.CharField("format", max_length=20, choices=ImportFormat.choices)
    # The publication date of the Ministry's libraries file, written as every row's `date_maj`.
    published = models.DateField("date de publication du fichier", null=True, blank=True)
    dry_run = models.BooleanField("vérification sans import", default=False)
    # The source the file comes from (its places' ids are the source's), and, for a producer's own file, the
    # mapping used, as it was when the import was launched (`mapping.profile.Profile.as_json()`).
    place_source = models.ForeignKey(
        PlaceSource, on_delete=models.SET_NULL, null=True, blank=True, related_name="imports", verbose_name="source"
    )
    profile = models.JSONField("correspondance utilisée", default=dict, blank=True)
    # True: nothing is written unless every row is valid. False: the valid rows are imported, the others reported.
    all_or_nothing = models.BooleanField("tout ou rien", default=False)
    from_dry_run = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imports",
        verbose_name="vérification d'origine",
    )
    status = models.CharField("état", max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    rows_count = models.PositiveIntegerField("lignes lues", default=0)
    created_count = models.PositiveIntegerField("lieux ajoutés", default=0)
    updated_count = models.PositiveIntegerField("lieux mis à jour", default=0)
    unchanged_count = models.PositiveIntegerField("lieux inchangés", default=0)
    rejected_count = models.PositiveIntegerField("lignes rejetées", default=0)
    structures_created_count = models.PositiveIntegerField("structures ajoutées", default=0)
    structures_updated_count = models.PositiveIntegerField("structures mises à jour", default=0)
    # {"rejections": [{"line": 12, "id": "…", "messages": ["…"]}, …], "warnings": ["…"], "seconds": 1.2}
    report = models.JSONField("rapport", default=dict, blank=True)

    objects = JobQuerySet.as_manager()

    work: ClassVar[str] = "mediane.structures.import_jobs.execute_import"
    interrupted_message: ClassVar[str] = (
        "L'import s'est arrêté sans finir : le processus qui le faisait ne donne plus signe de vie (serveur "
        "redémarré ou tâche arrêtée). Rien n'a été enregistré : envoyez le fichier de nouveau."
    )

    class Meta:
        verbose_name = "import de lieux"
        verbose_name_plural = "imports de lieux"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Import n° {self.pk} ({self.file_name})"

    def get_absolute_url(self) -> str:
        return reverse("structures:import", kwargs={"pk": self.pk})

    @property
    def row_word(self) -> str:
        """What the number of a rejected row counts: a line of a CSV file, a record of a JSON file."""
        json_formats = (ImportFormat.STANDARD_JSON, ImportFormat.LEGACY_JSON)
        if self.file_format == ImportFormat.MAPPED:
            return str((self.profile or {}).get("row_word") or "Ligne")
        return "Enregistrement" if self.file_format in json_formats else "Ligne"

    def unexpected_error_message(self, error: BaseException) -> str:
        return (
            f"L'import a échoué à cause d'une erreur inattendue ({type(error).__name__}). Rien n'a été enregistré. "
            "Le détail est dans le journal du serveur ; si l'erreur revient, signalez-la à l'équipe technique."
        )

    def on_failed(self) -> None:
        """A failed import keeps no file: the organiser sends it again."""
        from .import_jobs import forget_file

        forget_file(self)

    @property
    def stage_label(self) -> str:
        return IMPORT_STAGE_LABELS.get(self.stage, self.stage)

    @property
    def rejections(self) -> list[dict]:
        return list((self.report or {}).get("rejections", []))

    @property
    def warnings(self) -> list[str]:
        return list((self.report or {}).get("warnings", []))


from .models_care import *  # noqa: E402, F403 - the care of places by their managers lives in its own module
