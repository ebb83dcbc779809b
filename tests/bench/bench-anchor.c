/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-anchor.h"

/* Re-anchoring 10,000 annotations on a generated article of about 1 MB,
 * unchanged and after edits at about 100 places (1% of the text). Prints
 * the figures and fails if a target is missed or the unchanged text does
 * not anchor exactly. */

#define TEXT_BYTES 1000000
#define N_ANNOTATIONS 10000
#define N_EDITS 100
#define N_RUNS 5
#define TARGET_UNCHANGED_MS 100.0
#define TARGET_EDITED_MS 300.0
#define TARGET_MEMORY_MB 100.0

/* Words in rough order of frequency; sentences draw them with Zipf-like
 * weights, as in real prose. */
static const char *words[] = {
  "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "it",
  "with", "as", "he", "she", "they", "at", "by", "this", "had", "from", "but",
  "not", "are", "his", "her", "their", "have", "be", "which", "one", "you",
  "were", "all", "we", "when", "there", "can", "an", "been", "has", "more",
  "if", "will", "would", "who", "so", "no", "said", "about", "up", "out",
  "than", "into", "them", "only", "other", "new", "some", "could", "time",
  "these", "two", "may", "first", "then", "do", "any", "like", "my", "now",
  "over", "such", "our", "man", "me", "even", "most", "made", "after", "also",
  "did", "many", "before", "must", "through", "back", "years", "where",
  "much", "your", "way", "well", "down", "should", "because", "each", "just",
  "those", "people", "government", "how", "too", "little", "state", "good",
  "very", "make", "world", "still", "own", "see", "men", "work", "long",
  "get", "here", "between", "both", "life", "being", "under", "never", "day",
  "same", "another", "know", "while", "last", "might", "us", "great", "old",
  "year", "off", "come", "since", "against", "go", "came", "right", "used",
  "take", "three", "council", "minister", "harbour", "budget", "river",
  "bridge", "election", "report", "market", "school", "railway", "hospital",
  "police", "court", "museum", "station", "farmers", "prices", "workers",
  "union", "company", "investors", "residents", "parliament", "agreement",
  "inquiry", "festival", "storm", "drought", "energy", "airport", "teachers",
  "students", "committee", "plan", "project", "strike", "survey", "tax",
  "policy", "announced", "warned", "confirmed", "denied", "approved",
  "rejected", "expects", "reported", "promised", "criticised", "proposed",
  "delayed", "increase", "decline", "percent", "million", "billion",
  "official", "spokesperson", "statement", "evening", "morning", "Tuesday",
  "Friday", "capital", "region", "province", "village", "coast", "border",
  "debate", "vote", "law", "reform", "crisis", "talks", "deal", "funding",
  "contract", "shortage", "supply", "demand", "housing", "rent", "wages",
  "pension", "health", "climate", "emissions", "transport", "traffic",
  "accident", "flood", "fire", "protest", "police", "arrest", "trial",
  "judge", "verdict", "appeal", "witness", "evidence", "document", "leak",
  "interview", "analysis", "forecast", "growth", "inflation", "unemployment",
  "export", "import", "tariff", "industry", "factory", "mine", "harvest",
  "Zürich", "São Paulo", "Kraków", "Lagos", "Montréal", "Nordbank",
  "Ines Varga", "Tomás Ortega", "Amira Haddad", "Li Wei", "Renée Dubois",
  "Łukasz Nowak", "Jonas Berg", "Red Cross", "Ministry of Finance",
};

typedef struct
{
  GString *text;
  GArray  *word_starts;  /* code point offsets of word starts */
  GArray  *word_ends;
  gint64   length;       /* code points so far */
} Article;

static void
article_append (Article    *article,
                const char *piece,
                gboolean    is_word)
{
  if (is_word)
    g_array_append_val (article->word_starts, article->length);
  g_string_append (article->text, piece);
  article->length += g_utf8_strlen (piece, -1);
  if (is_word)
    g_array_append_val (article->word_ends, article->length);
}

/* Rank r is drawn with weight 1 / (r + 8). */
static const char *
pick_word (GRand *rand)
{
  static gdouble total;
  gdouble roll;
  guint i;

  if (total == 0)
    for (i = 0; i < G_N_ELEMENTS (words); i++)
      total += 1.0 / (i + 8);
  roll = g_rand_double (rand) * total;
  for (i = 0; i + 1 < G_N_ELEMENTS (words); i++)
    {
      roll -= 1.0 / (i + 8);
      if (roll <= 0)
        break;
    }
  return words[i];
}

