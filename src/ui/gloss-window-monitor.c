/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-monitor"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* Notices when another program changes the article or its annotations
 * file, and offers to reload the article while keeping the annotations
 * made here: they are placed again on the new text. Our own saves write
 * what the document already holds, so they are recognised by content. */

#define CHECK_DELAY_MS 300

static void
gloss_window_show_changed_on_disk (GlossWindow *self,
                                   const char  *message)
{
  gtk_label_set_text (self->change_label, message);
  gtk_info_bar_set_revealed (self->change_bar, TRUE);
}

static void
gloss_window_sidecar_checked_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GBytes) on_disk = g_file_load_bytes_finish (G_FILE (object), result, NULL, NULL);
  g_autoptr(GBytes) ours = NULL;

  if (on_disk == NULL || self->document == NULL ||
      gloss_document_get_sidecar_error (self->document) != NULL)
    return;

  /* Unsaved changes of ours differ from the disk without anyone else
   * having written it; only a file that matches neither is news. */
  ours = gloss_document_save_sidecar_to_bytes (self->document);
  if (!g_bytes_equal (on_disk, ours) && !gloss_document_get_modified (self->document))
    gloss_window_show_changed_on_disk (self, _("The annotations were changed by another program. "
                                               "Reload to see them."));
}

static void
gloss_window_article_checked_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTextFile) on_disk = gloss_text_file_load_finish (result, &error);
  GlossTextFile *loaded;

  if (self->document == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loaded = gloss_document_get_text_file (self->document);
  if (on_disk != NULL &&
      g_strcmp0 (gloss_text_file_get_text (on_disk), gloss_text_file_get_text (loaded)) != 0)
    {
      gloss_window_show_changed_on_disk (self, _("The article was changed by another program. Reload it "
                                                 "to see the new text; your annotations are kept and placed again."));
      return;
    }

  g_file_load_bytes_async (gloss_document_get_sidecar_file (self->document), self->cancellable,
                           gloss_window_sidecar_checked_cb, g_object_ref (self));
}

/* The files are read in the background, the article first. */
static gboolean
gloss_window_check_files_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->check_source = 0;
  if (self->document == NULL || self->saving)
    return G_SOURCE_REMOVE;

  gloss_text_file_load_async (gloss_document_get_file (self->document), self->cancellable,
                              gloss_window_article_checked_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
gloss_window_file_changed_cb (GlossWindow       *self,
                              GFile             *file,
                              GFile             *other_file,
                              GFileMonitorEvent  event,
                              GFileMonitor      *monitor)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED && event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, gloss_window_check_files_cb, self);
}

static GFileMonitor *
watch (GlossWindow *self,
       GFile       *file)
{
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);

  if (monitor != NULL)
    g_signal_connect_object (monitor, "changed", G_CALLBACK (gloss_window_file_changed_cb),
                             self, G_CONNECT_SWAPPED);
  return monitor;
}

static void
gloss_window_change_bar_response_cb (GlossWindow *self,
                                     int          response,
                                     GtkInfoBar  *bar)
{
  if (response == GTK_RESPONSE_CLOSE)
    gtk_info_bar_set_revealed (bar, FALSE);
}

void
gloss_window_setup_monitor (GlossWindow *self)
{
  g_signal_connect_object (self->change_bar, "response",
                           G_CALLBACK (gloss_window_change_bar_response_cb), self, G_CONNECT_SWAPPED);
}

void
gloss_window_watch_files (GlossWindow *self)
{
  gloss_window_unwatch_files (self);
  gtk_info_bar_set_revealed (self->change_bar, FALSE);

  self->article_monitor = watch (self, gloss_document_get_file (self->document));
  self->sidecar_monitor = watch (self, gloss_document_get_sidecar_file (self->document));
}

void
gloss_window_unwatch_files (GlossWindow *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->article_monitor != NULL)
    g_file_monitor_cancel (self->article_monitor);
  if (self->sidecar_monitor != NULL)
    g_file_monitor_cancel (self->sidecar_monitor);
  g_clear_object (&self->article_monitor);
  g_clear_object (&self->sidecar_monitor);
}

