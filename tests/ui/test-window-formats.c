/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ui-test-util.h"

/* Export and import from the window, on the article as it is on screen. */

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

static void
tag_person (Fixture *fixture,
            int      start,
            int      end)
{
  ui_test_select_range (fixture->window, start, end);
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