static void
append_sentence (Article *article,
                 GRand   *rand,
                 gboolean mark_words)
{
  guint n = g_rand_int_range (rand, 6, 24);
  gsize first = article->text->len;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        article_append (article, g_rand_int_range (rand, 0, 8) == 0 ? ", " : " ", FALSE);
      article_append (article, pick_word (rand), mark_words);
    }
  article->text->str[first] = g_ascii_toupper (article->text->str[first]);
  article_append (article, ".", FALSE);
}

static void
generate_article (Article *article,
                  GRand   *rand)
{
  article->text = g_string_sized_new (TEXT_BYTES + 1000);
  article->word_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  article->word_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  article->length = 0;
  while (article->text->len < TEXT_BYTES)
    {
      guint n = g_rand_int_range (rand, 3, 8);

      for (guint i = 0; i < n; i++)
        {
          append_sentence (article, rand, TRUE);
          article_append (article, i + 1 < n ? " " : "\n\n", FALSE);
        }
    }
}

typedef struct
{
  GlossSelector *selectors;
  char         **strings;
} Annotations;

/* Entity mentions of one to three words, notes of a few, claims of a
 * sentence or more. */
static void
make_annotations (Annotations    *annotations,
                  const Article  *article,
                  GlossTextIndex *index,
                  GRand          *rand)
{
  guint n_words = article->word_starts->len;

  annotations->selectors = g_new0 (GlossSelector, N_ANNOTATIONS);
  annotations->strings = g_new0 (char *, 3 * N_ANNOTATIONS + 1);
  for (guint i = 0; i < N_ANNOTATIONS; i++)
    {
      guint roll = g_rand_int_range (rand, 0, 10);
      guint span = roll < 7 ? g_rand_int_range (rand, 1, 4)
                   : roll < 8 ? g_rand_int_range (rand, 3, 7)
                   : g_rand_int_range (rand, 8, 30);
      guint first = g_rand_int_range (rand, 0, n_words - span);
      GlossSelector *selector = &annotations->selectors[i];
      char **strings = &annotations->strings[3 * i];

      selector->start = g_array_index (article->word_starts, gint64, first);
      selector->end = g_array_index (article->word_ends, gint64, first + span - 1);
      gloss_text_index_describe (index, selector->start, selector->end,
                                 &strings[0], &strings[1], &strings[2]);
      selector->quote = strings[0];
      selector->prefix = strings[1];
      selector->suffix = strings[2];
    }
}

/* Byte offset of a character boundary at or after @byte. */
static gsize
boundary_after (const char *text,
                gsize       byte)
{
  while (((guchar) text[byte] & 0xC0) == 0x80)
    byte++;
  return byte;
}

/* Insertions, deletions and substitutions of about 100 bytes each, at
 * @N_EDITS places spread over the text. */
static char *
edit_article (const char *text,
              gsize       length,
              GRand      *rand,
              gsize      *changed)
{
  GString *edited = g_string_sized_new (length + 20000);
  gsize stride = length / N_EDITS;
  gsize done = 0;

  *changed = 0;
  for (guint i = 0; i < N_EDITS; i++)
    {
      gsize at = boundary_after (text, i * stride + g_rand_int_range (rand, 0, stride - 300));
      gsize cut = boundary_after (text, at + g_rand_int_range (rand, 40, 160)) - at;
      Article insert = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (gint64)),
                         g_array_new (FALSE, FALSE, sizeof (gint64)), 0 };
      guint kind = i % 3;

      g_string_append_len (edited, text + done, at - done);
      append_sentence (&insert, rand, FALSE);
      if (kind != 1)
        g_string_append_printf (edited, "%s ", insert.text->str);
      done = kind == 0 ? at : at + cut;
      *changed += (kind != 1 ? insert.text->len + 1 : 0) + (kind != 0 ? cut : 0);
      g_string_free (insert.text, TRUE);
      g_array_unref (insert.word_starts);
      g_array_unref (insert.word_ends);
    }
  g_string_append_len (edited, text + done, length - done);
  return g_string_free (edited, FALSE);
}

