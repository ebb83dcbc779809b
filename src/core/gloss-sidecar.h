/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-label-set.h"
#include "gloss-source.h"

G_BEGIN_DECLS

/* The version of the sidecar format this program reads and writes. */
#define GLOSS_SIDECAR_VERSION 1

/**
 * GlossSidecar:
 * @version: the `version` the file declared
 * @source: the source record
 * @labels: the label set
 * @entities: (element-type GlossEntity): sorted by id
 * @annotations: (element-type GlossAnnotation): the annotations of a
 *   known kind, with usable ids (duplicates renamed)
 * @unknown: (element-type JsonNode): annotations of a kind this program
 *   does not know, kept verbatim
 * @needs_anchor: (element-type GlossAnnotation): annotations whose stored
 *   offsets were unusable (out of range, reversed, wrong type), to be placed
 *   by their quote
 * @problems: (element-type GlossProblem): what was wrong and was repaired
 * @extra: (nullable): unknown top-level members, in the order read
 * @n_repairs: how many defects were repaired in a way that saving would
 *   write differently (fresh ids, names filled in)
 *
 * The content of a sidecar file, between the JSON and the document.
 */
typedef struct
{
  gint64         version;
  GlossSource   *source;
  GlossLabelSet *labels;
  GPtrArray     *entities;
  GPtrArray     *annotations;
  GPtrArray     *unknown;
  GPtrArray     *needs_anchor;
  GPtrArray     *problems;
  JsonObject    *extra;
  guint          n_repairs;
} GlossSidecar;

GlossSidecar *gloss_sidecar_new  (void);
void          gloss_sidecar_free (GlossSidecar *sidecar);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSidecar, gloss_sidecar_free)

G_END_DECLS
