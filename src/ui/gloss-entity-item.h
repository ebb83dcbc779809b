/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ENTITY_ITEM (gloss_entity_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossEntityItem, gloss_entity_item, GLOSS, ENTITY_ITEM, GObject)

GlossEntityItem    *gloss_entity_item_new            (GlossEntity     *entity,
                                                      GlossLabelSet   *labels);
GlossEntity        *gloss_entity_item_get_entity     (GlossEntityItem *self);
const char         *gloss_entity_item_get_name       (GlossEntityItem *self);
GlossLabel         *gloss_entity_item_get_label      (GlossEntityItem *self);
void                gloss_entity_item_update_label   (GlossEntityItem *self);
guint               gloss_entity_item_get_n_mentions (GlossEntityItem *self);
void                gloss_entity_item_set_n_mentions (GlossEntityItem *self,
                                                      guint            n_mentions);

G_END_DECLS
