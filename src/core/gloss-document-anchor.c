/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-document-private.h"
#include "gloss-core-private.h"

typedef struct
{
  GlossDocument     *document;
  GlossAnchorReport *report;
  GPtrArray         *orphaned;
  GArray            *selectors;
  GPtrArray         *targets;
} Placing;

static void
placing_init (Placing           *placing,
              GlossDocument     *self,
              GlossAnchorReport *report)
{
  placing->document = self;
  placing->report = report;
  placing->orphaned = g_ptr_array_new ();
  placing->selectors = g_array_new (FALSE, FALSE, sizeof (GlossSelector));
  placing->targets = g_ptr_array_new ();
}

/* Finishes the report: the orphaned ids, in document order. */
static void
placing_finish (Placing *placing)
{
  GlossAnchorReport *report = placing->report;

  g_strfreev (report->orphaned);
  g_ptr_array_add (placing->orphaned, NULL);
  report->orphaned = g_strdupv ((char **) placing->orphaned->pdata);

  g_ptr_array_unref (placing->orphaned);
  g_array_unref (placing->selectors);
  g_ptr_array_unref (placing->targets);
}

static int
annotation_compare_indirect (gconstpointer a,
                             gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **) a, *(GlossAnnotation **) b);
}

static void
count (Placing         *placing,
       GlossAnnotation *annotation,
       GlossAnchorState state)
{
  placing->report->counts[state]++;
  if (state == GLOSS_ANCHOR_ORPHANED)
    g_ptr_array_add (placing->orphaned, (gpointer) gloss_annotation_get_id (annotation));
}

static gboolean
quote_holds (GlossDocument   *self,
             GlossAnnotation *annotation)
{
  gint64 start = gloss_annotation_get_start (annotation);
  gint64 end = gloss_annotation_get_end (annotation);
  const char *quote = gloss_annotation_get_quote (annotation);
  gsize from, to;

  if (end > gloss_text_index_get_length (self->index))
    return FALSE;

  from = gloss_text_index_byte_offset (self->index, start);
  to = gloss_text_index_byte_offset (self->index, end);

  return strlen (quote) == to - from && memcmp (gloss_text_index_get_text (self->index) + from, quote, to - from) == 0;
}

static void
queue (Placing         *placing,
       GlossAnnotation *annotation)
{
  GlossSelector selector = {
    gloss_annotation_get_start (annotation),
    gloss_annotation_get_end (annotation),
    gloss_annotation_get_quote (annotation),
    gloss_annotation_get_prefix (annotation),
    gloss_annotation_get_suffix (annotation),
  };

  g_array_append_val (placing->selectors, selector);
  g_ptr_array_add (placing->targets, annotation);
}

/* Moves @annotation where the anchor says, or marks it orphaned where it
 * was. Returns whether anything of it changed. */
static gboolean
apply_anchor (GlossDocument     *self,
              GlossAnnotation   *annotation,
              const GlossAnchor *anchor)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  GlossAnchorState old_state = gloss_annotation_get_anchor_state (annotation);
  gboolean same;

  gloss_annotation_set_anchor_state (annotation, anchor->state);
  if (anchor->state == GLOSS_ANCHOR_ORPHANED)
    return old_state != GLOSS_ANCHOR_ORPHANED;

  gloss_text_index_describe (self->index, anchor->start, anchor->end, &quote, &prefix, &suffix);
  same = gloss_annotation_get_start (annotation) == anchor->start &&
         gloss_annotation_get_end (annotation) == anchor->end &&
         g_strcmp0 (gloss_annotation_get_quote (annotation), quote ? quote : "") == 0 &&
         g_strcmp0 (gloss_annotation_get_prefix (annotation), prefix) == 0 &&
         g_strcmp0 (gloss_annotation_get_suffix (annotation), suffix) == 0;

  gloss_annotation_set_range (annotation, anchor->start, anchor->end);
  gloss_annotation_set_selector (annotation, quote, prefix, suffix);

  return !same || old_state == GLOSS_ANCHOR_ORPHANED;
}

