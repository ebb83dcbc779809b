/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SIDE_PANEL (gloss_side_panel_get_type ())

G_DECLARE_FINAL_TYPE (GlossSidePanel, gloss_side_panel, GLOSS, SIDE_PANEL, GtkBox)

GtkWidget     *gloss_side_panel_new               (void);
GlossDocument *gloss_side_panel_get_document      (GlossSidePanel  *self);
void           gloss_side_panel_set_document      (GlossSidePanel  *self,
                                                   GlossDocument   *document);
void           gloss_side_panel_select_annotation (GlossSidePanel  *self,
                                                   GlossAnnotation *annotation);
void           gloss_side_panel_focus_search      (GlossSidePanel  *self);
void           gloss_side_panel_edit_claim        (GlossSidePanel  *self,
                                                   GlossAnnotation *claim);
void           gloss_side_panel_commit_edits      (GlossSidePanel  *self);

G_END_DECLS
