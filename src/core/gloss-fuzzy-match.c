/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzzy-match"

#include "config.h"

#include "gloss-fuzzy-match.h"

#include <string.h>

#define BLOCK_BITS 64
#define MAX_HITS_PER_CLUSTER 8
#define STACK_BLOCKS 8
/* Blocks that fell out of the band are dropped every this many + 1 columns:
 * keeping one a little longer is only extra work. */
#define SHRINK_PERIOD 7
/* gloss_fuzzy_match_search_many() looks for pieces of patterns this long,
 * through a filter of 2^PIECE_FILTER_BITS bits. */
#define PIECE_LENGTH 8
#define PIECE_FILTER_BITS 16
#define PIECE_HASH_BASE G_GUINT64_CONSTANT (0x100000001B3)

struct _GlossFuzzyMatch
{
  gunichar *chars;
  gsize     length;
  guint     n_blocks;
  guint     n_symbols;
  /* Code points are mapped to symbols, the rows of peq: symbol 0 occurs
   * nowhere in the pattern, code point c < 256 is symbol c + 1 (one load in
   * the inner loop), the others get the following ones through a hash. */
  gunichar *high_keys;
  guint32  *high_symbols;
  guint     high_mask;
  guint64  *peq;
  guint64  *peq_reversed;
};

typedef struct
{
  guint64 *pv;
  guint64 *mv;
  gint    *score;
  guint64  stack[2 * STACK_BLOCKS];
  gint     stack_score[STACK_BLOCKS];
} Columns;

static inline guint
hash_code_point (gunichar c)
{
  return c * 2654435761u;
}

static inline guint32
symbol_of (const GlossFuzzyMatch *self,
           gunichar               c)
{
  guint slot;

  if (G_LIKELY (c < 256))
    return c + 1;
  if (self->high_keys == NULL)
    return 0;
  for (slot = hash_code_point (c) & self->high_mask;
       self->high_keys[slot] != 0;
       slot = (slot + 1) & self->high_mask)
    if (self->high_keys[slot] == c)
      return self->high_symbols[slot];
  return 0;
}

static guint32
intern_symbol (GlossFuzzyMatch *self,
               gunichar         c)
{
  guint slot;

  if (c < 256)
    return c + 1;
  for (slot = hash_code_point (c) & self->high_mask;
       self->high_keys[slot] != 0;
       slot = (slot + 1) & self->high_mask)
    if (self->high_keys[slot] == c)
      return self->high_symbols[slot];
  self->high_keys[slot] = c;
  self->high_symbols[slot] = self->n_symbols++;
  return self->high_symbols[slot];
}

static void
build_symbols (GlossFuzzyMatch *self,
               const gunichar  *pattern,
               guint32         *symbols)
{
  gsize n_high = 0;
  gsize i;
  guint size = 4;

  for (i = 0; i < self->length; i++)
    n_high += pattern[i] >= 256;
  if (n_high > 0)
    {
      while (size < 2 * n_high)
        size *= 2;
      self->high_keys = g_new0 (gunichar, size);
      self->high_symbols = g_new0 (guint32, size);
      self->high_mask = size - 1;
    }
  self->n_symbols = 257;
  for (i = 0; i < self->length; i++)
    symbols[i] = intern_symbol (self, pattern[i]);
}

/**
 * gloss_fuzzy_match_new:
 * @pattern: (array length=length): the code points to look for
 * @length: how many
 *
 * Returns: (transfer full): the prepared pattern
 */
GlossFuzzyMatch *
gloss_fuzzy_match_new (const gunichar *pattern,
                       gsize           length)
{
  g_autofree guint32 *symbols = g_new (guint32, MAX (length, 1));
  GlossFuzzyMatch *self = g_new0 (GlossFuzzyMatch, 1);
  gsize i;

  g_return_val_if_fail (pattern != NULL || length == 0, NULL);

  self->chars = g_memdup2 (pattern, MAX (length, 1) * sizeof (gunichar));
  self->length = length;
  self->n_blocks = (length + BLOCK_BITS - 1) / BLOCK_BITS;
  build_symbols (self, pattern, symbols);
  self->peq = g_new0 (guint64, (gsize) self->n_symbols * self->n_blocks);
  self->peq_reversed = g_new0 (guint64, (gsize) self->n_symbols * self->n_blocks);
  for (i = 0; i < length; i++)
    {
      gsize r = length - 1 - i;

      self->peq[symbols[i] * self->n_blocks + i / BLOCK_BITS] |=
        G_GUINT64_CONSTANT (1) << (i % BLOCK_BITS);
      self->peq_reversed[symbols[i] * self->n_blocks + r / BLOCK_BITS] |=
        G_GUINT64_CONSTANT (1) << (r % BLOCK_BITS);
    }
  return self;
}

