/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "formats-test-util.h"

static const char hostile_title[] = "News </title><script>alert('title')</script> & \"more\"";
static const char hostile_note[] = "<img src=x onerror=\"alert(1)\"> it's <b>bold</b> & done";
static const char hostile_article[] =
  "The mayor wrote <script>alert(\"x\")</script> in a post.\n"
  "\"Quotes\" & 'apostrophes' & <b>tags</b> stay text.\n";

static xmlDocPtr
parse_html (const char *html)
{
  xmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static int
count (xmlDocPtr   doc,
       const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  int n;

  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return n;
}

static char *
text_of (xmlDocPtr   doc,
         const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  xmlChar *content;
  char *text;

  g_assert_nonnull (result->nodesetval);
  g_assert_cmpint (result->nodesetval->nodeNr, ==, 1);
  content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return text;
}

/* Nothing runs: no script element, no event handler, no script link. */
static void
assert_inert (xmlDocPtr doc)
{
  g_assert_cmpint (count (doc, "//script"), ==, 0);
  g_assert_cmpint (count (doc, "//img"), ==, 0);
  g_assert_cmpint (count (doc, "//b"), ==, 0);
  g_assert_cmpint (count (doc, "//@*[starts-with(name(), 'on')]"), ==, 0);
  g_assert_cmpint (count (doc, "//a[not(starts-with(@href, 'https://') or "
                               "starts-with(@href, 'http://') or starts-with(@href, '#'))]"), ==, 0);
}

static void
test_fixture_page (void)
{
  g_autoptr(GlossDocument) document = test_load_fixture ();
  g_autofree char *html = test_export_string (document, "html", NULL, NULL, NULL);
  xmlDocPtr doc = parse_html (html);
  g_autofree char *article = text_of (doc, "//div[@class='article']");
  GListModel *annotations = gloss_document_get_annotations (document);

  assert_inert (doc);
  g_assert_cmpstr (article, ==, gloss_document_get_text (document));
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autofree char *xpath = g_strdup_printf ("//span[@id='%s']",
                                                gloss_annotation_get_id (annotation));

      g_assert_cmpint (count (doc, xpath), ==, gloss_annotation_is_orphaned (annotation) ? 0 : 1);
    }
  g_assert_cmpint (count (doc, "//mark[contains(@class, 'claim')]"), >=, 3);
  g_assert_cmpint (count (doc, "//table/tr"), ==, 9);

  xmlFreeDoc (doc);
}

static GlossDocument *
hostile_document (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "hostile.txt", NULL);
  g_autoptr(GError) error = NULL;
  const char *sources[] = { "javascript:alert(2)", "https://example.org/\"><script>", NULL };
  const char *quote = strstr (hostile_article, "<script>");
  gint64 start = g_utf8_pointer_to_offset (hostile_article, quote);
  GlossDocument *document;
  GlossAnnotation *claim;
  GlossAnnotation *note;

  test_write (path, hostile_article);
  document = test_load (path);
  gloss_source_set_title (gloss_document_get_source (document), hostile_title);
  gloss_source_set_url (gloss_document_get_source (document), "javascript:alert(3)");
  claim = gloss_document_add_annotation (document, GLOSS_ANNOTATION_CLAIM, start, start + 30,
                                         NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_document_set_claim_sources (document, claim, sources, &error);
  gloss_document_set_claim_claimant (document, claim, "\"><script>alert(4)</script>", &error);
  note = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 60, 80, NULL, NULL, &error);
  gloss_document_set_annotation_note (document, note, hostile_note, &error);
  g_assert_no_error (error);

  return document;
}

static void
test_hostile_page (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = hostile_document (dir);
  g_autofree char *html = test_export_string (document, "html", NULL, NULL, NULL);
  xmlDocPtr doc = parse_html (html);
  g_autofree char *title = text_of (doc, "//title");
  g_autofree char *article = text_of (doc, "//div[@class='article']");

  assert_inert (doc);
  g_assert_cmpstr (title, ==, hostile_title);
  g_assert_cmpstr (article, ==, hostile_article);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "it&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; done"));
  g_assert_cmpint (count (doc, "//a[@href='https://example.org/\"><script>']"), ==, 0);

  xmlFreeDoc (doc);
  test_remove_tree (dir);
}

/* Markdown renderers pass HTML through: the report escapes it. */
static void
test_hostile_report (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = hostile_document (dir);
  g_autofree char *report = test_export_string (document, "report", NULL, NULL, NULL);

  /* Every "<" is escaped but those of links to web addresses. */
  for (const char *p = strchr (report, '<'); p != NULL; p = strchr (p + 1, '<'))
    g_assert_true (p[-1] == '\\' || g_str_has_prefix (p, "<http"));
  g_assert_nonnull (strstr (report, "\\<script\\>alert(\"x\")\\</script\\>"));
  g_assert_nonnull (strstr (report, "\\<img src=x onerror=\"alert(1)\"\\> it's"));
  g_assert_null (strstr (report, "<javascript:"));
  g_assert_true (g_str_has_prefix (report, "# News \\</title\\>\\<script\\>"));

  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/formats/html/fixture", test_fixture_page);
  g_test_add_func ("/gloss/formats/html/hostile", test_hostile_page);
  g_test_add_func ("/gloss/formats/report/hostile", test_hostile_report);

  return g_test_run ();
}
