/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"
#include "gloss-panel-row.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_ROW (gloss_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row,
                      GLOSS, ANNOTATION_ROW, GlossPanelRow)

G_END_DECLS