static gboolean
gloss_window_same_article_text (GlossDocument *document,
                                GlossDocument *reloaded)
{
  return g_strcmp0 (gloss_text_file_get_text (gloss_document_get_text_file (document)),
                    gloss_text_file_get_text (gloss_document_get_text_file (reloaded))) == 0;
}

/* The new text, with the annotations as they are here now (edits made
 * while the files were read included) placed again on it. */
static gboolean
gloss_window_carry_over (GlossWindow    *self,
                         GlossDocument  *reloaded,
                         GError        **error)
{
  g_autoptr(GBytes) ours = NULL;

  gloss_side_panel_commit_edits (self->side_panel);
  gloss_document_buffer_sync (self->buffer);
  ours = gloss_document_save_sidecar_to_bytes (self->document);
  if (!gloss_document_restore (reloaded, gloss_document_get_text (reloaded), ours, error))
    return FALSE;

  gloss_document_set_author (reloaded, gloss_document_get_author (self->document));
  return TRUE;
}

static void
gloss_window_confirm_reload_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                GlossWindow      *self)
{
  GlossDocument *reloaded = g_object_get_data (G_OBJECT (dialog), "reloaded");

  if (!g_str_equal (response, "reload"))
    return;

  gloss_window_discard_draft (self);
  gloss_window_show_loaded (self, reloaded);
}

/* Showing the annotations file as another program left it throws away
 * what was done here since the last save: the user decides. */
static void
gloss_window_confirm_reload (GlossWindow   *self,
                             GlossDocument *reloaded)
{
  g_autofree char *name = g_file_get_basename (gloss_document_get_file (reloaded));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Another program changed the annotations of “%s”. Reloading "
                                    "shows them as it left them and discards the changes made "
                                    "here since the last save."), name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reload", _("_Discard and Reload"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "reloaded", g_object_ref (reloaded), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (gloss_window_confirm_reload_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gloss_window_reload_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  self->reloading = FALSE;
  reloaded = gloss_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gloss_window_update_actions (self);

  /* Only the annotations changed: they are shown as they are on disk,
   * once the user agrees to let go of unsaved work. */
  if (reloaded != NULL && gloss_window_same_article_text (self->document, reloaded))
    {
      if (gloss_document_get_modified (self->document))
        gloss_window_confirm_reload (self, reloaded);
      else
        gloss_window_show_loaded (self, reloaded);
      return;
    }

  if (reloaded == NULL || !gloss_window_carry_over (self, reloaded, &error))
    {
      gloss_window_show_error (self, _("Could Not Reload"), error->message);
      return;
    }

  gloss_window_set_document (self, reloaded);
}

/**
 * gloss_window_reload:
 *
 * Takes the article's text from disk, keeping the annotations made in
 * this window (placed again on the new text), or, when only the
 * annotations file changed, reopens the article. The files are read in
 * the background.
 */
void
gloss_window_reload (GlossWindow *self)
{
  GFile *file = gloss_document_get_file (self->document);

  if (self->reloading || self->saving)
    return;

  gtk_info_bar_set_revealed (self->change_bar, FALSE);

  /* A read-only document keeps its annotations file as it is on disk:
   * nothing of this window's may be carried over and saved on it. */
  if (gloss_document_get_read_only (self->document))
    {
      gloss_window_open_file (self, file);
      return;
    }

  self->reloading = TRUE;
  gloss_window_update_actions (self);
  gloss_document_load_async (file, self->cancellable, gloss_window_reload_cb, g_object_ref (self));
}

/**
 * gloss_window_get_changed_on_disk:
 *
 * Returns: whether the window is telling the user that another program
 *   changed the article or its annotations
 */
gboolean
gloss_window_get_changed_on_disk (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return gtk_info_bar_get_revealed (self->change_bar);
}
