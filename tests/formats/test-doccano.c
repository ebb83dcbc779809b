/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "formats-test-util.h"

/* Characters past U+FFFF take two UTF-16 code units: every offset after
 * them differs between doccano's browser and its server. */
static const char astral_text[] = "\xF0\x9F\x9A\xA2 Ferry \xF0\x9D\x94\xB8 to Elm Island, said Ines Okafor.\n";

static GlossDocument *
astral_document (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "astral.txt", NULL);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  struct { const char *quote; GlossAnnotationKind kind; const char *label; } spans[] = {
    { "Elm Island", GLOSS_ANNOTATION_ENTITY, "place" },
    { "Ines Okafor", GLOSS_ANNOTATION_ENTITY, "person" },
    { "\xF0\x9D\x94\xB8 to Elm", GLOSS_ANNOTATION_CLAIM, NULL },
    { "\xF0\x9F\x9A\xA2", GLOSS_ANNOTATION_NOTE, NULL },
  };

  test_write (path, astral_text);
  document = test_load (path);
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      gint64 start = g_utf8_pointer_to_offset (astral_text, strstr (astral_text, spans[i].quote));
      g_autoptr(GlossEntity) entity = NULL;

      if (spans[i].label != NULL)
        entity = g_object_ref (gloss_document_create_entity (document, spans[i].quote,
                                                             spans[i].label, &error));
      gloss_document_add_annotation (document, spans[i].kind, start,
                                     start + g_utf8_strlen (spans[i].quote, -1), spans[i].label,
                                     entity != NULL ? gloss_entity_get_id (entity) : NULL, &error);
      g_assert_no_error (error);
    }

  return document;
}

static void
assert_same_annotations (GlossDocument *a,
                         GlossDocument *b)
{
  GListModel *x = gloss_document_get_annotations (a);
  GListModel *y = gloss_document_get_annotations (b);

  g_assert_cmpuint (g_list_model_get_n_items (x), ==, g_list_model_get_n_items (y));
  for (guint i = 0; i < g_list_model_get_n_items (x); i++)
    {
      g_autoptr(GlossAnnotation) p = g_list_model_get_item (x, i);
      g_autoptr(GlossAnnotation) q = g_list_model_get_item (y, i);

      g_assert_cmpint (gloss_annotation_get_kind (p), ==, gloss_annotation_get_kind (q));
      g_assert_cmpint (gloss_annotation_get_start (p), ==, gloss_annotation_get_start (q));
      g_assert_cmpint (gloss_annotation_get_end (p), ==, gloss_annotation_get_end (q));
      g_assert_cmpstr (gloss_annotation_get_quote (p), ==, gloss_annotation_get_quote (q));
      g_assert_cmpstr (gloss_annotation_get_label (p), ==, gloss_annotation_get_label (q));
    }
}

static void
round_trip (gboolean utf16)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *jsonl = g_build_filename (dir, "batch.jsonl", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *article = g_build_filename (out, "batch-1.txt", NULL);
  g_autoptr(GlossDocument) document = astral_document (dir);
  g_autoptr(GlossDocument) imported = NULL;
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { utf16, NULL, NULL };
  g_autofree char *line = test_export_string (document, "doccano", NULL, &options, NULL);
  g_autofree char *text = NULL;

  /* "Elm Island" starts after two astral characters. */
  g_assert_nonnull (strstr (line, utf16 ? "[15,25,\"Place\"]" : "[13,23,\"Place\"]"));
  test_write (jsonl, line);
  import = test_import ("doccano", jsonl, out, &options, &error);
  g_assert_no_error (error);
  gloss_import_save (import, NULL, &error);
  g_assert_no_error (error);

  text = test_read (article);
  g_assert_cmpstr (text, ==, astral_text);
  imported = test_load (article);
  assert_same_annotations (document, imported);
  test_remove_tree (dir);
}

static void
test_round_trip_utf16 (void)
{
  round_trip (TRUE);
}

static void
test_round_trip_code_points (void)
{
  round_trip (FALSE);
}

typedef struct
{
  const char       *name;
  const char       *jsonl;
  gboolean          utf16;
  GlossFormatError  code;
  const char       *where;
} BadCase;