static void
anchor_queued (Placing *placing)
{
  GlossDocument *self = placing->document;
  guint n = placing->targets->len;
  g_autofree GlossAnchor *anchors = g_new0 (GlossAnchor, MAX (n, 1));

  if (n == 0)
    return;

  gloss_text_index_anchor (self->index, (GlossSelector *) (gpointer) placing->selectors->data,
                           n, anchors);

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (placing->targets, i);

      if (apply_anchor (self, annotation, &anchors[i]))
        placing->report->changed++;
    }
}

#define add_problem(self, annotation, ...) \
  g_ptr_array_add ((self)->problems, \
                   gloss_problem_newf (gloss_annotation_get_id (annotation), __VA_ARGS__))

/* An annotation that comes without a quote takes the text at its place. */
static gboolean
fill_missing_quote (GlossDocument   *self,
                    GlossAnnotation *annotation,
                    gboolean         usable)
{
  const char *id = gloss_annotation_get_id (annotation);

  if (*gloss_annotation_get_quote (annotation) != '\0' ||
      gloss_annotation_get_start (annotation) == gloss_annotation_get_end (annotation))
    return FALSE;

  if (!usable)
    {
      add_problem (self, annotation, _("annotation %s has neither a quote nor a usable position; kept as orphaned"), id);
      gloss_annotation_set_anchor_state (annotation, GLOSS_ANCHOR_ORPHANED);
      return TRUE;
    }

  add_problem (self, annotation, _("annotation %s has no quote; it was taken from the text at its position"), id);
  gloss_document_describe (self, annotation);
  gloss_annotation_set_anchor_state (annotation, GLOSS_ANCHOR_EXACT);

  return TRUE;
}

/* Sorts one annotation of a freshly read sidecar into exact, kept
 * orphaned, or queued for the anchoring engine. */
static void
place_loaded (Placing         *placing,
              GlossAnnotation *annotation,
              gboolean         needs_anchor,
              gboolean         text_changed)
{
  GlossDocument *self = placing->document;
  gint64 length = gloss_text_index_get_length (self->index);
  gboolean in_range = !needs_anchor && gloss_annotation_get_end (annotation) <= length;

  if (!in_range && !needs_anchor)
    add_problem (self, annotation,
                 _("annotation %s is placed at %lld–%lld, past the end of the text "
                   "(%lld characters); placed by its quote"),
                 gloss_annotation_get_id (annotation),
                 (long long) gloss_annotation_get_start (annotation),
                 (long long) gloss_annotation_get_end (annotation), (long long) length);

  if (fill_missing_quote (self, annotation, in_range))
    {
      placing->report->changed++;
      return;
    }

  if (gloss_annotation_is_orphaned (annotation) && !text_changed && !needs_anchor)
    return;

  if (in_range && !text_changed && quote_holds (self, annotation))
    {
      gloss_annotation_set_anchor_state (annotation, GLOSS_ANCHOR_EXACT);
      return;
    }

  queue (placing, annotation);
}

static gboolean
text_changed_since (GlossDocument *self,
                    GlossSource   *recorded)
{
  const char *sha256 = gloss_source_get_sha256 (recorded);

  if (sha256 != NULL && g_ascii_strcasecmp (sha256, gloss_document_get_sha256 (self)) != 0)
    return TRUE;

  return gloss_source_get_length (recorded) != gloss_text_index_get_length (self->index) &&
         (sha256 != NULL || gloss_source_get_length (recorded) != 0);
}

static void
count_all (Placing   *placing,
           GPtrArray *annotations)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);

      count (placing, annotation, gloss_annotation_get_anchor_state (annotation));
    }
}

/* Places the annotations of a sidecar just read on the current text and
 * fills the load report. */
