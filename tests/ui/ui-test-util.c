/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-util.h"

/* What the window tests share: articles in temporary folders, windows
 * opened on them, and a few ways to look at what the window shows. */

GFile *
ui_test_write_article (const char *folder,
                       const char *name,
                       const char *text)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

/* Until nothing is loading, fetching or saving, and no event waits. */
void
ui_test_wait_until_idle (GlossWindow *window)
{
  while (gloss_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

GlossWindow *
ui_test_open_window (GFile *article)
{
  GlossWindow *window = gloss_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  gloss_window_open_file (window, article);
  ui_test_wait_until_idle (window);
  return window;
}

/* Drafts and recent files go to a folder of the test's own. */
void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("gloss-ui-data-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

void
ui_test_window_set_up (UiTestWindow *fixture,
                       const char   *name,
                       const char   *text)
{
  fixture->folder = g_dir_make_tmp ("gloss-ui-XXXXXX", NULL);
  fixture->article = ui_test_write_article (fixture->folder, name, text);
  fixture->window = ui_test_open_window (fixture->article);
  g_assert_nonnull (gloss_window_get_document (fixture->window));
}

void
ui_test_window_tear_down (UiTestWindow *fixture)
{
  if (fixture->window != NULL)
    ui_test_close_window (fixture->window);
  fixture->window = NULL;
  ui_test_drain ();
  test_remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_object (&fixture->article);
}

/* Throws unsaved work away so that closing does not ask. */
void
ui_test_close_window (GlossWindow *window)
{
  GlossDocument *document = gloss_window_get_document (window);

  if (document != NULL)
    gloss_history_set_clean (gloss_document_get_history (document));
  gtk_window_destroy (GTK_WINDOW (window));
}

AdwMessageDialog *
ui_test_find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          (parent == NULL || gtk_window_get_transient_for (toplevel) == parent))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

void
ui_test_select_range (GlossWindow *window,
                      int          start,
                      int          end)
{
  GtkTextBuffer *buffer = gloss_window_get_buffer (window);
  GtkTextIter iter_start, iter_end;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter_start, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter_end, end);
  gtk_text_buffer_select_range (buffer, &iter_start, &iter_end);
}

void
ui_test_select_text (GlossWindow *window,
                     const char  *text)
{
  GtkTextBuffer *buffer = gloss_window_get_buffer (window);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
}

char *
ui_test_buffer_text (GlossWindow *window)
{
  GtkTextBuffer *buffer = gloss_window_get_buffer (window);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The first widget of @type at or under @root, popovers included. */
GtkWidget *
ui_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The toast on show: the toast overlay's last child other than its
 * content (one dismissed a moment ago may still be sliding away before
 * it). */
static GtkWidget *
ui_test_find_toast (GlossWindow *window)
{
  GtkWidget *overlay = ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *content;

  g_assert_nonnull (overlay);
  content = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));
  for (GtkWidget *child = gtk_widget_get_last_child (overlay);
       child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    if (child != content)
      return child;

  return NULL;
}

/* The title of the toast on show, or %NULL when there is none. */
const char *
ui_test_toast_title (GlossWindow *window)
{
  GtkWidget *toast = ui_test_find_toast (window);
  GtkWidget *label = toast != NULL ? ui_test_find_widget (toast, GTK_TYPE_LABEL) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Closes the toast on show through its close button, as a user would,
 * so that the next one in the queue shows. */
void
ui_test_dismiss_toast (GlossWindow *window)
{
  GtkWidget *toast = ui_test_find_toast (window);
  GtkWidget *button = toast != NULL ? ui_test_find_widget (toast, GTK_TYPE_BUTTON) : NULL;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_drain ();
}

/* Until no event waits. */
void
ui_test_drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
ui_test_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @milliseconds. */
void
ui_test_run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, ui_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until @condition holds. It fails after thirty
 * seconds, far more than any condition needs, so that a loaded machine
 * (or the sanitizer build) is not taken for a failure. */
void
ui_test_wait_for (UiTestCondition condition,
                  gpointer        fixture,
                  gconstpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, ui_test_timeout_cb, &timed_out);

  while (!condition (fixture, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}
