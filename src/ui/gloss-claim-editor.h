/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CLAIM_EDITOR (gloss_claim_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossClaimEditor, gloss_claim_editor, GLOSS, CLAIM_EDITOR, AdwBin)

GtkWidget       *gloss_claim_editor_new       (void);
void             gloss_claim_editor_set_claim (GlossClaimEditor *self,
                                               GlossDocument    *document,
                                               GlossAnnotation  *claim);
GlossAnnotation *gloss_claim_editor_get_claim (GlossClaimEditor *self);
void             gloss_claim_editor_commit    (GlossClaimEditor *self);

G_END_DECLS