void
gloss_fuzzy_match_free (GlossFuzzyMatch *self)
{
  if (self == NULL)
    return;
  g_free (self->chars);
  g_free (self->high_keys);
  g_free (self->high_symbols);
  g_free (self->peq);
  g_free (self->peq_reversed);
  g_free (self);
}

gsize
gloss_fuzzy_match_get_length (GlossFuzzyMatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

static inline guint
block_rows (const GlossFuzzyMatch *self,
            guint                  block)
{
  if (block + 1 < self->n_blocks)
    return BLOCK_BITS;
  return self->length - (gsize) block * BLOCK_BITS;
}

/* One column step of one block (Hyyrö's formulation of Myers' algorithm):
 * @hin is the horizontal delta entering the block's top row, the return
 * value the delta leaving its bottom row. Branch-free, as the carries
 * between blocks are hard to predict. */
static inline gint
advance_block (guint64 *pv_io,
               guint64 *mv_io,
               guint64  eq,
               guint64  last_bit,
               gint     hin)
{
  const guint64 hin_negative = hin < 0;
  const guint64 hin_positive = hin > 0;
  guint64 pv = *pv_io;
  guint64 mv = *mv_io;
  guint64 xv, xh, ph, mh;
  gint hout;

  xv = eq | mv;
  eq |= hin_negative;
  xh = (((eq & pv) + pv) ^ pv) | eq;
  ph = mv | ~(xh | pv);
  mh = pv & xh;
  hout = ((ph & last_bit) != 0) - ((mh & last_bit) != 0);
  ph = (ph << 1) | hin_positive;
  mh = (mh << 1) | hin_negative;
  *pv_io = mh | ~(xv | ph);
  *mv_io = ph & xv;
  return hout;
}

static inline guint64
last_bit_of (const GlossFuzzyMatch *self,
             guint                  block)
{
  return G_GUINT64_CONSTANT (1) << (block_rows (self, block) - 1);
}

static void
columns_init (Columns *cols,
              guint    n_blocks)
{
  if (n_blocks <= STACK_BLOCKS)
    {
      cols->pv = cols->stack;
      cols->mv = cols->stack + STACK_BLOCKS;
      cols->score = cols->stack_score;
    }
  else
    {
      cols->pv = g_new (guint64, n_blocks);
      cols->mv = g_new (guint64, n_blocks);
      cols->score = g_new (gint, n_blocks);
    }
}

static void
columns_clear (Columns *cols)
{
  if (cols->pv == cols->stack)
    return;
  g_free (cols->pv);
  g_free (cols->mv);
  g_free (cols->score);
}

static void
report_end (GArray *ends,
            gsize   end,
            guint   errors)
{
  GlossFuzzyHit hit = { end, end, errors };

  g_array_append_val (ends, hit);
}

static void
scan_single_block (const GlossFuzzyMatch *self,
                   const gunichar        *text,
                   gsize                  n,
                   guint                  k,
                   GArray                *ends)
{
  const guint64 last = G_GUINT64_CONSTANT (1) << (self->length - 1);
  const guint64 *peq = self->peq;
  guint64 pv = ~G_GUINT64_CONSTANT (0);
  guint64 mv = 0;
  guint score = self->length;

  for (gsize j = 0; j < n; j++)
    {
      guint64 eq = peq[symbol_of (self, text[j])];
      guint64 xv = eq | mv;
      guint64 xh = (((eq & pv) + pv) ^ pv) | eq;
      guint64 ph = mv | ~(xh | pv);
      guint64 mh = pv & xh;

      score += ((ph & last) != 0) - ((mh & last) != 0);
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (G_UNLIKELY (score <= k))
        report_end (ends, j + 1, score);
    }
}

static guint
activate_next_block (const GlossFuzzyMatch *self,
                     Columns               *cols,
                     guint                  y,
                     const guint64         *eq,
                     gint                   carry)
{
  y++;
  cols->pv[y] = ~G_GUINT64_CONSTANT (0);
  cols->mv[y] = 0;
  cols->score[y] = cols->score[y - 1] - carry + block_rows (self, y);
  cols->score[y] += advance_block (&cols->pv[y], &cols->mv[y], eq[y],
                                   last_bit_of (self, y), carry);
  return y;
}

/* A lower bound of the values in a block's column: its bottom value less
 * the rows whose vertical delta is +1. Tighter than assuming all 64 are. */
static inline gint
block_minimum (const GlossFuzzyMatch *self,
               const Columns         *cols,
               guint                  block)
{
  guint64 rows = ~G_GUINT64_CONSTANT (0) >> (BLOCK_BITS - block_rows (self, block));

  return cols->score[block] - __builtin_popcountll (cols->pv[block] & rows);
}

static guint
initial_band (const GlossFuzzyMatch *self,
              Columns               *cols,
              guint                  k)
{
  guint y = k == 0 ? 0 : MIN ((k - 1) / BLOCK_BITS, self->n_blocks - 1);

  for (guint b = 0; b <= y; b++)
    {
      cols->pv[b] = ~G_GUINT64_CONSTANT (0);
      cols->mv[b] = 0;
      cols->score[b] = (gint) MIN ((gsize) (b + 1) * BLOCK_BITS, self->length);
    }
  return y;
}

/* Myers' block algorithm with Ukkonen's cut-off: only the blocks down to
 * y, the last one that can hold a value <= k, are computed. */
static void
scan_blocks (const GlossFuzzyMatch *self,
             const gunichar        *text,
             gsize                  n,
             guint                  k,
             GArray                *ends)
{
  const guint last_block = self->n_blocks - 1;
  Columns cols;
  guint y, b;

  columns_init (&cols, self->n_blocks);
  y = initial_band (self, &cols, k);
  for (gsize j = 0; j < n; j++)
    {
      const guint64 *eq = self->peq + (gsize) symbol_of (self, text[j]) * self->n_blocks;
      gint carry = 0;

      for (b = 0; b <= y; b++)
        {
          carry = advance_block (&cols.pv[b], &cols.mv[b], eq[b], last_bit_of (self, b), carry);
          cols.score[b] += carry;
        }
      if (y < last_block && cols.score[y] - carry <= (gint) k
          && ((eq[y + 1] & 1) || carry < 0))
        y = activate_next_block (self, &cols, y, eq, carry);
      else if ((j & SHRINK_PERIOD) == 0)
        while (y > 0 && block_minimum (self, &cols, y) > (gint) k)
          y--;
      if (y == last_block && cols.score[y] <= (gint) k)
        report_end (ends, j + 1, cols.score[y]);
    }
  columns_clear (&cols);
}

static void
scan_ends (GlossFuzzyMatch *self,
           const gunichar  *text,
           gsize            n,
           guint            k,
           GArray          *ends)
{
  if (self->n_blocks == 1)
    scan_single_block (self, text, n, k, ends);
  else
    scan_blocks (self, text, n, k, ends);
}

/**
 * gloss_fuzzy_match_scan:
 * @self: the pattern
 * @text: (array length=length): where to look
 * @length: its length in code points
 * @max_errors: the largest distance of interest
 * @errors: (out caller-allocates) (array): @length + 1 values
 *
 * For every end position j of @text, stores in @errors[j] the smallest
 * distance between the pattern and a substring of @text ending at j, or
 * %G_MAXUINT where that distance exceeds @max_errors.
 */
void
gloss_fuzzy_match_scan (GlossFuzzyMatch *self,
                        const gunichar  *text,
                        gsize            length,
                        guint            max_errors,
                        guint           *errors)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (GlossFuzzyHit));
  gsize i;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (errors != NULL);

  for (i = 0; i <= length; i++)
    errors[i] = self->length == 0 ? 0 : G_MAXUINT;
  if (self->length == 0)
    return;
  if (self->length <= max_errors)
    errors[0] = self->length;
  scan_ends (self, text, length, max_errors, ends);
  for (i = 0; i < ends->len; i++)
    {
      const GlossFuzzyHit *end = &g_array_index (ends, GlossFuzzyHit, i);
      errors[end->end] = end->errors;
    }
}

