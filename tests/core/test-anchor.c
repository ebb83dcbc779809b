/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gloss-anchor.h"

static const char article[] =
  "Harbour plan approved after long debate\n"
  "\n"
  "The city council approved the new harbour plan on Tuesday evening. "
  "Mayor Ines Varga said the project would create four hundred jobs. "
  "Critics argued that the cost estimate of 80 million euros was too low.\n"
  "\n"
  "Construction is expected to begin next spring and to last three years.\n";

/* A selector together with the strings it borrows. */
typedef struct
{
  GlossSelector selector;
  char         *quote;
  char         *prefix;
  char         *suffix;
} Mark;

static gint64
offset_of (const char *text,
           const char *needle,
           guint       nth)
{
  const char *found = strstr (text, needle);

  for (; found != NULL && nth > 0; nth--)
    found = strstr (found + 1, needle);
  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static void
mark_range (Mark           *mark,
            GlossTextIndex *index,
            gint64          start,
            gint64          end)
{
  gloss_text_index_describe (index, start, end, &mark->quote, &mark->prefix, &mark->suffix);
  mark->selector.start = start;
  mark->selector.end = end;
  mark->selector.quote = mark->quote;
  mark->selector.prefix = mark->prefix;
  mark->selector.suffix = mark->suffix;
}

/* Marks the @nth occurrence of @quote in the indexed text. */
static void
mark_quote (Mark           *mark,
            GlossTextIndex *index,
            const char     *quote,
            guint           nth)
{
  gint64 start = offset_of (gloss_text_index_get_text (index), quote, nth);

  mark_range (mark, index, start, start + g_utf8_strlen (quote, -1));
  g_assert_cmpstr (mark->quote, ==, quote);
}

static void
marks_clear (Mark  *marks,
             guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      g_free (marks[i].quote);
      g_free (marks[i].prefix);
      g_free (marks[i].suffix);
    }
}

static GlossAnchor *
anchor_marks (const char *text,
              const Mark *marks,
              guint       n)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (text, -1);
  g_autofree GlossSelector *selectors = g_new (GlossSelector, n);
  GlossAnchor *anchors = g_new0 (GlossAnchor, n);

  for (guint i = 0; i < n; i++)
    selectors[i] = marks[i].selector;
  gloss_text_index_anchor (index, selectors, n, anchors);
  return anchors;
}

static void
assert_anchor (const GlossAnchor *anchor,
               GlossAnchorState   state,
               gint64             start,
               gint64             end)
{
  g_assert_cmpstr (gloss_anchor_state_to_string (anchor->state), ==,
                   gloss_anchor_state_to_string (state));
  g_assert_cmpint (anchor->start, ==, start);
  g_assert_cmpint (anchor->end, ==, end);
}

/* The new text must hold the quote (or @expected_text) where it landed. */
static void
assert_lands_on (const char        *text,
                 const GlossAnchor *anchor,
                 const char        *expected_text)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (text, -1);
  g_autofree char *slice = gloss_text_index_dup_slice (index, anchor->start, anchor->end);

  g_assert_cmpstr (slice, ==, expected_text);
}

/* What a quote of the old text becomes on the new one: its state, how far
 * its ends moved, and the text it then covers (NULL: the quote itself). */
typedef struct
{
  const char       *quote;
  GlossAnchorState  state;
  gint64            start_shift;
  gint64            end_shift;
  const char       *lands_on;
} Expected;

static void
check_edit (const char     *old_text,
            const char     *new_text,
            const Expected *expected,
            guint           n)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (old_text, -1);
  g_autofree Mark *marks = g_new0 (Mark, n);
  g_autofree GlossAnchor *anchors = NULL;

  for (guint i = 0; i < n; i++)
    mark_quote (&marks[i], index, expected[i].quote, 0);
  anchors = anchor_marks (new_text, marks, n);
  for (guint i = 0; i < n; i++)
    {
      assert_anchor (&anchors[i], expected[i].state,
                     marks[i].selector.start + expected[i].start_shift,
                     marks[i].selector.end + expected[i].end_shift);
      if (expected[i].state != GLOSS_ANCHOR_ORPHANED)
        assert_lands_on (new_text, &anchors[i], expected[i].lands_on != NULL
                                                ? expected[i].lands_on : expected[i].quote);
    }
  marks_clear (marks, n);
}

