/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_POPOVER (gloss_tag_popover_get_type ())

G_DECLARE_FINAL_TYPE (GlossTagPopover, gloss_tag_popover, GLOSS, TAG_POPOVER, GtkPopover)

GtkWidget  *gloss_tag_popover_new             (void);
void        gloss_tag_popover_set_document    (GlossTagPopover *self,
                                               GlossDocument   *document);
void        gloss_tag_popover_set_entity_name (GlossTagPopover *self,
                                               const char      *name);
const char *gloss_tag_popover_get_entity_name (GlossTagPopover *self);

G_END_DECLS