static void
place_sidecar_annotations (GlossDocument *self,
                           GlossSidecar  *sidecar)
{
  g_autoptr(GHashTable) needs = g_hash_table_new (NULL, NULL);
  GlossAnchorReport *report = gloss_anchor_report_new ();
  Placing placing;

  report->text_changed = text_changed_since (self, sidecar->source);
  for (guint i = 0; i < sidecar->needs_anchor->len; i++)
    g_hash_table_add (needs, g_ptr_array_index (sidecar->needs_anchor, i));

  placing_init (&placing, self, report);
  for (guint i = 0; i < sidecar->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (sidecar->annotations, i);

      place_loaded (&placing, annotation, g_hash_table_contains (needs, annotation),
                    report->text_changed);
    }
  anchor_queued (&placing);

  g_ptr_array_sort (sidecar->annotations, annotation_compare_indirect);
  count_all (&placing, sidecar->annotations);
  placing_finish (&placing);

  g_clear_pointer (&self->load_report, gloss_anchor_report_free);
  self->load_report = report;
}

static void
replace_entities (GlossDocument *self,
                  GPtrArray     *entities)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entities));

  g_hash_table_remove_all (self->entity_by_id);
  for (guint i = 0; i < entities->len; i++)
    {
      GlossEntity *entity = g_ptr_array_index (entities, i);

      g_hash_table_replace (self->entity_by_id, (gpointer) gloss_entity_get_id (entity),
                            g_object_ref (entity));
    }
  g_list_store_splice (self->entities, 0, n, entities->pdata, entities->len);
}

static void
replace_annotations (GlossDocument *self,
                     GPtrArray     *annotations)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));

  g_hash_table_remove_all (self->annotation_by_id);
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);

      g_hash_table_replace (self->annotation_by_id,
                            (gpointer) gloss_annotation_get_id (annotation),
                            g_object_ref (annotation));
    }
  g_list_store_splice (self->annotations, 0, n, annotations->pdata, annotations->len);
}

/* Takes over the content of @sidecar: labels, source, entities,
 * annotations placed on the current text, and what was not understood. */
void
gloss_document_apply_sidecar (GlossDocument *self,
                              GlossSidecar  *sidecar)
{
  for (guint i = 0; i < sidecar->problems->len; i++)
    g_ptr_array_add (self->problems, gloss_problem_copy (g_ptr_array_index (sidecar->problems, i)));

  place_sidecar_annotations (self, sidecar);

  g_set_object (&self->labels, sidecar->labels);
  g_object_notify (G_OBJECT (self), "labels");
  gloss_document_replace_source (self, sidecar->source);
  replace_entities (self, sidecar->entities);
  replace_annotations (self, sidecar->annotations);

  g_ptr_array_set_size (self->unknown, 0);
  gloss_json_nodes_extend (self->unknown, sidecar->unknown);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = sidecar->extra != NULL ? json_object_ref (sidecar->extra) : NULL;

  gloss_document_set_dirty (self, self->load_report->changed > 0 || sidecar->n_repairs > 0);
}

static void
apply_range (GlossDocument              *self,
             const GlossAnnotationRange *range,
             gint64                      length)
{
  GlossAnnotation *annotation = range->annotation;
  gint64 start = CLAMP (range->start, 0, length);
  gint64 end = CLAMP (range->end, start, length);

  /* A detached annotation stays where it was until an editor gives it
   * text again, as undoing the deletion of its text does. */
  if (gloss_annotation_is_orphaned (annotation) && start == end)
    return;

  if (start == end && *gloss_annotation_get_quote (annotation) != '\0')
    {
      /* its text is gone: keep the quote, remember where it was */
      gloss_annotation_set_range (annotation, start, start);
      gloss_annotation_set_anchor_state (annotation, GLOSS_ANCHOR_ORPHANED);
      return;
    }

  gloss_annotation_set_range (annotation, start, end);
  gloss_document_describe (self, annotation);
  gloss_annotation_set_anchor_state (annotation, GLOSS_ANCHOR_EXACT);
}

/**
 * gloss_document_set_text:
 * @text: the new text, valid UTF-8
 * @ranges: (array length=n_ranges) (nullable): new positions of annotations
 * @n_ranges: the number of @ranges
 *
 * Replaces the text. Annotations in @ranges take their new position and
 * their quote, prefix and suffix from the new text; one whose range
 * became empty lost its text and is orphaned where it was. Annotations
 * not in @ranges are placed again by their quote. Not recorded in the
 * history.
 */