static const char *article_quotes[] = {
  "Harbour plan approved",
  "Ines Varga",
  "four hundred jobs",
  "the cost estimate of 80 million euros was too low",
  "too low.\n\nConstruction",
  "three years.\n",
};

/* Every quote of the article in the same state, moved by @shift. */
static void
check_article (const char       *old_text,
               const char       *new_text,
               GlossAnchorState  state,
               gint64            shift)
{
  Expected expected[G_N_ELEMENTS (article_quotes)];

  for (guint i = 0; i < G_N_ELEMENTS (article_quotes); i++)
    expected[i] = (Expected) { article_quotes[i], state, shift, shift, NULL };
  check_edit (old_text, new_text, expected, G_N_ELEMENTS (expected));
}

static void
test_unchanged (void)
{
  check_article (article, article, GLOSS_ANCHOR_EXACT, 0);
}

static void
test_insertion_before (void)
{
  const char *inserted = "Mis à jour 14:05 — updated twice\n";
  g_autofree char *text = g_strconcat (inserted, article, NULL);

  /* Code points, not bytes: "à" and "—" are one each. */
  g_assert_cmpint (g_utf8_strlen (inserted, -1), <, (glong) strlen (inserted));
  check_article (article, text, GLOSS_ANCHOR_MOVED, g_utf8_strlen (inserted, -1));
}

static void
test_junk_header_deleted (void)
{
  const char *junk = "+ ↺ − 16 px\n";
  g_autofree char *old_text = g_strconcat (junk, article, NULL);
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (old_text, -1);
  g_autofree char *prefix = NULL;

  /* The first quote's prefix is the junk line itself. */
  g_assert_cmpint (g_utf8_strlen (junk, -1), ==, 12);
  gloss_text_index_describe (index, 12, 20, NULL, &prefix, NULL);
  g_assert_cmpstr (prefix, ==, junk);
  check_article (old_text, article, GLOSS_ANCHOR_MOVED, -12);
}

static void
test_glued_sentences (void)
{
  const Expected expected[] = {
    { "China.The visit", GLOSS_ANCHOR_FUZZY, 0, 1, "China. The visit" },
    { "lasted three days", GLOSS_ANCHOR_MOVED, 1, 1, NULL },
    { "the minister", GLOSS_ANCHOR_EXACT, 0, 0, NULL },
  };

  check_edit ("In March the minister visited China.The visit lasted three days "
              "and ended with a trade agreement.",
              "In March the minister visited China. The visit lasted three days "
              "and ended with a trade agreement.",
              expected, G_N_ELEMENTS (expected));
}

static void
test_typo_fixed (void)
{
  const Expected expected[] = {
    { "the goverment announced new taxes", GLOSS_ANCHOR_FUZZY, 0, 1,
      "the government announced new taxes" },
    { "fuel and tobacco", GLOSS_ANCHOR_MOVED, 1, 1, NULL },
  };

  check_edit ("On Monday the goverment announced new taxes on fuel and tobacco.",
              "On Monday the government announced new taxes on fuel and tobacco.",
              expected, G_N_ELEMENTS (expected));
}

static void
test_quote_deleted (void)
{
  const char *deleted = "The opposition walked out of the chamber in protest. ";
  g_autofree char *old_text = g_strconcat ("The budget passed on Thursday. ", deleted,
                                           "Markets barely reacted to the vote.", NULL);
  gint64 gone = strlen (deleted);
  /* The orphan is kept where it was, for the user to re-attach or delete. */
  const Expected expected[] = {
    { "walked out of the chamber in protest", GLOSS_ANCHOR_ORPHANED, 0, 0, NULL },
    { "Markets barely reacted", GLOSS_ANCHOR_MOVED, -gone, -gone, NULL },
  };

  check_edit (old_text, "The budget passed on Thursday. Markets barely reacted to the vote.",
              expected, G_N_ELEMENTS (expected));
}

static const char ministers[] =
  "The budget debate went on for hours. Reporters waited for the minister outside "
  "the main hall. When he finally appeared, the minister refused to answer any "
  "questions. Later that evening the minister released a short written statement.";

