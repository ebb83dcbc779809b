/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "gloss-web.h"

/* Pages built to break the extractor, each of which the fuzzer or a
 * reading of the code found: the article still comes out, as valid UTF-8,
 * in bounded time, without a warning. */

static const char *paragraph =
  "<p>The ferry board met on Friday, and Captain Rhea Stone spoke first about the pier, "
  "which has been closed since the storm of last winter and will reopen in 2027.</p>";

static GlossExtraction *
extract (const char *head,
         const char *charset,
         gsize       size)
{
  g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body><article>%s%s</article>"
                                           "</body></html>", head, paragraph, paragraph);
  g_autoptr(GBytes) body = g_bytes_new (html, size > 0 ? size : strlen (html));
  g_autoptr(GlossWebPage) page = gloss_web_page_new ("https://news.example.org/ferry",
                                                     "text/html", charset, body);
  g_autoptr(GError) error = NULL;
  GlossExtraction *extraction = gloss_web_page_extract (page, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (gloss_extraction_get_text (extraction), "Captain Rhea Stone"));
  return extraction;
}

static GlossExtraction *
extract_json_ld (const char *json)
{
  g_autofree char *head = g_strdup_printf ("<script type=\"application/ld+json\">%s</script>", json);

  return extract (head, NULL, 0);
}

/* json-glib recurses once per level: 300,000 brackets overflowed the
 * stack. Such JSON-LD is now left unread. */
static void
test_deep_json_ld (void)
{
  g_autofree char *open = g_strnfill (300000, '[');
  g_autofree char *close = g_strnfill (300000, ']');
  g_autofree char *json = g_strconcat (open, close, NULL);
  g_autoptr(GlossExtraction) extraction = extract_json_ld (json);

  g_assert_null (gloss_extraction_get_author (extraction));
}

/* Objects whose @ids point at each other in a circle made the search for
 * a publisher's name loop for ever. */
static void
test_json_ld_id_cycle (void)
{
  g_autoptr(GlossExtraction) extraction = extract_json_ld (
    "{\"@graph\": [{\"@type\": \"NewsArticle\", \"headline\": \"Pier to reopen\","
    " \"publisher\": {\"@id\": \"#a\"}},"
    " {\"@id\": \"#a\", \"name\": {\"@id\": \"#b\"}}, {\"@id\": \"#b\", \"name\": {\"@id\": \"#a\"}}]}");

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Pier to reopen");
  g_assert_null (gloss_extraction_get_publisher (extraction));
}

/* Members of an unexpected type: json-glib's getters warned (and the
 * tests make warnings fatal). */
static void
test_json_ld_wrong_types (void)
{
  g_autoptr(GlossExtraction) extraction = extract_json_ld (
    "[{\"@type\": [{}, 7, \"NewsArticle\"], \"@id\": {\"x\": 1}, \"headline\": \"Pier to reopen\","
    "  \"author\": [{\"@id\": []}, {\"name\": 3}, \"Ada Lind\"], \"publisher\": {\"@id\": {}}}]");

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Pier to reopen");
  g_assert_cmpstr (gloss_extraction_get_author (extraction), ==, "Ada Lind");
}

/* json-glib reads a lone surrogate escape as bytes that are not UTF-8;
 * a title made of them would make the sidecar unreadable. */
static void
test_json_ld_lone_surrogate (void)
{
  g_autoptr(GlossExtraction) extraction = extract_json_ld (
    "{\"@type\": \"NewsArticle\", \"headline\": \"Pier \\ud800x reopens\","
    " \"author\": {\"name\": \"Ada \\udc00Lind\"}}");
  const char *title = gloss_extraction_get_title (extraction);

  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_true (g_str_has_prefix (title, "Pier \xef\xbf\xbd"));
  g_assert_true (g_utf8_validate (gloss_extraction_get_author (extraction), -1, NULL));
}

/* A high surrogate followed by an escape that is not its low half made
 * json-glib leak (found by the sanitizer run). The half becomes U+FFFD. */