static guint
profile_with (const GlossFuzzyMatch *self,
              const guint64         *peq,
              const gunichar        *text,
              gsize                  n,
              gboolean               backward,
              guint                 *distances)
{
  Columns cols;
  guint bottom = self->length;
  guint b;
  gsize t;

  columns_init (&cols, self->n_blocks);
  for (b = 0; b < self->n_blocks; b++)
    {
      cols.pv[b] = ~G_GUINT64_CONSTANT (0);
      cols.mv[b] = 0;
    }
  if (distances != NULL)
    distances[0] = bottom;
  for (t = 0; t < n; t++)
    {
      gunichar c = backward ? text[n - 1 - t] : text[t];
      const guint64 *eq = peq + (gsize) symbol_of (self, c) * self->n_blocks;
      gint carry = 1;

      for (b = 0; b < self->n_blocks; b++)
        carry = advance_block (&cols.pv[b], &cols.mv[b], eq[b],
                               last_bit_of (self, b), carry);
      bottom += carry;
      if (distances != NULL)
        distances[t + 1] = bottom;
    }
  columns_clear (&cols);
  return bottom;
}

/**
 * gloss_fuzzy_match_profile:
 * @self: the pattern
 * @text: (array length=length): the text next to a fixed boundary
 * @length: its length in code points
 * @backward: whether the boundary is at the end of @text
 * @distances: (out caller-allocates) (array): @length + 1 values
 *
 * Stores in @distances[t] the distance between the pattern and the t code
 * points of @text next to the boundary: text[0, t) forward,
 * text[length - t, length) backward.
 */
