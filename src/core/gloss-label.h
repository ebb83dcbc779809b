/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL (gloss_label_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabel, gloss_label, GLOSS, LABEL, GObject)

GlossLabel *gloss_label_new            (const char *id,
                                        const char *name,
                                        const char *color);
const char *gloss_label_get_id         (GlossLabel *self);
const char *gloss_label_get_name       (GlossLabel *self);
void        gloss_label_set_name       (GlossLabel *self,
                                        const char *name);
const char *gloss_label_get_color      (GlossLabel *self);
void        gloss_label_set_color      (GlossLabel *self,
                                        const char *color);
const char *gloss_label_get_display_name (GlossLabel *self);

gboolean    gloss_label_color_is_valid (const char *color);

G_END_DECLS
