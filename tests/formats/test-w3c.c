/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "formats-test-util.h"

/* The fixture's annotations but its orphaned note, which no text holds. */
static char *
export_placed (const char *dir)
{
  g_autoptr(GlossDocument) document = test_load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *jsonld = NULL;
  char *path = g_build_filename (dir, "export.jsonld", NULL);

  gloss_document_remove_annotation (document, gloss_document_lookup_annotation (document,
                                                                                "n0000005"),
                                    &error);
  g_assert_no_error (error);
  jsonld = test_export_string (document, "w3c", NULL, NULL, NULL);
  test_write (path, jsonld);

  return path;
}

static char *
edited_article (const char *dir)
{
  g_autofree char *fixture = test_data_path ("article.txt");
  g_autofree char *text = test_read (fixture);
  g_auto(GStrv) parts = g_strsplit (text, "Tomas Reyes", 2);
  g_autofree char *edited = g_strconcat ("Portvale Courier | Home | News\n", parts[0],
                                         "Tom\xC3\xA1s Reyes", parts[1], NULL);
  char *path = g_build_filename (dir, "edited.txt", NULL);

  test_write (path, edited);
  return path;
}

static GlossAnnotation *
find_quote (GlossDocument *document,
            const char    *quote)
{
  GListModel *annotations = gloss_document_get_annotations (document);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_str_equal (gloss_annotation_get_quote (annotation), quote))
        return annotation;
    }

  g_error ("no annotation quotes “%s”", quote);
}

/* Exported, then merged into an edited copy of the article: every
 * annotation is placed by its quote and keeps what it says. */
static void
test_round_trip (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *jsonld = export_placed (dir);
  g_autofree char *article = edited_article (dir);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GlossAnnotation *claim, *mention, *note;
  GlossEntity *entity;

  import = test_import ("w3c", jsonld, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_import_get_n_taken (import), ==, 16);
  g_assert_true (gloss_import_save (import, NULL, &error));
  g_assert_no_error (error);
  summary = gloss_import_dup_summary (import);
  g_assert_nonnull (strstr (summary, "16 annotations were placed by their quote"));

  document = test_load (article);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 16);
  claim = find_quote (document, "the ferry would carry 1,200 passengers a night by spring");
  g_assert_cmpint (gloss_annotation_get_kind (claim), ==, GLOSS_ANNOTATION_CLAIM);
  g_assert_cmpint (gloss_annotation_get_verdict (claim), ==, GLOSS_VERDICT_MOSTLY_FALSE);
  g_assert_cmpint (gloss_annotation_get_status (claim), ==, GLOSS_CLAIM_REVIEWED);
  g_assert_cmpstr (gloss_annotation_get_reviewer (claim), ==, "Dana Whitfield");
  g_assert_cmpuint (g_strv_length ((char **) gloss_annotation_get_sources (claim)), ==, 2);
  g_assert_true (gloss_annotation_has_tag (claim, "ridership"));
  g_assert_true (g_str_has_prefix (gloss_annotation_get_note (claim), "The 2019 study"));

  mention = find_quote (document, "Ines Okafor");
  g_assert_cmpstr (gloss_annotation_get_label (mention), ==, "person");
  entity = gloss_document_lookup_entity (document, gloss_annotation_get_entity (mention));
  g_assert_cmpstr (gloss_entity_get_link (entity), ==, "https://www.wikidata.org/wiki/Q4115189");
  g_assert_cmpstr (gloss_annotation_get_claimant (claim), ==, gloss_entity_get_id (entity));
  g_assert_cmpstr (gloss_annotation_get_author (mention), ==, "Ana Ruiz");
  g_assert_cmpstr (gloss_annotation_get_created (mention), ==, "2026-05-20T09:00:00Z");

  note = find_quote (document, "=SUM(wishful thinking)");
  g_assert_cmpint (gloss_annotation_get_kind (note), ==, GLOSS_ANNOTATION_NOTE);
  g_assert_cmpstr (gloss_annotation_get_note (note), ==, "@desk: is this a direct quote?");
  mention = find_quote (document, "Tom\xC3\xA1s Reyes");
  g_assert_cmpint (gloss_annotation_get_kind (mention), ==, GLOSS_ANNOTATION_ENTITY);
  test_remove_tree (dir);
}

static void
assert_refused (const char       *dir,
                const char       *json,
                GlossFormatError  code,
                const char       *where)
{
  g_autofree char *input = g_build_filename (dir, "in.json", NULL);
  g_autofree char *fixture = test_data_path ("article.txt");
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *sidecar = g_strconcat (article, ".gloss.json", NULL);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;

  test_copy (fixture, article);
  test_write (input, json);
  import = test_import ("w3c", input, article, NULL, &error);
  g_assert_null (import);
  test_assert_refused (error, (int) code, where);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
}

