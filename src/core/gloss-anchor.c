/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-anchor"
/* for memmem () */
#define _GNU_SOURCE

#include "config.h"

#include "gloss-anchor.h"
#include "gloss-fuzzy-match.h"

#include <math.h>
#include <string.h>

/* A byte offset is kept for every 32nd code point. */
#define SAMPLE_SHIFT 5
#define SAMPLE_MASK ((1 << SAMPLE_SHIFT) - 1)
#define OFFSET_LIMIT (G_MAXINT64 / 4)

/* Quotes shorter than this only match exactly; those shorter than the
 * second are matched approximately only near their expected position. */
#define FUZZY_MIN_LENGTH 4
#define FAR_FUZZY_MIN_LENGTH 16
/* Code points searched on each side of the expected position first. */
#define WINDOW_RADIUS 2048
/* At most this many candidates of one search get a full context score. */
#define MAX_SCORED 64
/* A quote found more often than this in the whole text is looked for only
 * together with this many bytes of its context. */
#define FREQUENT_QUOTE 256
#define NEEDLE_CONTEXT 16
#define MAX_CONTEXT_SCAN 256

/* A candidate's fit out of 90: quote, then prefix and suffix agreement.
 * Both sides of the context together outweigh the quote's own errors, so an
 * edited passage in its place beats an old copy of the quote elsewhere. */
#define WEIGHT_QUOTE 50.0
#define WEIGHT_PREFIX 20.0
#define WEIGHT_SUFFIX 20.0
/* Nearness to the expected position, so it decides only between fits that
 * are otherwise alike. */
#define WEIGHT_NEAR 10.0
#define NEAR_SCALE 256.0
/* A fit this good, or this much agreement of one side of the context, ends
 * the search before the whole text is searched. */
#define CONFIDENT_FIT 75.0
#define CONFIDENT_SIDE 0.5
/* An approximate match needs this fit; an exact one needs context agreeing
 * on one side, or to be the only occurrence of the quote. */
#define ACCEPT_FUZZY_FIT 65.0

struct _GlossTextIndex
{
  gatomicrefcount ref_count;
  char           *text;
  gsize           n_bytes;
  gunichar       *chars;
  gint64          n_chars;
  gsize          *samples;
  gboolean        ascii;
};

typedef struct
{
  const GlossSelector *selector;
  gsize                quote_bytes;
  gsize                prefix_bytes;
  gsize                suffix_bytes;
  gint64               quote_chars;
  gint64               expected;
  gunichar            *quote_ucs4;
  GlossFuzzyMatch     *quote_match;
  GlossFuzzyMatch     *prefix_match;
  GlossFuzzyMatch     *suffix_match;
} Query;

typedef struct
{
  gint64  start;
  gint64  end;
  guint   errors;
  gsize   cheap;
  gdouble prefix_fit;
  gdouble suffix_fit;
  gdouble fit;
  gdouble score;
} Candidate;

/* Decodes one character. Malformed bytes count as one U+FFFD each, so
 * offsets stay defined and in bounds whatever the input. */
static inline gsize
decode_char (const guchar *p,
             const guchar *end,
             gunichar     *out)
{
  guchar lead = p[0];
  gunichar value;
  gsize len, i;

  if (lead < 0x80)
    {
      *out = lead;
      return 1;
    }
  if (lead >= 0xC2 && lead < 0xE0)
    len = 2, value = lead & 0x1F;
  else if (lead >= 0xE0 && lead < 0xF0)
    len = 3, value = lead & 0x0F;
  else if (lead >= 0xF0 && lead < 0xF5)
    len = 4, value = lead & 0x07;
  else
    len = 0, value = 0;
  if (len == 0 || (gsize) (end - p) < len)
    goto invalid;
  for (i = 1; i < len; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        goto invalid;
      value = (value << 6) | (p[i] & 0x3F);
    }
  *out = value;
  return len;

invalid:
  *out = 0xFFFD;
  return 1;
}

