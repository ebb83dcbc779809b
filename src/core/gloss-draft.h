/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-core-types.h"

G_BEGIN_DECLS

/* The version of the draft file format this program reads and writes. */
#define GLOSS_DRAFT_VERSION 1

#define GLOSS_TYPE_DRAFT (gloss_draft_get_type ())

G_DECLARE_FINAL_TYPE (GlossDraft, gloss_draft, GLOSS, DRAFT, GObject)

GlossDraft *gloss_draft_new                    (const char  *uri,
                                                GDateTime   *saved,
                                                const char  *text,
                                                GBytes      *sidecar);
GlossDraft *gloss_draft_new_from_bytes         (GBytes      *bytes,
                                                GError     **error);
GBytes     *gloss_draft_to_bytes               (GlossDraft  *self);

const char *gloss_draft_get_uri                (GlossDraft  *self);
GFile      *gloss_draft_dup_article            (GlossDraft  *self);
GDateTime  *gloss_draft_get_saved              (GlossDraft  *self);
GDateTime  *gloss_draft_get_article_modified   (GlossDraft  *self);
void        gloss_draft_set_article_modified   (GlossDraft  *self,
                                                GDateTime   *modified);
gboolean    gloss_draft_get_older_than_article (GlossDraft  *self);
const char *gloss_draft_get_text               (GlossDraft  *self);
GBytes     *gloss_draft_get_sidecar            (GlossDraft  *self);

G_END_DECLS