void
gloss_fuzzy_match_profile (GlossFuzzyMatch *self,
                           const gunichar  *text,
                           gsize            length,
                           gboolean         backward,
                           guint           *distances)
{
  gsize t;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (distances != NULL);

  if (self->length == 0)
    {
      for (t = 0; t <= length; t++)
        distances[t] = t;
      return;
    }
  profile_with (self, backward ? self->peq_reversed : self->peq,
                text, length, backward, distances);
}

static void
add_starts (GlossFuzzyMatch *self,
            const gunichar  *text,
            gsize            end,
            guint            errors,
            guint            max_errors,
            GArray          *hits,
            guint           *budget)
{
  gsize span = MIN (end, self->length + max_errors);
  g_autofree guint *distances = g_new (guint, span + 1);
  gsize m = MIN (self->length, span);
  gsize step;

  profile_with (self, self->peq_reversed, text + end - span, span, TRUE, distances);
  /* Prefer spans as long as the pattern: a changed first character is more
   * likely a substitution than a deletion plus a neighbour. */
  for (step = 0; *budget > 0 && (step <= m || m + step <= span); step++)
    {
      if (step <= m && distances[m - step] == errors)
        {
          GlossFuzzyHit hit = { end - (m - step), end, errors };
          g_array_append_val (hits, hit);
          (*budget)--;
        }
      if (step > 0 && m + step <= span && distances[m + step] == errors && *budget > 0)
        {
          GlossFuzzyHit hit = { end - (m + step), end, errors };
          g_array_append_val (hits, hit);
          (*budget)--;
        }
    }
}

static gsize
add_cluster (GlossFuzzyMatch     *self,
             const gunichar      *text,
             const GlossFuzzyHit *ends,
             gsize                n_ends,
             guint                max_errors,
             GArray              *hits)
{
  guint best = G_MAXUINT;
  guint budget = MAX_HITS_PER_CLUSTER;
  gsize run = 1;
  gsize i;

  while (run < n_ends && ends[run].end == ends[run - 1].end + 1)
    run++;
  for (i = 0; i < run; i++)
    best = MIN (best, ends[i].errors);
  for (i = 0; i < run && budget > 0; i++)
    if (ends[i].errors == best)
      add_starts (self, text, ends[i].end, best, max_errors, hits, &budget);
  return run;
}

/**
 * gloss_fuzzy_match_search:
 * @self: the pattern
 * @text: (array length=length): where to look
 * @length: its length in code points
 * @max_errors: the largest distance accepted
 * @hits: (element-type GlossFuzzyHit): receives the matches
 *
 * Appends to @hits the best matches of the pattern in @text: end positions
 * within @max_errors that follow each other form one cluster, and of each
 * cluster only the ends with the fewest errors are kept, each with the
 * starts that give that distance (at most 8 hits a cluster). An empty
 * pattern matches nowhere.
 */
