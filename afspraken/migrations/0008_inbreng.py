"""The live session's `Antwoord` (what a participant gives on a case) becomes `Inbreng`, and its
lock counter `versie` becomes `revisie` (docs/woordenlijst.md): "antwoord" is a written answer to
a question, "versie" a published table's number. The table is renamed, no data moves."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("afspraken", "0007_revisie"),
        ("casussen", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="antwoord", name="een_antwoord_per_deelnemer"),
        migrations.RenameModel(old_name="Antwoord", new_name="Inbreng"),
        migrations.RenameField(model_name="inbreng", old_name="versie", new_name="revisie"),
        migrations.AlterField(
            model_name="inbreng",
            name="revisie",
            field=models.PositiveIntegerField(default=0, verbose_name="revisie"),
        ),
        migrations.AlterModelOptions(
            name="inbreng",
            options={
                "ordering": ["sessie", "casus", "deelnemer__volgorde", "deelnemer__pk"],
                "verbose_name": "inbreng",
                "verbose_name_plural": "inbreng",
            },
        ),
        migrations.AlterField(
            model_name="inbreng",
            name="sessie",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE,
                related_name="inbreng",
                to="afspraken.sessie",
                verbose_name="sessie",
            ),
        ),
        migrations.AlterField(
            model_name="inbreng",
            name="deelnemer",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE,
                related_name="inbreng",
                to="afspraken.deelnemer",
                verbose_name="deelnemer",
            ),
        ),
        migrations.AddConstraint(
            model_name="inbreng",
            constraint=models.UniqueConstraint(
                fields=("sessie", "casus", "deelnemer"), name="een_inbreng_per_deelnemer"
            ),
        ),
    ]
