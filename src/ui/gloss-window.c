/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"
#include "gloss-help-overlay.h"
#include "gloss-preferences-window.h"

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

void
gloss_window_show_error (GlossWindow *self,
                         const char  *heading,
                         const char  *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gloss_window_show_toast (GlossWindow *self,
                         const char  *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* "~/Articles" rather than "/home/ana/Articles", as GNOME apps show it. */
static char *
dup_folder_display_name (GFile *folder)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = g_file_get_relative_path (home, folder);

  if (g_file_equal (folder, home))
    return g_strdup ("~");
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (folder);
}

static void
gloss_window_update_title (GlossWindow *self)
{
  g_autofree char *title = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *folder = NULL;
  const char *name;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Gloss"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Gloss"));
      return;
    }

  name = gloss_source_get_title (gloss_document_get_source (self->document));
  if (name == NULL || *name == '\0')
    name = gloss_document_get_display_name (self->document);
  title = gloss_document_get_modified (self->document) ? g_strconcat ("• ", name, NULL) : g_strdup (name);

  parent = g_file_get_parent (gloss_document_get_file (self->document));
  folder = parent != NULL ? dup_folder_display_name (parent) : NULL;

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
gloss_window_report_sidecar (GlossWindow *self)
{
  const GError *error = gloss_document_get_sidecar_error (self->document);
  const char *reason = gloss_document_get_read_only_reason (self->document);

  if (error != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe annotations file is kept as it is. "
                                                 "Annotations cannot be saved until it is repaired."),
                                               error->message);

      gloss_window_show_error (self, _("Annotations Could Not Be Read"), body);
    }
  else if (reason != NULL)
    gloss_window_show_error (self, _("Opened Read-Only"), reason);
}

static const char *
encoding_display_name (const char *encoding)
{
  return g_str_equal (encoding, "WINDOWS-1252") ? "Windows-1252" : encoding;
}

/* An article that is not Unicode was read in a legacy 8-bit encoding. */
static void
gloss_window_report_encoding (GlossWindow *self)
{
  const char *encoding = gloss_text_file_get_encoding (gloss_document_get_text_file (self->document));
  g_autofree char *message = NULL;

  if (g_str_has_prefix (encoding, "UTF-"))
    return;

  /* TRANSLATORS: %s is a character encoding, such as Windows-1252 */
  message = g_strdup_printf (_("The article is not UTF-8: read as %s, and saved in it"),
                             encoding_display_name (encoding));
  gloss_window_show_toast (self, message);
}

static void
gloss_window_report_anchoring (GlossWindow *self)
{
  const GlossAnchorReport *report = gloss_document_get_load_report (self->document);
  g_autofree char *message = NULL;
  guint placed;
  guint orphaned;

  if (report == NULL || !report->text_changed)
    return;

  placed = report->counts[GLOSS_ANCHOR_MOVED] + report->counts[GLOSS_ANCHOR_FUZZY];
  orphaned = report->counts[GLOSS_ANCHOR_ORPHANED];
  if (orphaned > 0)
    message = g_strdup_printf (ngettext ("The text changed: %u annotation was placed again, %u is detached",
                                         "The text changed: %u annotations were placed again, %u are detached",
                                         placed),
                               placed, orphaned);
  else
    message = g_strdup_printf (ngettext ("The text changed: %u annotation was placed again",
                                         "The text changed: %u annotations were placed again",
                                         placed),
                               placed);
  gloss_window_show_toast (self, message);
}

/* The window listens to whichever document it shows: switching the
 * groups' targets leaves nothing connected to the previous one. */
