/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_ENTITY (gloss_entity_get_type ())

G_DECLARE_FINAL_TYPE (GlossEntity, gloss_entity, GLOSS, ENTITY, GObject)

GlossEntity        *gloss_entity_new         (const char         *id,
                                              const char         *name,
                                              const char         *label);
const char         *gloss_entity_get_id      (GlossEntity        *self);
const char         *gloss_entity_get_name    (GlossEntity        *self);
void                gloss_entity_set_name    (GlossEntity        *self,
                                              const char         *name);
const char         *gloss_entity_get_label   (GlossEntity        *self);
void                gloss_entity_set_label   (GlossEntity        *self,
                                              const char         *label);
const char * const *gloss_entity_get_aliases (GlossEntity        *self);
void                gloss_entity_set_aliases (GlossEntity        *self,
                                              const char * const *aliases);
gboolean            gloss_entity_has_alias   (GlossEntity        *self,
                                              const char         *alias);
const char         *gloss_entity_get_link    (GlossEntity        *self);
void                gloss_entity_set_link    (GlossEntity        *self,
                                              const char         *link);
const char         *gloss_entity_get_note    (GlossEntity        *self);
void                gloss_entity_set_note    (GlossEntity        *self,
                                              const char         *note);

G_END_DECLS
