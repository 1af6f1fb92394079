"""One term, one meaning: a step's kind is its `aard` (a `soort` is a soort casus), and an
action's online/offline value is its `modus`, like a case's. RenameField keeps the data."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("routekaart", "0004_contentversie"),
    ]

    operations = [
        migrations.RenameField(model_name="stap", old_name="soort", new_name="aard"),
        migrations.RenameField(model_name="actie", old_name="soort", new_name="modus"),
        migrations.AlterModelOptions(
            name="actie",
            options={
                "ordering": ["modus", "volgorde", "slug"],
                "verbose_name": "actie",
                "verbose_name_plural": "acties",
            },
        ),
    ]
