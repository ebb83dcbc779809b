/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-label.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ENTITY_TYPE_ROW (gloss_entity_type_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossEntityTypeRow, gloss_entity_type_row, GLOSS, ENTITY_TYPE_ROW, AdwEntryRow)

GtkWidget  *gloss_entity_type_row_new               (GlossLabel         *label,
                                                     guint               position,
                                                     guint               n_types);
GlossLabel *gloss_entity_type_row_get_label         (GlossEntityTypeRow *self);
GtkWidget  *gloss_entity_type_row_get_key_widget    (GlossEntityTypeRow *self);
void        gloss_entity_type_row_focus_move_button (GlossEntityTypeRow *self,
                                                     gboolean            up);

G_END_DECLS
