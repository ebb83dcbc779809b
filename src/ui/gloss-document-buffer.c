/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document-buffer"

#include "config.h"

#include "gloss-document-buffer.h"
#include "gloss-document-buffer-private.h"
#include "gloss-span-style.h"

/* How long typing may pause before the model's offsets and quotes are
 * brought up to date with the text. */
#define SYNC_DELAY_MS 400

struct _GlossDocumentBuffer
{
  GtkSourceBuffer  parent_instance;

  GlossDocument   *document;
  GHashTable      *spans;         /* GlossAnnotation* → GlossSpan* */
  GPtrArray       *mirror;        /* the annotations model, item for item */
  GHashTable      *tags;          /* style key → GtkTextTag* */
  GPtrArray       *user_action;   /* text edits of the user action under way */
  guint            sync_source;
  guint            text_changed : 1;
  guint            loading : 1;
};

G_DEFINE_FINAL_TYPE (GlossDocumentBuffer, gloss_document_buffer, GTK_SOURCE_TYPE_BUFFER)

static void
gloss_span_free (GlossSpan *span)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (span->start);

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, span->start);
      gtk_text_buffer_delete_mark (buffer, span->end);
    }
  g_clear_object (&span->start);
  g_clear_object (&span->end);
  g_clear_object (&span->annotation);
  g_free (span);
}

static void
get_iter_at_offset64 (GtkTextBuffer *buffer,
                      GtkTextIter   *iter,
                      gint64         offset)
{
  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) CLAMP (offset, 0, G_MAXINT));
}

static GtkTextTag *
gloss_document_buffer_get_tag (GlossDocumentBuffer *self,
                               GlossAnnotation     *annotation)
{
  g_autofree char *key = gloss_span_style_key (annotation);
  GtkTextTag *tag;

  if (key == NULL)
    return NULL;

  tag = g_hash_table_lookup (self->tags, key);
  if (tag == NULL)
    {
      tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self), NULL, NULL);
      gloss_span_style_apply (tag, annotation, self->document);
      g_hash_table_insert (self->tags, g_strdup (key), tag);
    }

  return tag;
}

static void
gloss_document_buffer_paint_span (GlossDocumentBuffer *self,
                                  GlossSpan           *span)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextTag *tag;
  GtkTextIter start, end;

  if (gloss_annotation_is_orphaned (span->annotation))
    return;

  tag = gloss_document_buffer_get_tag (self, span->annotation);
  if (tag == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, span->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, span->end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

static void
remove_tag_cb (gpointer key,
               gpointer value,
               gpointer user_data)
{
  GtkTextIter *range = user_data;

  gtk_text_buffer_remove_tag (gtk_text_iter_get_buffer (&range[0]), value, &range[0], &range[1]);
}

/* Tags are shared by every span of the same style, so a span's tag can
 * only be taken off by painting its whole range again from the spans. */
static void
gloss_document_buffer_repaint (GlossDocumentBuffer *self,
                               const GtkTextIter   *start,
                               const GtkTextIter   *end)
{
  GtkTextIter range[2] = { *start, *end };
  GHashTableIter iter;
  GlossSpan *span;

  g_hash_table_foreach (self->tags, remove_tag_cb, range);

  g_hash_table_iter_init (&iter, self->spans);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &span))
    {
      GtkTextIter span_start, span_end;

      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &span_start, span->start);
      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &span_end, span->end);
      if (gtk_text_iter_compare (&span_start, end) < 0 &&
          gtk_text_iter_compare (&span_end, start) > 0)
        gloss_document_buffer_paint_span (self, span);
    }
}

static void
gloss_document_buffer_repaint_span (GlossDocumentBuffer *self,
                                    GlossSpan           *span)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &start, span->start);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &end, span->end);
  gloss_document_buffer_repaint (self, &start, &end);
}

