/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bench-article.h"

/* Sidecar load and save on a generated article of about 1 MB with 10,000
 * annotations, built from a fixed seed. Prints one figure per line. */

#define N_ROUNDS 5

static double
time_load (GFile                    *article,
           const GlossAnchorReport **report_out,
           GlossDocument           **kept)
{
  g_autoptr(GError) error = NULL;
  gint64 begin = g_get_monotonic_time ();
  GlossDocument *document = gloss_document_load (article, NULL, &error);
  double ms = (g_get_monotonic_time () - begin) / 1000.0;

  g_assert_no_error (error);
  g_assert_null (gloss_document_get_sidecar_error (document));
  *report_out = gloss_document_get_load_report (document);
  g_clear_object (kept);
  *kept = document;

  return ms;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260518);
  g_autofree char *dir = g_dir_make_tmp ("gloss-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *sidecar_path = g_strconcat (path, ".gloss.json", NULL);
  g_autofree char *text = bench_generate_text (rand);
  g_autofree char *edited = NULL;
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const GlossAnchorReport *report = NULL;
  double load[N_ROUNDS], save[N_ROUNDS], edited_load[N_ROUNDS];
  gsize sidecar_size = 0;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  document = gloss_document_load (article, NULL, &error);
  bench_annotate (document, rand);
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_clear_object (&document);
  { g_autofree char *contents = NULL; g_file_get_contents (sidecar_path, &contents, &sidecar_size, NULL); }
  printf ("sidecar-article: %.2f MB, %d annotations, sidecar %.2f MB\n",
          strlen (text) / 1048576.0, BENCH_N_ANNOTATIONS, sidecar_size / 1048576.0);

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      gint64 begin;

      load[i] = time_load (article, &report, &document);
      g_assert_cmpuint (report->counts[GLOSS_ANCHOR_EXACT], ==, BENCH_N_ANNOTATIONS);
      begin = g_get_monotonic_time ();
      g_assert_true (gloss_document_save (document, NULL, &error));
      save[i] = (g_get_monotonic_time () - begin) / 1000.0;
    }
  printf ("sidecar-load: %.1f ms\n", bench_best_of (load, N_ROUNDS));
  printf ("sidecar-save: %.1f ms\n", bench_best_of (save, N_ROUNDS));

  /* the article edited elsewhere: every annotation is placed again */
  edited = bench_edit_text (text, rand);
  g_file_set_contents (path, edited, -1, &error);
  for (guint i = 0; i < N_ROUNDS; i++)
    edited_load[i] = time_load (article, &report, &document);
  printf ("sidecar-load-edited: %.1f ms (exact %u, moved %u, fuzzy %u, orphaned %u)\n",
          bench_best_of (edited_load, N_ROUNDS), report->counts[GLOSS_ANCHOR_EXACT],
          report->counts[GLOSS_ANCHOR_MOVED], report->counts[GLOSS_ANCHOR_FUZZY],
          report->counts[GLOSS_ANCHOR_ORPHANED]);
  printf ("sidecar-peak-memory: %.1f MB\n", bench_peak_memory_mb ());

  g_clear_object (&document);
  g_unlink (sidecar_path);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
