/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-side-panel.h"
#include "gloss-entity-item.h"
#include "gloss-panel-page.h"

G_BEGIN_DECLS

struct _GlossSidePanel
{
  GtkBox              parent_instance;

  GlossDocument      *document;
  GSignalGroup       *document_signals;
  GSignalGroup       *annotation_signals;
  GSignalGroup       *entity_signals;
  GSignalGroup       *label_signals;

  GListStore         *entity_items;
  GtkSortListModel   *entities_sorted;
  GtkFilterListModel *entities;
  GtkFilterListModel *claims;
  GtkFilterListModel *notes;
  GtkFilterListModel *detached;
  GtkSorter          *name_sorter;
  GtkSorter          *count_sorter;
  char               *entity_sort;

  guint               refresh_id;
  guint               refresh_flags;

  AdwViewStack       *stack;
  AdwViewStackPage   *detached_stack_page;
  GlossPanelPage     *entity_page;
  GlossPanelPage     *claim_page;
  GlossPanelPage     *note_page;
  GlossPanelPage     *detached_page;
};

void         gloss_side_panel_class_add_entity_actions (GtkWidgetClass *widget_class);
void         gloss_side_panel_update_actions           (GlossSidePanel *self);
GMenuModel  *gloss_side_panel_build_entity_menu        (GlossSidePanel *self,
                                                        GlossEntity    *entity);
void         gloss_side_panel_show_error               (GlossSidePanel *self,
                                                        const char     *heading,
                                                        const GError   *error);

G_END_DECLS
