/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-text-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-buffer-private.h"

/* A text edit as a command of the document's history, so that undo and
 * redo go through text edits and annotation changes in the order they
 * happened. A deletion remembers where the spans inside it were, so that
 * undoing it puts them back whole. */

typedef struct
{
  GlossAnnotation *annotation;
  gint64           start;
  gint64           end;
} SavedSpan;

typedef struct
{
  GWeakRef  buffer;
  gboolean  deletion;
  gint64    offset;
  gint64    length;
  GString  *text;
  GArray   *saved_spans;
} GlossTextEdit;

static void
saved_span_clear (gpointer data)
{
  SavedSpan *saved = data;

  g_clear_object (&saved->annotation);
}

static void
gloss_text_edit_free (gpointer data)
{
  GlossTextEdit *edit = data;

  g_weak_ref_clear (&edit->buffer);
  g_string_free (edit->text, TRUE);
  g_clear_pointer (&edit->saved_spans, g_array_unref);
  g_free (edit);
}

static GlossTextEdit *
gloss_text_edit_new (GlossDocumentBuffer *buffer,
                     gboolean             deletion,
                     gint64               offset,
                     const char          *text,
                     gssize               length)
{
  GlossTextEdit *edit = g_new0 (GlossTextEdit, 1);

  g_weak_ref_init (&edit->buffer, buffer);
  edit->deletion = deletion;
  edit->offset = offset;
  edit->text = g_string_new_len (text, length);
  edit->length = g_utf8_strlen (edit->text->str, edit->text->len);
  return edit;
}

static void
insert_text (GtkTextBuffer *buffer,
             GlossTextEdit *edit)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) edit->offset);
  gtk_text_buffer_insert (buffer, &iter, edit->text->str, (int) edit->text->len);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
delete_text (GtkTextBuffer *buffer,
             GlossTextEdit *edit)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) edit->offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) (edit->offset + edit->length));
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
}

static void
restore_spans (GlossDocumentBuffer *buffer,
               GlossTextEdit       *edit)
{
  for (guint i = 0; edit->saved_spans != NULL && i < edit->saved_spans->len; i++)
    {
      SavedSpan *saved = &g_array_index (edit->saved_spans, SavedSpan, i);
      GlossSpan *span = gloss_document_buffer_lookup_span (buffer, saved->annotation);

      if (span != NULL)
        gloss_document_buffer_move_span (buffer, span, saved->start, saved->end);
    }

  /* The marks are now ahead of the model until the next sync. */
  gloss_document_buffer_text_edited (buffer);
}

static void
gloss_text_edit_undo (gpointer data)
{
  GlossTextEdit *edit = data;
  g_autoptr(GlossDocumentBuffer) buffer = g_weak_ref_get (&edit->buffer);

  if (buffer == NULL)
    return;

  if (edit->deletion)
    {
      insert_text (GTK_TEXT_BUFFER (buffer), edit);
      restore_spans (buffer, edit);
    }
  else
    delete_text (GTK_TEXT_BUFFER (buffer), edit);
}

static void
gloss_text_edit_redo (gpointer data)
{
  GlossTextEdit *edit = data;
  g_autoptr(GlossDocumentBuffer) buffer = g_weak_ref_get (&edit->buffer);

  if (buffer == NULL)
    return;

  if (edit->deletion)
    delete_text (GTK_TEXT_BUFFER (buffer), edit);
  else
    insert_text (GTK_TEXT_BUFFER (buffer), edit);
}

static gboolean
is_word_char (const char *text,
              int         length)
{
  gunichar c = g_utf8_get_char_validated (text, length);

  return g_utf8_strlen (text, length) == 1 && (g_unichar_isalnum (c) || c == '\'');
}

/* Typing a word is one step to undo, as in any editor. */
static gboolean
gloss_text_edit_try_append (GlossHistory  *history,
                            GlossTextEdit *edit)
{
  GlossTextEdit *last = gloss_history_peek_undo_data (history, gloss_text_edit_undo);

  if (last == NULL || last->deletion || edit->deletion || gloss_history_get_clean (history))
    return FALSE;
  if (last->offset + last->length != edit->offset || !is_word_char (edit->text->str, (int) edit->text->len))
    return FALSE;

  g_string_append_len (last->text, edit->text->str, edit->text->len);
  last->length++;
  return TRUE;
}

static void
gloss_text_edit_push (GlossHistory  *history,
                      GlossTextEdit *edit)
{
  gloss_history_push (history, edit->deletion ? _("Deletion") : _("Typing"),
                      gloss_text_edit_undo, gloss_text_edit_redo,
                      edit, gloss_text_edit_free);
}

