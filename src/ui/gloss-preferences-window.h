/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-label-set.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_PREFERENCES_WINDOW (gloss_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, GLOSS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget     *gloss_preferences_window_new       (GSettings     *settings);

/* Reading and writing the preferences the window edits, for the places
 * that use them. */
char          *gloss_preferences_dup_author_name  (GSettings     *settings);
GlossLabelSet *gloss_preferences_dup_entity_types (GSettings     *settings);
void           gloss_preferences_set_entity_types (GSettings     *settings,
                                                   GlossLabelSet *types);

G_END_DECLS
