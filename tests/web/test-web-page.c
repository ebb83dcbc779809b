/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-web.h"
#include "web-test-util.h"

#include <string.h>

static GlossWebPage *
page_from (const char *content_type,
           const char *charset,
           const char *bytes,
           gssize      len)
{
  g_autoptr(GBytes) body = g_bytes_new (bytes, len < 0 ? strlen (bytes) : (gsize) len);

  return gloss_web_page_new ("https://example.org/page", content_type, charset, body);
}

static void
test_header_charset (void)
{
  /* "Café “Nord”" in Latin-1 as servers send it: 0x93 and 0x94 are the
   * Windows-1252 quotes browsers read ISO-8859-1 as. */
  g_autoptr(GlossWebPage) page = page_from ("text/html", "ISO-8859-1",
                                            "<p>Caf\xe9 \x93Nord\x94</p>", -1);

  g_assert_cmpstr (gloss_web_page_get_text (page), ==, "<p>Café “Nord”</p>");
  g_assert_cmpstr (gloss_web_page_get_charset (page), ==, "WINDOWS-1252");
}

static void
test_meta_charset (void)
{
  g_autoptr(GlossWebPage) page = page_from (
    "text/html", NULL,
    "<html><head><meta charset=\"windows-1252\"><title>Pris</title></head>"
    "<body><p>80 \x80 for sm\xf8rbr\xf8\x64</p></body></html>", -1);

  g_assert_cmpstr (gloss_web_page_get_charset (page), ==, "WINDOWS-1252");
  g_assert_nonnull (strstr (gloss_web_page_get_text (page), "80 € for smørbrød"));
}

static void
test_meta_http_equiv (void)
{
  g_autoptr(GlossWebPage) page = page_from (
    "text/html", NULL,
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"
    "</head><body>5 \xa4</body></html>", -1);

  g_assert_cmpstr (gloss_web_page_get_charset (page), ==, "ISO-8859-15");
  g_assert_nonnull (strstr (gloss_web_page_get_text (page), "5 €"));
}

static void
test_utf8_despite_meta (void)
{
  /* Saved again as UTF-8, still saying Latin-1. */
  g_autoptr(GlossWebPage) page = page_from (
    "text/html", NULL,
    "<meta charset=\"iso-8859-1\"><p>Tromsø</p>", -1);

  g_assert_cmpstr (gloss_web_page_get_charset (page), ==, "UTF-8");
  g_assert_nonnull (strstr (gloss_web_page_get_text (page), "Tromsø"));
}

static void
test_bom (void)
{
  static const char utf16[] = "\xff\xfe<\0p\0>\0\xe6\0<\0/\0p\0>\0";
  g_autoptr(GlossWebPage) page = page_from ("text/html", "ISO-8859-1", utf16, sizeof utf16 - 1);

  g_assert_cmpstr (gloss_web_page_get_charset (page), ==, "UTF-16LE");
  g_assert_cmpstr (gloss_web_page_get_text (page), ==, "<p>æ</p>");
}

static void
test_undefined_bytes (void)
{
  g_autoptr(GlossWebPage) page = page_from ("text/plain", "windows-1252", "a\x81z", -1);
  g_autoptr(GlossWebPage) guessed = page_from ("text/plain", NULL, "caf\xe9", -1);
  g_autoptr(GlossWebPage) unknown = page_from ("text/plain", "x-no-such-charset", "plain", -1);

  g_assert_cmpstr (gloss_web_page_get_text (page), ==, "a\xef\xbf\xbdz");
  g_assert_cmpstr (gloss_web_page_get_text (guessed), ==, "café");
  g_assert_cmpstr (gloss_web_page_get_charset (guessed), ==, "WINDOWS-1252");
  g_assert_cmpstr (gloss_web_page_get_text (unknown), ==, "plain");
}

static GFile *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-web-page-XXXXXX", &error);
  g_autoptr(GFile) text_file = NULL;
  g_autoptr(GFile) html_file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GlossWebPage) text_page = NULL;
  g_autoptr(GlossWebPage) html_page = NULL;
  g_autoptr(GlossExtraction) extraction = NULL;

  g_assert_no_error (error);
  text_file = write_temp (dir, "notice.txt", "Water cut\n\nThe water will be off on Monday.\n");
  html_file = write_temp (dir, "page.html", "<title>T</title><p>x</p>");
  folder = g_file_new_for_path (dir);
  missing = g_file_get_child (folder, "missing.html");

  text_page = gloss_web_page_new_for_file (text_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_web_page_get_is_html (text_page));
  extraction = gloss_web_page_extract (text_page, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Water cut");
  g_assert_cmpstr (gloss_extraction_get_text (extraction), ==, "Water cut\n\nThe water will be off on Monday.\n");
  g_assert_null (gloss_web_page_get_fetched (text_page));

  html_page = gloss_web_page_new_for_file (html_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_web_page_get_is_html (html_page));
  g_assert_true (g_str_has_prefix (gloss_web_page_get_uri (html_page), "file:///"));

  g_assert_null (gloss_web_page_new_for_file (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  test_remove_tree (dir);
}

typedef struct
{
  GlossExtraction *extraction;
  GError          *error;
  gboolean         done;
} ExtractWait;

static void
extracted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ExtractWait *wait = user_data;

  wait->extraction = gloss_web_page_extract_finish (GLOSS_WEB_PAGE (object), result, &wait->error);
  wait->done = TRUE;
}

static void
extract_in_thread (GlossWebPage *page,
                   ExtractWait  *wait)
{
  gloss_web_page_extract_async (page, NULL, extracted_cb, wait);
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_extract_async (void)
{
  g_autofree char *path = web_test_data_path ("json-ld-graph.html");
  g_autofree char *empty_path = web_test_data_path ("no-article.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty_path);
  g_autoptr(GlossWebPage) page = gloss_web_page_new_for_file (file, NULL, NULL);
  g_autoptr(GlossWebPage) empty = gloss_web_page_new_for_file (empty_file, NULL, NULL);
  ExtractWait wait = { NULL, NULL, FALSE };
  ExtractWait empty_wait = { NULL, NULL, FALSE };

  extract_in_thread (page, &wait);
  g_assert_no_error (wait.error);
  g_assert_cmpstr (gloss_extraction_get_author (wait.extraction), ==, "Jonas Ek");
  g_assert_true (g_str_has_prefix (gloss_extraction_get_text (wait.extraction), "For thirty-one years"));
  g_clear_object (&wait.extraction);

  extract_in_thread (empty, &empty_wait);
  g_assert_null (empty_wait.extraction);
  g_assert_error (empty_wait.error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_NO_ARTICLE);
  g_clear_error (&empty_wait.error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/web/page/header-charset", test_header_charset);
  g_test_add_func ("/gloss/web/page/meta-charset", test_meta_charset);
  g_test_add_func ("/gloss/web/page/meta-http-equiv", test_meta_http_equiv);
  g_test_add_func ("/gloss/web/page/utf8-despite-meta", test_utf8_despite_meta);
  g_test_add_func ("/gloss/web/page/bom", test_bom);
  g_test_add_func ("/gloss/web/page/undefined-bytes", test_undefined_bytes);
  g_test_add_func ("/gloss/web/page/file", test_file);
  g_test_add_func ("/gloss/web/page/extract-async", test_extract_async);

  return g_test_run ();
}
