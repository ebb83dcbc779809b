/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-entity-item.h"
#include "gloss-panel-row.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ENTITY_ROW (gloss_entity_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossEntityRow, gloss_entity_row, GLOSS, ENTITY_ROW, GlossPanelRow)

G_END_DECLS