static gdouble
anchor_once (const char          *text,
             const GlossSelector *selectors,
             GlossAnchor         *anchors)
{
  gint64 begin = g_get_monotonic_time ();
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (text, -1);

  gloss_text_index_anchor (index, selectors, N_ANNOTATIONS, anchors);
  return (g_get_monotonic_time () - begin) / 1000.0;
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble da = *(const gdouble *) a, db = *(const gdouble *) b;

  return (da > db) - (da < db);
}

typedef struct
{
  gdouble best;
  gdouble median;
} Timing;

/* N_RUNS anchorings, index build included. Interference from other work
 * on the machine only ever adds time, so the best run is judged. */
static Timing
anchor_timing (const char          *text,
               const GlossSelector *selectors,
               GlossAnchor         *anchors)
{
  gdouble times[N_RUNS];

  for (guint i = 0; i < N_RUNS; i++)
    times[i] = anchor_once (text, selectors, anchors);
  qsort (times, N_RUNS, sizeof (gdouble), compare_doubles);
  return (Timing) { times[0], times[N_RUNS / 2] };
}

static gboolean
report_timing (const char *name,
               Timing      timing,
               gdouble     target)
{
  gboolean ok = timing.best < target;

  printf ("%s: %.1f ms (best of %d, median %.1f ms; target < %.0f ms%s)\n", name,
          timing.best, N_RUNS, timing.median, target, ok ? "" : ", MISSED");
  return ok;
}

static gdouble
peak_memory_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return -1.0;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static gboolean
report_memory (gdouble megabytes)
{
  gboolean ok = megabytes >= 0 && megabytes < TARGET_MEMORY_MB;

  printf ("peak-memory: %.1f MB (VmHWM; target < %.0f MB%s)\n", megabytes,
          TARGET_MEMORY_MB, ok ? "" : ", MISSED");
  return ok;
}

static void
print_states (const GlossAnchor *anchors)
{
  guint counts[GLOSS_ANCHOR_ORPHANED + 1] = { 0, };

  for (guint i = 0; i < N_ANNOTATIONS; i++)
    counts[anchors[i].state]++;
  printf ("anchor-edited-states: exact %u, moved %u, fuzzy %u, orphaned %u\n",
          counts[GLOSS_ANCHOR_EXACT], counts[GLOSS_ANCHOR_MOVED],
          counts[GLOSS_ANCHOR_FUZZY], counts[GLOSS_ANCHOR_ORPHANED]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1789);
  g_autofree GlossAnchor *anchors = g_new0 (GlossAnchor, N_ANNOTATIONS);
  g_autoptr(GlossTextIndex) index = NULL;
  g_autofree char *edited = NULL;
  Article article;
  Annotations annotations;
  gboolean ok = TRUE;
  gsize changed;

  generate_article (&article, rand);
  index = gloss_text_index_new (article.text->str, article.text->len);
  make_annotations (&annotations, &article, index, rand);
  edited = edit_article (article.text->str, article.text->len, rand, &changed);
  printf ("anchor-text: %" G_GSIZE_FORMAT " bytes, %" G_GINT64_FORMAT " code points, "
          "%d annotations\n", article.text->len, gloss_text_index_get_length (index),
          N_ANNOTATIONS);
  printf ("anchor-edits: %d places, %" G_GSIZE_FORMAT " bytes changed (%.2f%%)\n",
          N_EDITS, changed, 100.0 * changed / article.text->len);
  ok &= report_timing ("anchor-unchanged",
                       anchor_timing (article.text->str, annotations.selectors, anchors),
                       TARGET_UNCHANGED_MS);
  for (guint i = 0; i < N_ANNOTATIONS; i++)
    ok &= anchors[i].state == GLOSS_ANCHOR_EXACT;
  ok &= report_timing ("anchor-edited",
                       anchor_timing (edited, annotations.selectors, anchors),
                       TARGET_EDITED_MS);
  print_states (anchors);
  ok &= report_memory (peak_memory_mb ());
  g_strfreev (annotations.strings);
  g_free (annotations.selectors);
  g_string_free (article.text, TRUE);
  g_array_unref (article.word_starts);
  g_array_unref (article.word_ends);
  return ok ? 0 : 1;
}
