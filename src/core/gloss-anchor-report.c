/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-anchor-report"

#include "config.h"

#include "gloss-anchor-report.h"

G_DEFINE_BOXED_TYPE (GlossAnchorReport, gloss_anchor_report,
                     gloss_anchor_report_copy, gloss_anchor_report_free)

/**
 * gloss_anchor_report_new:
 *
 * Returns: (transfer full): a report with every count at zero
 */
GlossAnchorReport *
gloss_anchor_report_new (void)
{
  GlossAnchorReport *report = g_new0 (GlossAnchorReport, 1);

  report->orphaned = g_new0 (char *, 1);

  return report;
}

GlossAnchorReport *
gloss_anchor_report_copy (const GlossAnchorReport *report)
{
  GlossAnchorReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_memdup2 (report, sizeof *report);
  copy->orphaned = g_strdupv (report->orphaned);

  return copy;
}

void
gloss_anchor_report_free (GlossAnchorReport *report)
{
  if (report == NULL)
    return;

  g_strfreev (report->orphaned);
  g_free (report);
}

guint
gloss_anchor_report_get_total (const GlossAnchorReport *report)
{
  guint total = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < GLOSS_N_ANCHOR_STATES; i++)
    total += report->counts[i];

  return total;
}
