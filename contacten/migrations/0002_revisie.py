"""The optimistic-lock counter of contacts is `revisie` (issue 16's glossary: `versie` is only a
published table's number). A rename, so no data is lost; the history table follows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contacten", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="contact", old_name="versie", new_name="revisie"),
        migrations.RenameField(model_name="historicalcontact", old_name="versie", new_name="revisie"),
        migrations.AlterField(
            model_name="contact",
            name="revisie",
            field=models.PositiveIntegerField(default=1, verbose_name="revisie"),
        ),
        migrations.AlterField(
            model_name="historicalcontact",
            name="revisie",
            field=models.PositiveIntegerField(default=1, verbose_name="revisie"),
        ),
    ]
