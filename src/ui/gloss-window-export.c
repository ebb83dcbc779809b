/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-formats.h"
#include "gloss-window-private.h"

/* Export… and Import…: the formats of src/formats, reached from the
 * window. An export asks for the format, then where to write; an import
 * asks for the file and takes its format from the file's extension. */

typedef struct
{
  const GlossFormat *format;
  gboolean           utf16_offsets;
  char              *review_url;
} ExportRequest;

static void
export_request_free (gpointer data)
{
  ExportRequest *request = data;

  g_free (request->review_url);
  g_free (request);
}

static GPtrArray *
list_formats (gboolean exporting)
{
  GPtrArray *formats = g_ptr_array_new ();
  guint n_formats;
  const GlossFormat *all = gloss_format_get_all (&n_formats);

  for (guint i = 0; i < n_formats; i++)
    if (exporting ? gloss_format_can_export (&all[i]) : gloss_format_can_import (&all[i]))
      g_ptr_array_add (formats, (gpointer) &all[i]);

  return formats;
}

/**
 * gloss_window_export_to_file:
 * @format_name: a format's name, as gloss-cli calls it ("csv")
 * @options: (nullable): its options
 * @target: the file, or folder for formats that write several files
 *
 * Exports the open article's annotations, as they are now.
 */
gboolean
gloss_window_export_to_file (GlossWindow               *self,
                             const char                *format_name,
                             const GlossFormatOptions  *options,
                             GFile                     *target,
                             GError                   **error)
{
  static const GlossFormatOptions defaults = { FALSE, NULL, NULL };
  const GlossFormat *format = gloss_format_lookup (format_name, error);
  GlossExport *export;
  gboolean ok;

  if (format == NULL)
    return FALSE;

  gloss_document_buffer_sync (self->buffer);
  export = gloss_format_export (format, self->document, options != NULL ? options : &defaults, error);
  if (export == NULL)
    return FALSE;

  ok = gloss_export_write (export, target, NULL, error);
  if (ok)
    gloss_window_show_toast (self, export->warnings->len > 0 ? g_ptr_array_index (export->warnings, 0)
                                                             : _("Exported"));
  gloss_export_free (export);
  return ok;
}

static void
gloss_window_write_export (GlossWindow   *self,
                           ExportRequest *request,
                           GFile         *target)
{
  GlossFormatOptions options = { request->utf16_offsets, request->review_url, NULL };
  g_autoptr(GError) error = NULL;

  if (!gloss_window_export_to_file (self, request->format->name, &options, target, &error))
    gloss_window_show_error (self, _("Could Not Export"), error->message);
}

static void
gloss_window_export_chooser_cb (GlossWindow     *self,
                                int              response,
                                GtkNativeDialog *chooser)
{
  ExportRequest *request = g_object_get_data (G_OBJECT (chooser), "request");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gloss_window_write_export (self, request, target);
    }

  gloss_window_drop_chooser (self);
}

static void
gloss_window_choose_export_target (GlossWindow   *self,
                                   ExportRequest *request)
{
  gboolean folder = request->format->extension == NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Annotations"), GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  if (!folder)
    {
      name = g_strconcat (gloss_document_get_display_name (self->document), ".",
                          request->format->extension, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_object_set_data_full (G_OBJECT (chooser), "request", request, export_request_free);
  gloss_window_present_chooser (self, chooser, G_CALLBACK (gloss_window_export_chooser_cb));
}

typedef struct
{
  GPtrArray   *formats;
  GtkDropDown *choice;
  GtkLabel    *description;
  GtkWidget   *utf16;
  GtkWidget   *review_url;
} ExportDialog;

static void
export_dialog_free (gpointer data)
{
  ExportDialog *dialog = data;

  g_ptr_array_unref (dialog->formats);
  g_free (dialog);
}

static const GlossFormat *
export_dialog_get_format (ExportDialog *dialog)
{
  return g_ptr_array_index (dialog->formats, gtk_drop_down_get_selected (dialog->choice));
}

static void
export_dialog_update (ExportDialog *dialog)
{
  const GlossFormat *format = export_dialog_get_format (dialog);

  gtk_label_set_text (dialog->description, _(format->description));
  gtk_widget_set_visible (dialog->utf16, g_str_equal (format->name, "doccano"));
  gtk_widget_set_visible (dialog->review_url, g_str_equal (format->name, "claimreview"));
}

static void
gloss_window_export_response_cb (AdwMessageDialog *message,
                                 const char       *response,
                                 GlossWindow      *self)
{
  ExportDialog *dialog = g_object_get_data (G_OBJECT (message), "export-dialog");
  ExportRequest *request;

  if (!g_str_equal (response, "export"))
    return;

  request = g_new0 (ExportRequest, 1);
  request->format = export_dialog_get_format (dialog);
  request->utf16_offsets = gtk_check_button_get_active (GTK_CHECK_BUTTON (dialog->utf16));
  request->review_url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->review_url))));
  if (*request->review_url == '\0')
    g_clear_pointer (&request->review_url, g_free);

  gloss_window_choose_export_target (self, request);
}