void
gloss_fuzzy_match_search (GlossFuzzyMatch *self,
                          const gunichar  *text,
                          gsize            length,
                          guint            max_errors,
                          GArray          *hits)
{
  g_autoptr(GArray) ends = NULL;
  gsize i = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (hits != NULL);

  if (self->length == 0)
    return;
  ends = g_array_new (FALSE, FALSE, sizeof (GlossFuzzyHit));
  scan_ends (self, text, length, max_errors, ends);
  while (i < ends->len)
    i += add_cluster (self, text, &g_array_index (ends, GlossFuzzyHit, i),
                      ends->len - i, max_errors, hits);
}

typedef struct
{
  guint64 hash;
  guint   pattern;
  gsize   offset;
  gsize   length;
} Piece;

typedef struct
{
  gsize start;
  gsize end;
} Region;

static guint64
hash_piece (const gunichar *chars)
{
  guint64 hash = 0;

  for (guint i = 0; i < PIECE_LENGTH; i++)
    hash = hash * PIECE_HASH_BASE + chars[i];
  return hash;
}

static inline guint
filter_slot (guint64 hash)
{
  return (hash * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - PIECE_FILTER_BITS);
}

static gint
compare_pieces (gconstpointer a,
                gconstpointer b)
{
  const Piece *pa = a, *pb = b;

  return (pa->hash > pb->hash) - (pa->hash < pb->hash);
}

/* Cuts each pattern into as many disjoint pieces of at least PIECE_LENGTH
 * code points as it holds, sorted by the hash of their first ones. */
static GArray *
make_pieces (GlossFuzzyMatch **patterns,
             guint             n_patterns,
             guint64          *filter)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (Piece));

  for (guint p = 0; p < n_patterns; p++)
    {
      gsize length = patterns[p]->length;
      gsize n = length / PIECE_LENGTH;

      for (gsize i = 0; i < n; i++)
        {
          Piece piece = { 0, p, length * i / n, length * (i + 1) / n - length * i / n };

          piece.hash = hash_piece (patterns[p]->chars + piece.offset);
          filter[filter_slot (piece.hash) / 64] |= G_GUINT64_CONSTANT (1) << (filter_slot (piece.hash) % 64);
          g_array_append_val (pieces, piece);
        }
    }
  g_array_sort (pieces, compare_pieces);
  return pieces;
}

/* Where the pattern can match if its piece lies intact at @at. */
static void
add_region (GArray                *regions,
            const GlossFuzzyMatch *pattern,
            const Piece           *piece,
            gsize                  at,
            guint                  max_errors,
            gsize                  n)
{
  gint64 origin = (gint64) at - (gint64) piece->offset;
  Region region = { MAX (origin - (gint64) max_errors, 0),
                    MIN (origin + (gint64) (pattern->length + max_errors), (gint64) n) };

  g_array_append_val (regions, region);
}

static void
check_pieces (GArray           *pieces,
              GlossFuzzyMatch **patterns,
              const guint      *max_errors,
              const gunichar   *text,
              gsize             n,
              gsize             at,
              guint64           hash,
              GArray          **regions)
{
  gsize lo = 0, hi = pieces->len;

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (g_array_index (pieces, Piece, mid).hash < hash)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < pieces->len && g_array_index (pieces, Piece, lo).hash == hash; lo++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, lo);
      const GlossFuzzyMatch *pattern = patterns[piece->pattern];

      if (piece->length <= n - at
          && memcmp (text + at, pattern->chars + piece->offset,
                     piece->length * sizeof (gunichar)) == 0)
        add_region (regions[piece->pattern], pattern, piece, at,
                    max_errors[piece->pattern], n);
    }
}

/* One pass of a rolling hash over the text finds the pieces of all the
 * patterns at once. */
static void
find_pieces (GArray           *pieces,
             const guint64    *filter,
             GlossFuzzyMatch **patterns,
             const guint      *max_errors,
             const gunichar   *text,
             gsize             n,
             GArray          **regions)
{
  guint64 top = 1, hash;
  gsize at;

  if (n < PIECE_LENGTH)
    return;
  for (guint i = 1; i < PIECE_LENGTH; i++)
    top *= PIECE_HASH_BASE;
  hash = hash_piece (text);
  for (at = 0; ; at++)
    {
      guint slot = filter_slot (hash);

      if (G_UNLIKELY (filter[slot / 64] & (G_GUINT64_CONSTANT (1) << (slot % 64))))
        check_pieces (pieces, patterns, max_errors, text, n, at, hash, regions);
      if (at + PIECE_LENGTH >= n)
        break;
      hash = (hash - text[at] * top) * PIECE_HASH_BASE + text[at + PIECE_LENGTH];
    }
}

