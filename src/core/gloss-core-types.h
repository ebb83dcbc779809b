/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_CORE_ERROR (gloss_core_error_quark ())

/**
 * GlossCoreError:
 * @GLOSS_CORE_ERROR_NOT_TEXT: the article is binary or not decodable text
 * @GLOSS_CORE_ERROR_TOO_LARGE: the article exceeds the size limit
 * @GLOSS_CORE_ERROR_PARSE: the sidecar is not valid JSON
 * @GLOSS_CORE_ERROR_INVALID: the sidecar is JSON but breaks the format
 * @GLOSS_CORE_ERROR_NEWER_VERSION: the sidecar was written by a newer Gloss
 * @GLOSS_CORE_ERROR_READ_ONLY: the document may not be saved
 * @GLOSS_CORE_ERROR_NOT_FOUND: an id names nothing in the document
 */
typedef enum
{
  GLOSS_CORE_ERROR_NOT_TEXT,
  GLOSS_CORE_ERROR_TOO_LARGE,
  GLOSS_CORE_ERROR_PARSE,
  GLOSS_CORE_ERROR_INVALID,
  GLOSS_CORE_ERROR_NEWER_VERSION,
  GLOSS_CORE_ERROR_READ_ONLY,
  GLOSS_CORE_ERROR_NOT_FOUND,
} GlossCoreError;

GQuark gloss_core_error_quark (void);

/**
 * GlossAnchorState:
 * @GLOSS_ANCHOR_EXACT: the stored position still holds the quote
 * @GLOSS_ANCHOR_MOVED: the quote was found exactly somewhere else
 * @GLOSS_ANCHOR_FUZZY: an approximate match of the quote was found
 * @GLOSS_ANCHOR_ORPHANED: the quote could not be placed in the text
 */
typedef enum
{
  GLOSS_ANCHOR_EXACT,
  GLOSS_ANCHOR_MOVED,
  GLOSS_ANCHOR_FUZZY,
  GLOSS_ANCHOR_ORPHANED,
} GlossAnchorState;

#define GLOSS_TYPE_ANCHOR_STATE (gloss_anchor_state_get_type ())

GType       gloss_anchor_state_get_type  (void) G_GNUC_CONST;
const char *gloss_anchor_state_to_string (GlossAnchorState state);

G_END_DECLS
