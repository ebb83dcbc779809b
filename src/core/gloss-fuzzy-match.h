/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossFuzzyHit:
 * @start: first code point of the match in the searched text
 * @end: code point after the match
 * @errors: edit distance between the pattern and text[start, end)
 */
typedef struct
{
  gsize start;
  gsize end;
  guint errors;
} GlossFuzzyHit;

/**
 * GlossFuzzyMatch:
 *
 * A pattern of code points prepared for approximate search with Myers'
 * bit-parallel algorithm (Levenshtein distance: insertions, deletions and
 * substitutions each cost one). Patterns longer than 64 code points are
 * split into blocks of 64 rows.
 */
typedef struct _GlossFuzzyMatch GlossFuzzyMatch;

GlossFuzzyMatch *gloss_fuzzy_match_new         (const gunichar   *pattern,
                                                gsize             length);
void             gloss_fuzzy_match_free        (GlossFuzzyMatch  *self);
gsize            gloss_fuzzy_match_get_length  (GlossFuzzyMatch  *self);
void             gloss_fuzzy_match_scan        (GlossFuzzyMatch  *self,
                                                const gunichar   *text,
                                                gsize             length,
                                                guint             max_errors,
                                                guint            *errors);
void             gloss_fuzzy_match_search      (GlossFuzzyMatch  *self,
                                                const gunichar   *text,
                                                gsize             length,
                                                guint             max_errors,
                                                GArray           *hits);
void             gloss_fuzzy_match_search_many (GlossFuzzyMatch **patterns,
                                                const guint      *max_errors,
                                                guint             n_patterns,
                                                const gunichar   *text,
                                                gsize             length,
                                                GArray          **hits);
void             gloss_fuzzy_match_profile     (GlossFuzzyMatch  *self,
                                                const gunichar   *text,
                                                gsize             length,
                                                gboolean          backward,
                                                guint            *distances);
guint            gloss_fuzzy_match_distance    (const gunichar   *a,
                                                gsize             a_length,
                                                const gunichar   *b,
                                                gsize             b_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFuzzyMatch, gloss_fuzzy_match_free)

G_END_DECLS