static void
gloss_window_setup_document_signals (GlossWindow *self)
{
  self->document_signals = g_signal_group_new (GLOSS_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::modified",
                                 G_CALLBACK (gloss_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::modified",
                                 G_CALLBACK (gloss_window_schedule_draft), self, G_CONNECT_SWAPPED);

  /* Every step recorded, undone or redone changes what a draft holds. */
  self->history_signals = g_signal_group_new (GLOSS_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::undo-label",
                                 G_CALLBACK (gloss_window_schedule_draft), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify",
                                 G_CALLBACK (gloss_window_update_actions), self, G_CONNECT_SWAPPED);

  self->label_signals = g_signal_group_new (GLOSS_TYPE_LABEL_SET);
  g_signal_group_connect_object (self->label_signals, "items-changed",
                                 G_CALLBACK (gloss_window_update_context_menu), self, G_CONNECT_SWAPPED);

  self->buffer_signals = g_signal_group_new (GLOSS_TYPE_DOCUMENT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "changed",
                                 G_CALLBACK (gloss_window_schedule_draft), self, G_CONNECT_SWAPPED);
}

static void
gloss_window_target_document_signals (GlossWindow *self)
{
  g_signal_group_set_target (self->document_signals, self->document);
  g_signal_group_set_target (self->history_signals, gloss_document_get_history (self->document));
  g_signal_group_set_target (self->label_signals, gloss_document_get_labels (self->document));
  g_signal_group_set_target (self->buffer_signals, self->buffer);
}

void
gloss_window_set_document (GlossWindow   *self,
                           GlossDocument *document)
{
  g_autoptr(GlossDocumentBuffer) buffer = gloss_document_buffer_new (document);

  gloss_window_close_tag_popover (self);
  g_set_object (&self->document, document);
  g_set_object (&self->buffer, buffer);
  gloss_window_target_document_signals (self);

  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->article_view), GTK_TEXT_BUFFER (buffer));
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->article_view),
                              !gloss_document_get_read_only (document));
  g_clear_object (&self->search_context);
  self->search_context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), NULL);
  gloss_window_update_style_scheme (self);

  gloss_window_setup_document_panel (self);
  gloss_window_watch_files (self);
  gloss_tag_popover_set_document (self->tag_popover, document);
  gloss_window_update_context_menu (self);

  gloss_window_update_title (self);
  gloss_window_update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "article");
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

GSettings *
gloss_window_get_settings (GlossWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return GLOSS_IS_APPLICATION (app) ? gloss_application_get_settings (GLOSS_APPLICATION (app)) : NULL;
}

/* A new article starts with the entity types of the preferences; one
 * with annotations keeps the types its sidecar lists. */
static void
gloss_window_apply_preferences (GlossWindow   *self,
                                GlossDocument *document)
{
  GSettings *settings = gloss_window_get_settings (self);
  g_autofree char *author = NULL;

  if (settings == NULL)
    {
      gloss_document_set_author (document, g_get_real_name ());
      return;
    }

  author = gloss_preferences_dup_author_name (settings);
  gloss_document_set_author (document, author);

  if (!g_file_query_exists (gloss_document_get_sidecar_file (document), NULL))
    {
      g_autoptr(GlossLabelSet) types = gloss_preferences_dup_entity_types (settings);
      GlossLabelSet *labels = gloss_document_get_labels (document);

      while (g_list_model_get_n_items (G_LIST_MODEL (labels)) > 0)
        gloss_label_set_remove (labels, gloss_label_get_id (gloss_label_set_get_label (labels, 0)));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (types)); i++)
        gloss_label_set_append (labels, gloss_label_set_get_label (types, i));
    }
}

static void
gloss_window_load_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  document = gloss_document_load_finish (result, &error);

  /* A cancelled load was replaced by another, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->loading_file);
  gtk_spinner_stop (self->spinner);

  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      gtk_stack_set_visible_child_name (self->stack, self->document != NULL ? "article" : "empty");
      gloss_window_show_error (self, heading, error->message);
      return;
    }

  gloss_window_show_loaded (self, document);
  gloss_window_remember_recent (self, gloss_document_get_file (document));
}

/**
 * gloss_window_show_loaded:
 * @document: a document just read from disk
 *
 * Shows @document in place of the window's, and tells the user what
 * reading it found.
 */
