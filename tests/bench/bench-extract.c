/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the article extractor against pages whose article text and
 * metadata are known: mean word-4-gram F1 of the text, share of metadata
 * fields that match, and pages extracted per second. The pages are read
 * from the folder given as argument or in GLOSS_CORPUS_DIR; without it the
 * benchmark is skipped. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gloss-extraction.h"
#include "gloss-web-page.h"

#define SKIP_STATUS 77
#define TIMING_ROUNDS 5

typedef struct
{
  char       *name;
  GBytes     *source;
  char       *expected_text;
  JsonObject *expected_meta;
  JsonParser *parser;
} Page;

static gboolean verbose;

static void
page_free (Page *page)
{
  g_free (page->name);
  g_clear_pointer (&page->source, g_bytes_unref);
  g_free (page->expected_text);
  g_clear_object (&page->parser);
  g_free (page);
}

static gboolean
is_own_word_char (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL ||
         script == G_UNICODE_SCRIPT_THAI;
}

/* Lower-cased words: runs of letters and digits; each Han, kana, Hangul or
 * Thai character is a word of its own, those scripts not spacing words. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *word = g_string_new (NULL);

  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean own = c != 0 && is_own_word_char (c);

      if (c != 0 && g_unichar_isalnum (c) && !own)
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (own)
        g_ptr_array_add (words, g_ucs4_to_utf8 (&c, 1, NULL, NULL, NULL));
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

static GHashTable *
count_4grams (const char *text,
              guint      *total)
{
  g_autoptr(GPtrArray) words = split_words (text);
  GHashTable *grams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *total = 0;
  for (guint i = 0; i + 4 <= words->len; i++)
    {
      char *gram = g_strjoin (" ", (char *) words->pdata[i], (char *) words->pdata[i + 1],
                              (char *) words->pdata[i + 2], (char *) words->pdata[i + 3], NULL);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (grams, gram));

      g_hash_table_replace (grams, gram, GUINT_TO_POINTER (count + 1));
      (*total)++;
    }
  return grams;
}

static double
text_f1 (const char *ours,
         const char *expected)
{
  guint n_ours, n_expected, shared = 0;
  g_autoptr(GHashTable) a = count_4grams (ours, &n_ours);
  g_autoptr(GHashTable) b = count_4grams (expected, &n_expected);
  GHashTableIter iter;
  gpointer gram, count;
  double precision, recall;

  if (n_ours == 0 || n_expected == 0)
    return n_ours == n_expected ? 1.0 : 0.0;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &gram, &count))
    shared += MIN (GPOINTER_TO_UINT (count),
                   GPOINTER_TO_UINT (g_hash_table_lookup (b, gram)));
  precision = (double) shared / n_ours;
  recall = (double) shared / n_expected;
  return shared == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
}

static char *
normalise (const char *value,
           gboolean    drop_by)
{
  g_auto(GStrv) words = NULL;
  char *joined;

  if (value == NULL)
    return g_strdup ("");
  words = g_strsplit_set (value, " \t\n\r\302\240", -1);
  joined = g_strjoinv (" ", words);
  /* Collapse the empty words the split left between spaces. */
  while (strstr (joined, "  ") != NULL)
    {
      char *p = strstr (joined, "  ");

      memmove (p, p + 1, strlen (p));
    }
  g_strstrip (joined);
  if (drop_by && g_ascii_strncasecmp (joined, "by ", 3) == 0)
    memmove (joined, joined + 3, strlen (joined) - 2);
  return joined;
}

static gboolean
field_matches (const char *field,
               const char *expected,
               const char *ours)
{
  gboolean is_byline = g_str_equal (field, "byline");
  g_autofree char *a = normalise (expected, is_byline);
  g_autofree char *b = normalise (ours, is_byline);

  if (g_str_equal (field, "publishedTime"))
    return strlen (a) >= 10 && strlen (b) >= 10 && strncmp (a, b, 10) == 0;
  if (g_str_equal (field, "lang"))
    return g_ascii_strcasecmp (a, b) == 0;
  return g_str_equal (a, b);
}

static const char *
our_field (GlossExtraction *extraction,
           const char      *field)
{
  if (g_str_equal (field, "title"))
    return gloss_extraction_get_title (extraction);
  if (g_str_equal (field, "byline"))
    return gloss_extraction_get_author (extraction);
  if (g_str_equal (field, "siteName"))
    return gloss_extraction_get_publisher (extraction);
  if (g_str_equal (field, "publishedTime"))
    return gloss_extraction_get_published (extraction);
  return gloss_extraction_get_language (extraction);
}

static void
compare_metadata (Page            *page,
                  GlossExtraction *extraction,
                  guint           *matched,
                  guint           *counted)
{
  static const char * const fields[] = { "title", "byline", "siteName", "publishedTime", "lang" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *expected;
      const char *ours;

      if (!json_object_has_member (page->expected_meta, fields[i]) ||
          json_object_get_null_member (page->expected_meta, fields[i]))
        continue;
      expected = json_object_get_string_member (page->expected_meta, fields[i]);
      ours = extraction ? our_field (extraction, fields[i]) : NULL;
      (*counted)++;
      if (field_matches (fields[i], expected, ours))
        (*matched)++;
      else if (verbose)
        printf ("  %s %s: expected “%s”, got “%s”\n", page->name, fields[i],
                expected, ours ? ours : "(none)");
    }
}

