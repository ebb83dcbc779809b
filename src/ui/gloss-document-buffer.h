/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_BUFFER (gloss_document_buffer_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentBuffer, gloss_document_buffer, GLOSS, DOCUMENT_BUFFER, GtkSourceBuffer)

GlossDocumentBuffer *gloss_document_buffer_new              (GlossDocument       *document);
GlossDocument       *gloss_document_buffer_get_document     (GlossDocumentBuffer *self);
void                 gloss_document_buffer_sync             (GlossDocumentBuffer *self);
gboolean             gloss_document_buffer_get_text_changed (GlossDocumentBuffer *self);
gboolean             gloss_document_buffer_is_syncing_later (GlossDocumentBuffer *self);
gboolean             gloss_document_buffer_get_span         (GlossDocumentBuffer *self,
                                                             GlossAnnotation     *annotation,
                                                             GtkTextIter         *start,
                                                             GtkTextIter         *end);
GPtrArray           *gloss_document_buffer_annotations_at   (GlossDocumentBuffer *self,
                                                             const GtkTextIter   *iter);
gboolean             gloss_document_buffer_get_selection    (GlossDocumentBuffer *self,
                                                             gint64              *start,
                                                             gint64              *end);

G_END_DECLS
