/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-report-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-formats-private.h"
#include "gloss-report-private.h"

static void
field_free (GlossReportField *field)
{
  g_free (field->value);
  g_free (field);
}

static void
add_field (GPtrArray  *fields,
           const char *label,
           char       *value)
{
  GlossReportField *field;

  if (value == NULL)
    return;

  field = g_new0 (GlossReportField, 1);
  field->label = label;
  field->value = value;
  g_ptr_array_add (fields, field);
}

const char *
gloss_report_title (GlossDocument *document)
{
  const char *title = gloss_source_get_title (gloss_document_get_source (document));

  return title != NULL ? title : gloss_document_get_display_name (document);
}

static char *
count_kinds (GlossDocument *document)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);
  guint counts[GLOSS_ANNOTATION_NOTE + 1] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      counts[gloss_annotation_get_kind (annotation)]++;
    }

  return g_strdup_printf (_("%u entity mentions, %u claims, %u notes"),
                          counts[GLOSS_ANNOTATION_ENTITY], counts[GLOSS_ANNOTATION_CLAIM],
                          counts[GLOSS_ANNOTATION_NOTE]);
}

/**
 * gloss_report_source_fields:
 *
 * Returns: (transfer container) (element-type GlossReportField): what is
 *   known of the article, in reading order
 */
GPtrArray *
gloss_report_source_fields (GlossDocument *document)
{
  GlossSource *source = gloss_document_get_source (document);
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  const char * const *tags = gloss_source_get_tags (source);

  add_field (fields, _("Source"), g_strdup (gloss_source_get_url (source)));
  if (fields->len > 0)
    ((GlossReportField *) g_ptr_array_index (fields, 0))->is_link = TRUE;
  add_field (fields, _("Publisher"), g_strdup (gloss_source_get_publisher (source)));
  add_field (fields, _("Author"), g_strdup (gloss_source_get_author (source)));
  add_field (fields, _("Published"), g_strdup (gloss_source_get_published (source)));
  add_field (fields, _("Fetched"), g_strdup (gloss_source_get_fetched (source)));
  add_field (fields, _("Language"), g_strdup (gloss_source_get_language (source)));
  add_field (fields, _("Tags"), tags != NULL ? g_strjoinv (", ", (char **) tags) : NULL);
  add_field (fields, _("File"), g_file_get_basename (gloss_document_get_file (document)));
  add_field (fields, _("Annotations"), count_kinds (document));

  return fields;
}

static char *
reviewed_by (GlossAnnotation *claim)
{
  const char *reviewer = gloss_annotation_get_reviewer (claim);
  g_autofree char *date = gloss_formats_date_part (gloss_annotation_get_reviewed (claim));

  if (reviewer != NULL && date != NULL)
    return g_strdup_printf (_("%s on %s"), reviewer, date);

  return g_strdup (reviewer != NULL ? reviewer : date);
}

/**
 * gloss_report_claim_fields:
 *
 * Returns: (transfer container) (element-type GlossReportField): the
 *   claim's review but its sources and note, which are shown apart
 */
GPtrArray *
gloss_report_claim_fields (GlossDocument   *document,
                           GlossAnnotation *claim)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  GlossVerdict verdict = gloss_annotation_get_verdict (claim);
  const char * const *tags = gloss_annotation_get_tags (claim);

  add_field (fields, _("Status"),
             g_strdup (gloss_claim_status_get_display_name (gloss_annotation_get_status (claim))));
  add_field (fields, _("Verdict"), verdict != GLOSS_VERDICT_NONE
             ? g_strdup (gloss_verdict_get_display_name (verdict)) : NULL);
  add_field (fields, _("Claimant"), g_strdup (gloss_formats_claimant_name (document, claim)));
  add_field (fields, _("Reviewed by"), reviewed_by (claim));
  add_field (fields, _("Tags"), tags != NULL ? g_strjoinv (", ", (char **) tags) : NULL);
  if (gloss_annotation_is_orphaned (claim))
    add_field (fields, _("Place"), g_strdup (_("orphaned: its text is no longer in the article")));

  return fields;
}

static int
entity_compare (gconstpointer a,
                gconstpointer b)
{
  const GlossReportEntity *x = *(const GlossReportEntity **) a;
  const GlossReportEntity *y = *(const GlossReportEntity **) b;

  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;

  return g_utf8_collate (gloss_entity_get_name (x->entity), gloss_entity_get_name (y->entity));
}

static void
report_entity_free (GlossReportEntity *entry)
{
  g_object_unref (entry->entity);
  g_free (entry);
}

/**
 * gloss_report_entities:
 *
 * Returns: (transfer container) (element-type GlossReportEntity): the
 *   entities, most mentioned first
 */
GPtrArray *
gloss_report_entities (GlossDocument *document)
{
  GListModel *entities = gloss_document_get_entities (document);
  guint n = g_list_model_get_n_items (entities);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) report_entity_free);

  for (guint i = 0; i < n; i++)
    {
      GlossReportEntity *entry = g_new0 (GlossReportEntity, 1);
      g_autoptr(GPtrArray) mentions = NULL;

      entry->entity = g_list_model_get_item (entities, i);
      mentions = gloss_document_get_mentions (document, entry->entity);
      entry->mentions = mentions != NULL ? mentions->len : 0;
      g_ptr_array_add (result, entry);
    }
  g_ptr_array_sort (result, entity_compare);

  return result;
}

/**
 * gloss_report_annotations:
 *
 * Returns: (transfer container) (element-type GlossAnnotation): the
 *   annotations of @kind, in text order
 */
GPtrArray *
gloss_report_annotations (GlossDocument       *document,
                          GlossAnnotationKind  kind)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (gloss_annotation_get_kind (annotation) == kind)
        g_ptr_array_add (result, g_steal_pointer (&annotation));
    }

  return result;
}
