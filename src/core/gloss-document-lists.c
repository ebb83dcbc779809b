/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document-private.h"
#include "gloss-core-private.h"

static int
annotation_compare_cb (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return gloss_annotation_compare ((GlossAnnotation *) a, (GlossAnnotation *) b);
}

static int
annotation_compare_indirect (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  return gloss_annotation_compare (*(GlossAnnotation **) a, *(GlossAnnotation **) b);
}

static int
entity_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_strcmp0 (gloss_entity_get_id ((GlossEntity *) a),
                    gloss_entity_get_id ((GlossEntity *) b));
}

/* Both lists are sorted and their items unique under their order, so a
 * binary search finds an item as long as its sort key has not changed
 * since it was inserted. */
static gboolean
find_sorted (GListModel       *model,
             gpointer          item,
             GCompareDataFunc  compare,
             guint            *position)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GObject) other = g_list_model_get_item (model, middle);
      int order = compare (other, item, NULL);

      if (order == 0)
        {
          if (position != NULL)
            *position = middle;
          return other == item;
        }
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

/**
 * gloss_document_find_annotation_position:
 * @position: (out) (optional): where @annotation is in the annotations list
 *
 * Returns: %TRUE if @annotation is in the document
 */
gboolean
gloss_document_find_annotation_position (GlossDocument   *self,
                                         GlossAnnotation *annotation,
                                         guint           *position)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  return find_sorted (G_LIST_MODEL (self->annotations), annotation,
                      annotation_compare_cb, position);
}

void
gloss_document_insert_annotation (GlossDocument   *self,
                                  GlossAnnotation *annotation)
{
  g_hash_table_replace (self->annotation_by_id,
                        (gpointer) gloss_annotation_get_id (annotation),
                        g_object_ref (annotation));
  g_list_store_insert_sorted (self->annotations, annotation, annotation_compare_cb, NULL);
}

void
gloss_document_take_out_annotation (GlossDocument   *self,
                                    GlossAnnotation *annotation)
{
  guint position;

  if (gloss_document_find_annotation_position (self, annotation, &position))
    g_list_store_remove (self->annotations, position);
  g_hash_table_remove (self->annotation_by_id, gloss_annotation_get_id (annotation));
}

void
gloss_document_insert_entity (GlossDocument *self,
                              GlossEntity   *entity)
{
  g_hash_table_replace (self->entity_by_id, (gpointer) gloss_entity_get_id (entity),
                        g_object_ref (entity));
  g_list_store_insert_sorted (self->entities, entity, entity_compare_cb, NULL);
}

void
gloss_document_take_out_entity (GlossDocument *self,
                                GlossEntity   *entity)
{
  guint position;

  if (find_sorted (G_LIST_MODEL (self->entities), entity, entity_compare_cb, &position))
    g_list_store_remove (self->entities, position);
  g_hash_table_remove (self->entity_by_id, gloss_entity_get_id (entity));
}

/* After many positions changed at once, one items-changed is cheaper than
 * moving each annotation. */
void
gloss_document_resort_annotations (GlossDocument *self)
{
  GListModel *model = G_LIST_MODEL (self->annotations);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_ptr_array_sort_with_data (items, annotation_compare_indirect, NULL);

  g_list_store_splice (self->annotations, 0, n, items->pdata, items->len);
}

/**
 * gloss_document_find_annotations:
 * @start: first code point
 * @end: code point after the range; equal to @start to ask what covers
 *   one position
 *
 * Returns: (transfer container) (element-type GlossAnnotation): the
 *   placed annotations that overlap [@start, @end), or that contain @start
 *   when the range is empty, in list order
 */
GPtrArray *
gloss_document_find_annotations (GlossDocument *self,
                                 gint64         start,
                                 gint64         end)
{
  GListModel *model;
  GPtrArray *found;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  model = G_LIST_MODEL (self->annotations);
  n = g_list_model_get_n_items (model);
  found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, i);
      gint64 a_start = gloss_annotation_get_start (annotation);
      gint64 a_end = gloss_annotation_get_end (annotation);
      gboolean hit = start == end ? (a_start <= start && start < a_end)
                                  : (a_start < end && start < a_end);

      if (a_start >= MAX (end, start + 1))
        break;
      if (hit && !gloss_annotation_is_orphaned (annotation))
        g_ptr_array_add (found, g_steal_pointer (&annotation));
    }

  return found;
}