void
gloss_document_buffer_move_span (GlossDocumentBuffer *self,
                                 GlossSpan           *span,
                                 gint64               start,
                                 gint64               end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter old_start, old_end, new_start, new_end;

  gtk_text_buffer_get_iter_at_mark (buffer, &old_start, span->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &old_end, span->end);
  get_iter_at_offset64 (buffer, &new_start, start);
  get_iter_at_offset64 (buffer, &new_end, end);

  if (gtk_text_iter_equal (&old_start, &new_start) && gtk_text_iter_equal (&old_end, &new_end))
    return;

  gtk_text_buffer_move_mark (buffer, span->start, &new_start);
  gtk_text_buffer_move_mark (buffer, span->end, &new_end);
  gloss_document_buffer_repaint (self, &old_start, &old_end);
  gloss_document_buffer_paint_span (self, span);
}

/* A detached annotation has no text: its span is empty, where it was. */
static void
gloss_document_buffer_place_span (GlossDocumentBuffer *self,
                                  GlossSpan           *span)
{
  gint64 start = gloss_annotation_get_start (span->annotation);
  gint64 end = gloss_annotation_get_end (span->annotation);

  gloss_document_buffer_move_span (self, span, start,
                                   gloss_annotation_is_orphaned (span->annotation) ? start : end);
}

static void
gloss_document_buffer_annotation_notify_cb (GlossDocumentBuffer *self,
                                            GParamSpec          *pspec,
                                            GlossAnnotation     *annotation)
{
  GlossSpan *span = g_hash_table_lookup (self->spans, annotation);

  if (span == NULL)
    return;

  /* While the text is being edited the marks are ahead of the model. */
  if (g_str_equal (pspec->name, "start") || g_str_equal (pspec->name, "end") ||
      g_str_equal (pspec->name, "anchor-state"))
    {
      if (!self->text_changed)
        gloss_document_buffer_place_span (self, span);
      if (!g_str_equal (pspec->name, "anchor-state"))
        return;
    }

  gloss_document_buffer_repaint_span (self, span);
}

static void
gloss_document_buffer_add_span (GlossDocumentBuffer *self,
                                GlossAnnotation     *annotation)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GlossSpan *span = g_new0 (GlossSpan, 1);
  GtkTextIter start, end;

  get_iter_at_offset64 (buffer, &start, gloss_annotation_get_start (annotation));
  end = start;
  if (!gloss_annotation_is_orphaned (annotation))
    get_iter_at_offset64 (buffer, &end, gloss_annotation_get_end (annotation));

  /* Text typed at either boundary stays outside the span. */
  span->annotation = g_object_ref (annotation);
  span->start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, FALSE));
  span->end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, TRUE));
  g_object_set_data (G_OBJECT (span->start), "gloss-annotation", annotation);
  g_object_set_data (G_OBJECT (span->end), "gloss-annotation", annotation);
  g_hash_table_insert (self->spans, annotation, span);

  g_signal_connect_object (annotation, "notify",
                           G_CALLBACK (gloss_document_buffer_annotation_notify_cb),
                           self, G_CONNECT_SWAPPED);

  gloss_document_buffer_paint_span (self, span);
}

static void
gloss_document_buffer_remove_span (GlossDocumentBuffer *self,
                                   GlossAnnotation     *annotation)
{
  GlossSpan *span = g_hash_table_lookup (self->spans, annotation);
  GtkTextIter start, end;

  if (span == NULL)
    return;

  g_signal_handlers_disconnect_by_data (annotation, self);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &start, span->start);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &end, span->end);
  g_hash_table_remove (self->spans, annotation);
  gloss_document_buffer_repaint (self, &start, &end);
}

