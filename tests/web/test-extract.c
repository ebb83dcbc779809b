/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-web.h"
#include "web-test-util.h"

#include <string.h>

static GlossExtraction *
extract_fixture (const char *name,
                 const char *base_url,
                 GError    **error)
{
  g_autofree char *path = web_test_data_path (name);
  g_autofree char *html = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &html, &len, NULL));
  return gloss_extract_html (html, len, base_url, error);
}

static void
assert_absent (const char *text,
               const char * const *phrases)
{
  for (guint i = 0; phrases[i] != NULL; i++)
    if (g_strstr_len (text, -1, phrases[i]) != NULL)
      g_error ("“%s” should not be in the text:\n%s", phrases[i], text);
}

/* Paragraphs are separated by exactly one blank line, and no line starts
 * or ends with white space or holds two spaces in a row. */
static void
assert_tidy (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_null (strstr (text, "\n\n\n"));
  g_assert_null (strstr (text, "  "));
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      {
        g_assert_false (g_ascii_isspace (lines[i][0]));
        g_assert_false (g_ascii_isspace (lines[i][strlen (lines[i]) - 1]));
      }
}

static void
test_article_tag (void)
{
  static const char * const junk[] = {
    "Related stories", "Share on Facebook", "Email this story", "16 px", "↺",
    "Comments", "Finally, after all", "All rights reserved", "Weather",
    "analytics", "font-family", "Maria Lund", "advert slot",
    "Harbour council approves", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) extraction =
    extract_fixture ("article-tag.html", "https://coastal.example/news/today", &error);
  const char *text;

  g_assert_no_error (error);
  text = gloss_extraction_get_text (extraction);
  g_assert_true (g_str_has_prefix (text, "The harbour council voted on Tuesday evening"));
  g_assert_true (g_str_has_suffix (text, "applauded when the result was read out."));
  g_assert_nonnull (strstr (text, "lower streets.\n\nHow the barrier will work\n\nThe barrier consists"));
  g_assert_nonnull (strstr (text, "warning.\n\nConstruction starts in the spring of next year.\n"
                                  "The gates will be tested every month.\n"
                                  "Fishing boats keep access at all tides.\n\nThe chair"));
  assert_absent (text, junk);
  assert_tidy (text);

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Harbour council approves new flood barrier");
  g_assert_cmpstr (gloss_extraction_get_author (extraction), ==, "Maria Lund");
  g_assert_cmpstr (gloss_extraction_get_publisher (extraction), ==, "Coastal Herald");
  g_assert_cmpstr (gloss_extraction_get_language (extraction), ==, "en-GB");
  g_assert_null (gloss_extraction_get_published (extraction));
  g_assert_cmpstr (gloss_extraction_get_canonical_url (extraction), ==,
                   "https://coastal.example/news/2024/harbour-flood-barrier");
  g_assert_cmpstr (gloss_extraction_get_description (extraction), ==,
                   "The barrier will close the harbour mouth during storm surges.");
  g_assert_cmpstr (gloss_extraction_get_url (extraction), ==, "https://coastal.example/news/today");
}

static void
test_div_soup (void)
{
  static const char * const junk[] = {
    "Most read", "Mayor opens", "Buy tickets", "I took the bus", "Good news, but",
    "Valley News", "Home", "Privacy", "Rail link to the valley", "Subscribe to read",
    "tailored for readers", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) extraction = extract_fixture ("div-soup.html", NULL, &error);
  const char *text;
  g_auto(GStrv) paragraphs = NULL;

  g_assert_no_error (error);
  text = gloss_extraction_get_text (extraction);
  paragraphs = g_strsplit (text, "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 4);
  g_assert_true (g_str_has_prefix (paragraphs[0], "Trains returned to the valley line"));
  g_assert_true (g_str_has_prefix (paragraphs[3], "The railway company said"));
  assert_absent (text, junk);
  assert_tidy (text);
  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==,
                   "Rail link to the valley reopens after landslide repairs");
  g_assert_null (gloss_extraction_get_author (extraction));
  g_assert_null (gloss_extraction_get_canonical_url (extraction));
}

