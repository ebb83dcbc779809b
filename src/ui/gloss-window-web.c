/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-web"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-web.h"
#include "gloss-window-private.h"

/* Opening an article from the web, or from a saved web page: the page is
 * fetched, its story extracted, and saved as a text article with its
 * metadata beside the raw page, in the folder the user chose last. The
 * saved article is then opened like any other. */

static GFile *
gloss_window_dup_web_folder (GlossWindow *self)
{
  GSettings *settings = gloss_window_get_settings (self);
  g_autofree char *path = settings != NULL ? g_settings_get_string (settings, "web-folder") : NULL;
  const char *documents;

  if (path != NULL && *path != '\0')
    return g_file_new_for_path (path);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  return g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
}

static void
gloss_window_show_progress (GlossWindow *self,
                            const char  *message)
{
  gtk_label_set_text (self->progress_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
}

static void
gloss_window_web_failed (GlossWindow  *self,
                         const char   *heading,
                         const GError *error)
{
  self->fetching = FALSE;

  /* Cancelled: the window may be closing and its widgets gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, self->document != NULL ? "article" : "empty");
  gloss_window_update_actions (self);
  gloss_window_show_error (self, heading, error->message);
}

static void
gloss_window_article_saved_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) article = gloss_web_article_save_finish (result, &error);

  if (article == NULL)
    {
      gloss_window_web_failed (self, _("Could Not Save the Article"), error);
      return;
    }

  self->fetching = FALSE;
  gloss_window_open_file (self, article);
}

static void
gloss_window_page_extracted_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;
  GlossWebPage *page = GLOSS_WEB_PAGE (object);
  g_autoptr(GFile) folder = NULL;

  extraction = gloss_web_page_extract_finish (page, result, &error);
  if (extraction == NULL)
    {
      gloss_window_web_failed (self, _("No Article Found"), error);
      return;
    }

  folder = g_object_steal_data (G_OBJECT (page), "gloss-folder");
  gloss_window_show_progress (self, _("Saving the article…"));
  gloss_web_article_save_async (folder, page, extraction, self->cancellable,
                                gloss_window_article_saved_cb, g_object_ref (self));
}

static void
gloss_window_extract_page (GlossWindow  *self,
                           GlossWebPage *page,
                           GFile        *folder)
{
  gloss_window_show_progress (self, _("Finding the story in the page…"));
  g_object_set_data_full (G_OBJECT (page), "gloss-folder", g_object_ref (folder), g_object_unref);
  gloss_web_page_extract_async (page, self->cancellable, gloss_window_page_extracted_cb,
                                g_object_ref (self));
}

static void
gloss_window_page_fetched_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossWebPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  page = gloss_fetcher_fetch_finish (GLOSS_FETCHER (object), result, &error);
  if (page == NULL)
    {
      gloss_window_web_failed (self, _("Could Not Open the Web Article"), error);
      return;
    }

  folder = gloss_window_dup_web_folder (self);
  gloss_window_extract_page (self, page, folder);
}

static void
gloss_window_fetch_progress_cb (goffset  received,
                                goffset  total,
                                gpointer user_data)
{
  GlossWindow *self = user_data;
  g_autofree char *size = g_format_size (received);
  g_autofree char *message = g_strdup_printf (_("Downloading the page… %s"), size);

  gtk_label_set_text (self->progress_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), total > 0);
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) received / (double) total);
}

/**
 * gloss_window_open_url:
 *
 * Fetches the article at @url, saves it in the web folder and opens it.
 */
void
gloss_window_open_url (GlossWindow *self,
                       const char  *url)
{
  g_autoptr(GlossFetcher) fetcher = gloss_fetcher_new ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (!gloss_fetcher_check_url (url, &error))
    {
      gloss_window_show_error (self, _("Not a Web Address"), error->message);
      return;
    }

  gloss_window_restart_work (self);
  self->fetching = TRUE;
  gloss_window_update_actions (self);

  gloss_window_show_progress (self, _("Downloading the page…"));
  gloss_fetcher_fetch_async (fetcher, url, self->cancellable,
                             gloss_window_fetch_progress_cb, g_object_ref (self), g_object_unref,
                             gloss_window_page_fetched_cb, g_object_ref (self));
}

/**
 * gloss_window_open_web_page_file:
 *
 * Extracts the story of a saved web page and opens it as an article
 * saved beside the page.
 */
void
gloss_window_open_web_page_file (GlossWindow *self,
                                 GFile       *file)
{
  g_autoptr(GlossWebPage) page = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  page = gloss_web_page_new_for_file (file, NULL, &error);
  if (page == NULL)
    {
      gloss_window_show_error (self, _("Could Not Open the Web Page"), error->message);
      return;
    }

  gloss_window_restart_work (self);
  self->fetching = TRUE;
  gloss_window_update_actions (self);
  gloss_window_extract_page (self, page, folder);
}

gboolean
gloss_window_is_web_page_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
         g_str_has_suffix (lower, ".xhtml");
}

static void
gloss_window_url_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              GlossWindow      *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "url-entry");
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!g_str_equal (response, "open") || *url == '\0')
    return;

  /* People paste addresses as the location bar shows them. */
  if (strstr (url, "://") == NULL)
    {
      g_autofree char *bare = g_steal_pointer (&url);

      url = g_strconcat ("https://", bare, NULL);
    }

  gloss_window_open_url (self, url);
}

static void
update_folder_button (GtkButton *button,
                      GFile     *folder)
{
  g_autofree char *name = g_file_get_basename (folder);
  g_autofree char *label = g_strdup_printf (_("Save in “%s”"), name);

  gtk_button_set_label (button, label);
}

static void
gloss_window_folder_chosen_cb (GlossWindow     *self,
                               int              response,
                               GtkNativeDialog *chooser)
{
  GtkButton *button = g_object_get_data (G_OBJECT (chooser), "folder-button");
  GSettings *settings = gloss_window_get_settings (self);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* Remembered for the next article from the web. */
      if (settings != NULL && g_file_peek_path (folder) != NULL)
        g_settings_set_string (settings, "web-folder", g_file_peek_path (folder));
      update_folder_button (button, folder);
    }

  gloss_window_drop_chooser (self);
}

static void
gloss_window_choose_web_folder_cb (GtkButton   *button,
                                   GlossWindow *self)
{
  GtkWindow *dialog = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autoptr(GFile) current = gloss_window_dup_web_folder (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Folder for Web Articles"), dialog,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
  g_object_set_data_full (G_OBJECT (chooser), "folder-button", g_object_ref (button), g_object_unref);
  gloss_window_present_chooser (self, chooser, G_CALLBACK (gloss_window_folder_chosen_cb));
}

static GtkWidget *
create_url_form (GlossWindow  *self,
                 GtkWidget   **entry_out)
{
  g_autoptr(GFile) folder = gloss_window_dup_web_folder (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *folder_button = gtk_button_new ();

  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Address of the article"), -1);

  update_folder_button (GTK_BUTTON (folder_button), folder);
  gtk_widget_set_tooltip_text (folder_button, _("Choose where web articles are saved"));
  g_signal_connect_object (folder_button, "clicked", G_CALLBACK (gloss_window_choose_web_folder_cb), self, 0);

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), folder_button);
  *entry_out = entry;
  return box;
}

void
gloss_window_ask_url (GlossWindow *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GtkWidget *form = create_url_form (self, &entry);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Open a Web Article"),
                                                       _("The story is taken from the page and saved as a "
                                                         "text article, with the page beside it.")));
  adw_message_dialog_set_extra_child (dialog, form);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "url-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (gloss_window_url_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