static void
gloss_document_buffer_annotations_changed_cb (GlossDocumentBuffer *self,
                                              guint                position,
                                              guint                removed,
                                              guint                added,
                                              GListModel          *model)
{
  g_autoptr(GHashTable) leaving = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer annotation;

  /* Re-sorting takes annotations out and puts them back in the same
   * signal: those keep their spans, only the truly removed lose theirs. */
  for (guint i = 0; i < removed; i++)
    g_hash_table_add (leaving, g_ptr_array_index (self->mirror, position + i));

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (model, position + i);

      if (!g_hash_table_remove (leaving, item) && !g_hash_table_contains (self->spans, item))
        gloss_document_buffer_add_span (self, item);
    }

  g_hash_table_iter_init (&iter, leaving);
  while (g_hash_table_iter_next (&iter, &annotation, NULL))
    gloss_document_buffer_remove_span (self, annotation);

  g_ptr_array_remove_range (self->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
gloss_document_buffer_label_notify_cb (GlossDocumentBuffer *self)
{
  GHashTableIter iter;
  gpointer tag;

  /* A label's colour changed: restyle every tag in place. */
  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gloss_span_style_refresh (tag, self->document);
}

static void
gloss_document_buffer_labels_changed_cb (GlossDocumentBuffer *self,
                                         guint                position,
                                         guint                removed,
                                         guint                added,
                                         GListModel          *labels)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) label = g_list_model_get_item (labels, position + i);

      g_signal_connect_object (label, "notify::color",
                               G_CALLBACK (gloss_document_buffer_label_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }
  gloss_document_buffer_label_notify_cb (self);
}

static void
gloss_document_buffer_load (GlossDocumentBuffer *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GListModel *annotations = gloss_document_get_annotations (self->document);
  GListModel *labels = G_LIST_MODEL (gloss_document_get_labels (self->document));
  GtkTextIter start;

  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, gloss_document_get_text (self->document), -1);
  self->loading = FALSE;

  gloss_document_buffer_annotations_changed_cb (self, 0, 0,
                                                g_list_model_get_n_items (annotations),
                                                annotations);
  g_signal_connect_object (annotations, "items-changed",
                           G_CALLBACK (gloss_document_buffer_annotations_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gloss_document_buffer_labels_changed_cb (self, 0, 0, g_list_model_get_n_items (labels), labels);
  g_signal_connect_object (labels, "items-changed",
                           G_CALLBACK (gloss_document_buffer_labels_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_set_modified (buffer, FALSE);
}

static gboolean
gloss_document_buffer_sync_timeout_cb (gpointer user_data)
{
  GlossDocumentBuffer *self = user_data;

  self->sync_source = 0;
  gloss_document_buffer_sync (self);
  return G_SOURCE_REMOVE;
}

void
gloss_document_buffer_text_edited (GlossDocumentBuffer *self)
{
  self->text_changed = TRUE;
  g_clear_handle_id (&self->sync_source, g_source_remove);
  self->sync_source = g_timeout_add (SYNC_DELAY_MS, gloss_document_buffer_sync_timeout_cb, self);
}

static void
gloss_document_buffer_insert_text (GtkTextBuffer *buffer,
                                   GtkTextIter   *iter,
                                   const char    *text,
                                   int            length)
{
  GlossDocumentBuffer *self = GLOSS_DOCUMENT_BUFFER (buffer);
  gint64 offset = gtk_text_iter_get_offset (iter);
  GtkTextIter start;

  GTK_TEXT_BUFFER_CLASS (gloss_document_buffer_parent_class)->insert_text (buffer, iter, text, length);

  if (self->loading || self->document == NULL)
    return;

  gloss_text_edit_record_insert (self, self->user_action, offset, text, length);

  /* Text typed inside a span takes the span's style. */
  get_iter_at_offset64 (buffer, &start, offset);
  gloss_span_style_extend (&start, iter);
  gloss_document_buffer_text_edited (self);
}

static void
gloss_document_buffer_delete_range (GtkTextBuffer *buffer,
                                    GtkTextIter   *start,
                                    GtkTextIter   *end)
{
  GlossDocumentBuffer *self = GLOSS_DOCUMENT_BUFFER (buffer);

  if (!self->loading && self->document != NULL)
    gloss_text_edit_record_delete (self, self->user_action, start, end);

  GTK_TEXT_BUFFER_CLASS (gloss_document_buffer_parent_class)->delete_range (buffer, start, end);

  if (!self->loading && self->document != NULL)
    gloss_document_buffer_text_edited (self);
}

static void
gloss_document_buffer_begin_user_action (GtkTextBuffer *buffer)
{
  GlossDocumentBuffer *self = GLOSS_DOCUMENT_BUFFER (buffer);
  GtkTextBufferClass *parent_class = GTK_TEXT_BUFFER_CLASS (gloss_document_buffer_parent_class);

  if (parent_class->begin_user_action != NULL)
    parent_class->begin_user_action (buffer);
  if (self->document != NULL)
    self->user_action = gloss_text_edit_batch_new ();
}

static void
gloss_document_buffer_end_user_action (GtkTextBuffer *buffer)
{
  GlossDocumentBuffer *self = GLOSS_DOCUMENT_BUFFER (buffer);
  GtkTextBufferClass *parent_class = GTK_TEXT_BUFFER_CLASS (gloss_document_buffer_parent_class);
  g_autoptr(GPtrArray) batch = g_steal_pointer (&self->user_action);

  if (batch != NULL && self->document != NULL)
    gloss_text_edit_commit_batch (self, batch);
  if (parent_class->end_user_action != NULL)
    parent_class->end_user_action (buffer);
}

static void
gloss_document_buffer_dispose (GObject *object)
{
  GlossDocumentBuffer *self = GLOSS_DOCUMENT_BUFFER (object);

  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->spans != NULL)
    {
      GHashTableIter iter;
      gpointer annotation;

      g_hash_table_iter_init (&iter, self->spans);
      while (g_hash_table_iter_next (&iter, &annotation, NULL))
        g_signal_handlers_disconnect_by_data (annotation, self);
    }
  g_clear_pointer (&self->spans, g_hash_table_unref);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->user_action, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_document_buffer_parent_class)->dispose (object);
}

static void
gloss_document_buffer_class_init (GlossDocumentBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->dispose = gloss_document_buffer_dispose;
  buffer_class->insert_text = gloss_document_buffer_insert_text;
  buffer_class->delete_range = gloss_document_buffer_delete_range;
  buffer_class->begin_user_action = gloss_document_buffer_begin_user_action;
  buffer_class->end_user_action = gloss_document_buffer_end_user_action;
}

static void
gloss_document_buffer_init (GlossDocumentBuffer *self)
{
  self->spans = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) gloss_span_free);
  self->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Text edits go into the document's history, beside annotation changes. */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self), FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (self), FALSE);
}

