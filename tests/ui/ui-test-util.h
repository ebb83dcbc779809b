/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-window.h"

G_BEGIN_DECLS

GFile            *ui_test_write_article       (const char  *folder,
                                               const char  *name,
                                               const char  *text);
void              ui_test_remove_folder       (const char  *folder);
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

typedef gboolean (*UiTestCondition) (gpointer      fixture,
                                     gconstpointer data);

void              ui_test_drain               (void);
void              ui_test_wait_for            (UiTestCondition condition,
                                               gpointer        fixture,
                                               gconstpointer   data);

G_END_DECLS
