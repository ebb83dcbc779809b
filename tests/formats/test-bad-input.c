/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "formats-test-util.h"

/* Broken files given to the importers: each is refused with a message
 * naming the file and the place, and leaves the folder as it was. */

static const char *text =
  "The ferry board met on Friday. Captain Rhea Stone spoke first.\n"
  "Stone said the pier would reopen in 2027.\n";

static void
write_input (const char *path,
             const char *data,
             gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

/* The folder holds article.txt and @name, both as they were written. */
static void
assert_untouched (const char *dir,
                  const char *name,
                  const char *data,
                  gsize       size)
{
  g_auto(GStrv) names = test_list_dir (dir);
  g_autofree char *input = g_build_filename (dir, name, NULL);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *article_text = test_read (article);
  gsize length = 0;

  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) names, name));
  g_assert_cmpstr (article_text, ==, text);
  g_assert_true (g_file_get_contents (input, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, data, size);
}

/* @format's import of @data, as the file @name beside article.txt, is
 * refused with @code and exactly @message, and nothing is written. */
static void
assert_import_refused (const char *format,
                       const char *name,
                       const char *data,
                       gsize       size,
                       int         code,
                       const char *message)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *input = g_build_filename (dir, name, NULL);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  const GlossFormatOptions options = { 0, };
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;

  test_write (article, text);
  write_input (input, data, size);
  import = test_import (format, input,
                        g_str_equal (format, "w3c") ? article
                        : g_str_equal (format, "doccano") ? out : NULL,
                        &options, &error);
  g_assert_null (import);
  g_assert_error (error, GLOSS_FORMAT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  assert_untouched (dir, name, data, size);

  test_remove_tree (dir);
}

static char *
nested (const char *before,
        guint       depth,
        const char *after)
{
  GString *json = g_string_new (before);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append (json, after);

  return g_string_free (json, FALSE);
}

