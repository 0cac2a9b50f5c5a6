# An engagement's source was a line of text; it becomes a Source of its own. Each text
# already written becomes a source titled with it (in the history too).

import django.db.models.deletion
from django.db import migrations, models


def texts_to_sources(apps, schema_editor):
    Source = apps.get_model('recommendations', 'Source')
    for name in ('Engagement', 'HistoricalEngagement'):
        model = apps.get_model('missions', name)
        for row in model.objects.exclude(source_text=''):
            row.source, _ = Source.objects.get_or_create(title=row.source_text[:300], publisher='')
            row.save(update_fields=['source'])


def sources_to_texts(apps, schema_editor):
    Source = apps.get_model('recommendations', 'Source')
    for name in ('Engagement', 'HistoricalEngagement'):
        model = apps.get_model('missions', name)
        for row in model.objects.exclude(source=None):
            row.source_text = Source.objects.get(pk=row.source_id).title[:250]
            row.save(update_fields=['source_text'])


class Migration(migrations.Migration):

    dependencies = [
        ('missions', '0001_initial'),
        ('recommendations', '0009_source_and_citations'),
    ]

    operations = [
        migrations.RenameField(model_name='engagement', old_name='source', new_name='source_text'),
        migrations.RenameField(
            model_name='historicalengagement', old_name='source', new_name='source_text'
        ),
        migrations.AddField(
            model_name='engagement',
            name='source',
            field=models.ForeignKey(blank=True, help_text='The document that reports this engagement.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='engagements', to='recommendations.source'),
        ),
        migrations.AddField(
            model_name='historicalengagement',
            name='source',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='The document that reports this engagement.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='recommendations.source'),
        ),
        migrations.RunPython(texts_to_sources, sources_to_texts),
        migrations.RemoveField(model_name='engagement', name='source_text'),
        migrations.RemoveField(model_name='historicalengagement', name='source_text'),
    ]
