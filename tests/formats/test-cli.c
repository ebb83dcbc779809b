/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "formats-test-util.h"

/* Runs the built gloss-cli with the arguments, NULL-terminated. */
G_GNUC_NULL_TERMINATED static TestRun
cli (const char *first,
     ...)
{
  TestRun run = { 0 };
  va_list args;

  va_start (args, first);
  test_run_cli_valist (&run, first, args);
  va_end (args);

  return run;
}

static void
assert_run (TestRun    *run,
            int         status,
            const char *out,
            const char *err)
{
  if (run->status != status || (out != NULL && strstr (run->out, out) == NULL) ||
      (err != NULL && strstr (run->err, err) == NULL))
    g_error ("exit %d (expected %d)\nstdout: %s\nstderr: %s", run->status, status, run->out,
             run->err);
}

static void
test_export (void)
{
  g_autofree char *article = test_data_path ("article.txt");
  g_autofree char *golden = test_data_path ("golden/article.md");
  g_autofree char *expected = test_read (golden);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "brat", NULL);
  g_autofree char *report = g_build_filename (dir, "report.md", NULL);
  g_autofree char *written = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(TestRun) csv = cli ("export", "--format", "csv", article, NULL);
  g_auto(TestRun) missing = cli ("export", article, NULL);
  g_auto(TestRun) unknown = cli ("export", "--format", "docx", article, NULL);
  g_auto(TestRun) brat_stdout = cli ("export", "--format", "brat", article, NULL);
  g_auto(TestRun) brat = cli ("export", "--format", "brat", article, "-o", folder, NULL);
  g_auto(TestRun) md = cli ("export", "-f", "report", "-o", report, article, NULL);

  assert_run (&csv, 0, "\xEF\xBB\xBFid,kind,label", NULL);
  assert_run (&missing, 2, NULL, "export needs --format, one of: csv, w3c, brat");
  assert_run (&unknown, 2, NULL, "cannot use the format “docx”");
  assert_run (&brat_stdout, 2, NULL, "give it with -o FOLDER");
  assert_run (&brat, 0, NULL, "warning: Annotation n0000005 is orphaned");
  names = test_list_dir (folder);
  g_assert_cmpstrv (names, ((const char *[]) { "article.ann", "article.txt", NULL }));
  assert_run (&md, 0, NULL, NULL);
  written = test_read (report);
  g_assert_cmpstr (written, ==, expected);
  test_remove_tree (dir);
}

/* A sidecar that does not parse exports nothing rather than nothing at all. */
static void
test_export_broken_sidecar (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "a.txt.gloss.json", NULL);

  test_write (article, "Some text.\n");
  test_write (sidecar, "{\"format\": \"gloss\",\n \"version\": 1,\n \"annotations\": [\n");
  {
    g_auto(TestRun) run = cli ("export", "--format", "csv", article, NULL);

    assert_run (&run, 2, NULL, "cannot be read");
    g_assert_cmpstr (run.out, ==, "");
  }
  test_remove_tree (dir);
}

static void
test_import_brat (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *txt = g_build_filename (dir, "ely.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "ely.ann", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "ely.txt.gloss.json", NULL);

  test_write (txt, "Ana met Bo in the old town hall of Ely.\n");
  test_write (ann, "T1\tPerson 0 3\tAna\nT2\tPerson 8 11\tBob\nR1\tMet Arg1:T1 Arg2:T2\t\n");
  {
    g_auto(TestRun) bad = cli ("import", "--format", "brat", ann, NULL);

    assert_run (&bad, 1, NULL, "gloss-cli: ely.ann:2: T2 says “Bob”, but the text there is “Bo ”");
    g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  }

  test_write (ann, "T1\tPerson 0 3\tAna\nT2\tPerson 8 10\tBo\nR1\tMet Arg1:T1 Arg2:T2\t\n");
  {
    g_auto(TestRun) dry = cli ("import", "--dry-run", "--format", "brat", ann, NULL);
    g_auto(TestRun) run = { 0 };

    assert_run (&dry, 0, "Dry run: nothing was written.", NULL);
    g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
    run = cli ("import", "--format", "brat", ann, NULL);
    assert_run (&run, 0, "Taken: 2 entity mentions, 0 claims, 0 notes", NULL);
    assert_run (&run, 0, "Kept aside as unknown data in the sidecar: 1", NULL);
    assert_run (&run, 0, "relations (R lines)", NULL);
    g_assert_true (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  }
  test_remove_tree (dir);
}

static void
test_import_usage (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *jsonl = g_build_filename (dir, "in.jsonl", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *article = g_build_filename (out, "in-1.txt", NULL);
  g_auto(TestRun) no_article = cli ("import", "--format", "w3c", jsonl, NULL);
  g_auto(TestRun) no_folder = cli ("import", "--format", "doccano", jsonl, NULL);
  g_auto(TestRun) csv = cli ("import", "--format", "csv", jsonl, NULL);
  g_auto(TestRun) missing = cli ("import", "--format", "doccano", jsonl, "-o", out, NULL);

  assert_run (&no_article, 2, NULL, "needs the article");
  assert_run (&no_folder, 2, NULL, "needs a folder");
  assert_run (&csv, 2, NULL, "it can use: w3c, brat, doccano");
  assert_run (&missing, 2, NULL, "in.jsonl");

  test_write (jsonl, "{\"text\": \"Elm Island \xF0\x9F\x9A\xA2 ferry\", \"label\": [[14, 19, \"Event\"]]}\n");
  {
    g_auto(TestRun) run = cli ("import", "--format", "doccano", "--utf16", jsonl, "-o", out, NULL);
    g_autoptr(GlossDocument) document = NULL;
    g_autoptr(GlossAnnotation) annotation = NULL;

    assert_run (&run, 0, "Taken: 1 entity mentions", "");
    document = test_load (article);
    annotation = g_list_model_get_item (gloss_document_get_annotations (document), 0);
    g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, "ferry");
  }
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/formats/cli/export", test_export);
  g_test_add_func ("/gloss/formats/cli/export-broken-sidecar", test_export_broken_sidecar);
  g_test_add_func ("/gloss/formats/cli/import-brat", test_import_brat);
  g_test_add_func ("/gloss/formats/cli/import-usage", test_import_usage);

  return g_test_run ();
}
