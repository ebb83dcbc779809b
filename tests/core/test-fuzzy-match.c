/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gloss-fuzzy-match.h"

/* Alphabets small enough that random strings match often, one of them
 * outside Latin-1 and one with astral-plane code points. */
static const gunichar alphabets[][4] = {
  { 'a', 'b', 0, 0 },
  { 'a', 'c', 'g', 't' },
  { 0x5317, 0x4EAC, 'x', 0x00E9 },
  { 0x1F600, 0x0645, 'z', 0x1F30D },
};

typedef struct
{
  gunichar *chars;
  gsize     length;
} Word;

static Word
random_word (GRand *rand,
             guint  alphabet,
             gsize  min_length,
             gsize  max_length)
{
  guint size = alphabets[alphabet][2] == 0 ? 2 : 4;
  Word word;
  gsize i;

  word.length = g_rand_int_range (rand, min_length, max_length + 1);
  word.chars = g_new (gunichar, word.length + 1);
  for (i = 0; i < word.length; i++)
    word.chars[i] = alphabets[alphabet][g_rand_int_range (rand, 0, size)];
  return word;
}

/* The textbook dynamic programme: row i of the pattern against the text,
 * with a free start when @search, a fixed one otherwise. Returns the last
 * row, length text_length + 1. */
static guint *
naive_last_row (const gunichar *pattern,
                gsize           m,
                const gunichar *text,
                gsize           n,
                gboolean        search)
{
  guint *row = g_new (guint, n + 1);
  guint *next = g_new (guint, n + 1);
  gsize i, j;

  for (j = 0; j <= n; j++)
    row[j] = search ? 0 : j;
  for (i = 1; i <= m; i++)
    {
      guint *swap;

      next[0] = i;
      for (j = 1; j <= n; j++)
        {
          guint best = row[j - 1] + (pattern[i - 1] != text[j - 1]);

          best = MIN (best, row[j] + 1);
          best = MIN (best, next[j - 1] + 1);
          next[j] = best;
        }
      swap = row, row = next, next = swap;
    }
  g_free (next);
  return row;
}

static guint
naive_distance (const gunichar *a,
                gsize           m,
                const gunichar *b,
                gsize           n)
{
  g_autofree guint *row = naive_last_row (a, m, b, n, FALSE);

  return row[n];
}

static void
test_scan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint round, checked = 0;

  for (round = 0; round < 400; round++)
    {
      guint alphabet = round % G_N_ELEMENTS (alphabets);
      /* Lengths around and past 64 exercise the block boundaries. */
      Word pattern = random_word (rand, alphabet, 1, round % 3 == 0 ? 200 : 70);
      Word text = random_word (rand, alphabet, 0, 400);
      guint k = g_rand_int_range (rand, 0, pattern.length / 2 + 2);
      g_autoptr(GlossFuzzyMatch) match = gloss_fuzzy_match_new (pattern.chars, pattern.length);
      g_autofree guint *got = g_new (guint, text.length + 1);
      g_autofree guint *want = naive_last_row (pattern.chars, pattern.length,
                                               text.chars, text.length, TRUE);
      gsize j;

      gloss_fuzzy_match_scan (match, text.chars, text.length, k, got);
      for (j = 0; j <= text.length; j++)
        {
          if (want[j] <= k)
            g_assert_cmpuint (got[j], ==, want[j]);
          else
            g_assert_cmpuint (got[j], ==, G_MAXUINT);
          checked += want[j] <= k;
        }
      g_free (pattern.chars);
      g_free (text.chars);
    }
  /* The comparison must have covered real matches, not only misses. */
  g_assert_cmpuint (checked, >, 1000);
}

