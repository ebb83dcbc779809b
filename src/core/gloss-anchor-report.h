/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gloss-core-types.h"

G_BEGIN_DECLS

#define GLOSS_N_ANCHOR_STATES (GLOSS_ANCHOR_ORPHANED + 1)

/**
 * GlossAnchorReport:
 * @counts: how many annotations ended in each #GlossAnchorState
 * @orphaned: (array zero-terminated=1): ids of the orphaned annotations,
 *   in document order
 * @text_changed: %TRUE if the text no longer matched the sidecar's record
 *   of it (its SHA-256 or length), so every annotation was placed again
 * @changed: how many annotations got a different position or quote
 *
 * What placing the annotations on the text found.
 */
typedef struct
{
  guint     counts[GLOSS_N_ANCHOR_STATES];
  char    **orphaned;
  gboolean  text_changed;
  guint     changed;
} GlossAnchorReport;

#define GLOSS_TYPE_ANCHOR_REPORT (gloss_anchor_report_get_type ())

GType              gloss_anchor_report_get_type  (void) G_GNUC_CONST;
GlossAnchorReport *gloss_anchor_report_new       (void);
GlossAnchorReport *gloss_anchor_report_copy      (const GlossAnchorReport *report);
void               gloss_anchor_report_free      (GlossAnchorReport       *report);
guint              gloss_anchor_report_get_total (const GlossAnchorReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnchorReport, gloss_anchor_report_free)

G_END_DECLS