static void
test_repeated_quote (void)
{
  const char *inserted = "Live coverage from the capital, with analysis from our team.\n";
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (ministers, -1);
  g_autofree char *new_text = g_strconcat (inserted, ministers, NULL);
  gint64 shift = strlen (inserted);
  Mark marks[3];

  for (guint i = 0; i < 3; i++)
    mark_quote (&marks[i], index, "the minister", i);
  /* Each alone: no neighbour tells the shift, so context must decide. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree GlossAnchor *anchor = anchor_marks (new_text, &marks[i], 1);

      assert_anchor (anchor, GLOSS_ANCHOR_MOVED,
                     offset_of (new_text, "the minister", i),
                     offset_of (new_text, "the minister", i) + 12);
      g_assert_cmpint (anchor->start, ==, marks[i].selector.start + shift);
    }
  marks_clear (marks, 3);
}

static void
test_repeated_quote_in_old_place (void)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (ministers, -1);
  gint64 first = offset_of (ministers, "the minister", 0);
  gint64 second = offset_of (ministers, "the minister", 1);
  g_autofree char *padding = g_strnfill (second - first, '=');
  g_autofree char *new_text = g_strconcat (padding, ministers, NULL);
  g_autofree GlossAnchor *anchor = NULL;
  Mark mark;

  mark_quote (&mark, index, "the minister", 1);
  /* Now the first occurrence sits exactly where the second one was, with
   * the wrong context: the second one must still be found. */
  g_assert_cmpint (offset_of (new_text, "the minister", 0), ==, second);
  anchor = anchor_marks (new_text, &mark, 1);
  assert_anchor (anchor, GLOSS_ANCHOR_MOVED, second + (second - first),
                 second + (second - first) + 12);
  marks_clear (&mark, 1);
}

static char *
hypothesis_text (const char *figure,
                 guint       n_filler)
{
  GString *text = g_string_new ("Prices report\n");

  g_string_append_printf (text, "Inflation rose by %s percent last year, the statistics "
                          "office said on Friday. ", figure);
  for (guint i = 0; i < n_filler; i++)
    g_string_append (text, "Economists had expected a smaller increase, citing lower "
                     "energy costs and a stable currency over the summer months. ");
  g_string_append (text, "A separate survey found that rents rose by 3 percent in the "
                   "capital alone.");
  return g_string_free (text, FALSE);
}

/* The passage was edited slightly and the old quote still exists word for
 * word elsewhere, with other context: the context decides. */
static void
check_hypothesis_case (guint n_filler)
{
  g_autofree char *old_text = hypothesis_text ("3", n_filler);
  g_autofree char *new_text = hypothesis_text ("3.4", n_filler);
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (old_text, -1);
  g_autofree GlossAnchor *anchor = NULL;
  Mark mark;

  mark_quote (&mark, index, "rose by 3 percent", 0);
  g_assert_cmpint (offset_of (new_text, "rose by 3 percent", 0), >, mark.selector.start);
  anchor = anchor_marks (new_text, &mark, 1);
  assert_anchor (anchor, GLOSS_ANCHOR_FUZZY, mark.selector.start, mark.selector.end + 2);
  assert_lands_on (new_text, anchor, "rose by 3.4 percent");
  marks_clear (&mark, 1);
}

static void
test_hypothesis_near (void)
{
  check_hypothesis_case (1);
}

static void
test_hypothesis_far (void)
{
  /* The copy lies far outside the window searched first. */
  check_hypothesis_case (60);
}

static char *
repeat_filler (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Paragraph %u of the background section repeats what "
                            "earlier reports said about the port.\n", i);
  return g_string_free (text, FALSE);
}

/* A paragraph moved to the far end of the text and corrected on the way:
 * only a search of the whole text can find it. */