static void
test_profile (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  guint round;

  for (round = 0; round < 300; round++)
    {
      guint alphabet = round % G_N_ELEMENTS (alphabets);
      Word pattern = random_word (rand, alphabet, 0, 150);
      Word text = random_word (rand, alphabet, 0, 200);
      g_autoptr(GlossFuzzyMatch) match = gloss_fuzzy_match_new (pattern.chars, pattern.length);
      g_autofree guint *forward = g_new (guint, text.length + 1);
      g_autofree guint *backward = g_new (guint, text.length + 1);
      gsize t;

      gloss_fuzzy_match_profile (match, text.chars, text.length, FALSE, forward);
      gloss_fuzzy_match_profile (match, text.chars, text.length, TRUE, backward);
      for (t = 0; t <= text.length; t++)
        {
          g_assert_cmpuint (forward[t], ==,
                            naive_distance (pattern.chars, pattern.length, text.chars, t));
          g_assert_cmpuint (backward[t], ==,
                            naive_distance (pattern.chars, pattern.length,
                                            text.chars + text.length - t, t));
        }
      g_free (pattern.chars);
      g_free (text.chars);
    }
}

static void
test_distance (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  const gunichar kitten[] = { 'k', 'i', 't', 't', 'e', 'n' };
  const gunichar sitting[] = { 's', 'i', 't', 't', 'i', 'n', 'g' };
  guint round;

  g_assert_cmpuint (gloss_fuzzy_match_distance (kitten, 6, sitting, 7), ==, 3);
  g_assert_cmpuint (gloss_fuzzy_match_distance (kitten, 0, sitting, 7), ==, 7);
  g_assert_cmpuint (gloss_fuzzy_match_distance (kitten, 6, sitting, 0), ==, 6);
  for (round = 0; round < 500; round++)
    {
      guint alphabet = round % G_N_ELEMENTS (alphabets);
      Word a = random_word (rand, alphabet, 0, 300);
      Word b = random_word (rand, alphabet, 0, 300);

      g_assert_cmpuint (gloss_fuzzy_match_distance (a.chars, a.length, b.chars, b.length),
                        ==, naive_distance (a.chars, a.length, b.chars, b.length));
      g_free (a.chars);
      g_free (b.chars);
    }
}

static gboolean
hit_in_run (GArray *hits,
            gsize   first_end,
            gsize   last_end,
            guint   errors)
{
  guint i;

  for (i = 0; i < hits->len; i++)
    {
      const GlossFuzzyHit *hit = &g_array_index (hits, GlossFuzzyHit, i);

      if (hit->end >= first_end && hit->end <= last_end && hit->errors == errors)
        return TRUE;
    }
  return FALSE;
}

/* Every run of consecutive end positions within the bound must yield a hit
 * with the run's fewest errors. */
static void
check_runs_covered (const guint *row,
                    gsize        n,
                    guint        k,
                    GArray      *hits)
{
  gsize j = 1;

  while (j <= n)
    {
      gsize first = j;
      guint best = G_MAXUINT;

      if (row[j] > k)
        {
          j++;
          continue;
        }
      for (; j <= n && row[j] <= k; j++)
        best = MIN (best, row[j]);
      g_assert_true (hit_in_run (hits, first, j - 1, best));
    }
}

static void
check_search_round (GRand *rand,
                    guint  alphabet)
{
  Word pattern = random_word (rand, alphabet, 1, 140);
  Word text = random_word (rand, alphabet, 0, 500);
  guint k = g_rand_int_range (rand, 0, pattern.length / 3 + 1);
  g_autoptr(GlossFuzzyMatch) match = gloss_fuzzy_match_new (pattern.chars, pattern.length);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (GlossFuzzyHit));
  g_autofree guint *row = naive_last_row (pattern.chars, pattern.length,
                                          text.chars, text.length, TRUE);
  guint i;

  gloss_fuzzy_match_search (match, text.chars, text.length, k, hits);
  for (i = 0; i < hits->len; i++)
    {
      const GlossFuzzyHit *hit = &g_array_index (hits, GlossFuzzyHit, i);

      g_assert_cmpuint (hit->start, <=, hit->end);
      g_assert_cmpuint (hit->end, <=, text.length);
      g_assert_cmpuint (hit->errors, <=, k);
      g_assert_cmpuint (hit->errors, ==, row[hit->end]);
      g_assert_cmpuint (hit->errors, ==,
                        naive_distance (pattern.chars, pattern.length,
                                        text.chars + hit->start, hit->end - hit->start));
    }
  check_runs_covered (row, text.length, k, hits);
  g_free (pattern.chars);
  g_free (text.chars);
}