static GtkWidget *
export_dialog_build (ExportDialog *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  for (guint i = 0; i < dialog->formats->len; i++)
    gtk_string_list_append (titles, _(((GlossFormat *) g_ptr_array_index (dialog->formats, i))->title));

  dialog->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (titles)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Format"), -1);
  dialog->description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (dialog->description, TRUE);
  gtk_label_set_xalign (dialog->description, 0);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->description), "dim-label");
  dialog->utf16 = gtk_check_button_new_with_mnemonic (_("Count offsets in _UTF-16 units, as doccano’s browser does"));
  dialog->review_url = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (dialog->review_url), _("Address where the review is published"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->review_url), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Address where the review is published"), -1);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->choice));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->description));
  gtk_box_append (GTK_BOX (box), dialog->utf16);
  gtk_box_append (GTK_BOX (box), dialog->review_url);
  g_signal_connect_swapped (dialog->choice, "notify::selected", G_CALLBACK (export_dialog_update), dialog);
  export_dialog_update (dialog);

  return box;
}

void
gloss_window_ask_export (GlossWindow *self)
{
  ExportDialog *dialog = g_new0 (ExportDialog, 1);
  AdwMessageDialog *message;

  dialog->formats = list_formats (TRUE);
  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export Annotations"),
                                                        _("Choose the format the next tool reads.")));
  adw_message_dialog_set_extra_child (message, export_dialog_build (dialog));
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (message, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "export");
  adw_message_dialog_set_close_response (message, "cancel");
  g_object_set_data_full (G_OBJECT (message), "export-dialog", dialog, export_dialog_free);
  g_signal_connect_object (message, "response", G_CALLBACK (gloss_window_export_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (message));
}

static const GlossFormat *
format_for_import (GFile *file)
{
  g_autoptr(GPtrArray) formats = list_formats (FALSE);
  g_autofree char *name = g_file_get_basename (file);

  for (guint i = 0; i < formats->len; i++)
    {
      const GlossFormat *format = g_ptr_array_index (formats, i);
      g_autofree char *suffix = g_strconcat (".", format->import_extension, NULL);

      if (g_str_has_suffix (name, suffix))
        return format;
    }

  return NULL;
}

/**
 * gloss_window_import_file:
 *
 * Reads @file's annotations into the open article, or, for a collection
 * of articles, saves them as articles beside @file and opens the first.
 */
gboolean
gloss_window_import_file (GlossWindow  *self,
                          GFile        *file,
                          GError      **error)
{
  const GlossFormat *format = format_for_import (file);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  GlossFormatOptions options = { FALSE, NULL, NULL };
  GlossImport *import;
  gboolean whole_articles;
  gboolean ok;

  if (format == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT,
                   _("%s is not a file Gloss can import: use a brat .ann, a doccano .jsonl or a W3C .json file"),
                   g_file_peek_path (file));
      return FALSE;
    }

  whole_articles = format->import_target == GLOSS_IMPORT_TARGET_FOLDER;
  if (!whole_articles)
    {
      gloss_document_buffer_sync (self->buffer);
      text = g_strdup (gloss_document_get_text (self->document));
      options.article_text = text;
    }

  import = gloss_format_import (format, file,
                                whole_articles ? folder : gloss_document_get_file (self->document),
                                &options, NULL, error);
  if (import == NULL)
    return FALSE;

  ok = whole_articles ? gloss_import_save (import, NULL, error)
                      : gloss_import_apply (import, self->document, error);
  if (ok)
    {
      summary = gloss_import_dup_summary (import);
      if (whole_articles && gloss_import_get_n_articles (import) > 0)
        gloss_window_open_file (self, gloss_import_get_article (import, 0));
      else if (!whole_articles)
        gloss_window_set_document (self, self->document);
      gloss_window_show_toast (self, summary);
    }

  gloss_import_free (import);
  return ok;
}

static void
gloss_window_import_chooser_cb (GlossWindow     *self,
                                int              response,
                                GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!gloss_window_import_file (self, file, &error))
        gloss_window_show_error (self, _("Could Not Import"), error->message);
    }

  gloss_window_drop_chooser (self);
}

void
gloss_window_ask_import (GlossWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GPtrArray) formats = list_formats (FALSE);
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Annotations"));
  for (guint i = 0; i < formats->len; i++)
    {
      g_autofree char *pattern = g_strconcat ("*.", ((GlossFormat *) g_ptr_array_index (formats, i))->import_extension, NULL);

      gtk_file_filter_add_pattern (filter, pattern);
    }

  chooser = gtk_file_chooser_native_new (_("Import Annotations"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gloss_window_present_chooser (self, chooser, G_CALLBACK (gloss_window_import_chooser_cb));
}