static void
index_decode (GlossTextIndex *self)
{
  const guchar *p = (const guchar *) self->text;
  const guchar *end = p + self->n_bytes;
  gint64 i = 0;

  self->chars = g_new (gunichar, self->n_bytes + 1);
  self->samples = g_new (gsize, (self->n_bytes >> SAMPLE_SHIFT) + 2);
  self->ascii = TRUE;
  while (p < end)
    {
      if ((i & SAMPLE_MASK) == 0)
        self->samples[i >> SAMPLE_SHIFT] = p - (const guchar *) self->text;
      p += decode_char (p, end, &self->chars[i]);
      self->ascii &= self->chars[i] < 0x80;
      i++;
    }
  if ((i & SAMPLE_MASK) == 0)
    self->samples[i >> SAMPLE_SHIFT] = self->n_bytes;
  self->n_chars = i;
  self->chars = g_renew (gunichar, self->chars, i + 1);
  self->chars[i] = 0;
}

/**
 * gloss_text_index_new:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Prepares @text (copied) for offset conversion and re-anchoring.
 *
 * Returns: (transfer full): the index
 */
GlossTextIndex *
gloss_text_index_new (const char *text,
                      gssize      length)
{
  GlossTextIndex *self;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_new0 (GlossTextIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_bytes = length < 0 ? strlen (text) : (gsize) length;
  self->text = g_strndup (text != NULL ? text : "", self->n_bytes);
  index_decode (self);
  return self;
}

GlossTextIndex *
gloss_text_index_ref (GlossTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gloss_text_index_unref (GlossTextIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->text);
  g_free (self->chars);
  g_free (self->samples);
  g_free (self);
}

/**
 * gloss_text_index_get_length:
 *
 * Returns: the length of the text in code points
 */
gint64
gloss_text_index_get_length (GlossTextIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_chars;
}

/**
 * gloss_text_index_get_text:
 *
 * Returns: (transfer none): the indexed text, nul-terminated
 */
const char *
gloss_text_index_get_text (GlossTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * gloss_text_index_get_chars:
 *
 * Returns: (transfer none) (array): the text as
 *   gloss_text_index_get_length() code points, followed by a 0
 */
const gunichar *
gloss_text_index_get_chars (GlossTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->chars;
}

/* Offsets read from a file can be anything: bounding them first keeps the
 * arithmetic on them from overflowing. */
static inline gint64
bounded (gint64 offset)
{
  return CLAMP (offset, -OFFSET_LIMIT, OFFSET_LIMIT);
}

static inline gint64
clamp_offset (const GlossTextIndex *self,
              gint64                offset)
{
  return CLAMP (offset, 0, self->n_chars);
}

static gsize
byte_offset_of (const GlossTextIndex *self,
                gint64                offset)
{
  const guchar *text = (const guchar *) self->text;
  const guchar *end = text + self->n_bytes;
  gunichar ignored;
  gsize byte;
  gint64 steps;

  offset = clamp_offset (self, offset);
  if (self->ascii)
    return offset;
  byte = self->samples[offset >> SAMPLE_SHIFT];
  for (steps = offset & SAMPLE_MASK; steps > 0; steps--)
    byte += decode_char (text + byte, end, &ignored);
  return byte;
}

/**
 * gloss_text_index_byte_offset:
 * @offset: a code point offset, clamped to the text
 *
 * Returns: the byte offset of that code point in the text
 */
gsize
gloss_text_index_byte_offset (GlossTextIndex *self,
                              gint64          offset)
{
  g_return_val_if_fail (self != NULL, 0);

  return byte_offset_of (self, offset);
}

static gint64
char_offset_of (const GlossTextIndex *self,
                gsize                 byte)
{
  const guchar *text = (const guchar *) self->text;
  const guchar *end = text + self->n_bytes;
  gsize lo = 0, hi = self->n_chars >> SAMPLE_SHIFT;
  gunichar ignored;
  gsize pos;
  gint64 offset;

  byte = MIN (byte, self->n_bytes);
  if (self->ascii)
    return byte;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo + 1) / 2;

      if (self->samples[mid] <= byte)
        lo = mid;
      else
        hi = mid - 1;
    }
  pos = self->samples[lo];
  offset = (gint64) lo << SAMPLE_SHIFT;
  while (pos < byte && offset < self->n_chars)
    {
      gsize len = decode_char (text + pos, end, &ignored);

      if (pos + len > byte)
        break;
      pos += len;
      offset++;
    }
  return offset;
}

