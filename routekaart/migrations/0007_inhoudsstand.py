"""The content-load token's model is the Inhoudsstand ("versie" is only a published table's
number); the row and its token stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("routekaart", "0006_actie_netwerk"),
    ]

    operations = [
        migrations.RenameModel(old_name="ContentVersie", new_name="Inhoudsstand"),
        migrations.AlterModelOptions(
            name="inhoudsstand",
            options={"verbose_name": "inhoudsstand", "verbose_name_plural": "inhoudsstanden"},
        ),
    ]
