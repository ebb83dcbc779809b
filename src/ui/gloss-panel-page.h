/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PANEL_PAGE (gloss_panel_page_get_type ())

G_DECLARE_FINAL_TYPE (GlossPanelPage, gloss_panel_page, GLOSS, PANEL_PAGE, GtkBox)

void                gloss_panel_page_set_model       (GlossPanelPage *self,
                                                      GListModel     *model);
GtkSingleSelection *gloss_panel_page_get_selection   (GlossPanelPage *self);
gpointer            gloss_panel_page_get_selected    (GlossPanelPage *self);
const char         *gloss_panel_page_get_needle      (GlossPanelPage *self);
void                gloss_panel_page_set_n_total     (GlossPanelPage *self,
                                                      guint           n_total);
gboolean            gloss_panel_page_select_item     (GlossPanelPage *self,
                                                      gpointer        item);
void                gloss_panel_page_focus_search    (GlossPanelPage *self);
void                gloss_panel_page_popup_menu      (GlossPanelPage *self,
                                                      GMenuModel     *menu,
                                                      double          x,
                                                      double          y);

gboolean            gloss_panel_page_text_matches    (const char     *text,
                                                      const char     *needle);

G_END_DECLS