static const BadCase bad_cases[] = {
  { "broken-json", "{\"text\": \"ok\", \"label\": []}\n{\"text\": \"broken\", \"label\": [\n",
    FALSE, GLOSS_FORMAT_ERROR_INVALID_INPUT, "in.jsonl:2: the line is not JSON" },
  { "outside", "{\"text\": \"short\", \"label\": [[0, 3, \"A\"], [2, 40, \"B\"]]}\n",
    FALSE, GLOSS_FORMAT_ERROR_MISMATCH, "in.jsonl:1: label 2: 2–40 is outside the text" },
  { "reversed", "\n\n{\"text\": \"short\", \"label\": [[4, 1, \"A\"]]}\n",
    FALSE, GLOSS_FORMAT_ERROR_INVALID_INPUT, "in.jsonl:3: label 1" },
  { "not-a-span", "{\"text\": \"short\", \"label\": [[0, \"3\", \"A\"]]}\n",
    FALSE, GLOSS_FORMAT_ERROR_INVALID_INPUT, "in.jsonl:1: label 1 is not" },
  { "no-text", "{\"label\": [[0, 3, \"A\"]]}\n",
    FALSE, GLOSS_FORMAT_ERROR_INVALID_INPUT, "in.jsonl:1: the record has no “text”" },
  { "surrogate", "{\"text\": \"\xF0\x9F\x9A\xA2 boat\", \"label\": [[1, 6, \"A\"]]}\n",
    TRUE, GLOSS_FORMAT_ERROR_MISMATCH, "in.jsonl:1: label 1: 1 falls inside a character" },
};

/* Nothing is written, not even the folder, when any line is bad. */
static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *jsonl = g_build_filename (dir, "in.jsonl", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { c->utf16, NULL, NULL };

  test_write (jsonl, c->jsonl);
  import = test_import ("doccano", jsonl, out, &options, &error);
  g_assert_null (import);
  test_assert_refused (error, (int) c->code, c->where);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  test_remove_tree (dir);
}

/* An article the import would write exists with another text: refused
 * before anything is written. */
static void
test_conflict (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *jsonl = g_build_filename (dir, "in.jsonl", NULL);
  g_autofree char *first = g_build_filename (dir, "in-1.txt", NULL);
  g_autofree char *second = g_build_filename (dir, "in-2.txt", NULL);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  test_write (jsonl, "{\"text\": \"one\", \"label\": [[0, 3, \"A\"]]}\n"
                     "{\"text\": \"two\", \"label\": []}\n");
  test_write (second, "something else");
  import = test_import ("doccano", jsonl, dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_import_save (import, NULL, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_CONFLICT);
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  names = test_list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  test_remove_tree (dir);
}

/* doccano's own examples: relation extraction keeps its relations. */
static void
test_shared_examples (void)
{
  g_autofree char *relations = test_shared_path ("doccano/data_export_relation_extraction_example.jsonl");
  g_autofree char *sequence = test_shared_path ("doccano/data_export_sequence_labeling_example.jsonl");
  g_autofree char *dir = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GlossImport) first = NULL;
  g_autoptr(GlossImport) second = NULL;
  g_autoptr(GError) error = NULL;

  if (relations == NULL)
    return;

  dir = test_make_dir ();
  first = test_import ("doccano", relations, dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_import_get_n_taken (first), ==, 4);
  g_assert_cmpuint (gloss_import_get_n_kept (first), ==, 1);
  gloss_import_save (first, NULL, &error);
  g_assert_no_error (error);
  sidecar = g_build_filename (dir, "data_export_relation_extraction_example-1.txt.gloss.json", NULL);
  json = test_read (sidecar);
  g_assert_nonnull (strstr (json, "\"foundedBy\""));

  second = test_import ("doccano", sequence, dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_import_get_n_articles (second), ==, 3);
  g_assert_cmpuint (gloss_import_get_n_taken (second), ==, 4);
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/formats/doccano/round-trip/utf16", test_round_trip_utf16);
  g_test_add_func ("/gloss/formats/doccano/round-trip/code-points", test_round_trip_code_points);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/gloss/formats/doccano/bad/", bad_cases[i].name, NULL);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/gloss/formats/doccano/conflict", test_conflict);
  g_test_add_func ("/gloss/formats/doccano/shared-examples", test_shared_examples);

  return g_test_run ();
}
