"""A case type links to zero or more phenomena (`fenomenen`); each existing case type starts
linked to the phenomenon it stood for (`fenomeen`), so the route shows what it showed before."""

from django.db import migrations, models


def koppel_eigen_fenomeen(apps, schema_editor):
    SoortCasus = apps.get_model("afspraken", "SoortCasus")
    Koppeling = SoortCasus.fenomenen.through
    Koppeling.objects.bulk_create(
        [
            Koppeling(soortcasus_id=pk, fenomeen_id=fenomeen_id)
            for pk, fenomeen_id in SoortCasus.objects.filter(fenomeen__isnull=False).values_list(
                "pk", "fenomeen_id"
            )
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("afspraken", "0003_antwoord_versie"),
        ("casussen", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="soortcasus",
            name="fenomenen",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                to="casussen.fenomeen",
                verbose_name="gekoppelde fenomenen",
            ),
        ),
        migrations.RunPython(koppel_eigen_fenomeen, migrations.RunPython.noop),
    ]