void
gloss_document_set_text (GlossDocument              *self,
                         const char                 *text,
                         const GlossAnnotationRange *ranges,
                         guint                       n_ranges)
{
  g_autoptr(GHashTable) given = g_hash_table_new (NULL, NULL);
  g_autoptr(GlossAnchorReport) report = gloss_anchor_report_new ();
  GListModel *model;
  Placing placing;
  gint64 length;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));
  g_return_if_fail (ranges != NULL || n_ranges == 0);

  gloss_document_replace_text (self, text);
  length = gloss_text_index_get_length (self->index);

  for (guint i = 0; i < n_ranges; i++)
    {
      g_return_if_fail (GLOSS_IS_ANNOTATION (ranges[i].annotation));
      apply_range (self, &ranges[i], length);
      g_hash_table_add (given, ranges[i].annotation);
    }

  model = G_LIST_MODEL (self->annotations);
  placing_init (&placing, self, report);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, i);

      if (!g_hash_table_contains (given, annotation) && !gloss_annotation_is_orphaned (annotation))
        queue (&placing, annotation);
    }
  anchor_queued (&placing);
  placing_finish (&placing);

  gloss_document_resort_annotations (self);
}

/* An annotation found exactly where an earlier placing put it keeps the
 * state of that placing, so that the report still says what moved since
 * the sidecar was saved. */
static GlossAnchorState
kept_state (GlossAnnotation   *annotation,
            const GlossAnchor *anchor)
{
  GlossAnchorState current = gloss_annotation_get_anchor_state (annotation);

  if (anchor->state == GLOSS_ANCHOR_EXACT && current != GLOSS_ANCHOR_ORPHANED &&
      anchor->start == gloss_annotation_get_start (annotation) &&
      anchor->end == gloss_annotation_get_end (annotation))
    return current;

  return anchor->state;
}

/**
 * gloss_document_reanchor:
 *
 * Places every annotation, orphaned ones included, on the current text by
 * its stored position and quote: exact, moved, fuzzy or orphaned. One
 * found where it already is keeps the state it had, so after loading an
 * article edited elsewhere the report says what moved since the sidecar
 * was saved. The changes are one undoable step.
 *
 * Returns: (transfer full): the count per state and the orphaned ids
 */
GlossAnchorReport *
gloss_document_reanchor (GlossDocument *self)
{
  GlossAnchorReport *report = gloss_anchor_report_new ();
  GListModel *model;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree GlossAnchor *anchors = NULL;
  Placing placing;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  model = G_LIST_MODEL (self->annotations);
  all = g_ptr_array_new_with_free_func (g_object_unref);
  placing_init (&placing, self, report);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      GlossAnnotation *annotation = g_list_model_get_item (model, i);

      g_ptr_array_add (all, annotation);
      queue (&placing, annotation);
    }

  anchors = g_new0 (GlossAnchor, MAX (all->len, 1));
  if (all->len > 0)
    gloss_text_index_anchor (self->index, (GlossSelector *) (gpointer) placing.selectors->data,
                             all->len, anchors);

  gloss_history_begin_group (self->history, _("Re-anchor annotations"));
  for (guint i = 0; i < all->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (all, i);
      GlossAnchorState state = kept_state (annotation, &anchors[i]);
      gboolean orphaned = state == GLOSS_ANCHOR_ORPHANED;

      if (gloss_document_record_placement (self, annotation,
                                           orphaned ? gloss_annotation_get_start (annotation) : anchors[i].start,
                                           orphaned ? gloss_annotation_get_end (annotation) : anchors[i].end,
                                           state, NULL))
        report->changed++;
    }
  gloss_history_end_group (self->history);

  count_all (&placing, all);
  placing_finish (&placing);
  report->text_changed = self->load_report->text_changed;

  return report;
}
