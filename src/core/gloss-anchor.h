/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gloss-core-types.h"

G_BEGIN_DECLS

/* Up to this many code points of context are kept on each side of a quote. */
#define GLOSS_CONTEXT_LENGTH 32

/**
 * GlossSelector:
 * @start: first code point of the quote in the text it was taken from
 * @end: code point after the quote
 * @quote: (not nullable): the quoted text, UTF-8
 * @prefix: (nullable): up to %GLOSS_CONTEXT_LENGTH code points before the quote
 * @suffix: (nullable): up to %GLOSS_CONTEXT_LENGTH code points after it
 *
 * A W3C TextPositionSelector and TextQuoteSelector together. The strings
 * are borrowed from the caller.
 */
typedef struct
{
  gint64      start;
  gint64      end;
  const char *quote;
  const char *prefix;
  const char *suffix;
} GlossSelector;

/**
 * GlossAnchor:
 * @state: how the selector was placed
 * @start: first code point of the match in the new text (the selector's
 *   start if orphaned)
 * @end: code point after the match (the selector's end if orphaned)
 */
typedef struct
{
  GlossAnchorState state;
  gint64           start;
  gint64           end;
} GlossAnchor;

/**
 * GlossTextIndex:
 *
 * An article text prepared for many look-ups: code point offsets,
 * quotes and re-anchoring. Immutable once built.
 */
typedef struct _GlossTextIndex GlossTextIndex;

GlossTextIndex *gloss_text_index_new          (const char           *text,
                                               gssize                length);
GlossTextIndex *gloss_text_index_ref          (GlossTextIndex       *index);
void            gloss_text_index_unref        (GlossTextIndex       *index);
gint64          gloss_text_index_get_length   (GlossTextIndex       *index);
const char     *gloss_text_index_get_text     (GlossTextIndex       *index);
const gunichar *gloss_text_index_get_chars    (GlossTextIndex       *index);
gsize           gloss_text_index_byte_offset  (GlossTextIndex       *index,
                                               gint64                offset);
gint64          gloss_text_index_char_offset  (GlossTextIndex       *index,
                                               gsize                 byte_offset);
char           *gloss_text_index_dup_slice    (GlossTextIndex       *index,
                                               gint64                start,
                                               gint64                end);
void            gloss_text_index_describe     (GlossTextIndex       *index,
                                               gint64                start,
                                               gint64                end,
                                               char                **quote,
                                               char                **prefix,
                                               char                **suffix);
void            gloss_text_index_anchor       (GlossTextIndex       *index,
                                               const GlossSelector  *selectors,
                                               guint                 n_selectors,
                                               GlossAnchor          *anchors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTextIndex, gloss_text_index_unref)

G_END_DECLS