/* Edits made inside a user action wait in @batch for its end. */
static void
gloss_text_edit_record (GlossDocumentBuffer *self,
                        GPtrArray           *batch,
                        GlossTextEdit       *edit)
{
  GlossHistory *history = gloss_document_get_history (gloss_document_buffer_get_document (self));

  if (batch != NULL)
    g_ptr_array_add (batch, edit);
  else if (gloss_text_edit_try_append (history, edit))
    gloss_text_edit_free (edit);
  else
    gloss_text_edit_push (history, edit);
}

/**
 * gloss_text_edit_batch_new:
 *
 * Returns: (transfer full): where the edits of one user action of the
 *   buffer wait until gloss_text_edit_commit_batch()
 */
GPtrArray *
gloss_text_edit_batch_new (void)
{
  return g_ptr_array_new_with_free_func (gloss_text_edit_free);
}

/* One user action of the buffer is one step: typing over a selection
 * deletes it and inserts the key, and one undo must bring it back. A
 * lone edit stays a plain command so that typed characters still fold
 * into the word before them. */
void
gloss_text_edit_commit_batch (GlossDocumentBuffer *self,
                              GPtrArray           *batch)
{
  GlossHistory *history = gloss_document_get_history (gloss_document_buffer_get_document (self));
  g_autofree gpointer *edits = NULL;
  gsize n_edits;

  if (batch->len <= 1)
    {
      if (batch->len == 1)
        gloss_text_edit_record (self, NULL, g_ptr_array_steal_index (batch, 0));
      return;
    }

  edits = g_ptr_array_steal (batch, &n_edits);
  gloss_history_begin_group (history, _("Typing"));
  for (gsize i = 0; i < n_edits; i++)
    gloss_text_edit_push (history, edits[i]);
  gloss_history_end_group (history);
}

void
gloss_text_edit_record_insert (GlossDocumentBuffer *self,
                               GPtrArray           *batch,
                               gint64               offset,
                               const char          *text,
                               int                  length)
{
  GlossHistory *history = gloss_document_get_history (gloss_document_buffer_get_document (self));

  if (gloss_history_is_busy (history))
    return;

  gloss_text_edit_record (self, batch, gloss_text_edit_new (self, FALSE, offset, text, length));
}

static void
save_spans_at (GlossDocumentBuffer *self,
               const GtkTextIter   *iter,
               GArray              *saved_spans,
               GHashTable          *seen)
{
  g_autoptr(GSList) marks = gtk_text_iter_get_marks (iter);

  for (GSList *l = marks; l != NULL; l = l->next)
    {
      GlossSpan *span = gloss_document_buffer_span_for_mark (self, l->data);
      SavedSpan saved;
      GtkTextIter start, end;

      if (span == NULL || !g_hash_table_add (seen, span))
        continue;

      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &start, span->start);
      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &end, span->end);
      saved.annotation = g_object_ref (span->annotation);
      saved.start = gtk_text_iter_get_offset (&start);
      saved.end = gtk_text_iter_get_offset (&end);
      g_array_append_val (saved_spans, saved);
    }
}

/* Only spans with a boundary inside the deleted text change shape. */
static GArray *
save_spans_in (GlossDocumentBuffer *self,
               const GtkTextIter   *start,
               const GtkTextIter   *end)
{
  GArray *saved_spans = g_array_new (FALSE, FALSE, sizeof (SavedSpan));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GtkTextIter iter = *start;

  g_array_set_clear_func (saved_spans, saved_span_clear);
  do
    save_spans_at (self, &iter, saved_spans, seen);
  while (gtk_text_iter_compare (&iter, end) < 0 && gtk_text_iter_forward_char (&iter));

  return saved_spans;
}

void
gloss_text_edit_record_delete (GlossDocumentBuffer *self,
                               GPtrArray           *batch,
                               const GtkTextIter   *start,
                               const GtkTextIter   *end)
{
  GlossHistory *history = gloss_document_get_history (gloss_document_buffer_get_document (self));
  g_autofree char *text = NULL;
  GlossTextEdit *edit;

  if (gloss_history_is_busy (history) || gtk_text_iter_equal (start, end))
    return;

  text = gtk_text_iter_get_text (start, end);
  edit = gloss_text_edit_new (self, TRUE, gtk_text_iter_get_offset (start), text, -1);
  edit->saved_spans = save_spans_in (self, start, end);
  gloss_text_edit_record (self, batch, edit);
}
