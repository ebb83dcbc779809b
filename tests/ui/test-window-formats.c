/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-window.h"

/* Export and import from the window, on the article as it is on screen. */

static const char article_text[] =
  "Mayor Ilse Brandt opened the bridge on Monday.\n";

typedef struct
{
  char        *folder;
  GFile       *article;
  GlossWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->folder = g_dir_make_tmp ("gloss-formats-XXXXXX", NULL);
  path = g_build_filename (fixture->folder, "bridge.txt", NULL);
  g_assert_true (g_file_set_contents (path, article_text, -1, NULL));
  fixture->article = g_file_new_for_path (path);

  fixture->window = gloss_window_new (NULL);
  gloss_window_open_file (fixture->window, fixture->article);
  while (gloss_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (gloss_window_get_document (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
  const char *name;

  gloss_history_set_clean (gloss_document_get_history (gloss_window_get_document (fixture->window)));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
  g_object_unref (fixture->article);
}

static void
tag_person (Fixture *fixture,
            int      start,
            int      end)
{
  GtkTextBuffer *buffer = gloss_window_get_buffer (fixture->window);
  GtkTextIter iter_start, iter_end;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter_start, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter_end, end);
  gtk_text_buffer_select_range (buffer, &iter_start, &iter_end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-label", "u", 1));
}

static void
test_window_exports_csv (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "bridge.csv", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  tag_person (fixture, 6, 17);
  g_assert_true (gloss_window_export_to_file (fixture->window, "csv", NULL, target, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "Ilse Brandt"));
  g_assert_nonnull (strstr (csv, ",Person,"));
  g_assert_nonnull (strstr (csv, ",6,17,"));
}

static void
test_window_exports_unknown_format (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "bridge.xyz", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_window_export_to_file (fixture->window, "xyz", NULL, target, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_window_imports_brat (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "bridge.ann", NULL);
  g_autoptr(GFile) ann = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GListModel *annotations;
  g_autoptr(GlossAnnotation) date = NULL;

  tag_person (fixture, 6, 17);
  g_assert_true (g_file_set_contents (path, "T1\tDate 39 45\tMonday\n", -1, NULL));
  g_assert_true (gloss_window_import_file (fixture->window, ann, &error));
  g_assert_no_error (error);

  annotations = gloss_document_get_annotations (gloss_window_get_document (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);
  date = g_list_model_get_item (annotations, 1);
  g_assert_cmpstr (gloss_annotation_get_quote (date), ==, "Monday");
  g_assert_cmpstr (gloss_annotation_get_label (date), ==, "date");
}

static void
test_window_import_refuses_mismatch (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "bridge.ann", NULL);
  g_autoptr(GFile) ann = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GListModel *annotations;

  g_assert_true (g_file_set_contents (path, "T1\tDate 39 45\tTuesday\n", -1, NULL));
  g_assert_false (gloss_window_import_file (fixture->window, ann, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bridge.ann:1"));

  annotations = gloss_document_get_annotations (gloss_window_get_document (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gloss/ui/window-formats/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("exports-csv", test_window_exports_csv);
  ADD ("exports-unknown-format", test_window_exports_unknown_format);
  ADD ("imports-brat", test_window_imports_brat);
  ADD ("import-refuses-mismatch", test_window_import_refuses_mismatch);

#undef ADD

  return g_test_run ();
}