/**
 * gloss_document_get_mentions:
 *
 * Returns: (transfer container) (element-type GlossAnnotation): the
 *   annotations that mention @entity, in list order
 */
GPtrArray *
gloss_document_get_mentions (GlossDocument *self,
                             GlossEntity   *entity)
{
  GListModel *model;
  GPtrArray *mentions;
  const char *id;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), NULL);

  model = G_LIST_MODEL (self->annotations);
  n = g_list_model_get_n_items (model);
  id = gloss_entity_get_id (entity);
  mentions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, i);

      if (g_strcmp0 (gloss_annotation_get_entity (annotation), id) == 0)
        g_ptr_array_add (mentions, g_steal_pointer (&annotation));
    }

  return mentions;
}

/* Recomputes quote, prefix and suffix from the current text. */
void
gloss_document_describe (GlossDocument   *self,
                         GlossAnnotation *annotation)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  gloss_text_index_describe (self->index,
                             gloss_annotation_get_start (annotation),
                             gloss_annotation_get_end (annotation),
                             &quote, &prefix, &suffix);
  gloss_annotation_set_selector (annotation, quote, prefix, suffix);
}

char *
gloss_document_make_annotation_id (GlossDocument *self)
{
  char *id;

  do
    id = gloss_make_id ('a');
  while (g_hash_table_contains (self->annotation_by_id, id));

  return id;
}

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019;
}

/* "Tuesday.The": a scraper glued two sentences together. A full stop
 * between a lower-case letter and a capital ends a sentence all the same;
 * "U.S." and "3.4" do not match. */
static gboolean
is_glued_sentence_end (const char *text,
                       const char *p,
                       gunichar    after)
{
  gunichar before;

  if (p == text || g_utf8_get_char (p) != '.')
    return FALSE;

  before = g_utf8_get_char (g_utf8_prev_char (p));
  return g_unichar_islower (before) && g_unichar_isupper (after);
}

static gboolean
is_sentence_end (const char *text,
                 const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *next = g_utf8_next_char (p);
  gunichar after = g_utf8_get_char (next);

  if (c == '\n')
    return TRUE;
  if (c != '.' && c != '!' && c != '?' && c != 0x2026 && c != 0x3002)
    return FALSE;

  /* closing quotes and brackets belong to the sentence */
  while (is_closing (after))
    {
      next = g_utf8_next_char (next);
      after = g_utf8_get_char (next);
    }

  return after == 0 || g_unichar_isspace (after) || c == 0x3002 ||
         is_glued_sentence_end (text, p, after);
}

/**
 * gloss_document_expand_to_sentence:
 * @start: (inout): first code point of a selection
 * @end: (inout): code point after it
 *
 * Widens the range to the whole sentence or sentences it touches, to mark
 * a claim from a partial selection. Sentences end at ".", "!", "?", "…"
 * followed by a space or the end, or at a blank line.
 */
void
gloss_document_expand_to_sentence (GlossDocument *self,
                                   gint64        *start,
                                   gint64        *end)
{
  const char *text, *first, *last, *p;
  gint64 length, last_offset;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (start != NULL && end != NULL);

  text = gloss_document_get_text (self);
  length = gloss_text_index_get_length (self->index);
  *start = CLAMP (*start, 0, length);
  *end = CLAMP (*end, *start, length);

  first = text + gloss_text_index_byte_offset (self->index, *start);
  for (p = first; p > text; )
    {
      const char *prev = g_utf8_prev_char (p);

      if (is_sentence_end (text, prev))
        break;
      p = prev;
    }
  while (p < first && (g_unichar_isspace (g_utf8_get_char (p)) || is_closing (g_utf8_get_char (p))))
    p = g_utf8_next_char (p);
  *start -= g_utf8_pointer_to_offset (p, first);

  last_offset = MAX (*end - 1, *start);
  last = text + gloss_text_index_byte_offset (self->index, last_offset);
  for (p = last; *p != '\0' && !is_sentence_end (text, p); p = g_utf8_next_char (p))
    ;
  if (*p != '\0' && *p != '\n')
    p = g_utf8_next_char (p);
  while (is_closing (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  *end = MAX (*end, last_offset + g_utf8_pointer_to_offset (last, p));
}