/**
 * gloss_document_buffer_new:
 * @document: the document to show and edit
 *
 * Returns: (transfer full): a buffer holding @document's text, with a
 *   styled span for each annotation that follows edits of the text
 */
GlossDocumentBuffer *
gloss_document_buffer_new (GlossDocument *document)
{
  GlossDocumentBuffer *self;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLOSS_TYPE_DOCUMENT_BUFFER, NULL);
  self->document = g_object_ref (document);
  gloss_document_buffer_load (self);

  return self;
}

GlossDocument *
gloss_document_buffer_get_document (GlossDocumentBuffer *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_BUFFER (self), NULL);

  return self->document;
}

/**
 * gloss_document_buffer_get_text_changed:
 *
 * Returns: whether the text differs from the document's article file
 */
gboolean
gloss_document_buffer_get_text_changed (GlossDocumentBuffer *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_BUFFER (self), FALSE);

  return g_strcmp0 (gloss_document_get_text (self->document),
                    gloss_text_file_get_text (gloss_document_get_text_file (self->document))) != 0 ||
         self->text_changed;
}

/**
 * gloss_document_buffer_sync:
 *
 * Brings the document's text and annotation offsets up to date with the
 * buffer. Call it before any operation that takes offsets.
 */
void
gloss_document_buffer_sync (GlossDocumentBuffer *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(GArray) ranges = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_return_if_fail (GLOSS_IS_DOCUMENT_BUFFER (self));

  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (!self->text_changed)
    return;

  ranges = g_array_sized_new (FALSE, FALSE, sizeof (GlossAnnotationRange), self->mirror->len);
  for (guint i = 0; i < self->mirror->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (self->mirror, i);
      GlossSpan *span = g_hash_table_lookup (self->spans, annotation);
      GlossAnnotationRange range = { annotation, 0, 0 };

      gtk_text_buffer_get_iter_at_mark (buffer, &start, span->start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, span->end);
      range.start = gtk_text_iter_get_offset (&start);
      range.end = MAX (range.start, gtk_text_iter_get_offset (&end));
      g_array_append_val (ranges, range);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  self->text_changed = FALSE;
  gloss_document_set_text (self->document, text,
                           (const GlossAnnotationRange *) (gpointer) ranges->data, ranges->len);
}

/**
 * gloss_document_buffer_get_span:
 *
 * Sets @start and @end to where @annotation's text is now.
 *
 * Returns: %FALSE if @annotation is not in the document
 */
gboolean
gloss_document_buffer_get_span (GlossDocumentBuffer *self,
                                GlossAnnotation     *annotation,
                                GtkTextIter         *start,
                                GtkTextIter         *end)
{
  GlossSpan *span;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_BUFFER (self), FALSE);

  span = g_hash_table_lookup (self->spans, annotation);
  if (span == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), start, span->start);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), end, span->end);
  return TRUE;
}