/* The fixture's export has the orphaned note, whose quote is in no text. */
static void
test_quote_not_found (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = test_load_fixture ();
  g_autofree char *jsonld = test_export_string (document, "w3c", NULL, NULL, NULL);
  const char *id = strstr (jsonld, "\"id\": \"urn:uuid:");
  guint line = 1;

  /* The orphan is the 14th item; its id's line is named. */
  for (guint i = 0; i < 14; i++)
    id = strstr (id + 1, "\"type\": \"Annotation\"");
  id = g_strrstr_len (jsonld, id - jsonld, "\"id\": \"urn:uuid:");
  for (const char *p = jsonld; p < id; p++)
    line += *p == '\n';

  {
    g_autofree char *where = g_strdup_printf ("in.json:%u: annotation 14 (urn:uuid:", line);

    assert_refused (dir, jsonld, GLOSS_FORMAT_ERROR_MISMATCH, where);
  }
  test_remove_tree (dir);
}

static void
test_broken_json (void)
{
  g_autofree char *dir = test_make_dir ();

  assert_refused (dir, "{\n  \"type\": \"Annotation\",\n  \"target\": [\n}\n",
                  GLOSS_FORMAT_ERROR_INVALID_INPUT, "in.json: line 4, column 1:");
  assert_refused (dir, "{\"type\": \"Dataset\"}", GLOSS_FORMAT_ERROR_INVALID_INPUT,
                  "in.json: expected W3C annotations");
  assert_refused (dir, "{\"type\": \"Annotation\", \"target\": {\"source\": \"x\", \"selector\": "
                       "{\"type\": \"TextPositionSelector\", \"start\": 5, \"end\": 9000}}}",
                  GLOSS_FORMAT_ERROR_MISMATCH, "in.json: annotation 1: its position is outside");
  test_remove_tree (dir);
}

/* Annotations of other tools: a Hypothesis-like comment with tags, and
 * one on a whole page, which has no place in the text and is kept aside. */
static const char foreign[] =
  "[\n"
  "  {\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"https://h.example/a/1\",\n"
  "   \"type\": \"Annotation\", \"motivation\": \"commenting\",\n"
  "   \"bodyValue\": \"Is this figure sourced?\",\n"
  "   \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"numbers\"}],\n"
  "   \"creator\": {\"type\": \"Person\", \"nickname\": \"kim\"},\n"
  "   \"target\": {\"source\": \"https://news.example.org/x\", \"selector\": {\n"
  "     \"type\": \"TextQuoteSelector\", \"exact\": \"1,200 passengers\"}}},\n"
  "  {\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"https://h.example/a/2\",\n"
  "   \"type\": \"Annotation\", \"bodyValue\": \"Whole page\", \"target\": \"https://news.example.org/x\"}\n"
  "]\n";

static void
test_foreign (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *input = g_build_filename (dir, "hypothesis.json", NULL);
  g_autofree char *fixture = test_data_path ("article.txt");
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *sidecar = g_strconcat (article, ".gloss.json", NULL);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GlossAnnotation *note;

  test_copy (fixture, article);
  test_write (input, foreign);
  import = test_import ("w3c", input, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_import_get_n_taken (import), ==, 1);
  g_assert_cmpuint (gloss_import_get_n_kept (import), ==, 1);
  g_assert_nonnull (strstr (gloss_import_get_notes (import)[0], "hypothesis.json:9: annotation 2"));
  g_assert_true (gloss_import_save (import, NULL, &error));

  document = test_load (article);
  note = find_quote (document, "1,200 passengers");
  g_assert_cmpint (gloss_annotation_get_kind (note), ==, GLOSS_ANNOTATION_NOTE);
  g_assert_cmpstr (gloss_annotation_get_note (note), ==, "Is this figure sourced?");
  g_assert_cmpstr (gloss_annotation_get_author (note), ==, "kim");
  g_assert_true (gloss_annotation_has_tag (note, "numbers"));
  json = test_read (sidecar);
  g_assert_nonnull (strstr (json, "\"w3c\""));
  g_assert_nonnull (strstr (json, "https://h.example/a/2"));
  test_remove_tree (dir);
}

/* The window merges into the open document, against its unsaved text. */
static void
test_apply (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *input = g_build_filename (dir, "hypothesis.json", NULL);
  g_autofree char *article = g_build_filename (dir, "open.txt", NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { 0 };
  const char *unsaved = "Draft: 1,200 passengers a night.\n";

  test_write (article, "Saved text.\n");
  test_write (input, foreign);
  document = test_load (article);
  gloss_document_set_text (document, unsaved, NULL, 0);
  options.article_text = gloss_document_get_text (document);
  import = test_import ("w3c", input, article, &options, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_import_apply (import, document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 1);
  g_assert_true (gloss_document_get_modified (document));
  g_assert_cmpstr (gloss_document_get_text (document), ==, unsaved);
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/formats/w3c/round-trip", test_round_trip);
  g_test_add_func ("/gloss/formats/w3c/quote-not-found", test_quote_not_found);
  g_test_add_func ("/gloss/formats/w3c/broken", test_broken_json);
  g_test_add_func ("/gloss/formats/w3c/foreign", test_foreign);
  g_test_add_func ("/gloss/formats/w3c/apply", test_apply);

  return g_test_run ();
}
