/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-sidecar"

#include "config.h"

#include "gloss-sidecar.h"
#include "gloss-problem.h"

/**
 * gloss_sidecar_new:
 *
 * Returns: (transfer full): an empty sidecar of the current version with
 *   an empty source record and no labels
 */
GlossSidecar *
gloss_sidecar_new (void)
{
  GlossSidecar *sidecar = g_new0 (GlossSidecar, 1);

  sidecar->version = GLOSS_SIDECAR_VERSION;
  sidecar->source = gloss_source_new ();
  sidecar->labels = gloss_label_set_new ();
  sidecar->entities = g_ptr_array_new_with_free_func (g_object_unref);
  sidecar->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  sidecar->unknown = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  sidecar->needs_anchor = g_ptr_array_new_with_free_func (g_object_unref);
  sidecar->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_problem_free);

  return sidecar;
}

void
gloss_sidecar_free (GlossSidecar *sidecar)
{
  if (sidecar == NULL)
    return;

  g_clear_object (&sidecar->source);
  g_clear_object (&sidecar->labels);
  g_ptr_array_unref (sidecar->entities);
  g_ptr_array_unref (sidecar->annotations);
  g_ptr_array_unref (sidecar->unknown);
  g_ptr_array_unref (sidecar->needs_anchor);
  g_ptr_array_unref (sidecar->problems);
  g_clear_pointer (&sidecar->extra, json_object_unref);
  g_free (sidecar);
}