/**
 * gloss_text_index_char_offset:
 * @byte_offset: a byte offset, clamped to the text
 *
 * Returns: the offset of the code point that holds that byte
 */
gint64
gloss_text_index_char_offset (GlossTextIndex *self,
                              gsize           byte_offset)
{
  g_return_val_if_fail (self != NULL, 0);

  return char_offset_of (self, byte_offset);
}

/**
 * gloss_text_index_dup_slice:
 * @start: first code point, clamped to the text
 * @end: code point after the last, clamped to [@start, length]
 *
 * Returns: (transfer full): the text between @start and @end
 */
char *
gloss_text_index_dup_slice (GlossTextIndex *self,
                            gint64          start,
                            gint64          end)
{
  gsize first, last;

  g_return_val_if_fail (self != NULL, NULL);

  start = clamp_offset (self, start);
  end = MAX (clamp_offset (self, end), start);
  first = byte_offset_of (self, start);
  last = byte_offset_of (self, end);
  return g_strndup (self->text + first, last - first);
}

/**
 * gloss_text_index_describe:
 * @start: first code point of the range, clamped to the text
 * @end: code point after it, clamped to [@start, length]
 * @quote: (out) (optional) (transfer full): the text of the range
 * @prefix: (out) (optional) (transfer full): up to %GLOSS_CONTEXT_LENGTH
 *   code points before it
 * @suffix: (out) (optional) (transfer full): as many after it
 *
 * Makes the quote selector of a range, as stored in the sidecar.
 */
void
gloss_text_index_describe (GlossTextIndex  *self,
                           gint64           start,
                           gint64           end,
                           char           **quote,
                           char           **prefix,
                           char           **suffix)
{
  g_return_if_fail (self != NULL);

  start = clamp_offset (self, start);
  end = MAX (clamp_offset (self, end), start);
  if (quote != NULL)
    *quote = gloss_text_index_dup_slice (self, start, end);
  if (prefix != NULL)
    *prefix = gloss_text_index_dup_slice (self, start - GLOSS_CONTEXT_LENGTH, start);
  if (suffix != NULL)
    *suffix = gloss_text_index_dup_slice (self, end, end + GLOSS_CONTEXT_LENGTH);
}

static gint64
count_chars (const char *text,
             gsize       n_bytes)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + n_bytes;
  gunichar ignored;
  gint64 n = 0;

  while (p < end)
    {
      p += decode_char (p, end, &ignored);
      n++;
    }
  return n;
}

static gunichar *
to_ucs4 (const char *text,
          gsize       n_bytes,
          gsize      *n_chars)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + n_bytes;
  gunichar *chars = g_new (gunichar, n_bytes + 1);
  gsize n = 0;

  while (p < end)
    p += decode_char (p, end, &chars[n++]);
  *n_chars = n;
  return chars;
}

static GlossFuzzyMatch *
context_matcher (const char *context,
                 gsize       n_bytes)
{
  g_autofree gunichar *chars = NULL;
  gsize n;

  if (n_bytes == 0)
    return NULL;
  chars = to_ucs4 (context, n_bytes, &n);
  return gloss_fuzzy_match_new (chars, n);
}

static void
query_init (Query               *query,
            const GlossSelector *selector,
            const GlossTextIndex *index,
            gint64               delta)
{
  memset (query, 0, sizeof *query);
  query->selector = selector;
  query->quote_bytes = selector->quote != NULL ? strlen (selector->quote) : 0;
  query->prefix_bytes = selector->prefix != NULL ? strlen (selector->prefix) : 0;
  query->suffix_bytes = selector->suffix != NULL ? strlen (selector->suffix) : 0;
  query->quote_chars = count_chars (selector->quote, query->quote_bytes);
  query->expected = clamp_offset (index, bounded (selector->start) + delta);
}