void
gloss_window_show_loaded (GlossWindow   *self,
                          GlossDocument *document)
{
  gloss_window_apply_preferences (self, document);
  gloss_window_set_document (self, document);
  gloss_window_report_sidecar (self);
  gloss_window_report_encoding (self);
  gloss_window_report_anchoring (self);
  gloss_window_offer_draft (self);
}

/**
 * gloss_window_restart_work:
 *
 * Cancels whatever the window was loading, fetching or saving, and gives
 * the next piece of work a fresh cancellable.
 */
void
gloss_window_restart_work (GlossWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/**
 * gloss_window_open_file:
 * @file: the article to show
 *
 * Loads @file and its annotations in the background and shows them;
 * failures are shown to the user in a dialog.
 */
void
gloss_window_open_file (GlossWindow *self,
                        GFile       *file)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Unsaved work is never replaced: another window takes the article. */
  if (self->document != NULL && gloss_document_get_modified (self->document))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      GlossWindow *other = gloss_window_new (GLOSS_IS_APPLICATION (app) ? GLOSS_APPLICATION (app) : NULL);

      gtk_window_present (GTK_WINDOW (other));
      gloss_window_open_file (other, file);
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "article");
      return;
    }

  if (gloss_window_is_web_page_file (file))
    {
      gloss_window_open_web_page_file (self, file);
      return;
    }

  gloss_window_restart_work (self);
  g_set_object (&self->loading_file, file);
  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_text (self->progress_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  gloss_document_load_async (file, self->cancellable, gloss_window_load_cb, g_object_ref (self));
}

static void
gloss_window_save_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GlossTextFile *text_file = gloss_document_get_text_file (GLOSS_DOCUMENT (object));

  self->saving = FALSE;
  gloss_window_update_actions (self);

  if (!gloss_document_save_finish (GLOSS_DOCUMENT (object), result, &error))
    {
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gloss_window_show_error (self, _("Could Not Save"), error->message);
      return;
    }

  gloss_window_discard_draft (self);
  if (self->close_after_save)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* The encoding names are constants: a change is a change of pointer. */
  if (gloss_text_file_get_encoding (text_file) != self->encoding_before_save)
    {
      g_autofree char *message = g_strdup_printf (_("Saved in UTF-8: %s cannot hold the new text"),
                                                  encoding_display_name (self->encoding_before_save));

      gloss_window_show_toast (self, message);
    }
  else
    gloss_window_show_toast (self, _("Saved"));
}

/**
 * gloss_window_save:
 *
 * Saves the article, if its text changed, and its annotations.
 */
void
gloss_window_save (GlossWindow *self)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));

  /* A reload under way is about to replace what would be saved. */
  if (self->document == NULL || self->saving || self->reloading)
    return;

  /* A note typed in the claim editor a moment ago is part of the save. */
  gloss_side_panel_commit_edits (self->side_panel);
  gloss_document_buffer_sync (self->buffer);
  self->saving = TRUE;
  self->encoding_before_save = gloss_text_file_get_encoding (gloss_document_get_text_file (self->document));
  gloss_window_update_actions (self);
  gloss_document_save_async (self->document, self->cancellable,
                             gloss_window_save_cb, g_object_ref (self));
}

gboolean
gloss_window_is_busy (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->loading_file != NULL || self->saving || self->fetching || self->reloading;
}

/**
 * gloss_window_present_chooser:
 * @chooser: (transfer full): a file chooser for this window
 * @response_cb: its "response" handler, called with the window first
 *
 * Shows @chooser, which the window keeps until gloss_window_drop_chooser()
 * or until the window goes, whichever comes first.
 */
