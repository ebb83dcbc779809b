/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-window.h"
#include "gloss-article-view.h"
#include "gloss-document-buffer.h"
#include "gloss-side-panel.h"
#include "gloss-tag-popover.h"

G_BEGIN_DECLS

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  GlossDocument        *document;
  GlossDocumentBuffer  *buffer;
  GFile                *loading_file;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GtkSourceSearchContext *search_context;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwFlap              *flap;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GlossArticleView     *article_view;
  GtkInfoBar           *change_bar;
  GtkLabel             *change_label;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkBox               *panel_box;
  GlossSidePanel       *side_panel;
  GlossTagPopover      *tag_popover;
  GMenu                *recent_menu;

  GFileMonitor         *article_monitor;
  GFileMonitor         *sidecar_monitor;
  guint                 check_source;
  GlossDraftStore      *drafts;
  guint                 draft_source;
  GSignalGroup         *document_signals;
  GSignalGroup         *history_signals;
  GSignalGroup         *label_signals;
  GSignalGroup         *buffer_signals;
  GtkTextMark          *popover_start;
  GtkTextMark          *popover_end;
  const char           *encoding_before_save;
  guint                 saving : 1;
  guint                 fetching : 1;
  guint                 reloading : 1;
  guint                 close_after_save : 1;
};

void gloss_window_class_add_actions (GtkWidgetClass *widget_class);
void gloss_window_update_actions    (GlossWindow    *self);
void gloss_window_show_error        (GlossWindow    *self,
                                     const char     *heading,
                                     const char     *body);
void gloss_window_show_toast        (GlossWindow    *self,
                                     const char     *message);

G_END_DECLS

G_BEGIN_DECLS

void gloss_window_update_style_scheme   (GlossWindow *self);
void gloss_window_setup_search          (GlossWindow *self);
void gloss_window_setup_panel           (GlossWindow *self);
void gloss_window_setup_document_panel  (GlossWindow *self);

G_END_DECLS

G_BEGIN_DECLS

gboolean gloss_window_add_note (GlossWindow  *self,
                                gint64        start,
                                gint64        end,
                                const char   *text,
                                GError      **error);

G_END_DECLS

G_BEGIN_DECLS

void gloss_window_update_context_menu   (GlossWindow *self);
void gloss_window_add_capture_shortcuts (GlossWindow *self);

G_END_DECLS

G_BEGIN_DECLS

void     gloss_window_setup_tag_popover  (GlossWindow *self);
void     gloss_window_show_tag_popover   (GlossWindow *self,
                                          gint64       start,
                                          gint64       end);
void     gloss_window_close_tag_popover  (GlossWindow *self);
gboolean gloss_window_get_popover_range  (GlossWindow *self,
                                          gint64      *start,
                                          gint64      *end);

G_END_DECLS

G_BEGIN_DECLS

void gloss_window_present_chooser (GlossWindow          *self,
                                   GtkFileChooserNative *chooser,
                                   GCallback             response_cb);
void gloss_window_drop_chooser    (GlossWindow          *self);

G_END_DECLS

G_BEGIN_DECLS

void gloss_window_setup_monitor   (GlossWindow *self);
void gloss_window_watch_files     (GlossWindow *self);
void gloss_window_unwatch_files   (GlossWindow *self);
void gloss_window_reload          (GlossWindow *self);
void gloss_window_set_document    (GlossWindow   *self,
                                   GlossDocument *document);

G_END_DECLS

G_BEGIN_DECLS

void gloss_window_save_draft     (GlossWindow *self);
void gloss_window_schedule_draft (GlossWindow *self);
void gloss_window_show_loaded    (GlossWindow   *self,
                                  GlossDocument *document);
void gloss_window_discard_draft  (GlossWindow *self);
void gloss_window_offer_draft    (GlossWindow *self);

G_END_DECLS

G_BEGIN_DECLS

GSettings *gloss_window_get_settings        (GlossWindow *self);
void       gloss_window_restart_work        (GlossWindow *self);
void       gloss_window_ask_url             (GlossWindow *self);
void       gloss_window_open_web_page_file  (GlossWindow *self,
                                             GFile       *file);
gboolean   gloss_window_is_web_page_file    (GFile       *file);

G_END_DECLS

G_BEGIN_DECLS

void     gloss_window_ask_export  (GlossWindow  *self);
void     gloss_window_ask_import  (GlossWindow  *self);

G_END_DECLS

G_BEGIN_DECLS

void gloss_window_remember_recent     (GlossWindow *self,
                                       GFile       *file);
void gloss_window_update_recent_menu  (GlossWindow *self);
void gloss_window_open_recent_action  (GtkWidget   *widget,
                                       const char  *action_name,
                                       GVariant    *parameter);

G_END_DECLS

G_BEGIN_DECLS

void gloss_window_select_annotation (GlossWindow     *self,
                                     GlossAnnotation *annotation);

G_END_DECLS
