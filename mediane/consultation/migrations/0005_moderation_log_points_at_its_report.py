"""A report's moderation-log entry points at the report instead of copying the reporter's free text.

Existing entries are linked to their report and their copy is blanked; the copies left by reporters whose
account is already deleted are blanked as well, as their deletion should have done.
"""

import django.db.models.deletion
from django.db import migrations, models

REPORT = "signalement"


def link_entries_to_reports(apps, schema_editor):
    ModerationLog = apps.get_model("consultation", "ModerationLog")
    Report = apps.get_model("consultation", "Report")
    entries = ModerationLog.objects.filter(action=REPORT).exclude(note="")
    for entry in entries.iterator(chunk_size=500):
        if entry.actor_id is None:
            ModerationLog.objects.filter(pk=entry.pk).update(note="")
            continue
        report = (
            Report.objects.filter(
                reporter_id=entry.actor_id,
                contribution_id=entry.contribution_id,
                comment_id=entry.comment_id,
                reason=entry.reason,
                details=entry.note,
                created_at__lte=entry.created_at,
            )
            .order_by("-created_at", "-id")
            .first()
        )
        if report is not None:
            ModerationLog.objects.filter(pk=entry.pk).update(report=report, note="")


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0004_contribution_indexes_across_themes"),
    ]

    operations = [
        migrations.AddField(
            model_name="moderationlog",
            name="report",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="log_entries",
                to="consultation.report",
            ),
        ),
        migrations.RunPython(link_entries_to_reports, migrations.RunPython.noop),
    ]
