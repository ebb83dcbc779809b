/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-label.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_SET (gloss_label_set_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelSet, gloss_label_set, GLOSS, LABEL_SET, GObject)

GlossLabelSet *gloss_label_set_new          (void);
GlossLabelSet *gloss_label_set_new_default  (void);
GlossLabel    *gloss_label_set_get_label    (GlossLabelSet *self,
                                             guint          position);
GlossLabel    *gloss_label_set_lookup       (GlossLabelSet *self,
                                             const char    *id);
gboolean       gloss_label_set_find         (GlossLabelSet *self,
                                             const char    *id,
                                             guint         *position);
gboolean       gloss_label_set_insert       (GlossLabelSet *self,
                                             guint          position,
                                             GlossLabel    *label);
gboolean       gloss_label_set_append       (GlossLabelSet *self,
                                             GlossLabel    *label);
gboolean       gloss_label_set_remove       (GlossLabelSet *self,
                                             const char    *id);
void           gloss_label_set_move         (GlossLabelSet *self,
                                             guint          from,
                                             guint          to);
char          *gloss_label_set_make_id      (GlossLabelSet *self,
                                             const char    *name);

G_END_DECLS