void
gloss_window_present_chooser (GlossWindow          *self,
                              GtkFileChooserNative *chooser,
                              GCallback             response_cb)
{
  gloss_window_drop_chooser (self);
  self->chooser = chooser;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
gloss_window_drop_chooser (GlossWindow *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  if (chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

static void
gloss_window_chooser_response_cb (GlossWindow     *self,
                                  int              response,
                                  GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gloss_window_open_file (self, file);
    }

  gloss_window_drop_chooser (self);
}

void
gloss_window_choose_file (GlossWindow *self)
{
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (articles, _("Articles"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Open Article"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gloss_window_present_chooser (self, chooser, G_CALLBACK (gloss_window_chooser_response_cb));
}

static gboolean
gloss_window_drop_cb (GlossWindow   *self,
                      const GValue  *value,
                      double         x,
                      double         y,
                      GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  gloss_window_open_file (self, files->data);
  return TRUE;
}

static void
gloss_window_setup_drop_target (GlossWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (gloss_window_drop_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
gloss_window_update_style_scheme (GlossWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));

  if (GTK_SOURCE_IS_BUFFER (buffer))
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer),
                                        gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
gloss_window_bind_settings (GlossWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (!GLOSS_IS_APPLICATION (app))
    return;

  settings = gloss_application_get_settings (GLOSS_APPLICATION (app));
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
gloss_window_close_response_cb (GlossWindow      *self,
                                 const char       *response,
                                 AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    {
      gloss_window_discard_draft (self);
      g_clear_object (&self->document);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gloss_window_save (self);
    }
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->buffer != NULL)
    gloss_document_buffer_sync (self->buffer);

  if (self->document == NULL || !gloss_document_get_modified (self->document))
    {
      /* Nothing of a closed window may go on loading or writing files. */
      g_cancellable_cancel (self->cancellable);
      return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog, _("“%s” has unsaved changes. Changes that are not saved are lost."),
                                  gloss_document_get_display_name (self->document));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (gloss_window_close_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  /* Nothing the window listens to may call it back while it goes. */
  g_clear_object (&self->document_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->label_signals);
  g_clear_object (&self->buffer_signals);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gloss_window_unwatch_files (self);
  gloss_window_drop_chooser (self);
  gloss_window_close_tag_popover (self);
  g_clear_object (&self->loading_file);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_object (&self->drafts);
  g_clear_object (&self->search_context);
  g_clear_object (&self->buffer);
  g_clear_object (&self->document);
  if (self->tag_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->tag_popover));
  self->tag_popover = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  window_class->close_request = gloss_window_close_request;

  g_type_ensure (GLOSS_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/glossapp/Gloss/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, change_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, change_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, panel_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_menu);

  gloss_window_class_add_actions (widget_class);
}

static void
gloss_window_init (GlossWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gloss_window_update_style_scheme),
                           self, G_CONNECT_SWAPPED);

  self->drafts = gloss_draft_store_new ();
  gloss_window_setup_document_signals (self);
  gloss_window_setup_tag_popover (self);

  gloss_window_setup_drop_target (self);
  gloss_window_add_capture_shortcuts (self);
  gloss_window_setup_search (self);
  gloss_window_setup_monitor (self);
  gloss_window_setup_panel (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gloss_window_update_recent_menu (self);
  gloss_window_update_actions (self);
}

GlossWindow *
gloss_window_new (GlossApplication *application)
{
  GlossWindow *self = g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);
  GtkShortcutsWindow *overlay;

  /* The application is set after construction, so settings and the
   * application's shortcuts window are reached here. */
  gloss_window_bind_settings (self);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  if (overlay != NULL)
    gloss_help_overlay_list_bindings (overlay, GTK_WIDGET (self));
  return self;
}

GlossDocument *
gloss_window_get_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->document;
}

GtkTextBuffer *
gloss_window_get_buffer (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
}

/**
 * gloss_window_get_visible_page:
 *
 * Returns: which page the window shows: "empty", "loading" or "article"
 */
const char *
gloss_window_get_visible_page (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