static void
test_moved_far_and_edited (void)
{
  const char *old_paragraph = "The harbour autority confirmed the closure.\n";
  const char *new_paragraph = "The harbour authority confirmed the closure.\n";
  g_autofree char *filler = repeat_filler (150);
  g_autofree char *old_text = g_strconcat (old_paragraph, filler, NULL);
  g_autofree char *new_text = g_strconcat (filler, new_paragraph, NULL);
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (old_text, -1);
  g_autofree GlossAnchor *anchor = NULL;
  gint64 start = offset_of (new_text, "harbour authority", 0);
  Mark mark;

  mark_quote (&mark, index, "harbour autority confirmed", 0);
  g_assert_cmpint (start, >, 4 * 2048);
  anchor = anchor_marks (new_text, &mark, 1);
  assert_anchor (anchor, GLOSS_ANCHOR_FUZZY, start, start + 27);
  marks_clear (&mark, 1);
}

/* "the" occurs hundreds of times: moved far with its context it is found,
 * deleted it is orphaned, not put on one of the others. */
static void
test_frequent_quote (void)
{
  const char *closing = "Closing note: all the ships left the bay at dawn.\n";
  g_autofree char *filler = repeat_filler (150);
  g_autofree char *old_text = g_strconcat (closing, filler, NULL);
  g_autofree char *moved_text = g_strconcat (filler, closing, NULL);
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (old_text, -1);
  g_autofree GlossAnchor *moved = NULL;
  g_autofree GlossAnchor *deleted = NULL;
  gint64 start = offset_of (old_text, "all the ships", 0) + 4;
  gint64 new_start = offset_of (moved_text, "all the ships", 0) + 4;
  guint n_the = 0;
  Mark mark;

  for (const char *p = strstr (filler, "the"); p != NULL; p = strstr (p + 1, "the"))
    n_the++;
  g_assert_cmpuint (n_the, >, 256);
  mark_range (&mark, index, start, start + 3);
  moved = anchor_marks (moved_text, &mark, 1);
  assert_anchor (moved, GLOSS_ANCHOR_MOVED, new_start, new_start + 3);
  deleted = anchor_marks (filler, &mark, 1);
  assert_anchor (deleted, GLOSS_ANCHOR_ORPHANED, start, start + 3);
  marks_clear (&mark, 1);
}

static void
test_newlines (void)
{
  const char *old_text = "First paragraph ends here.\r\n\r\nSecond paragraph starts\nand "
                         "goes on over a line break.\n";
  const Expected moved[] = {
    { "ends here.\r\n\r\nSecond paragraph", GLOSS_ANCHOR_MOVED, 10, 10, NULL },
    { "starts\nand goes on", GLOSS_ANCHOR_MOVED, 10, 10, NULL },
  };
  const Expected fuzzy[] = {
    { "ends here.\r\n\r\nSecond paragraph", GLOSS_ANCHOR_FUZZY, 0, 2,
      "ends here.\r\n\r\n\r\nSecond paragraph" },
    { "starts\nand goes on", GLOSS_ANCHOR_MOVED, 2, 2, NULL },
  };

  check_edit (old_text, "Preface.\n\nFirst paragraph ends here.\r\n\r\nSecond paragraph "
              "starts\nand goes on over a line break.\n", moved, G_N_ELEMENTS (moved));
  check_edit (old_text, "First paragraph ends here.\r\n\r\n\r\nSecond paragraph starts\nand "
              "goes on over a line break.\n", fuzzy, G_N_ELEMENTS (fuzzy));
}

static const char world[] =
  "Reporters in 北京 said 😀 the summit in القاهرة was a success. "
  "北京市政府宣布新政策 on Monday, and the 🌍 delegates agreed to meet again.";

static void
test_unicode_offsets (void)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (world, -1);
  const char *summit = strstr (world, "the summit");
  gint64 start = offset_of (world, "the summit", 0);
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (world, summit - world, NULL, NULL, NULL);
  glong utf16_units = 0;
  g_autofree char *slice = NULL;

  while (utf16[utf16_units] != 0)
    utf16_units++;
  g_assert_cmpint (gloss_text_index_get_length (index), ==, g_utf8_strlen (world, -1));
  /* Code points, bytes and UTF-16 units all differ here. */
  g_assert_cmpint (start, !=, summit - world);
  g_assert_cmpint (start, !=, utf16_units);
  g_assert_cmpuint (gloss_text_index_byte_offset (index, start), ==, summit - world);
  g_assert_cmpint (gloss_text_index_char_offset (index, summit - world), ==, start);
  /* A byte inside "😀" belongs to the emoji's code point. */
  g_assert_cmpint (gloss_text_index_char_offset (index, strstr (world, "😀") - world + 2),
                   ==, offset_of (world, "😀", 0));
  slice = gloss_text_index_dup_slice (index, offset_of (world, "القاهرة", 0),
                                      offset_of (world, "القاهرة", 0) + 7);
  g_assert_cmpstr (slice, ==, "القاهرة");
  g_assert_cmpuint (gloss_text_index_get_chars (index)[offset_of (world, "🌍", 0)], ==, 0x1F30D);
}

