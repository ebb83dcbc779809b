/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "formats-test-util.h"

/* Fixtures of this layer, under tests/data/formats. */
char *
test_data_path (const char *name)
{
  const char *data = g_getenv ("GLOSS_TEST_DATA");

  g_assert_nonnull (data);
  return g_build_filename (data, "formats", name, NULL);
}

/* The reference files beside the project. Missing, they skip the test,
 * except in CI, where they must be there. */
char *
test_shared_path (const char *name)
{
  const char *dir = g_getenv ("GLOSS_SHARED_FORMATS");
  char *path;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return path;

  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("The shared reference files are missing in CI: %s", dir);
  g_test_skip_printf ("no shared reference files at %s", dir);
  g_free (path);
  return NULL;
}

char *
test_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

void
test_write (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

void
test_copy (const char *from,
           const char *to)
{
  g_autofree char *contents = test_read (from);

  test_write (to, contents);
}

GlossDocument *
test_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The project's own article: every kind of annotation, hostile text, a
 * character past U+FFFF and an orphaned note. */
GlossDocument *
test_load_fixture (void)
{
  g_autofree char *path = test_data_path ("article.txt");

  return test_load (path);
}

char *
test_export_string (GlossDocument             *document,
                    const char                *format_name,
                    const char                *file,
                    const GlossFormatOptions  *options,
                    GlossExport              **export_out)
{
  g_autoptr(GError) error = NULL;
  const GlossFormat *format = gloss_format_lookup (format_name, &error);
  g_autoptr(GlossExport) export = NULL;
  GBytes *bytes;
  char *result;

  g_assert_no_error (error);
  export = gloss_format_export (format, document, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (export);

  bytes = gloss_export_get_bytes (export, file);
  g_assert_nonnull (bytes);
  result = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (strlen (result), ==, g_bytes_get_size (bytes));
  if (export_out != NULL)
    *export_out = g_steal_pointer (&export);

  return result;
}

GlossImport *
test_import (const char                *format_name,
             const char                *input,
             const char                *target,
             const GlossFormatOptions  *options,
             GError                   **error)
{
  const GlossFormat *format = gloss_format_lookup (format_name, NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFile) target_file = target != NULL ? g_file_new_for_path (target) : NULL;

  g_assert_nonnull (format);
  return gloss_format_import (format, input_file, target_file, options, NULL, error);
}

static int
name_compare (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The names in a folder, sorted. */
char **
test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, name_compare);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* An import refused with @code and a message that starts with @where
 * ("file:line: …"). */
void
test_assert_refused (const GError *error,
                     int           code,
                     const char   *where)
{
  g_assert_error (error, GLOSS_FORMAT_ERROR, code);
  if (!g_str_has_prefix (error->message, where))
    g_error ("“%s” does not start with “%s”", error->message, where);
}
