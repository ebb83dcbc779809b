/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-popover"

#include "config.h"

#include "gloss-window-private.h"

/* The tag popover belongs to the text it was opened on. Its entry takes
 * the primary selection when it gets the focus, which empties the
 * buffer's selection, so that text is kept in two marks: the popover's
 * actions work on it, and the popover follows it when the view scrolls
 * or changes size, closing once it is out of sight. */

#define POPOVER_TEXT_TAG "gloss-popover-text"

/* The popover's text stays marked as if selected, above every span. */
static GtkTextTag *
gloss_window_get_popover_text_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, POPOVER_TEXT_TAG);

  if (tag == NULL)
    {
      GdkRGBA color = { 0.21, 0.52, 0.89, 0.35 };

      tag = gtk_text_buffer_create_tag (buffer, POPOVER_TEXT_TAG, "background-rgba", &color, NULL);
    }
  gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
  return tag;
}

static void
gloss_window_mark_popover_text (GtkTextBuffer *buffer,
                                GtkTextMark   *start,
                                GtkTextMark   *end,
                                gboolean       marked)
{
  GtkTextTag *tag = gloss_window_get_popover_text_tag (buffer);
  GtkTextIter iter_start, iter_end;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter_start, start);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter_end, end);
  if (marked)
    gtk_text_buffer_apply_tag (buffer, tag, &iter_start, &iter_end);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &iter_start, &iter_end);
}

static void
gloss_window_forget_popover_range (GlossWindow *self)
{
  GtkTextBuffer *buffer;

  if (self->popover_start == NULL)
    return;

  buffer = gtk_text_mark_get_buffer (self->popover_start);
  if (buffer != NULL)
    {
      gloss_window_mark_popover_text (buffer, self->popover_start, self->popover_end, FALSE);
      gtk_text_buffer_delete_mark (buffer, self->popover_start);
      gtk_text_buffer_delete_mark (buffer, self->popover_end);
    }
  g_clear_object (&self->popover_start);
  g_clear_object (&self->popover_end);
}

static gboolean
gloss_window_has_popover_range (GlossWindow *self)
{
  return self->popover_start != NULL &&
         gtk_text_mark_get_buffer (self->popover_start) == GTK_TEXT_BUFFER (self->buffer) &&
         gtk_widget_get_visible (GTK_WIDGET (self->tag_popover));
}

/**
 * gloss_window_get_popover_range:
 *
 * Returns: %TRUE while the tag popover is open on text; then @start and
 *   @end are where that text is now
 */
gboolean
gloss_window_get_popover_range (GlossWindow *self,
                                gint64      *start,
                                gint64      *end)
{
  GtkTextIter iter_start, iter_end;

  if (!gloss_window_has_popover_range (self))
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter_start, self->popover_start);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter_end, self->popover_end);
  *start = gtk_text_iter_get_offset (&iter_start);
  *end = gtk_text_iter_get_offset (&iter_end);
  return *start < *end;
}

/* Sets @area to the popover's text in the view's coordinates, and
 * returns whether any of it is in sight. */
static gboolean
gloss_window_get_popover_area (GlossWindow  *self,
                               GdkRectangle *area)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->article_view);
  GdkRectangle first, last, visible;
  GtkTextIter start, end;
  gboolean in_sight;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &start, self->popover_start);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &end, self->popover_end);
  gtk_text_view_get_iter_location (view, &start, &first);
  gtk_text_view_get_iter_location (view, &end, &last);
  gdk_rectangle_union (&first, &last, area);

  gtk_text_view_get_visible_rect (view, &visible);
  in_sight = gdk_rectangle_intersect (area, &visible, NULL);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, area->x, area->y, &area->x, &area->y);
  return in_sight;
}

static void
gloss_window_follow_popover_range (GlossWindow *self)
{
  GdkRectangle area;

  if (!gloss_window_has_popover_range (self))
    return;

  if (!gloss_window_get_popover_area (self, &area))
    {
      gtk_popover_popdown (GTK_POPOVER (self->tag_popover));
      return;
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->tag_popover), &area);
  gtk_popover_present (GTK_POPOVER (self->tag_popover));
}

/**
 * gloss_window_show_tag_popover:
 *
 * Opens the tag popover on the text from @start to @end.
 */
void
gloss_window_show_tag_popover (GlossWindow *self,
                               gint64       start,
                               gint64       end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *name = NULL;
  GtkTextIter iter_start, iter_end;
  GdkRectangle area;

  gloss_window_forget_popover_range (self);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter_start, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter_end, (int) end);
  /* As a span's: text typed at either end stays outside. */
  self->popover_start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter_start, FALSE));
  self->popover_end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter_end, TRUE));
  gloss_window_mark_popover_text (buffer, self->popover_start, self->popover_end, TRUE);

  name = gloss_text_index_dup_slice (gloss_document_get_text_index (self->document), start, end);
  gloss_tag_popover_set_entity_name (self->tag_popover, name);
  gloss_window_get_popover_area (self, &area);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->tag_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->tag_popover));
}

/**
 * gloss_window_close_tag_popover:
 *
 * Closes the tag popover, if open, and lets go of its text.
 */
void
gloss_window_close_tag_popover (GlossWindow *self)
{
  if (self->tag_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->tag_popover));
  gloss_window_forget_popover_range (self);
}

void
gloss_window_setup_tag_popover (GlossWindow *self)
{
  GtkScrollable *view = GTK_SCROLLABLE (self->article_view);

  self->tag_popover = GLOSS_TAG_POPOVER (gloss_tag_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->tag_popover), GTK_WIDGET (self->article_view));
  g_signal_connect_object (self->tag_popover, "closed",
                           G_CALLBACK (gloss_window_forget_popover_range), self, G_CONNECT_SWAPPED);

  /* A change of the view's size reconfigures its adjustments. */
  g_signal_connect_object (gtk_scrollable_get_vadjustment (view), "value-changed",
                           G_CALLBACK (gloss_window_follow_popover_range), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (view), "changed",
                           G_CALLBACK (gloss_window_follow_popover_range), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (view), "changed",
                           G_CALLBACK (gloss_window_follow_popover_range), self, G_CONNECT_SWAPPED);
}
