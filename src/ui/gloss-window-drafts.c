/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-drafts"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* Unsaved work is written to a draft a moment after each change, so it
 * can be offered back when the article is opened after a crash. Saving,
 * or discarding on close, throws the draft away. */

#define DRAFT_DELAY_MS 2000

static void
gloss_window_draft_saved_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_draft_store_save_finish (GLOSS_DRAFT_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not keep a draft: %s", error->message);
}

/**
 * gloss_window_save_draft:
 *
 * Writes the unsaved work to a draft now, or discards the draft when
 * nothing is unsaved.
 */
void
gloss_window_save_draft (GlossWindow *self)
{
  GFile *article;
  g_autoptr(GBytes) sidecar = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->document == NULL)
    return;

  article = gloss_document_get_file (self->document);
  gloss_document_buffer_sync (self->buffer);
  if (!gloss_document_get_modified (self->document))
    {
      gloss_draft_store_discard (self->drafts, article, NULL);
      return;
    }

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
  sidecar = gloss_document_save_sidecar_to_bytes (self->document);
  gloss_draft_store_save_async (self->drafts, article, text, sidecar, self->cancellable,
                                gloss_window_draft_saved_cb, NULL);
}

static gboolean
gloss_window_draft_timeout_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->draft_source = 0;
  gloss_window_save_draft (self);
  return G_SOURCE_REMOVE;
}

/* Called on every change of the document or its text. */
void
gloss_window_schedule_draft (GlossWindow *self)
{
  if (self->draft_source != 0)
    return;

  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, gloss_window_draft_timeout_cb, self);
}

void
gloss_window_discard_draft (GlossWindow *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->document != NULL)
    gloss_draft_store_discard (self->drafts, gloss_document_get_file (self->document), NULL);
}

static void
gloss_window_restore_response_cb (AdwMessageDialog *dialog,
                                  const char       *response,
                                  GlossWindow      *self)
{
  GlossDraft *draft = g_object_get_data (G_OBJECT (dialog), "draft");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "discard"))
    {
      gloss_window_discard_draft (self);
      return;
    }

  if (!g_str_equal (response, "restore"))
    return;

  if (!gloss_document_restore (self->document, gloss_draft_get_text (draft),
                               gloss_draft_get_sidecar (draft), &error))
    {
      gloss_window_show_error (self, _("Could Not Restore the Draft"), error->message);
      return;
    }

  gloss_window_set_document (self, self->document);
}

static char *
format_draft_time (GlossDraft *draft)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (gloss_draft_get_saved (draft));

  /* Translators: a date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%e %B %Y at %H:%M"));
}

/**
 * gloss_window_offer_draft:
 *
 * Asks whether to restore the draft left for the open article, if any.
 */
void
gloss_window_offer_draft (GlossWindow *self)
{
  g_autoptr(GlossDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  AdwMessageDialog *dialog;

  /* Restoring would make a read-only document writable over the file
   * it must keep. */
  if (gloss_document_get_read_only (self->document))
    return;

  draft = gloss_draft_store_lookup (self->drafts, gloss_document_get_file (self->document), &error);
  if (error != NULL)
    {
      gloss_window_show_error (self, _("Unsaved Changes Could Not Be Read"), error->message);
      return;
    }
  if (draft == NULL)
    return;

  when = format_draft_time (draft);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Changes to “%s” made on %s were not saved. Restore them?"),
                                  gloss_document_get_display_name (self->document), g_strstrip (when));
  if (gloss_draft_get_older_than_article (draft))
    adw_message_dialog_format_body (dialog,
                                    _("Changes to “%s” made on %s were not saved. The article has "
                                      "changed on disk since; restoring replaces its text with the draft’s."),
                                    gloss_document_get_display_name (self->document), g_strstrip (when));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Not Now"), "discard", _("_Discard"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "draft", g_steal_pointer (&draft), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (gloss_window_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