static void
test_unicode_anchor (void)
{
  g_autofree char *moved_text = g_strconcat ("🎉 ", world, NULL);
  g_autofree char *fuzzy_text = g_strdup (world);
  /* Two code points, though five bytes and three UTF-16 units. */
  const Expected moved[] = {
    { "القاهرة", GLOSS_ANCHOR_MOVED, 2, 2, NULL },
    { "北京市政府宣布新政策", GLOSS_ANCHOR_MOVED, 2, 2, NULL },
    { "the 🌍 delegates agreed", GLOSS_ANCHOR_MOVED, 2, 2, NULL },
  };
  const Expected fuzzy[] = {
    { "القاهرة", GLOSS_ANCHOR_EXACT, 0, 0, NULL },
    { "北京市政府宣布新政策", GLOSS_ANCHOR_FUZZY, 0, 0, "北京市政府公布新政策" },
    { "the 🌍 delegates agreed", GLOSS_ANCHOR_FUZZY, 0, 0, "the 🌎 delegates agreed" },
  };

  check_edit (world, moved_text, moved, G_N_ELEMENTS (moved));
  /* 宣 becomes 公 and 🌍 becomes 🌎, each the same number of bytes. */
  memcpy (strstr (fuzzy_text, "宣"), "公", strlen ("公"));
  memcpy (strstr (fuzzy_text, "🌍"), "🌎", strlen ("🌎"));
  check_edit (world, fuzzy_text, fuzzy, G_N_ELEMENTS (fuzzy));
}

static void
clear_strings (char **quote,
               char **prefix,
               char **suffix)
{
  g_clear_pointer (quote, g_free);
  g_clear_pointer (prefix, g_free);
  g_clear_pointer (suffix, g_free);
}

static void
test_describe_edges (void)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (world, -1);
  gint64 length = gloss_text_index_get_length (index);
  g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
  g_autofree char *expected = NULL;

  gloss_text_index_describe (index, 0, 9, &quote, &prefix, &suffix);
  g_assert_cmpstr (quote, ==, "Reporters");
  g_assert_cmpstr (prefix, ==, "");
  g_assert_cmpint (g_utf8_strlen (suffix, -1), ==, GLOSS_CONTEXT_LENGTH);
  g_assert_true (g_str_has_prefix (suffix, " in 北京 said 😀 the summit"));
  clear_strings (&quote, &prefix, &suffix);

  gloss_text_index_describe (index, length - 6, length, &quote, &prefix, &suffix);
  g_assert_cmpstr (quote, ==, "again.");
  g_assert_cmpstr (suffix, ==, "");
  expected = g_utf8_substring (world, length - 6 - GLOSS_CONTEXT_LENGTH, length - 6);
  g_assert_cmpstr (prefix, ==, expected);
  clear_strings (&quote, &prefix, &suffix);

  /* Past the end and reversed ranges are clamped to an empty quote. */
  gloss_text_index_describe (index, length + 5, length + 9, &quote, &prefix, &suffix);
  g_assert_cmpstr (quote, ==, "");
  g_assert_cmpstr (suffix, ==, "");
  g_assert_cmpint (g_utf8_strlen (prefix, -1), ==, GLOSS_CONTEXT_LENGTH);
  g_clear_pointer (&quote, g_free);
  gloss_text_index_describe (index, 10, 4, &quote, NULL, NULL);
  g_assert_cmpstr (quote, ==, "");
}

