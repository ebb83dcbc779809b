/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

char     *gloss_span_style_key       (GlossAnnotation   *annotation);
void      gloss_span_style_apply     (GtkTextTag        *tag,
                                      GlossAnnotation   *annotation,
                                      GlossDocument     *document);
void      gloss_span_style_refresh   (GtkTextTag        *tag,
                                      GlossDocument     *document);
gboolean  gloss_span_style_is_span_tag (GtkTextTag      *tag);
void      gloss_span_style_extend    (const GtkTextIter *start,
                                      const GtkTextIter *end);
int       gloss_span_compare_width   (gconstpointer      a,
                                      gconstpointer      b);
void      gloss_span_style_get_status_color (GlossClaimStatus  status,
                                             GdkRGBA          *color);

G_END_DECLS
