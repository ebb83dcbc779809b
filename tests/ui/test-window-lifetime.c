/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "gloss-window-private.h"
#include "ui-test-util.h"

/* What the window holds on to: the document it shows, and the file
 * choosers it opens, go when it moves on or closes. */

static const char article_text[] =
  "Mayor Ilse Brandt opened the bridge on Monday.\n";

typedef UiTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ui_test_window_set_up (fixture, "bridge.txt", article_text);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_window_tear_down (fixture);
}

/* How many of @instance's signal handlers call back into @data. */
static guint
count_handlers (gpointer instance,
                gpointer data)
{
  guint n = g_signal_handlers_block_matched (instance, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);

  g_signal_handlers_unblock_matched (instance, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  return n;
}

typedef struct
{
  guint on_document;
  guint on_history;
  guint on_labels;
} Handlers;

static void
count_window_handlers (GlossWindow   *window,
                       GlossDocument *document,
                       Handlers      *handlers)
{
  handlers->on_document = count_handlers (document, window);
  handlers->on_history = count_handlers (gloss_document_get_history (document), window);
  handlers->on_labels = count_handlers (gloss_document_get_labels (document), window);
}

static void
import_brat (Fixture    *fixture,
             const char *line)
{
  g_autofree char *path = g_build_filename (fixture->folder, "bridge.ann", NULL);
  g_autoptr(GFile) ann = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, line, -1, NULL));
  g_assert_true (gloss_window_import_file (fixture->window, ann, &error));
  g_assert_no_error (error);
}

static void
test_window_import_connects_once (Fixture       *fixture,
                                  gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (fixture->window);
  Handlers first, now;

  count_window_handlers (fixture->window, document, &first);
  g_assert_cmpuint (first.on_document, >, 0);
  g_assert_cmpuint (first.on_history, >, 0);
  g_assert_cmpuint (first.on_labels, >, 0);

  /* Each import shows the same document again. */
  import_brat (fixture, "T1\tDate 39 45\tMonday\n");
  import_brat (fixture, "T1\tPerson 6 17\tIlse Brandt\n");
  import_brat (fixture, "T1\tPerson 11 17\tBrandt\n");
  g_assert_true (gloss_window_get_document (fixture->window) == document);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 3);

  count_window_handlers (fixture->window, document, &now);
  g_assert_cmpuint (now.on_document, ==, first.on_document);
  g_assert_cmpuint (now.on_history, ==, first.on_history);
  g_assert_cmpuint (now.on_labels, ==, first.on_labels);
}

static void
reload_changed_article (Fixture *fixture,
                        guint    round)
{
  g_autofree char *text = g_strdup_printf ("Update %u: %s", round, article_text);

  g_assert_true (g_file_set_contents (g_file_peek_path (fixture->article), text, -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload", NULL));
  ui_test_wait_until_idle (fixture->window);
}

static void
test_window_reload_lets_go_of_old_document (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(GlossDocument) old = g_object_ref (gloss_window_get_document (fixture->window));
  GtkWidget *popover = ui_test_find_widget (GTK_WIDGET (fixture->window), GLOSS_TYPE_TAG_POPOVER);
  GlossDocument *current;
  Handlers first, left, now;

  g_assert_nonnull (popover);
  count_window_handlers (fixture->window, old, &first);
  for (guint round = 1; round <= 3; round++)
    reload_changed_article (fixture, round);

  current = gloss_window_get_document (fixture->window);
  g_assert_false (current == old);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (current), "Update 3: Mayor"));

  /* Nothing of the window or its popover listens to the old document. */
  count_window_handlers (fixture->window, old, &left);
  g_assert_cmpuint (left.on_document, ==, 0);
  g_assert_cmpuint (left.on_history, ==, 0);
  g_assert_cmpuint (left.on_labels, ==, 0);
  g_assert_cmpuint (count_handlers (gloss_document_get_labels (old), popover), ==, 0);

  /* and the document shown is listened to once. */
  count_window_handlers (fixture->window, current, &now);
  g_assert_cmpuint (now.on_document, ==, first.on_document);
  g_assert_cmpuint (now.on_history, ==, first.on_history);
  g_assert_cmpuint (now.on_labels, ==, first.on_labels);
}

/* The URL dialog's own chooser, for the folder web articles go to. */
static void
open_web_folder_chooser (Fixture *fixture)
{
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-url", NULL));
  dialog = ui_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  button = ui_test_find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
open_chooser (Fixture    *fixture,
              const char *action)
{
  AdwMessageDialog *dialog;

  if (g_str_equal (action, "win.open-url"))
    {
      open_web_folder_chooser (fixture);
      return;
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  if (!g_str_equal (action, "win.export"))
    return;

  /* Export asks for the format first. */
  dialog = ui_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "export");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
destroy_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = ui_test_find_message_dialog (NULL)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_window_chooser_goes_with_window (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkFileChooserNative *chooser;

  open_chooser (fixture, data);
  ui_test_drain ();
  chooser = fixture->window->chooser;
  g_assert_nonnull (chooser);
  g_assert_true (gtk_native_dialog_get_visible (GTK_NATIVE_DIALOG (chooser)));
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);

  /* The window closes while the chooser still waits for an answer. */
  ui_test_close_window (fixture->window);
  fixture->window = NULL;
  destroy_dialogs ();
  ui_test_drain ();

  g_assert_null (chooser);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

#define ADD(path, data, func) \
  g_test_add ("/gloss/ui/window-lifetime/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("import-connects-once", NULL, test_window_import_connects_once);
  ADD ("reload-lets-go-of-old-document", NULL, test_window_reload_lets_go_of_old_document);
  ADD ("open-chooser-goes-with-window", "win.open", test_window_chooser_goes_with_window);
  ADD ("export-chooser-goes-with-window", "win.export", test_window_chooser_goes_with_window);
  ADD ("import-chooser-goes-with-window", "win.import", test_window_chooser_goes_with_window);
  ADD ("web-folder-chooser-goes-with-window", "win.open-url", test_window_chooser_goes_with_window);

#undef ADD

  return g_test_run ();
}