/**
 * gloss_document_buffer_annotations_at:
 *
 * Returns: (transfer container): the annotations whose text contains
 *   @iter, innermost first
 */
GPtrArray *
gloss_document_buffer_annotations_at (GlossDocumentBuffer *self,
                                      const GtkTextIter   *iter)
{
  gint64 offset = gtk_text_iter_get_offset (iter);
  GHashTableIter spans;
  GlossSpan *span;
  GPtrArray *found;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_BUFFER (self), NULL);

  if (!self->text_changed)
    found = gloss_document_find_annotations (self->document, offset, offset + 1);
  else
    {
      /* While typing the model lags behind; the marks do not. */
      found = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_iter_init (&spans, self->spans);
      while (g_hash_table_iter_next (&spans, NULL, (gpointer *) &span))
        {
          GtkTextIter start, end;

          gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &start, span->start);
          gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &end, span->end);
          if (gtk_text_iter_compare (&start, iter) <= 0 && gtk_text_iter_compare (iter, &end) < 0 &&
              !gloss_annotation_is_orphaned (span->annotation))
            g_ptr_array_add (found, g_object_ref (span->annotation));
        }
    }

  g_ptr_array_sort (found, gloss_span_compare_width);
  return found;
}

gboolean
gloss_document_buffer_is_syncing_later (GlossDocumentBuffer *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_BUFFER (self), FALSE);

  return self->text_changed;
}

/**
 * gloss_document_buffer_get_selection:
 *
 * Returns: %TRUE if text is selected; then @start and @end are its offsets
 */
gboolean
gloss_document_buffer_get_selection (GlossDocumentBuffer *self,
                                     gint64              *start,
                                     gint64              *end)
{
  GtkTextIter iter_start, iter_end;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_BUFFER (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self), &iter_start, &iter_end))
    return FALSE;

  *start = gtk_text_iter_get_offset (&iter_start);
  *end = gtk_text_iter_get_offset (&iter_end);
  return TRUE;
}

GlossSpan *
gloss_document_buffer_lookup_span (GlossDocumentBuffer *self,
                                   GlossAnnotation     *annotation)
{
  return g_hash_table_lookup (self->spans, annotation);
}

GlossSpan *
gloss_document_buffer_span_for_mark (GlossDocumentBuffer *self,
                                     GtkTextMark         *mark)
{
  GlossAnnotation *annotation = g_object_get_data (G_OBJECT (mark), "gloss-annotation");

  return annotation != NULL ? g_hash_table_lookup (self->spans, annotation) : NULL;
}