static void
test_json_ld (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) extraction = extract_fixture ("json-ld.html", NULL, &error);

  g_assert_no_error (error);
  /* JSON-LD wins over Open Graph. */
  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Fishing quotas cut for second year");
  g_assert_cmpstr (gloss_extraction_get_author (extraction), ==, "Ingrid Solberg, Ola & Kari Haugen");
  g_assert_cmpstr (gloss_extraction_get_published (extraction), ==, "2024-03-05T09:30:00+01:00");
  g_assert_cmpstr (gloss_extraction_get_publisher (extraction), ==, "Northern Times");
  g_assert_cmpstr (gloss_extraction_get_language (extraction), ==, "nb");
  g_assert_cmpstr (gloss_extraction_get_canonical_url (extraction), ==, "https://northern.example/fishing-quotas");
  g_assert_cmpstr (gloss_extraction_get_description (extraction), ==,
                   "Cod and haddock quotas fall by a fifth as scientists warn of shrinking stocks.");
  g_assert_true (g_str_has_prefix (gloss_extraction_get_text (extraction),
                                   "The ministry of fisheries announced"));
}

static void
test_json_ld_graph (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) extraction = extract_fixture ("json-ld-graph.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "A lighthouse keeper's last winter");
  g_assert_cmpstr (gloss_extraction_get_author (extraction), ==, "Jonas Ek");
  g_assert_cmpstr (gloss_extraction_get_publisher (extraction), ==, "The Coastline Review");
  g_assert_cmpstr (gloss_extraction_get_published (extraction), ==, "2023-12-18");
  g_assert_cmpstr (gloss_extraction_get_language (extraction), ==, "en-US");
  g_assert_cmpstr (gloss_extraction_get_canonical_url (extraction), ==, "https://coastline.example/lighthouse/");
  g_assert_true (g_str_has_suffix (gloss_extraction_get_text (extraction),
                                   "better at waiting than he ever was."));
}

static void
test_open_graph (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) extraction = extract_fixture ("open-graph.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==,
                   "Marché de Noël : les artisans reviennent sur la place");
  g_assert_cmpstr (gloss_extraction_get_author (extraction), ==, "Claire Dubois");
  g_assert_cmpstr (gloss_extraction_get_published (extraction), ==, "2023-11-20T14:05:00+00:00");
  g_assert_cmpstr (gloss_extraction_get_publisher (extraction), ==, "Le Courrier du Port");
  g_assert_cmpstr (gloss_extraction_get_language (extraction), ==, "fr-FR");
  g_assert_cmpstr (gloss_extraction_get_canonical_url (extraction), ==, "https://courrier.example/marche-de-noel");
  g_assert_cmpstr (gloss_extraction_get_description (extraction), ==,
                   "Quarante stands cette année, dont douze nouveaux.");
}

static void
test_pagination_junk (void)
{
  static const char * const junk[] = {
    "By Tomas Berg", "Previous", "Next", "Share this", "Facebook", "Related articles",
    "Harbour parking", "Subscribe", "inbox", "16 px", "↺", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) extraction = extract_fixture ("pagination-junk.html", NULL, &error);
  g_auto(GStrv) paragraphs = NULL;

  g_assert_no_error (error);
  paragraphs = g_strsplit (gloss_extraction_get_text (extraction), "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 3);
  g_assert_true (g_str_has_prefix (paragraphs[0], "The ferry company will run"));
  g_assert_true (g_str_has_prefix (paragraphs[2], "Tickets for the new departures"));
  assert_absent (gloss_extraction_get_text (extraction), junk);
  g_assert_cmpstr (gloss_extraction_get_author (extraction), ==, "Tomas Berg");
  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Ferry timetable changes for the summer season");
  g_assert_cmpstr (gloss_extraction_get_published (extraction), ==, "2024-05-02T07:15:00+02:00");
}

static void
test_no_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) extraction = extract_fixture ("no-article.html", NULL, &error);

  g_assert_null (extraction);
  g_assert_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_NO_ARTICLE);
  g_clear_error (&error);

  g_assert_null (gloss_extract_html ("", 0, NULL, &error));
  g_assert_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_NO_ARTICLE);
}

/* A page whose story is long enough to be found, with @head in its head. */
static GlossExtraction *
extract_with_head (const char *head)
{
  g_autofree char *html = g_strdup_printf (
    "<html><head>%s</head><body><article>"
    "<p>The first paragraph of the story tells what happened, where it happened, and to whom, "
    "in more than enough words to count as the text of an article.</p>"
    "<p>The second paragraph adds what the witnesses said, what the police said, and what "
    "the council said, which was, in the end, not very much at all.</p>"
    "<p>The third paragraph says what happens next, when the next meeting is, and who will "
    "decide, which is what the readers wanted to know in the first place.</p>"
    "</article></body></html>", head);
  g_autoptr(GError) error = NULL;
  GlossExtraction *extraction = gloss_extract_html (html, -1, NULL, &error);

  g_assert_no_error (error);
  return extraction;
}

