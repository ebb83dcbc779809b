/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bench-article.h"

/* The article the benchmarks measure: about 1 MB of news-like sentences
 * with 10,000 annotations, the same for a given seed. */

#define TARGET_BYTES   (1024 * 1024)
#define N_ENTITIES     200

static const char * const words[] = {
  "the", "council", "harbour", "bridge", "minister", "said", "on", "Tuesday", "report",
  "would", "cost", "million", "study", "vote", "residents", "ferry", "traffic", "plan",
  "opposition", "budget", "percent", "after", "before", "city", "port", "workers", "union",
  "agreed", "rejected", "announced", "government", "election", "a", "of", "to", "and", "in",
  "that", "was", "for", "with", "by", "its", "new", "first", "last", "year", "week",
  "Lowmoor", "Brandt", "Ferreira", "Okafor", "€", "crossing", "commuters", "délai", "naïve",
};

char *
bench_generate_text (GRand *rand)
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

void
bench_annotate (GlossDocument *document,
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

  for (guint i = 0; i < BENCH_N_ANNOTATIONS; i++)
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
char *
bench_edit_text (const char *text,
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

double
bench_peak_memory_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;

  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

double
bench_best_of (double *times,
         guint   n)
{
  double best = times[0];

  for (guint i = 1; i < n; i++)
    best = MIN (best, times[i]);

  return best;
}

