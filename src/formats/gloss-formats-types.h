/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_FORMAT_ERROR (gloss_format_error_quark ())

/**
 * GlossFormatError:
 * @GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT: no format has that name
 * @GLOSS_FORMAT_ERROR_NOT_SUPPORTED: the format cannot do that (import or
 *   export), or needs something that was not given
 * @GLOSS_FORMAT_ERROR_INVALID_INPUT: an imported file is broken; the message
 *   names the file and line
 * @GLOSS_FORMAT_ERROR_MISMATCH: imported annotations do not fit the article
 *   text (offsets outside it, a quote that is not there)
 * @GLOSS_FORMAT_ERROR_CONFLICT: a file the import would write already holds
 *   something else, or its annotations cannot be changed
 */
typedef enum
{
  GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT,
  GLOSS_FORMAT_ERROR_NOT_SUPPORTED,
  GLOSS_FORMAT_ERROR_INVALID_INPUT,
  GLOSS_FORMAT_ERROR_MISMATCH,
  GLOSS_FORMAT_ERROR_CONFLICT,
} GlossFormatError;

GQuark gloss_format_error_quark (void);

/**
 * GlossFormatOptions:
 * @utf16_offsets: doccano: offsets count UTF-16 code units (what doccano's
 *   browser counts) instead of code points
 * @review_url: (nullable): ClaimReview: the page that publishes the reviews
 * @article_text: (nullable): imports: use this as the article's text instead
 *   of reading the file (the window passes its unsaved text)
 *
 * Options shared by exporters and importers; each reads the ones that
 * concern it. A zeroed struct, or %NULL, gives the defaults.
 */
typedef struct
{
  gboolean    utf16_offsets;
  const char *review_url;
  const char *article_text;
} GlossFormatOptions;

typedef struct _GlossExport GlossExport;
typedef struct _GlossFormat GlossFormat;
typedef struct _GlossImport GlossImport;

G_END_DECLS