static gint
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const Region *ra = a, *rb = b;

  return (ra->start > rb->start) - (ra->start < rb->start);
}

/* Searches the merged regions fully, with hits in text coordinates. */
static void
search_regions (GlossFuzzyMatch *pattern,
                GArray          *regions,
                const gunichar  *text,
                guint            max_errors,
                GArray          *hits)
{
  guint i = 0;

  g_array_sort (regions, compare_regions);
  while (i < regions->len)
    {
      Region merged = g_array_index (regions, Region, i);
      guint first_hit = hits->len;

      for (i++; i < regions->len && g_array_index (regions, Region, i).start <= merged.end; i++)
        merged.end = MAX (merged.end, g_array_index (regions, Region, i).end);
      gloss_fuzzy_match_search (pattern, text + merged.start, merged.end - merged.start,
                                max_errors, hits);
      for (guint h = first_hit; h < hits->len; h++)
        {
          g_array_index (hits, GlossFuzzyHit, h).start += merged.start;
          g_array_index (hits, GlossFuzzyHit, h).end += merged.start;
        }
    }
}

/**
 * gloss_fuzzy_match_search_many:
 * @patterns: (array length=n_patterns): the patterns
 * @max_errors: (array length=n_patterns): the largest distance accepted
 *   for each
 * @n_patterns: how many
 * @text: (array length=length): where to look
 * @length: its length in code points
 * @hits: (array length=n_patterns): an array of #GlossFuzzyHit for each
 *   pattern, receiving its matches
 *
 * Like gloss_fuzzy_match_search() for several patterns over a long text,
 * but much faster, as only the places holding an intact piece of a
 * pattern are searched. A pattern of m code points is cut into m / 8
 * pieces, so every match with fewer errors than that is found, and of the
 * matches with up to @max_errors those that left one piece intact.
 * Patterns shorter than 16 code points are searched fully.
 */
void
gloss_fuzzy_match_search_many (GlossFuzzyMatch **patterns,
                               const guint      *max_errors,
                               guint             n_patterns,
                               const gunichar   *text,
                               gsize             length,
                               GArray          **hits)
{
  g_autofree guint64 *filter = g_new0 (guint64, (1 << PIECE_FILTER_BITS) / 64);
  g_autofree GArray **regions = g_new0 (GArray *, MAX (n_patterns, 1));
  g_autoptr(GArray) pieces = NULL;

  g_return_if_fail (patterns != NULL || n_patterns == 0);
  g_return_if_fail (text != NULL || length == 0);

  pieces = make_pieces (patterns, n_patterns, filter);
  for (guint p = 0; p < n_patterns; p++)
    regions[p] = g_array_new (FALSE, FALSE, sizeof (Region));
  find_pieces (pieces, filter, patterns, max_errors, text, length, regions);
  for (guint p = 0; p < n_patterns; p++)
    {
      if (patterns[p]->length < 2 * PIECE_LENGTH)
        gloss_fuzzy_match_search (patterns[p], text, length, max_errors[p], hits[p]);
      else
        search_regions (patterns[p], regions[p], text, max_errors[p], hits[p]);
      g_array_unref (regions[p]);
    }
}

/**
 * gloss_fuzzy_match_distance:
 * @a: (array length=a_length): one string of code points
 * @a_length: its length
 * @b: (array length=b_length): the other
 * @b_length: its length
 *
 * Returns: the Levenshtein distance between @a and @b
 */
guint
gloss_fuzzy_match_distance (const gunichar *a,
                            gsize           a_length,
                            const gunichar *b,
                            gsize           b_length)
{
  g_autoptr(GlossFuzzyMatch) pattern = NULL;

  if (a_length == 0)
    return b_length;
  pattern = gloss_fuzzy_match_new (a, a_length);
  return profile_with (pattern, pattern->peq, b, b_length, FALSE, NULL);
}