static void
query_prepare_fuzzy (Query *query)
{
  gsize n;

  if (query->quote_ucs4 != NULL)
    return;
  query->quote_ucs4 = to_ucs4 (query->selector->quote, query->quote_bytes, &n);
  query->quote_match = gloss_fuzzy_match_new (query->quote_ucs4, n);
  query->prefix_match = context_matcher (query->selector->prefix, query->prefix_bytes);
  query->suffix_match = context_matcher (query->selector->suffix, query->suffix_bytes);
}

static void
query_clear (Query *query)
{
  g_clear_pointer (&query->quote_ucs4, g_free);
  g_clear_pointer (&query->quote_match, gloss_fuzzy_match_free);
  g_clear_pointer (&query->prefix_match, gloss_fuzzy_match_free);
  g_clear_pointer (&query->suffix_match, gloss_fuzzy_match_free);
}

static gboolean
context_agrees (const GlossTextIndex *index,
                const Query          *query,
                gsize                 first_byte,
                gsize                 last_byte)
{
  /* An absent prefix or suffix is NULL, which memcmp() may not be given
   * even for zero bytes. */
  if (query->prefix_bytes > first_byte
      || (query->prefix_bytes > 0
          && memcmp (index->text + first_byte - query->prefix_bytes,
                     query->selector->prefix, query->prefix_bytes) != 0))
    return FALSE;
  return query->suffix_bytes <= index->n_bytes - last_byte
         && (query->suffix_bytes == 0
             || memcmp (index->text + last_byte, query->selector->suffix,
                        query->suffix_bytes) == 0);
}

/* The fast path: the quote sits at @start with its context unchanged. */
static gboolean
holds_quote_at (const GlossTextIndex *index,
                const Query          *query,
                gint64                start)
{
  gsize first;

  if (start < 0 || start > index->n_chars - query->quote_chars)
    return FALSE;
  first = byte_offset_of (index, start);
  if (query->quote_bytes > index->n_bytes - first
      || memcmp (index->text + first, query->selector->quote, query->quote_bytes) != 0)
    return FALSE;
  return context_agrees (index, query, first, first + query->quote_bytes);
}

/* How many bytes of context agree right next to a candidate: cheap, and
 * used to choose which of many candidates deserve a full score. */
static gsize
cheap_agreement (const GlossTextIndex *index,
                 const Query          *query,
                 gsize                 first_byte,
                 gsize                 last_byte)
{
  const char *prefix = query->selector->prefix;
  const char *suffix = query->selector->suffix;
  gsize n = 0;

  while (n < query->prefix_bytes && n < first_byte
         && prefix[query->prefix_bytes - 1 - n] == index->text[first_byte - 1 - n])
    n++;
  for (gsize i = 0; i < query->suffix_bytes && last_byte + i < index->n_bytes
       && suffix[i] == index->text[last_byte + i]; i++)
    n++;
  return n;
}

/* 1 minus the distance between the stored context and the text next to a
 * candidate, relative to the context's length. The text side may be up to
 * half as long again and its best length counts, so that a word inserted or
 * deleted there costs only its own length. */
static gdouble
context_similarity (GlossFuzzyMatch *matcher,
                    const gunichar  *text,
                    gsize            available,
                    gboolean         backward)
{
  guint stack[MAX_CONTEXT_SCAN + 1];
  g_autofree guint *heap = NULL;
  guint *distances = stack;
  gsize length, span, t;
  guint best;

  if (matcher == NULL)
    return 1.0;
  length = gloss_fuzzy_match_get_length (matcher);
  span = MIN (available, length + length / 2);
  if (span > MAX_CONTEXT_SCAN)
    distances = heap = g_new (guint, span + 1);
  gloss_fuzzy_match_profile (matcher, backward ? text - span : text, span,
                             backward, distances);
  best = distances[0];
  for (t = 1; t <= span; t++)
    best = MIN (best, distances[t]);
  return 1.0 - (gdouble) best / length;
}

