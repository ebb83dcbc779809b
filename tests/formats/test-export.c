/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "formats-test-util.h"

typedef struct
{
  const char *format;
  const char *file;
  const char *golden;
  gboolean    utf16;
  const char *review_url;
  guint       n_warnings;
} GoldenCase;

/* Goldens are written by hand-checked runs: GLOSS_UPDATE_GOLDEN=1 rewrites
 * them, and a diff shows what changed. */
static void
compare_golden (const char *actual,
                const char *golden)
{
  g_autofree char *path = test_data_path (golden);
  g_autofree char *expected = NULL;

  if (g_getenv ("GLOSS_UPDATE_GOLDEN") != NULL)
    test_write (path, actual);

  expected = test_read (path);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  g_autoptr(GlossDocument) document = test_load_fixture ();
  g_autoptr(GlossExport) export = NULL;
  GlossFormatOptions options = { c->utf16, c->review_url, NULL };
  g_autofree char *actual = test_export_string (document, c->format, c->file, &options, &export);

  compare_golden (actual, c->golden);
  g_assert_cmpuint (export->warnings->len, ==, c->n_warnings);
}

static const GoldenCase golden_cases[] = {
  { "csv", "article.csv", "golden/article.csv", FALSE, NULL, 0 },
  { "w3c", "article.jsonld", "golden/article.jsonld", FALSE, NULL, 0 },
  { "brat", "article.ann", "golden/article.ann", FALSE, NULL, 1 },
  { "doccano", "article.jsonl", "golden/article.jsonl", FALSE, NULL, 1 },
  { "doccano", "article.jsonl", "golden/article.utf16.jsonl", TRUE, NULL, 1 },
  { "claimreview", "article.claimreview.jsonld", "golden/article.claimreview.jsonld", FALSE,
    "https://factcheck.example.org/night-ferry", 0 },
  { "report", "article.md", "golden/article.md", FALSE, NULL, 0 },
  { "html", "article.html", "golden/article.html", FALSE, NULL, 0 },
};

/* brat's text file is the article's text, byte for byte. */
static void
test_brat_text (void)
{
  g_autoptr(GlossDocument) document = test_load_fixture ();
  g_autofree char *article = test_data_path ("article.txt");
  g_autofree char *expected = test_read (article);
  g_autofree char *text = test_export_string (document, "brat", "article.txt", NULL, NULL);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_export_warnings (void)
{
  g_autoptr(GlossDocument) document = test_load_fixture ();
  g_autoptr(GlossExport) export = NULL;
  g_autofree char *ann = test_export_string (document, "brat", "article.ann", NULL, &export);

  g_assert_true (export->folder);
  g_assert_cmpuint (export->files->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (export->warnings, 0), "n0000005"));
  g_assert_null (strstr (ann, "Zebra"));
}

static void
test_claimreview_needs_url (void)
{
  g_autoptr(GlossDocument) document = test_load_fixture ();
  g_autoptr(GlossExport) export = NULL;
  g_autofree char *json = test_export_string (document, "claimreview", NULL, NULL, &export);

  g_assert_null (strstr (json, "\"url\": \"https://factcheck"));
  g_assert_cmpuint (export->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (export->warnings, 0), "url"));
}

static void
test_registry (void)
{
  g_autoptr(GError) error = NULL;
  const char *importable[] = { "brat", "doccano", "w3c", NULL };
  const GlossFormat *formats;
  guint n;

  formats = gloss_format_get_all (&n);
  g_assert_cmpuint (n, ==, 7);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (gloss_format_lookup (formats[i].name, NULL) == &formats[i]);
      g_assert_true (gloss_format_can_export (&formats[i]));
      g_assert_cmpint (gloss_format_can_import (&formats[i]), ==,
                       g_strv_contains (importable, formats[i].name));
    }

  g_assert_null (gloss_format_lookup ("docx", &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "claimreview"));
}

static void
test_import_unsupported (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *article = test_data_path ("article.txt");
  g_autoptr(GlossImport) import = test_import ("csv", article, NULL, NULL, &error);

  g_assert_null (import);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_NOT_SUPPORTED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/formats/export/golden/%s%s",
                                               golden_cases[i].format,
                                               golden_cases[i].utf16 ? "-utf16" : "");

      g_test_add_data_func (path, &golden_cases[i], test_golden);
    }
  g_test_add_func ("/gloss/formats/export/brat-text", test_brat_text);
  g_test_add_func ("/gloss/formats/export/warnings", test_export_warnings);
  g_test_add_func ("/gloss/formats/export/claimreview-url", test_claimreview_needs_url);
  g_test_add_func ("/gloss/formats/registry", test_registry);
  g_test_add_func ("/gloss/formats/import/unsupported", test_import_unsupported);

  return g_test_run ();
}