static GlossExtraction *
extract (Page *page)
{
  g_autoptr(GlossWebPage) web_page = NULL;
  g_autofree char *uri = g_strdup_printf ("https://example.org/%s", page->name);

  web_page = gloss_web_page_new (uri, "text/html", NULL, page->source);
  return gloss_web_page_extract (web_page, NULL);
}

static Page *
load_page (const char *folder,
           const char *name)
{
  g_autofree char *source_path = g_build_filename (folder, name, "source.html", NULL);
  g_autofree char *expected_path = g_build_filename (folder, name, "expected.html", NULL);
  g_autofree char *meta_path = g_build_filename (folder, name, "expected-metadata.json", NULL);
  g_autofree char *expected_html = NULL;
  g_autofree char *source = NULL;
  gsize source_len;
  Page *page;

  if (!g_file_get_contents (source_path, &source, &source_len, NULL) ||
      !g_file_get_contents (expected_path, &expected_html, NULL, NULL))
    return NULL;
  page = g_new0 (Page, 1);
  page->name = g_strdup (name);
  page->source = g_bytes_new_take (g_steal_pointer (&source), source_len);
  page->expected_text = gloss_html_to_text (expected_html, -1);
  page->parser = json_parser_new ();
  if (!json_parser_load_from_file (page->parser, meta_path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (page->parser)))
    {
      page_free (page);
      return NULL;
    }
  page->expected_meta = json_node_get_object (json_parser_get_root (page->parser));
  return page;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
load_pages (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  const char *name;

  if (dir == NULL)
    return pages;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      Page *page = load_page (folder, names->pdata[i]);

      if (page != NULL)
        g_ptr_array_add (pages, page);
    }
  return pages;
}

static gint64
thread_cpu_usec (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* Pages per second of the best round, by the clock and by the processor
 * time used: the second is what the machine's other work does not skew. */
static void
measure_speed (GPtrArray *pages,
               double    *wall_speed,
               double    *cpu_speed)
{
  gint64 best_wall = G_MAXINT64, best_cpu = G_MAXINT64;

  for (guint round = 0; round < TIMING_ROUNDS; round++)
    {
      gint64 wall = g_get_monotonic_time ();
      gint64 cpu = thread_cpu_usec ();

      for (guint i = 0; i < pages->len; i++)
        {
          GlossExtraction *extraction = extract (pages->pdata[i]);

          g_clear_object (&extraction);
        }
      best_wall = MIN (best_wall, g_get_monotonic_time () - wall);
      best_cpu = MIN (best_cpu, thread_cpu_usec () - cpu);
    }
  *wall_speed = pages->len / (MAX (best_wall, 1) / (double) G_USEC_PER_SEC);
  *cpu_speed = pages->len / (MAX (best_cpu, 1) / (double) G_USEC_PER_SEC);
}

static void
measure_quality (GPtrArray *pages,
                 double    *mean_f1,
                 guint     *matched,
                 guint     *counted)
{
  double sum = 0;

  *matched = *counted = 0;
  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = pages->pdata[i];
      g_autoptr(GlossExtraction) extraction = extract (page);
      double f1 = text_f1 (extraction ? gloss_extraction_get_text (extraction) : "",
                           page->expected_text);

      sum += f1;
      if (verbose)
        printf ("%-18s f1 %.3f\n", page->name, f1);
      compare_metadata (page, extraction, matched, counted);
    }
  *mean_f1 = pages->len > 0 ? sum / pages->len : 0;
}

int
main (int    argc,
      char **argv)
{
  const char *folder = g_getenv ("GLOSS_CORPUS_DIR");
  g_autoptr(GPtrArray) pages = NULL;
  guint matched, counted;
  double f1, speed, cpu_speed;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-v") || g_str_equal (argv[i], "--verbose"))
        verbose = TRUE;
      else
        folder = argv[i];
    }
  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      printf ("extract: no page corpus (give its folder or set GLOSS_CORPUS_DIR); skipped\n");
      return SKIP_STATUS;
    }
  pages = load_pages (folder);
  if (pages->len == 0)
    {
      printf ("extract: no pages in %s; skipped\n", folder);
      return SKIP_STATUS;
    }
  measure_quality (pages, &f1, &matched, &counted);
  measure_speed (pages, &speed, &cpu_speed);
  printf ("extract-pages: %u\n", pages->len);
  printf ("extract-f1: %.3f (target 0.95)\n", f1);
  printf ("extract-metadata: %.3f (%u of %u fields, target 0.90)\n",
          counted ? (double) matched / counted : 0.0, matched, counted);
  printf ("extract-pages-per-second: %.0f (target 100)\n", speed);
  printf ("extract-pages-per-cpu-second: %.0f\n", cpu_speed);
  return 0;
}