static void
score_candidate (const GlossTextIndex *index,
                 const Query          *query,
                 Candidate            *candidate)
{
  gdouble quote_fit = 1.0 - (gdouble) candidate->errors / MAX (query->quote_chars, 1);
  gdouble distance;

  candidate->prefix_fit = context_similarity (query->prefix_match,
                                              index->chars + candidate->start,
                                              candidate->start, TRUE);
  candidate->suffix_fit = context_similarity (query->suffix_match,
                                              index->chars + candidate->end,
                                              index->n_chars - candidate->end, FALSE);
  candidate->fit = WEIGHT_QUOTE * quote_fit + WEIGHT_PREFIX * candidate->prefix_fit
                   + WEIGHT_SUFFIX * candidate->suffix_fit;
  distance = fabs ((gdouble) (candidate->start - query->expected));
  candidate->score = candidate->fit + WEIGHT_NEAR / (1.0 + distance / NEAR_SCALE);
}

static gint64
distance_to (const Query     *query,
             const Candidate *candidate)
{
  return ABS (candidate->start - query->expected);
}

static gint
compare_cheap (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Candidate *ca = a, *cb = b;
  gint64 da, db;

  if (ca->cheap != cb->cheap)
    return ca->cheap > cb->cheap ? -1 : 1;
  da = distance_to (user_data, ca);
  db = distance_to (user_data, cb);
  return (da > db) - (da < db);
}

/* TRUE if @a should be preferred to @b. */
static gboolean
candidate_better (const Query     *query,
                  const Candidate *a,
                  const Candidate *b)
{
  gint64 la = ABS ((a->end - a->start) - query->quote_chars);
  gint64 lb = ABS ((b->end - b->start) - query->quote_chars);

  if (fabs (a->score - b->score) > 1e-9)
    return a->score > b->score;
  if ((a->errors == 0) != (b->errors == 0))
    return a->errors == 0;
  if (distance_to (query, a) != distance_to (query, b))
    return distance_to (query, a) < distance_to (query, b);
  if (la != lb)
    return la < lb;
  return a->start < b->start;
}

static void
rank_candidates (const GlossTextIndex *index,
                 const Query          *query,
                 GArray               *candidates,
                 Candidate            *best)
{
  guint i, n = candidates->len;

  if (n > MAX_SCORED)
    {
      for (i = 0; i < n; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);
          c->cheap = cheap_agreement (index, query, byte_offset_of (index, c->start),
                                      byte_offset_of (index, c->end));
        }
      g_array_sort_with_data (candidates, compare_cheap, (gpointer) query);
      n = MAX_SCORED;
    }
  for (i = 0; i < n; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      score_candidate (index, query, c);
      if (best->end < 0 || candidate_better (query, c, best))
        *best = *c;
    }
}

/* Appends the occurrences of @needle in the bytes [first, last) of the
 * text as candidates starting @skip bytes into it, at most @limit. */
static guint
find_occurrences (const GlossTextIndex *index,
                  const Query          *query,
                  gsize                 first,
                  gsize                 last,
                  const char           *needle,
                  gsize                 needle_bytes,
                  gsize                 skip,
                  guint                 limit,
                  GArray               *candidates)
{
  const char *text = index->text;
  const char *found;
  guint n = 0;

  while (n < limit && last - first >= needle_bytes
         && (found = memmem (text + first, last - first, needle, needle_bytes)) != NULL)
    {
      gsize byte = found - text;

      if (((guchar) text[byte] & 0xC0) != 0x80)
        {
          Candidate c = { 0, };

          c.start = char_offset_of (index, byte + skip);
          c.end = c.start + query->quote_chars;
          g_array_append_val (candidates, c);
          n++;
        }
      first = byte + 1;
    }
  return n;
}

static guint
find_exact (const GlossTextIndex *index,
            const Query          *query,
            gint64                from,
            gint64                to,
            GArray               *candidates)
{
  return find_occurrences (index, query, byte_offset_of (index, from),
                           byte_offset_of (index, to), query->selector->quote,
                           query->quote_bytes, 0, G_MAXUINT, candidates);
}

