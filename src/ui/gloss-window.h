/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-application.h"
#include "gloss-core.h"
#include "gloss-formats.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow   *gloss_window_new              (GlossApplication *application);
void           gloss_window_open_file        (GlossWindow      *self,
                                              GFile            *file);
void           gloss_window_open_url         (GlossWindow      *self,
                                              const char       *url);
void           gloss_window_choose_file      (GlossWindow      *self);
void           gloss_window_save             (GlossWindow      *self);
gboolean       gloss_window_export_to_file   (GlossWindow      *self,
                                              const char       *format_name,
                                              const GlossFormatOptions *options,
                                              GFile            *target,
                                              GError          **error);
gboolean       gloss_window_import_file      (GlossWindow      *self,
                                              GFile            *file,
                                              GError          **error);
GlossDocument *gloss_window_get_document     (GlossWindow      *self);
GtkTextBuffer *gloss_window_get_buffer       (GlossWindow      *self);
gboolean       gloss_window_is_busy          (GlossWindow      *self);
gboolean       gloss_window_get_changed_on_disk (GlossWindow   *self);
const char    *gloss_window_get_visible_page (GlossWindow      *self);

G_END_DECLS