static void
test_search (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint round;

  for (round = 0; round < 400; round++)
    check_search_round (rand, round % G_N_ELEMENTS (alphabets));
}

/* A copy of @word with @edits random substitutions, insertions and
 * deletions, over letters a to h. */
static Word
mutate (GRand      *rand,
        const Word *word,
        guint       edits)
{
  Word copy = { g_new (gunichar, word->length + edits + 1), word->length };

  memcpy (copy.chars, word->chars, word->length * sizeof (gunichar));
  for (guint e = 0; e < edits; e++)
    {
      gsize at = g_rand_int_range (rand, 0, copy.length);
      gunichar letter = 'a' + g_rand_int_range (rand, 0, 8);

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          copy.chars[at] = letter;
          break;
        case 1:
          memmove (copy.chars + at + 1, copy.chars + at, (copy.length - at) * sizeof (gunichar));
          copy.chars[at] = letter;
          copy.length++;
          break;
        default:
          memmove (copy.chars + at, copy.chars + at + 1, (copy.length - at - 1) * sizeof (gunichar));
          copy.length--;
        }
    }
  return copy;
}

/* Random letters with approximate copies of the patterns planted in. */
static Word
plant_copies (GRand      *rand,
              const Word *patterns,
              guint       n_patterns)
{
  GArray *text = g_array_new (FALSE, FALSE, sizeof (gunichar));
  Word result;

  for (guint i = 0; i < 3 * n_patterns; i++)
    {
      Word filler = random_word (rand, 0, 50, 400);
      Word copy = mutate (rand, &patterns[i % n_patterns],
                          g_rand_int_range (rand, 0, patterns[i % n_patterns].length / 4 + 1));

      for (gsize j = 0; j < filler.length; j++)
        filler.chars[j] += g_rand_int_range (rand, 0, 7);
      g_array_append_vals (text, filler.chars, filler.length);
      g_array_append_vals (text, copy.chars, copy.length);
      g_free (filler.chars);
      g_free (copy.chars);
    }
  result.length = text->len;
  result.chars = (gunichar *) g_array_free (text, FALSE);
  return result;
}

static guint
fewest_in_run (GArray *hits,
               gsize   first_end,
               gsize   last_end)
{
  guint fewest = G_MAXUINT;

  for (guint i = 0; i < hits->len; i++)
    {
      const GlossFuzzyHit *hit = &g_array_index (hits, GlossFuzzyHit, i);

      if (hit->end >= first_end && hit->end <= last_end)
        fewest = MIN (fewest, hit->errors);
    }
  return fewest;
}

static guint
check_many_pattern (const Word *pattern,
                    const Word *text,
                    guint       k,
                    GArray     *hits)
{
  g_autofree guint *row = naive_last_row (pattern->chars, pattern->length,
                                          text->chars, text->length, TRUE);
  guint sure = pattern->length / 8 - 1;
  guint checked = 0;
  gsize j;

  for (guint i = 0; i < hits->len; i++)
    {
      const GlossFuzzyHit *hit = &g_array_index (hits, GlossFuzzyHit, i);

      g_assert_cmpuint (hit->errors, <=, k);
      g_assert_cmpuint (hit->errors, ==,
                        naive_distance (pattern->chars, pattern->length,
                                        text->chars + hit->start, hit->end - hit->start));
    }
  /* Matches with fewer errors than pieces are certain to be found. */
  for (j = 1; j <= text->length; j++)
    if (row[j] <= sure)
      {
        gsize first = j, last = j;

        while (first > 1 && row[first - 1] <= k)
          first--;
        while (last < text->length && row[last + 1] <= k)
          last++;
        g_assert_cmpuint (fewest_in_run (hits, first, last), <=, row[j]);
        checked++;
      }
  return checked;
}