/* The quote joined to the end of its prefix and to the start of its suffix,
 * up to NEEDLE_CONTEXT bytes of each, cut at character boundaries. */
static guint
find_in_context (const GlossTextIndex *index,
                 const Query          *query,
                 GArray               *candidates)
{
  const char *prefix = query->selector->prefix;
  const char *suffix = query->selector->suffix;
  gsize before = MIN (query->prefix_bytes, NEEDLE_CONTEXT);
  gsize after = MIN (query->suffix_bytes, NEEDLE_CONTEXT);
  g_autofree char *leading = NULL;
  g_autofree char *trailing = NULL;
  guint n = 0;

  while (before > 0 && ((guchar) prefix[query->prefix_bytes - before] & 0xC0) == 0x80)
    before--;
  while (after > 0 && after < query->suffix_bytes && ((guchar) suffix[after] & 0xC0) == 0x80)
    after--;
  leading = g_strconcat (prefix != NULL ? prefix + query->prefix_bytes - before : "",
                         query->selector->quote, NULL);
  trailing = g_strconcat (query->selector->quote, suffix != NULL ? suffix : "", NULL);
  if (before > 0)
    n += find_occurrences (index, query, 0, index->n_bytes, leading, before + query->quote_bytes,
                           before, FREQUENT_QUOTE, candidates);
  if (after > 0)
    n += find_occurrences (index, query, 0, index->n_bytes, trailing, query->quote_bytes + after,
                           0, FREQUENT_QUOTE, candidates);
  return n;
}

/* Every occurrence of the quote in the text, unless it is so common that
 * only those whose context agrees right next to them are worth a look.
 * Returns how many there are, or more than FREQUENT_QUOTE. */
static guint
find_exact_everywhere (const GlossTextIndex *index,
                       const Query          *query,
                       gint64                from,
                       gint64                to,
                       GArray               *candidates)
{
  guint n = find_occurrences (index, query, 0, index->n_bytes, query->selector->quote,
                              query->quote_bytes, 0, FREQUENT_QUOTE + 1, candidates);

  if (n <= FREQUENT_QUOTE)
    return n;
  g_array_set_size (candidates, 0);
  find_in_context (index, query, candidates);
  return n;
}

/* Exact occurrences come from find_exact(). */
static void
add_fuzzy_hits (GArray *hits,
                gint64  offset,
                GArray *candidates)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const GlossFuzzyHit *hit = &g_array_index (hits, GlossFuzzyHit, i);
      Candidate c = { 0, };

      if (hit->errors == 0)
        continue;
      c.start = offset + hit->start;
      c.end = offset + hit->end;
      c.errors = hit->errors;
      g_array_append_val (candidates, c);
    }
}

static guint
max_errors_of (const Query *query)
{
  return query->quote_chars / 4;
}

static guint
find_fuzzy (const GlossTextIndex *index,
            const Query          *query,
            gint64                from,
            gint64                to,
            GArray               *candidates)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (GlossFuzzyHit));

  gloss_fuzzy_match_search (query->quote_match, index->chars + from, to - from,
                            max_errors_of (query), hits);
  add_fuzzy_hits (hits, from, candidates);
  return hits->len;
}

typedef guint (*FindFunc) (const GlossTextIndex *index,
                          const Query          *query,
                          gint64                from,
                          gint64                to,
                          GArray               *candidates);

typedef struct
{
  Candidate best;
  /* Occurrences of the quote in the whole text, -1 while not counted. */
  gint      n_exact;
} Search;

static guint
search_range (const GlossTextIndex *index,
              const Query          *query,
              FindFunc              find,
              gint64                from,
              gint64                to,
              Search               *search)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n = find (index, query, from, to, candidates);

  rank_candidates (index, query, candidates, &search->best);
  return n;
}

static gboolean
context_supports (const Candidate *candidate)
{
  return MAX (candidate->prefix_fit, candidate->suffix_fit) >= CONFIDENT_SIDE;
}

/* An exact occurrence needs context agreeing on one side, unless it is the
 * only one: a short common quote is not placed on a random occurrence. */