static void
assert_published (const char *value,
                  const char *expected)
{
  g_autofree char *head = g_strdup_printf ("<meta property=\"article:published_time\" content=\"%s\">",
                                           value);
  g_autoptr(GlossExtraction) extraction = extract_with_head (head);

  g_assert_cmpstr (gloss_extraction_get_published (extraction), ==, expected);
}

static void
test_dates (void)
{
  assert_published ("2018-04-05T06:00", "2018-04-05T06:00:00");
  assert_published ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00");
  assert_published ("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00");
  assert_published ("2015-10-15T02:19:15.607Z", "2015-10-15T02:19:15+00:00");
  assert_published ("Fri, 24 Jul 2015 05:36:09 GMT", "2015-07-24T05:36:09+00:00");
  assert_published ("2019-01-03", "2019-01-03");
  assert_published ("last Tuesday", NULL);
}

static void
assert_title (const char *title,
              const char *site,
              const char *expected)
{
  g_autofree char *head = g_strdup_printf ("<title>%s</title>"
                                           "<meta property=\"og:site_name\" content=\"%s\">",
                                           title, site);
  g_autoptr(GlossExtraction) extraction = extract_with_head (head);

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, expected);
}

static void
test_title_site_name (void)
{
  assert_title ("Storm closes bridge | Daily Tide", "Daily Tide", "Storm closes bridge");
  assert_title ("Storm closes bridge - Daily Tide", "Daily Tide", "Storm closes bridge");
  assert_title ("Storm closes bridge — daily tide", "Daily Tide", "Storm closes bridge");
  assert_title ("Daily Tide: Storm closes bridge", "Daily Tide", "Storm closes bridge");
  /* Only the site's own name is removed. */
  assert_title ("Storm closes bridge | Weather", "Daily Tide", "Storm closes bridge | Weather");
  assert_title ("Daily Tide", "Daily Tide", "Daily Tide");
}

static void
test_html_to_text (void)
{
  g_autofree char *text = gloss_html_to_text (
    "<div><p>  Fish &amp; chips\n\t and&nbsp;peas </p>"
    "<h2>Menu</h2><ul><li>cod</li><li> haddock </li></ul>"
    "<p>one<br>two<br><br>three</p><script>var x = 1;</script>"
    "<pre>keep  this\n  as is</pre></div>", -1);

  g_assert_cmpstr (text, ==,
                   "Fish & chips and peas\n\nMenu\n\ncod\nhaddock\n\none\ntwo\n\nthree\n\n"
                   "keep  this\n  as is");
}

static void
test_plain_text (void)
{
  g_autoptr(GlossExtraction) extraction =
    gloss_extraction_new_for_plain_text ("\nA notice to residents\n\nThe water will be off.\n",
                                         "https://example.org/notice.txt");

  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "A notice to residents");
  g_assert_cmpstr (gloss_extraction_get_text (extraction), ==,
                   "\nA notice to residents\n\nThe water will be off.\n");
  g_assert_cmpstr (gloss_extraction_get_url (extraction), ==, "https://example.org/notice.txt");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/web/extract/article-tag", test_article_tag);
  g_test_add_func ("/gloss/web/extract/div-soup", test_div_soup);
  g_test_add_func ("/gloss/web/extract/json-ld", test_json_ld);
  g_test_add_func ("/gloss/web/extract/json-ld-graph", test_json_ld_graph);
  g_test_add_func ("/gloss/web/extract/open-graph", test_open_graph);
  g_test_add_func ("/gloss/web/extract/pagination-junk", test_pagination_junk);
  g_test_add_func ("/gloss/web/extract/no-article", test_no_article);
  g_test_add_func ("/gloss/web/extract/dates", test_dates);
  g_test_add_func ("/gloss/web/extract/title-site-name", test_title_site_name);
  g_test_add_func ("/gloss/web/extract/html-to-text", test_html_to_text);
  g_test_add_func ("/gloss/web/extract/plain-text", test_plain_text);

  return g_test_run ();
}