static void
test_search_many (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  guint checked = 0;

  for (guint round = 0; round < 40; round++)
    {
      guint n = g_rand_int_range (rand, 1, 6);
      g_autofree Word *patterns = g_new (Word, n);
      g_autofree GlossFuzzyMatch **matches = g_new (GlossFuzzyMatch *, n);
      g_autofree guint *max_errors = g_new (guint, n);
      g_autofree GArray **hits = g_new (GArray *, n);
      Word text;

      for (guint p = 0; p < n; p++)
        {
          patterns[p] = random_word (rand, 0, 16, 150);
          for (gsize j = 0; j < patterns[p].length; j++)
            patterns[p].chars[j] = 'a' + g_rand_int_range (rand, 0, 8);
          matches[p] = gloss_fuzzy_match_new (patterns[p].chars, patterns[p].length);
          max_errors[p] = patterns[p].length / 4;
          hits[p] = g_array_new (FALSE, FALSE, sizeof (GlossFuzzyHit));
        }
      text = plant_copies (rand, patterns, n);
      gloss_fuzzy_match_search_many (matches, max_errors, n, text.chars, text.length, hits);
      for (guint p = 0; p < n; p++)
        {
          checked += check_many_pattern (&patterns[p], &text, max_errors[p], hits[p]);
          g_array_unref (hits[p]);
          gloss_fuzzy_match_free (matches[p]);
          g_free (patterns[p].chars);
        }
      g_free (text.chars);
    }
  g_assert_cmpuint (checked, >, 100);
}

static void
test_search_prefers_pattern_length (void)
{
  /* "hello world" with its first letter changed: the substitution keeps the
   * span at eleven code points rather than dropping the first one. */
  const char *pattern_utf8 = "hello world";
  const char *text_utf8 = "so jello world it was";
  g_autofree gunichar *pattern = g_utf8_to_ucs4_fast (pattern_utf8, -1, NULL);
  g_autofree gunichar *text = g_utf8_to_ucs4_fast (text_utf8, -1, NULL);
  g_autoptr(GlossFuzzyMatch) match = gloss_fuzzy_match_new (pattern, 11);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (GlossFuzzyHit));
  const GlossFuzzyHit *first;

  gloss_fuzzy_match_search (match, text, g_utf8_strlen (text_utf8, -1), 2, hits);
  g_assert_cmpuint (hits->len, >=, 1);
  first = &g_array_index (hits, GlossFuzzyHit, 0);
  g_assert_cmpuint (first->start, ==, 3);
  g_assert_cmpuint (first->end, ==, 14);
  g_assert_cmpuint (first->errors, ==, 1);
}

static void
test_empty_pattern (void)
{
  const gunichar text[] = { 'a', 'b', 'c' };
  g_autoptr(GlossFuzzyMatch) match = gloss_fuzzy_match_new (NULL, 0);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (GlossFuzzyHit));
  guint distances[4];

  g_assert_cmpuint (gloss_fuzzy_match_get_length (match), ==, 0);
  gloss_fuzzy_match_search (match, text, 3, 1, hits);
  g_assert_cmpuint (hits->len, ==, 0);
  gloss_fuzzy_match_profile (match, text, 3, FALSE, distances);
  g_assert_cmpuint (distances[0], ==, 0);
  g_assert_cmpuint (distances[3], ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/fuzzy-match/scan", test_scan);
  g_test_add_func ("/gloss/core/fuzzy-match/profile", test_profile);
  g_test_add_func ("/gloss/core/fuzzy-match/distance", test_distance);
  g_test_add_func ("/gloss/core/fuzzy-match/search", test_search);
  g_test_add_func ("/gloss/core/fuzzy-match/search-length", test_search_prefers_pattern_length);
  g_test_add_func ("/gloss/core/fuzzy-match/search-many", test_search_many);
  g_test_add_func ("/gloss/core/fuzzy-match/empty", test_empty_pattern);

  return g_test_run ();
}
