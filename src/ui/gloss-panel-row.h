/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PANEL_ROW (gloss_panel_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (GlossPanelRow, gloss_panel_row, GLOSS, PANEL_ROW, GtkWidget)

/**
 * GlossPanelRowClass:
 * @update: shows the row's item again; called when the item is set and
 *   whenever one of its properties changes
 */
struct _GlossPanelRowClass
{
  GtkWidgetClass parent_class;

  void (*update) (GlossPanelRow *self);
};

gpointer gloss_panel_row_get_item (GlossPanelRow *self);
void     gloss_panel_row_set_item (GlossPanelRow *self,
                                   GObject       *item);

G_END_DECLS
