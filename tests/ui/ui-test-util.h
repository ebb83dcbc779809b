/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-window.h"
#include "test-files.h"

G_BEGIN_DECLS

/* A window on an article of its own, in a temporary folder. */
typedef struct
{
  char        *folder;
  GFile       *article;
  GlossWindow *window;
} UiTestWindow;

void              ui_test_init                (int         *argc,
                                               char      ***argv);
void              ui_test_window_set_up       (UiTestWindow *fixture,
                                               const char   *name,
                                               const char   *text);
void              ui_test_window_tear_down    (UiTestWindow *fixture);
GFile            *ui_test_write_article       (const char  *folder,
                                               const char  *name,
                                               const char  *text);
GlossWindow      *ui_test_open_window         (GFile       *article);
void              ui_test_close_window        (GlossWindow *window);
void              ui_test_wait_until_idle     (GlossWindow *window);
AdwMessageDialog *ui_test_find_message_dialog (GtkWindow   *parent);
void              ui_test_select_range        (GlossWindow *window,
                                               int          start,
                                               int          end);
void              ui_test_select_text         (GlossWindow *window,
                                               const char  *text);
char             *ui_test_buffer_text         (GlossWindow *window);
GtkWidget        *ui_test_find_widget         (GtkWidget   *root,
                                               GType        type);
const char       *ui_test_toast_title         (GlossWindow *window);
void              ui_test_dismiss_toast       (GlossWindow *window);

typedef gboolean (*UiTestCondition) (gpointer      fixture,
                                     gconstpointer data);

void              ui_test_drain               (void);
void              ui_test_run_for             (guint        milliseconds);
void              ui_test_wait_for            (UiTestCondition condition,
                                               gpointer        fixture,
                                               gconstpointer   data);

G_END_DECLS