static void
test_past_the_end (void)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (article, -1);
  gint64 length = gloss_text_index_get_length (index);
  gint64 jobs = offset_of (article, "four hundred jobs", 0);
  g_autofree char *whole = gloss_text_index_dup_slice (index, -3, length + 9);
  GlossSelector selectors[] = {
    { length + 10, length + 27, "four hundred jobs", "would create ", ". Critics" },
    { length + 10, length + 20, "a rocket launch", NULL, NULL },
    { length, length, "", NULL, NULL },
    { length + 1, length + 1, "", NULL, NULL },
    { -4, -4, "", NULL, NULL },
    { G_MAXINT64, G_MAXINT64, "four hundred jobs", NULL, NULL },
    { G_MININT64, G_MININT64 + 3, "", NULL, NULL },
    { G_MININT64, G_MAXINT64, "the cost estimate", NULL, NULL },
  };
  GlossAnchor anchors[G_N_ELEMENTS (selectors)];

  g_assert_cmpstr (whole, ==, article);
  g_assert_cmpuint (gloss_text_index_byte_offset (index, length + 100), ==, strlen (article));
  g_assert_cmpuint (gloss_text_index_byte_offset (index, -5), ==, 0);
  gloss_text_index_anchor (index, selectors, G_N_ELEMENTS (selectors), anchors);
  assert_anchor (&anchors[0], GLOSS_ANCHOR_MOVED, jobs, jobs + 17);
  assert_anchor (&anchors[1], GLOSS_ANCHOR_ORPHANED, length + 10, length + 20);
  assert_anchor (&anchors[2], GLOSS_ANCHOR_EXACT, length, length);
  assert_anchor (&anchors[3], GLOSS_ANCHOR_ORPHANED, length + 1, length + 1);
  assert_anchor (&anchors[4], GLOSS_ANCHOR_ORPHANED, -4, -4);
  /* Absurd offsets from a damaged file: no overflow, the quote decides. */
  assert_anchor (&anchors[5], GLOSS_ANCHOR_MOVED, jobs, jobs + 17);
  assert_anchor (&anchors[6], GLOSS_ANCHOR_ORPHANED, G_MININT64, G_MININT64 + 3);
  assert_anchor (&anchors[7], GLOSS_ANCHOR_MOVED, offset_of (article, "the cost estimate", 0),
                 offset_of (article, "the cost estimate", 0) + 17);
}

static void
test_empty_text (void)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new ("", 0);
  GlossSelector selector = { 0, 3, "abc", NULL, NULL };
  GlossAnchor anchor;

  g_assert_cmpint (gloss_text_index_get_length (index), ==, 0);
  gloss_text_index_anchor (index, &selector, 1, &anchor);
  assert_anchor (&anchor, GLOSS_ANCHOR_ORPHANED, 0, 3);
}

/* Generated article for the many-annotations test: words and sentences
 * from a fixed seed, with a few non-ASCII words. */
static const char *words[] = {
  "council", "harbour", "minister", "budget", "river", "bridge", "election",
  "report", "market", "school", "railway", "Zürich", "café", "naïve", "plan",
  "energy", "mayor", "village", "coast", "festival", "court", "museum",
  "station", "farmers", "prices", "workers", "union", "strike", "storm",
  "the", "a", "of", "and", "to", "in", "on", "said", "was", "will", "after",
  "before", "new", "old", "local", "national", "São", "Łódź", "reported",
};

typedef struct
{
  GPtrArray *tokens;
  GArray    *first;  /* first token of each annotation */
  GArray    *last;   /* token after the last one */
} Corpus;

static char *
random_token (GRand *rand)
{
  const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
  guint roll = g_rand_int_range (rand, 0, 20);

  if (roll == 0)
    return g_strconcat (word, ".\n", NULL);
  if (roll < 3)
    return g_strconcat (word, ". ", NULL);
  if (roll < 5)
    return g_strconcat (word, ", ", NULL);
  return g_strconcat (word, " ", NULL);
}

static char *
corpus_text (GPtrArray *tokens,
             GArray    *offsets)
{
  GString *text = g_string_new (NULL);
  gint64 offset = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);

      if (offsets != NULL)
        g_array_append_val (offsets, offset);
      g_string_append (text, token);
      offset += g_utf8_strlen (token, -1);
    }
  if (offsets != NULL)
    g_array_append_val (offsets, offset);
  return g_string_free (text, FALSE);
}