static gboolean
is_acceptable (const Search *search)
{
  const Candidate *best = &search->best;

  if (best->end < 0)
    return FALSE;
  if (best->errors > 0)
    return best->fit >= ACCEPT_FUZZY_FIT;
  return context_supports (best) || search->n_exact == 1;
}

/* Good enough to stop searching: a strong fit, or context that still agrees
 * on one side, which says this is the same passage. */
static gboolean
is_confident (const Search *search)
{
  return is_acceptable (search)
         && (search->best.fit >= CONFIDENT_FIT || context_supports (&search->best));
}

/* Looks near the expected position first, then for the quote in the whole
 * text. Returns FALSE if an approximate match far away is still worth
 * looking for: those searches are done together, in place_far(). */
static gboolean
search_candidates (const GlossTextIndex *index,
                   Query                *query,
                   Search               *search)
{
  gint64 from = MAX (query->expected - WINDOW_RADIUS, 0);
  gint64 to = MIN (query->expected + query->quote_chars + WINDOW_RADIUS, index->n_chars);
  gboolean whole = from == 0 && to == index->n_chars;
  guint n_exact;

  query_prepare_fuzzy (query);
  n_exact = search_range (index, query, find_exact, from, to, search);
  if (whole)
    search->n_exact = n_exact;
  if (query->quote_chars >= FUZZY_MIN_LENGTH)
    search_range (index, query, find_fuzzy, from, to, search);
  if (whole || is_confident (search))
    return TRUE;
  search->n_exact = search_range (index, query, find_exact_everywhere, 0, index->n_chars,
                                  search);
  return query->quote_chars < FAR_FUZZY_MIN_LENGTH || is_confident (search);
}

static void
settle (const Query  *query,
        const Search *search,
        GlossAnchor  *anchor)
{
  const Candidate *best = &search->best;

  if (!is_acceptable (search))
    return;
  anchor->start = best->start;
  anchor->end = best->end;
  if (best->errors > 0)
    anchor->state = GLOSS_ANCHOR_FUZZY;
  else if (best->start == query->selector->start)
    anchor->state = GLOSS_ANCHOR_EXACT;
  else
    anchor->state = GLOSS_ANCHOR_MOVED;
}

/* A selector waiting for the search of the whole text for approximate
 * matches, which is done for all of them in one pass. */
typedef struct
{
  Query        query;
  Search       search;
  GlossAnchor *anchor;
} Pending;

static void
place_far (const GlossTextIndex *index,
           GArray               *pending)
{
  guint n = pending->len;
  g_autofree GlossFuzzyMatch **patterns = g_new (GlossFuzzyMatch *, MAX (n, 1));
  g_autofree guint *max_errors = g_new (guint, MAX (n, 1));
  g_autofree GArray **hits = g_new (GArray *, MAX (n, 1));
  guint i;

  for (i = 0; i < n; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      patterns[i] = p->query.quote_match;
      max_errors[i] = max_errors_of (&p->query);
      hits[i] = g_array_new (FALSE, FALSE, sizeof (GlossFuzzyHit));
    }
  gloss_fuzzy_match_search_many (patterns, max_errors, n, index->chars, index->n_chars, hits);
  for (i = 0; i < n; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

      add_fuzzy_hits (hits[i], 0, candidates);
      rank_candidates (index, &p->query, candidates, &p->search.best);
      settle (&p->query, &p->search, p->anchor);
      query_clear (&p->query);
      g_array_unref (hits[i]);
    }
}

/* The stored position, then the expected one; both with their context. */
static gboolean
place_quickly (const GlossTextIndex *index,
               const Query          *query,
               gint64                delta,
               GlossAnchor          *anchor)
{
  const GlossSelector *selector = query->selector;

  if (query->quote_bytes == 0)
    {
      if (selector->start >= 0 && selector->start <= index->n_chars)
        {
          anchor->state = GLOSS_ANCHOR_EXACT;
          anchor->end = selector->start;
        }
      return TRUE;
    }
  if (holds_quote_at (index, query, selector->start))
    {
      anchor->state = GLOSS_ANCHOR_EXACT;
      anchor->end = selector->start + query->quote_chars;
      return TRUE;
    }
  if (delta == 0 || !holds_quote_at (index, query, query->expected))
    return FALSE;
  anchor->state = GLOSS_ANCHOR_MOVED;
  anchor->start = query->expected;
  anchor->end = query->expected + query->quote_chars;
  return TRUE;
}

