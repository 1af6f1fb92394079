"""The optimistic-lock counter of afspraaks is `revisie` (issue 16's glossary: `versie` is only a
published table's number). A rename, so no data is lost; the history table follows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("afspraken", "0006_antwoord_gestructureerd"),
    ]

    operations = [
        migrations.RenameField(model_name="afspraak", old_name="versie", new_name="revisie"),
        migrations.RenameField(model_name="historicalafspraak", old_name="versie", new_name="revisie"),
        migrations.AlterField(
            model_name="afspraak",
            name="revisie",
            field=models.PositiveIntegerField(default=1, verbose_name="revisie"),
        ),
        migrations.AlterField(
            model_name="historicalafspraak",
            name="revisie",
            field=models.PositiveIntegerField(default=1, verbose_name="revisie"),
        ),
    ]
