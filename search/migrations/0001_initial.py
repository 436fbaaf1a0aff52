from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=20, verbose_name="kind")),
                ("object_id", models.PositiveBigIntegerField()),
                ("language", models.CharField(max_length=5, verbose_name="language")),
                ("title", models.CharField(max_length=400, verbose_name="title")),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
                ("url", models.CharField(max_length=300, verbose_name="address")),
                ("document", models.TextField()),
                ("folded", models.TextField()),
            ],
            options={
                "verbose_name": "search entry",
                "verbose_name_plural": "search entries",
                "ordering": ["kind", "object_id", "language"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id", "language"), name="searchentry_one_per_language"
                    )
                ],
            },
        ),
    ]
