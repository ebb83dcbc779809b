/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-panel"

#include "config.h"

#include "gloss-window-private.h"

/* The side panel and the article follow each other: activating a row
 * selects its text, and moving into annotated text selects its row. */

void
gloss_window_select_annotation (GlossWindow     *self,
                                GlossAnnotation *annotation)
{
  GtkTextIter start, end;

  if (!gloss_document_buffer_get_span (self->buffer, annotation, &start, &end))
    return;

  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->article_view),
                                gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)),
                                0.2, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
gloss_window_annotation_activated_cb (GlossWindow     *self,
                                      GlossAnnotation *annotation)
{
  gloss_window_select_annotation (self, annotation);
}

/* Each activation of an entity's row moves on to its next mention. */
static void
gloss_window_entity_activated_cb (GlossWindow *self,
                                  GlossEntity *entity)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GPtrArray) mentions = NULL;
  GtkTextIter cursor;
  gint64 offset;

  gloss_document_buffer_sync (self->buffer);
  mentions = gloss_document_get_mentions (self->document, entity);
  if (mentions->len == 0)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_selection_bound (buffer));
  offset = gtk_text_iter_get_offset (&cursor);
  for (guint i = 0; i < mentions->len; i++)
    {
      GlossAnnotation *mention = g_ptr_array_index (mentions, i);

      if (gloss_annotation_get_start (mention) > offset && !gloss_annotation_is_orphaned (mention))
        {
          gloss_window_select_annotation (self, mention);
          return;
        }
    }

  gloss_window_select_annotation (self, g_ptr_array_index (mentions, 0));
}

static void
gloss_window_cursor_moved_cb (GlossWindow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GPtrArray) found = NULL;
  GtkTextIter iter;

  /* Typing moves the cursor too; the panel follows once it pauses. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->article_view)) ||
      gloss_document_buffer_is_syncing_later (self->buffer))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  found = gloss_document_buffer_annotations_at (self->buffer, &iter);
  if (found->len > 0)
    gloss_side_panel_select_annotation (self->side_panel, g_ptr_array_index (found, 0));
}

void
gloss_window_setup_panel (GlossWindow *self)
{
  self->side_panel = GLOSS_SIDE_PANEL (gloss_side_panel_new ());
  gtk_box_append (self->panel_box, GTK_WIDGET (self->side_panel));

  g_signal_connect_object (self->side_panel, "annotation-activated",
                           G_CALLBACK (gloss_window_annotation_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_panel, "entity-activated",
                           G_CALLBACK (gloss_window_entity_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->buffer_signals, "notify::cursor-position",
                                 G_CALLBACK (gloss_window_cursor_moved_cb), self, G_CONNECT_SWAPPED);
}

void
gloss_window_setup_document_panel (GlossWindow *self)
{
  gloss_side_panel_set_document (self->side_panel, self->document);
}
