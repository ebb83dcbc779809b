/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-core-types"

#include "config.h"

#include "gloss-core-types.h"

G_DEFINE_QUARK (gloss-core-error-quark, gloss_core_error)

G_DEFINE_ENUM_TYPE (GlossAnchorState, gloss_anchor_state,
  G_DEFINE_ENUM_VALUE (GLOSS_ANCHOR_EXACT, "exact"),
  G_DEFINE_ENUM_VALUE (GLOSS_ANCHOR_MOVED, "moved"),
  G_DEFINE_ENUM_VALUE (GLOSS_ANCHOR_FUZZY, "fuzzy"),
  G_DEFINE_ENUM_VALUE (GLOSS_ANCHOR_ORPHANED, "orphaned"))

const char *
gloss_anchor_state_to_string (GlossAnchorState state)
{
  switch (state)
    {
    case GLOSS_ANCHOR_EXACT:
      return "exact";
    case GLOSS_ANCHOR_MOVED:
      return "moved";
    case GLOSS_ANCHOR_FUZZY:
      return "fuzzy";
    case GLOSS_ANCHOR_ORPHANED:
      return "orphaned";
    default:
      g_return_val_if_reached (NULL);
    }
}