/* The quote of tokens [first, last) without the last separator. */
static gint64
quote_end (GPtrArray *tokens,
           GArray    *offsets,
           guint      last)
{
  const char *token = g_ptr_array_index (tokens, last - 1);
  const char *separator = strpbrk (token, " \n");

  while (separator > token && strchr (".,", separator[-1]) != NULL)
    separator--;
  return g_array_index (offsets, gint64, last - 1) + g_utf8_pointer_to_offset (token, separator);
}

static void
corpus_generate (Corpus *corpus,
                 GRand  *rand,
                 guint   n_annotations)
{
  corpus->tokens = g_ptr_array_new_with_free_func (g_free);
  corpus->first = g_array_new (FALSE, FALSE, sizeof (guint));
  corpus->last = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_annotations; i++)
    {
      guint gap = g_rand_int_range (rand, 4, 30);
      guint length = g_rand_int_range (rand, 1, 7);

      for (guint j = 0; j < gap; j++)
        g_ptr_array_add (corpus->tokens, random_token (rand));
      g_array_append_val (corpus->first, corpus->tokens->len);
      for (guint j = 0; j < length; j++)
        g_ptr_array_add (corpus->tokens, random_token (rand));
      g_array_append_val (corpus->last, corpus->tokens->len);
    }
  for (guint j = 0; j < 5; j++)
    g_ptr_array_add (corpus->tokens, random_token (rand));
}

