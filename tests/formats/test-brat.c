/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "formats-test-util.h"

static const char *examples[] = {
  "brat/000-introduction",
  "brat/040-text_span_annotation",
  "brat/060-relation_annotation",
  "brat/100-attribute_annotation",
  "brat/110-note_annotation",
  "brat/corpora/TDT/wn071",
  "brat/corpora/NCBI-disease/PMID-3578281",
  "brat/corpora/BioNLP-ST_2011/BioNLP-ST_2011_EPI/PMID-1590827",
  "brat/corpora/CoNLL-ST_2002/esp/esp.train-doc-919",
};

static gboolean
has_line (char      **lines,
          const char *line)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (lines[i], line))
      return TRUE;

  return FALSE;
}

static GlossImport *
import_and_save (const char *ann)
{
  g_autoptr(GError) error = NULL;
  GlossImport *import = test_import ("brat", ann, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  gloss_import_save (import, NULL, &error);
  g_assert_no_error (error);

  return import;
}

static char *
export_ann (const char *txt)
{
  g_autoptr(GlossDocument) document = test_load (txt);
  g_autofree char *base = g_path_get_basename (txt);
  g_autofree char *name = NULL;

  base[strlen (base) - strlen (".txt")] = '\0';
  name = g_strconcat (base, ".ann", NULL);

  return test_export_string (document, "brat", name, NULL, NULL);
}

/* Import then export gives back every T line exactly, and keeps the
 * relations, events and equivalences Gloss has no place for. */
static void
test_round_trip (gconstpointer data)
{
  g_autofree char *shared = test_shared_path (data);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *ann = NULL, *txt = NULL, *shared_ann = NULL, *shared_txt = NULL;
  g_autofree char *original = NULL, *exported = NULL;
  g_auto(GStrv) original_lines = NULL;
  g_auto(GStrv) exported_lines = NULL;
  g_autoptr(GlossImport) import = NULL;
  guint n_t = 0;

  if (shared == NULL)
    return;

  dir = test_make_dir ();
  base = g_path_get_basename (shared);
  shared_ann = g_strconcat (shared, ".ann", NULL);
  shared_txt = g_strconcat (shared, ".txt", NULL);
  ann = g_strconcat (dir, G_DIR_SEPARATOR_S, base, ".ann", NULL);
  txt = g_strconcat (dir, G_DIR_SEPARATOR_S, base, ".txt", NULL);
  test_copy (shared_ann, ann);
  test_copy (shared_txt, txt);

  import = import_and_save (ann);
  exported = export_ann (txt);
  original = test_read (shared_ann);
  original_lines = g_strsplit (original, "\n", -1);
  exported_lines = g_strsplit (exported, "\n", -1);

  for (guint i = 0; original_lines[i] != NULL; i++)
    {
      if (original_lines[i][0] == 'T')
        n_t++;
      if (strchr ("TRE*", original_lines[i][0]) != NULL && original_lines[i][0] != '\0')
        g_assert_true (has_line (exported_lines, original_lines[i]));
    }
  g_assert_cmpuint (n_t, >, 0);
  g_assert_cmpuint (gloss_import_get_n_taken (import), >=, n_t);

  test_remove_tree (dir);
}

static const char discontinuous_text[] = "Ana met Bo in the old town hall of Ely.\n";
static const char discontinuous_ann[] =
  "T1\tPlace 18 21;27 38\told hall of Ely\n"
  "T2\tPerson 0 3\tAna\n"
  "#1\tAnnotatorNotes T1\ttwo fragments\n"
  "R1\tMet Arg1:T2 Arg2:T1\t\n";

static void
test_discontinuous (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *txt = g_build_filename (dir, "ely.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "ely.ann", NULL);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *exported = NULL;
  GListModel *annotations;
  g_autoptr(GlossAnnotation) first = NULL;
  g_autoptr(GlossAnnotation) second = NULL;

  test_write (txt, discontinuous_text);
  test_write (ann, discontinuous_ann);
  import = import_and_save (ann);
  g_assert_cmpuint (gloss_import_get_n_taken (import), ==, 3);
  g_assert_cmpuint (gloss_import_get_n_kept (import), ==, 1);

  document = test_load (txt);
  annotations = gloss_document_get_annotations (document);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 3);
  first = g_list_model_get_item (annotations, 1);
  second = g_list_model_get_item (annotations, 2);
  g_assert_cmpstr (gloss_annotation_get_quote (first), ==, "old");
  g_assert_cmpstr (gloss_annotation_get_quote (second), ==, "hall of Ely");
  g_assert_cmpstr (gloss_annotation_get_note (second), ==, "two fragments");
  g_assert_cmpstr (gloss_annotation_get_entity (first), ==, gloss_annotation_get_entity (second));

  exported = export_ann (txt);
  g_assert_cmpstr (exported, ==,
                   "T1\tPlace 18 21;27 38\told hall of Ely\n"
                   "T2\tPerson 0 3\tAna\n"
                   "#1\tAnnotatorNotes T1\ttwo fragments\n"
                   "R1\tMet Arg1:T2 Arg2:T1\t\n");

  test_remove_tree (dir);
}

typedef struct
{
  const char       *name;
  const char       *ann;
  GlossFormatError  code;
  const char       *where;
} BadCase;

static const BadCase bad_cases[] = {
  { "no-tab", "T2\tPerson 0 3\tAna\nT3 Person 4 7 met\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
    "ely.ann:2: T3 Person" },
  { "outside", "T2\tPerson 0 300\tAna\n", GLOSS_FORMAT_ERROR_MISMATCH, "ely.ann:1: T2: 0–300" },
  { "mismatch", "T2\tPerson 0 3\tBob\n", GLOSS_FORMAT_ERROR_MISMATCH, "ely.ann:1: T2 says “Bob”" },
  { "reversed", "T2\tPerson 3 0\tAna\n", GLOSS_FORMAT_ERROR_INVALID_INPUT, "ely.ann:1:" },
  { "duplicate", "T2\tPerson 0 3\tAna\nT2\tPerson 0 3\tAna\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
    "ely.ann:2: T2 is defined twice" },
  { "dangling", "T2\tPerson 0 3\tAna\nA1\tNegated T9\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
    "ely.ann:2: A1 refers to T9" },
  { "status", "T2\tClaim 0 10\tAna met Bo\nA1\tStatus T2 maybe\n",
    GLOSS_FORMAT_ERROR_INVALID_INPUT, "ely.ann:2: “maybe” is not a claim status" },
  { "unknown", "T2\tPerson 0 3\tAna\n\nX1\tsomething\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
    "ely.ann:3: “X1”" },
  { "not-utf8", "T2\tPerson 0 3\tAna\nT3\tPerson 8 10\tB\xff\n", GLOSS_FORMAT_ERROR_INVALID_INPUT,
    "ely.ann:2: the file is not UTF-8" },
};

/* A broken file is refused with its line, and the sidecar an earlier
 * import wrote stays byte for byte. */
static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *txt = g_build_filename (dir, "ely.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "ely.ann", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "ely.txt.gloss.json", NULL);
  g_autoptr(GlossImport) first = NULL;
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  test_write (txt, discontinuous_text);
  test_write (ann, discontinuous_ann);
  first = import_and_save (ann);
  before = test_read (sidecar);

  test_write (ann, c->ann);
  import = test_import ("brat", ann, NULL, NULL, &error);
  g_assert_null (import);
  test_assert_refused (error, (int) c->code, c->where);

  after = test_read (sidecar);
  g_assert_cmpstr (after, ==, before);
  test_remove_tree (dir);
}

static void
test_no_text (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *ann = g_build_filename (dir, "alone.ann", NULL);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  test_write (ann, discontinuous_ann);
  import = test_import ("brat", ann, NULL, NULL, &error);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "alone.txt"));
  names = test_list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  test_remove_tree (dir);
}

/* Importing the same file again adds nothing twice. */
static void
test_merge_again (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *txt = g_build_filename (dir, "ely.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "ely.ann", NULL);
  g_autoptr(GlossImport) first = NULL;
  g_autoptr(GlossImport) second = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *summary = NULL;

  test_write (txt, discontinuous_text);
  test_write (ann, discontinuous_ann);
  first = import_and_save (ann);
  second = import_and_save (ann);
  summary = gloss_import_dup_summary (second);
  g_assert_nonnull (strstr (summary, "not added again: 3"));

  document = test_load (txt);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_entities (document)), ==, 2);
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *base = g_path_get_basename (examples[i]);
      g_autofree char *path = g_strconcat ("/gloss/formats/brat/round-trip/", base, NULL);

      g_test_add_data_func (path, examples[i], test_round_trip);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/gloss/formats/brat/bad/", bad_cases[i].name, NULL);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/gloss/formats/brat/discontinuous", test_discontinuous);
  g_test_add_func ("/gloss/formats/brat/no-text", test_no_text);
  g_test_add_func ("/gloss/formats/brat/merge-again", test_merge_again);

  return g_test_run ();
}
