/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gloss_help_overlay_list_bindings (GtkShortcutsWindow *overlay,
                                       GtkWidget          *widget);

G_END_DECLS