/* Replaces one letter in the middle of the annotation's longest word. */
static gboolean
make_typo (GPtrArray *tokens,
           guint      first,
           guint      last)
{
  for (guint i = first; i < last; i++)
    {
      char *token = g_ptr_array_index (tokens, i);
      gsize length = strcspn (token, " .,\n");

      if (length >= 6 && g_str_is_ascii (token))
        {
          token[length / 2] = token[length / 2] == 'q' ? 'j' : 'q';
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GPtrArray *tokens;
  guint     *new_first;
  guint     *new_last;
  gboolean  *typo;
} Edited;

static gboolean
inside_annotation (const Corpus *corpus,
                   guint         token,
                   guint        *next)
{
  while (*next < corpus->first->len && g_array_index (corpus->last, guint, *next) <= token)
    (*next)++;
  return *next < corpus->first->len && g_array_index (corpus->first, guint, *next) <= token;
}

/* Inserts, deletes and substitutes words between annotations and fixes
 * a typo inside some of them; records where each annotation went. */
static void
corpus_edit (const Corpus *corpus,
             GRand        *rand,
             Edited       *edited)
{
  guint n = corpus->first->len;
  guint next = 0, annotation = 0;

  edited->tokens = g_ptr_array_new_with_free_func (g_free);
  edited->new_first = g_new0 (guint, n);
  edited->new_last = g_new0 (guint, n);
  edited->typo = g_new0 (gboolean, n);
  for (guint i = 0; i < corpus->tokens->len; i++)
    {
      guint roll = g_rand_int_range (rand, 0, 100);

      if (annotation < n && g_array_index (corpus->first, guint, annotation) == i)
        edited->new_first[annotation] = edited->tokens->len;
      if (!inside_annotation (corpus, i, &next) && roll < 6)
        {
          /* 0-1: insertion before, 2-3: deletion, 4-5: substitution */
          if (roll < 2)
            g_ptr_array_add (edited->tokens, g_strdup (g_ptr_array_index (corpus->tokens, i)));
          if (roll < 2 || roll >= 4)
            g_ptr_array_add (edited->tokens, random_token (rand));
        }
      else
        g_ptr_array_add (edited->tokens, g_strdup (g_ptr_array_index (corpus->tokens, i)));
      if (annotation < n && g_array_index (corpus->last, guint, annotation) == i + 1)
        {
          edited->new_last[annotation] = edited->tokens->len;
          if (g_rand_int_range (rand, 0, 10) == 0)
            edited->typo[annotation] = make_typo (edited->tokens, edited->new_first[annotation],
                                                  edited->new_last[annotation]);
          annotation++;
        }
    }
}

static void
check_many (const Corpus *corpus,
            const Edited *edited,
            guint        *counts)
{
  g_autoptr(GArray) old_offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) new_offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *old_text = corpus_text (corpus->tokens, old_offsets);
  g_autofree char *new_text = corpus_text (edited->tokens, new_offsets);
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (old_text, -1);
  guint n = corpus->first->len;
  Mark *marks = g_new0 (Mark, n);
  g_autofree GlossAnchor *anchors = NULL;

  for (guint i = 0; i < n; i++)
    mark_range (&marks[i], index,
                g_array_index (old_offsets, gint64, g_array_index (corpus->first, guint, i)),
                quote_end (corpus->tokens, old_offsets, g_array_index (corpus->last, guint, i)));
  anchors = anchor_marks (new_text, marks, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_array_index (new_offsets, gint64, edited->new_first[i]);
      gint64 end = quote_end (edited->tokens, new_offsets, edited->new_last[i]);
      GlossAnchorState state = edited->typo[i] ? GLOSS_ANCHOR_FUZZY
                               : start == marks[i].selector.start ? GLOSS_ANCHOR_EXACT
                               : GLOSS_ANCHOR_MOVED;

      assert_anchor (&anchors[i], state, start, end);
      counts[state]++;
    }
  marks_clear (marks, n);
  g_free (marks);
}

static void
test_many_after_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  Corpus corpus;
  Edited edited;
  guint counts[4] = { 0, };

  corpus_generate (&corpus, rand, 1000);
  corpus_edit (&corpus, rand, &edited);
  check_many (&corpus, &edited, counts);
  g_test_message ("exact %u, moved %u, fuzzy %u", counts[GLOSS_ANCHOR_EXACT],
                  counts[GLOSS_ANCHOR_MOVED], counts[GLOSS_ANCHOR_FUZZY]);
  /* The edits must have produced every kind of placement checked. */
  g_assert_cmpuint (counts[GLOSS_ANCHOR_EXACT], >, 0);
  g_assert_cmpuint (counts[GLOSS_ANCHOR_MOVED], >, 500);
  g_assert_cmpuint (counts[GLOSS_ANCHOR_FUZZY], >, 20);
  g_ptr_array_unref (corpus.tokens);
  g_array_unref (corpus.first);
  g_array_unref (corpus.last);
  g_ptr_array_unref (edited.tokens);
  g_free (edited.new_first);
  g_free (edited.new_last);
  g_free (edited.typo);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/anchor/unchanged", test_unchanged);
  g_test_add_func ("/gloss/core/anchor/insertion-before", test_insertion_before);
  g_test_add_func ("/gloss/core/anchor/junk-header-deleted", test_junk_header_deleted);
  g_test_add_func ("/gloss/core/anchor/glued-sentences", test_glued_sentences);
  g_test_add_func ("/gloss/core/anchor/typo-fixed", test_typo_fixed);
  g_test_add_func ("/gloss/core/anchor/quote-deleted", test_quote_deleted);
  g_test_add_func ("/gloss/core/anchor/repeated-quote", test_repeated_quote);
  g_test_add_func ("/gloss/core/anchor/repeated-quote-in-old-place", test_repeated_quote_in_old_place);
  g_test_add_func ("/gloss/core/anchor/hypothesis-near", test_hypothesis_near);
  g_test_add_func ("/gloss/core/anchor/hypothesis-far", test_hypothesis_far);
  g_test_add_func ("/gloss/core/anchor/moved-far-and-edited", test_moved_far_and_edited);
  g_test_add_func ("/gloss/core/anchor/frequent-quote", test_frequent_quote);
  g_test_add_func ("/gloss/core/anchor/newlines", test_newlines);
  g_test_add_func ("/gloss/core/anchor/unicode-offsets", test_unicode_offsets);
  g_test_add_func ("/gloss/core/anchor/unicode-anchor", test_unicode_anchor);
  g_test_add_func ("/gloss/core/anchor/describe-edges", test_describe_edges);
  g_test_add_func ("/gloss/core/anchor/past-the-end", test_past_the_end);
  g_test_add_func ("/gloss/core/anchor/empty-text", test_empty_text);
  g_test_add_func ("/gloss/core/anchor/many-after-edits", test_many_after_edits);

  return g_test_run ();
}