static void
test_json_ld_broken_pair (void)
{
  g_autoptr(GlossExtraction) extraction = extract (
    "<title>Pier to reopen</title><script type=\"application/ld+json\">"
    "{\"@type\": \"NewsArticle\", \"headline\": \"Pier \\ud83d\\u0041\"}</script>", NULL, 0);

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Pier \xef\xbf\xbd" "A");
}

/* Found by fuzz-html: an unclosed script element took the rest of the
 * page into its JSON, where json-glib leaked. JSON-LD is now read by
 * Gloss's own reader; this is not JSON, and the page's title stands. */
static void
test_json_ld_runaway_script (void)
{
  g_autoptr(GlossExtraction) extraction = extract (
    "<title>Pier to reopen</title><script type=\"application/ld+json\">"
    "{\"@type\": [{}], \"headline\": \"x\"}</scripttype\":\"NewsArticle\",\"headline\":\"A\","
    "\"author\":[{\"name\":\"X\"},\"Y\"+json\">{\"@graph\":[{\"@type\":\"WebPage\"}]}</script>", NULL, 0);

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Pier to reopen");
}

/* Line breaks inside strings, which JSON forbids and pages write. */
static void
test_json_ld_raw_line_break (void)
{
  g_autoptr(GlossExtraction) extraction = extract_json_ld (
    "{\"@type\": \"NewsArticle\", \"headline\": \"Pier\nto reopen\", \"author\": \"Ada Lind\"}");

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Pier to reopen");
  g_assert_cmpstr (gloss_extraction_get_author (extraction), ==, "Ada Lind");
}

/* A page that says it is UTF-8 and is not: glibc's iconv let through the
 * 5- and 6-byte forms UTF-8 no longer has. */
static void
test_false_utf8 (void)
{
  static const char *bytes[] = { "\xfd\xb9\xb9\xb9\xb9\xb9", "\xf8\x88\x80\x80\x80", "\xc0\xaf",
                                 "\xed\xa0\x80" };

  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    {
      g_autofree char *head = g_strdup_printf ("<meta charset=\"utf-8\"><title>A %s B</title>",
                                               bytes[i]);
      g_autoptr(GlossExtraction) extraction = NULL;
      const char *title;

      extraction = extract (head, NULL, 0);
      title = gloss_extraction_get_title (extraction);
      g_assert_true (g_utf8_validate (gloss_extraction_get_text (extraction), -1, NULL));
      g_assert_true (g_utf8_validate (title, -1, NULL));
      g_assert_true (g_str_has_prefix (title, "A \xef\xbf\xbd"));
      g_assert_true (g_str_has_suffix (title, "\xef\xbf\xbd B"));
    }
}

/* A line break in a meta element's Content-Type made libsoup refuse the
 * value with a critical warning. The charset after it is still read. */
static void
test_meta_content_type_line_break (void)
{
  g_autoptr(GlossExtraction) extraction =
    extract ("<meta http-equiv=\"Content-Type\" content=\"text/html;\n charset=windows-1252\">"
             "<title>Caf\xe9 owners</title>", NULL, 0);

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Caf\xc3\xa9 owners");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/web/bad-input/json-ld/deep", test_deep_json_ld);
  g_test_add_func ("/gloss/web/bad-input/json-ld/id-cycle", test_json_ld_id_cycle);
  g_test_add_func ("/gloss/web/bad-input/json-ld/wrong-types", test_json_ld_wrong_types);
  g_test_add_func ("/gloss/web/bad-input/json-ld/lone-surrogate", test_json_ld_lone_surrogate);
  g_test_add_func ("/gloss/web/bad-input/json-ld/broken-pair", test_json_ld_broken_pair);
  g_test_add_func ("/gloss/web/bad-input/json-ld/runaway-script", test_json_ld_runaway_script);
  g_test_add_func ("/gloss/web/bad-input/json-ld/raw-line-break", test_json_ld_raw_line_break);
  g_test_add_func ("/gloss/web/bad-input/false-utf8", test_false_utf8);
  g_test_add_func ("/gloss/web/bad-input/meta-content-type-line-break",
                   test_meta_content_type_line_break);

  return g_test_run ();
}