/* Places @selector, or adds it to @pending if it needs the far search. */
static void
place_one (const GlossTextIndex *index,
           const GlossSelector  *selector,
           gint64                delta,
           GlossAnchor          *anchor,
           GArray               *pending)
{
  Pending p = { .anchor = anchor, .search = { .n_exact = -1 } };

  anchor->state = GLOSS_ANCHOR_ORPHANED;
  anchor->start = selector->start;
  anchor->end = selector->end;
  query_init (&p.query, selector, index, delta);
  p.search.best.end = -1;
  if (place_quickly (index, &p.query, delta, anchor))
    ;
  else if (search_candidates (index, &p.query, &p.search))
    settle (&p.query, &p.search, anchor);
  else
    {
      g_array_append_val (pending, p);
      return;
    }
  query_clear (&p.query);
}

static int
compare_by_position (const void *a,
                     const void *b,
                     void       *user_data)
{
  const GlossSelector *selectors = user_data;
  const GlossSelector *sa = &selectors[*(const guint *) a];
  const GlossSelector *sb = &selectors[*(const guint *) b];

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end < sb->end ? -1 : 1;
  return (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);
}

/**
 * gloss_text_index_anchor:
 * @selectors: (array length=n_selectors): where the quotes were
 * @n_selectors: how many
 * @anchors: (out caller-allocates) (array length=n_selectors): where they
 *   are now, @anchors[i] for @selectors[i]
 *
 * Places each selector on the indexed text, in order of preference:
 * exact if its position still holds the quote with its context (the end is
 * then start plus the quote's length), moved if the quote is found exactly
 * elsewhere, fuzzy if only an approximate match fits (at most a quarter of
 * the quote's length in errors, for quotes of 4 code points or more),
 * orphaned otherwise, start and end then as in the selector.
 *
 * Candidates are ranked by the quote's errors, the agreement of prefix and
 * suffix, and nearness to the expected position, which follows the shift
 * seen on the selectors before in the text. An exact occurrence is taken
 * only if its context agrees on one side or it is the only one, and an
 * approximate match whose context agrees on both sides beats an exact copy
 * of the quote whose context does not.
 *
 * The text around the expected position is searched fully. Far from it,
 * approximate matches are looked for only for quotes of 16 code points or
 * more, through intact pieces of 8 (see gloss_fuzzy_match_search_many()),
 * and a quote occurring more than 256 times is looked for only next to its
 * context.
 */
void
gloss_text_index_anchor (GlossTextIndex      *self,
                         const GlossSelector *selectors,
                         guint                n_selectors,
                         GlossAnchor         *anchors)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autofree guint *order = NULL;
  gint64 delta = 0;
  guint i;

  g_return_if_fail (self != NULL);
  g_return_if_fail (selectors != NULL || n_selectors == 0);
  g_return_if_fail (anchors != NULL || n_selectors == 0);

  order = g_new (guint, MAX (n_selectors, 1));
  for (i = 0; i < n_selectors; i++)
    order[i] = i;
  g_qsort_with_data (order, n_selectors, sizeof (guint),
                     compare_by_position, (gpointer) selectors);
  for (i = 0; i < n_selectors; i++)
    {
      const GlossSelector *selector = &selectors[order[i]];
      GlossAnchor *anchor = &anchors[order[i]];

      place_one (self, selector, delta, anchor, pending);
      if (anchor->state != GLOSS_ANCHOR_ORPHANED && selector->quote != NULL
          && selector->quote[0] != '\0')
        delta = bounded (anchor->start) - bounded (selector->start);
    }
  place_far (self, pending);
}
