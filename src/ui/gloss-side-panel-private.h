/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-side-panel.h"
#include "gloss-claim-editor.h"
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
  GtkSortListModel   *claims_sorted;
  GtkSorter          *claim_status_sorter;
  char               *claim_sort;
  gboolean            strict_claim_filter;
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

  GtkWidget          *claims_box;
  GtkWidget          *claim_summary_box;
  GtkLabel           *claim_summary;
  GtkDrawingArea     *claim_progress;
  GtkDropDown        *status_filter;
  GtkDropDown        *verdict_filter;
  GtkWidget          *claim_editor_pane;
  GtkWidget          *claim_editor_window;
  guint               reselect_id;
  GlossAnnotation    *selected_claim;
  GlossClaimEditor   *claim_editor;
  guint               n_claims[GLOSS_CLAIM_DISMISSED + 1];
};

void         gloss_side_panel_class_add_entity_actions (GtkWidgetClass *widget_class);
void         gloss_side_panel_update_actions           (GlossSidePanel *self);
GMenuModel  *gloss_side_panel_build_entity_menu        (GlossSidePanel *self,
                                                        GlossEntity    *entity);
void         gloss_side_panel_class_add_claims         (GtkWidgetClass *widget_class);
void         gloss_side_panel_init_claims              (GlossSidePanel *self);
void         gloss_side_panel_dispose_claims           (GlossSidePanel *self);
void         gloss_side_panel_close_claim_editor       (GlossSidePanel *self);
void         gloss_side_panel_refilter_claims          (GlossSidePanel *self,
                                                        gboolean        strict);
void         gloss_side_panel_refresh_claims           (GlossSidePanel *self);
void         gloss_side_panel_set_claim_counts         (GlossSidePanel *self,
                                                        const guint    *n_claims);
gboolean     gloss_side_panel_set_claim_sort           (GlossSidePanel *self,
                                                        const char     *sort);
void         gloss_side_panel_show_error               (GlossSidePanel *self,
                                                        const char     *heading,
                                                        const GError   *error);

G_END_DECLS