static void
test_brat_bad_spans (void)
{
  static const struct { const char *ann; int code; const char *message; } cases[] = {
    { "T1\tPerson 44 49\tStone\nT2\tPerson 500 504\tpier\n", GLOSS_FORMAT_ERROR_MISMATCH,
      "article.ann:2: T2: 500–504 is outside the text, which has 105 characters" },
    { "T1\tPerson 49 44\tStone\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
      "article.ann:1: T1: “49 44” is not a span (START END, START before END)" },
    { "T1\tPerson -4 9\tferry\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
      "article.ann:1: T1: “-4 9” is not a span (START END, START before END)" },
    { "T1\tPerson 4 99999999999999999999\tferry\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
      "article.ann:1: T1: “4 99999999999999999999” is not a span (START END, START before END)" },
    { "T1\tPerson 4 9\tferry\nT1\tPerson 44 49\tStone\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
      "article.ann:2: T1 is defined twice" },
    { "T1\tPerson 4 9\tferry\nX1\tsomething\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
      "article.ann:2: “X1” is not a brat annotation (T, R, E, A, M, N, * or # line)" },
    /* an empty type: this line once read through a NULL pointer */
    { "T1\t\tPerson 4 9\tferry\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
      "article.ann:1: T1: a T line is “ID<TAB>TYPE START END<TAB>TEXT”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_import_refused ("brat", "article.ann", cases[i].ann, strlen (cases[i].ann),
                           cases[i].code, cases[i].message);
}

static void
test_brat_not_utf8 (void)
{
  static const char ann[] = "T1\tPerson 4 9\tferry\n#1\tAnnotatorNotes T1\tcaf\xe9\n";

  assert_import_refused ("brat", "article.ann", ann, sizeof ann - 1,
                         GLOSS_FORMAT_ERROR_INVALID_INPUT,
                         "article.ann:2: the file is not UTF-8 text");
}

/* Two notes on one span are joined (the second was read from freed
 * memory before). */
static void
test_brat_two_notes (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *ann = g_build_filename (dir, "article.ann", NULL);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  test_write (article, text);
  test_write (ann, "T1\tPerson 44 49\tStone\n#1\tAnnotatorNotes T1\tFirst.\n"
                   "#2\tAnnotatorNotes T1\tSecond.\n");
  import = test_import ("brat", ann, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_import_save (import, NULL, &error));

  document = test_load (article);
  annotation = g_list_model_get_item (gloss_document_get_annotations (document), 0);
  g_assert_cmpstr (gloss_annotation_get_note (annotation), ==, "First.\nSecond.");
  test_remove_tree (dir);
}

static void
test_doccano_broken_json (void)
{
  static const struct { const char *jsonl; const char *message; } cases[] = {
    { "{\"text\": \"abc\", \"label\": []}\n{\"text\": \"abc\", \"label\": [[0, ",
      "batch.jsonl:2: the line is not JSON: line 1, column 30: the text ends where a value should be" },
    { "{\"text\": \"abc\" \"label\": []}\n",
      "batch.jsonl:1: the line is not JSON: line 1, column 16: expected “,” or “}” after a member" },
    /* json-glib read this as text that is not UTF-8, and leaked */
    { "{\"text\": \"a\\ud800b\", \"label\": []}\n",
      "batch.jsonl:1: the line is not JSON: line 1, column 18: unpaired surrogate in a \\u escape" },
    { "{\"text\": \"abc\", \"label\": [[0, 1e400, \"X\"]]}\n",
      "batch.jsonl:1: the line is not JSON: line 1, column 31: the number is too large" },
    /* Found by fuzz-doccano: written as an article, it could not be opened. */
    { "{\"text\": \"Tuesday \x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"
      "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f here.\", \"label\": []}\n",
      "batch.jsonl:1: “text”: byte 8 is not valid text (a control character, one of 32, "
      "so the file looks binary)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_import_refused ("doccano", "batch.jsonl", cases[i].jsonl, strlen (cases[i].jsonl),
                           GLOSS_FORMAT_ERROR_INVALID_INPUT, cases[i].message);
}

/* Deep nesting is refused where it starts; json-glib's parser, used
 * before, recursed until the stack overflowed. */
static void
test_deeply_nested (void)
{
  g_autofree char *jsonl = nested ("{\"text\": \"abc\", \"label\": ", 200000, "}\n");
  g_autofree char *jsonld = nested ("{\"type\": \"Annotation\", \"body\": ", 200000, "}\n");

  assert_import_refused ("doccano", "batch.jsonl", jsonl, strlen (jsonl),
                         GLOSS_FORMAT_ERROR_INVALID_INPUT,
                         "batch.jsonl:1: the line is not JSON: line 1, column 537: "
                         "the data is nested too deeply");
  assert_import_refused ("w3c", "in.jsonld", jsonld, strlen (jsonld),
                         GLOSS_FORMAT_ERROR_INVALID_INPUT,
                         "in.jsonld: line 1, column 543: the data is nested too deeply");
}

static void
test_w3c_broken_json (void)
{
  static const char *cut =
    "{\"type\": \"Annotation\",\n \"target\": {\"selector\": {\"type\": \"TextQuoteSelector\",\n"
    "  \"exact\": \"Sto";
  static const char *huge =
    "{\"type\": \"Annotation\", \"target\": {\"selector\": "
    "{\"type\": \"TextPositionSelector\", \"start\": 1e999, \"end\": 9}}}";

  assert_import_refused ("w3c", "in.jsonld", cut, strlen (cut), GLOSS_FORMAT_ERROR_INVALID_INPUT,
                         "in.jsonld: line 3, column 16: the text ends inside a string");
  assert_import_refused ("w3c", "in.jsonld", huge, strlen (huge), GLOSS_FORMAT_ERROR_INVALID_INPUT,
                         "in.jsonld: line 1, column 89: the number is too large");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/formats/bad-input/brat/bad-spans", test_brat_bad_spans);
  g_test_add_func ("/gloss/formats/bad-input/brat/not-utf8", test_brat_not_utf8);
  g_test_add_func ("/gloss/formats/bad-input/brat/two-notes", test_brat_two_notes);
  g_test_add_func ("/gloss/formats/bad-input/doccano/broken-json", test_doccano_broken_json);
  g_test_add_func ("/gloss/formats/bad-input/deeply-nested", test_deeply_nested);
  g_test_add_func ("/gloss/formats/bad-input/w3c/broken-json", test_w3c_broken_json);

  return g_test_run ();
}
