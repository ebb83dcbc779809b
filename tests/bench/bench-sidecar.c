/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gloss-core.h"

/* Sidecar load and save on a generated article of about 1 MB with 10,000
 * annotations, built from a fixed seed. Prints one figure per line. */

#define TARGET_BYTES   (1024 * 1024)
#define N_ANNOTATIONS  10000
#define N_ENTITIES     200
#define N_ROUNDS       5

static const char * const words[] = {
  "the", "council", "harbour", "bridge", "minister", "said", "on", "Tuesday", "report",
  "would", "cost", "million", "study", "vote", "residents", "ferry", "traffic", "plan",
  "opposition", "budget", "percent", "after", "before", "city", "port", "workers", "union",
  "agreed", "rejected", "announced", "government", "election", "a", "of", "to", "and", "in",
  "that", "was", "for", "with", "by", "its", "new", "first", "last", "year", "week",
  "Lowmoor", "Brandt", "Ferreira", "Okafor", "€", "crossing", "commuters", "délai", "naïve",
};

static char *
generate_text (GRand *rand)
{
  GString *text = g_string_sized_new (TARGET_BYTES + 1024);

  g_string_append (text, "Generated Harbour Report\n\n");
  while (text->len < TARGET_BYTES)
    {
      guint n_words = g_rand_int_range (rand, 6, 24);

      for (guint i = 0; i < n_words; i++)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

          if (i == 0)
            {
              g_string_append_unichar (text, g_unichar_toupper (g_utf8_get_char (word)));
              g_string_append (text, g_utf8_next_char (word));
            }
          else
            g_string_append_printf (text, " %s", word);
        }
      g_string_append (text, g_rand_int_range (rand, 0, 8) == 0 ? ".\n\n" : ". ");
    }

  return g_string_free (text, FALSE);
}

static void
annotate (GlossDocument *document,
          GRand         *rand)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new ();
  gint64 length = gloss_document_get_length (document);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_ENTITIES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Entity %u", i);

      g_ptr_array_add (entities, gloss_document_create_entity (document, name, "person", &error));
    }

  for (guint i = 0; i < N_ANNOTATIONS; i++)
    {
      gint64 start = g_rand_int_range (rand, 0, length - 200);
      gint64 end = start + g_rand_int_range (rand, 4, 120);
      GlossAnnotationKind kind = g_rand_int_range (rand, 0, 3);
      GlossEntity *entity = g_ptr_array_index (entities, g_rand_int_range (rand, 0, N_ENTITIES));
      GlossAnnotation *annotation;

      annotation = gloss_document_add_annotation (document, kind, start, end, NULL,
                                                  gloss_entity_get_id (entity), &error);
      g_assert_no_error (error);
      if (kind == GLOSS_ANNOTATION_CLAIM)
        gloss_document_set_claim_verdict (document, annotation, GLOSS_VERDICT_MIXED, &error);
      else if (kind == GLOSS_ANNOTATION_NOTE)
        gloss_document_set_annotation_note (document, annotation, "Check this against the minutes.", &error);
    }
}

/* Scattered edits over about 1% of the text. */
static char *
edit_text (const char *text,
           GRand      *rand)
{
  GString *edited = g_string_new (NULL);
  gsize length = strlen (text);
  gsize step = length / 100;
  const char *p = text;

  for (guint i = 1; i < 100; i++)
    {
      const char *cut = g_utf8_find_prev_char (text, text + i * step);

      g_string_append_len (edited, p, cut - p);
      g_string_append (edited, g_rand_boolean (rand) ? " (amended) " : "");
      p = g_utf8_find_next_char (cut + g_rand_int_range (rand, 0, 60), NULL);
      p = g_utf8_find_prev_char (text, p);
    }
  g_string_append (edited, p);

  return g_string_free (edited, FALSE);
}

static double
peak_memory_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;

  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static double
best_of (double *times,
         guint   n)
{
  double best = times[0];

  for (guint i = 1; i < n; i++)
    best = MIN (best, times[i]);

  return best;
}

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
  g_autofree char *text = generate_text (rand);
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
  annotate (document, rand);
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_clear_object (&document);
  { g_autofree char *contents = NULL; g_file_get_contents (sidecar_path, &contents, &sidecar_size, NULL); }
  printf ("sidecar-article: %.2f MB, %d annotations, sidecar %.2f MB\n",
          strlen (text) / 1048576.0, N_ANNOTATIONS, sidecar_size / 1048576.0);

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      gint64 begin;

      load[i] = time_load (article, &report, &document);
      g_assert_cmpuint (report->counts[GLOSS_ANCHOR_EXACT], ==, N_ANNOTATIONS);
      begin = g_get_monotonic_time ();
      g_assert_true (gloss_document_save (document, NULL, &error));
      save[i] = (g_get_monotonic_time () - begin) / 1000.0;
    }
  printf ("sidecar-load: %.1f ms\n", best_of (load, N_ROUNDS));
  printf ("sidecar-save: %.1f ms\n", best_of (save, N_ROUNDS));

  /* the article edited elsewhere: every annotation is placed again */
  edited = edit_text (text, rand);
  g_file_set_contents (path, edited, -1, &error);
  for (guint i = 0; i < N_ROUNDS; i++)
    edited_load[i] = time_load (article, &report, &document);
  printf ("sidecar-load-edited: %.1f ms (exact %u, moved %u, fuzzy %u, orphaned %u)\n",
          best_of (edited_load, N_ROUNDS), report->counts[GLOSS_ANCHOR_EXACT],
          report->counts[GLOSS_ANCHOR_MOVED], report->counts[GLOSS_ANCHOR_FUZZY],
          report->counts[GLOSS_ANCHOR_ORPHANED]);
  printf ("sidecar-peak-memory: %.1f MB\n", peak_memory_mb ());

  g_clear_object (&document);
  g_unlink (sidecar_path);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
