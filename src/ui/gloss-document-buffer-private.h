/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-document-buffer.h"

G_BEGIN_DECLS

/* Where an annotation's text is in the buffer. The start mark has right
 * gravity and the end mark left gravity, so text typed at a boundary
 * stays outside the span. */
typedef struct
{
  GlossAnnotation *annotation;
  GtkTextMark     *start;
  GtkTextMark     *end;
} GlossSpan;

GlossSpan *gloss_document_buffer_lookup_span   (GlossDocumentBuffer *self,
                                                GlossAnnotation     *annotation);
GlossSpan *gloss_document_buffer_span_for_mark (GlossDocumentBuffer *self,
                                                GtkTextMark         *mark);
void       gloss_document_buffer_move_span     (GlossDocumentBuffer *self,
                                                GlossSpan           *span,
                                                gint64               start,
                                                gint64               end);
void       gloss_document_buffer_text_edited   (GlossDocumentBuffer *self);

/* gloss-text-edit.c: text edits as commands of the document's history.
 * Inside a user action of the buffer, @batch collects them until it ends;
 * outside one it is %NULL. */
void       gloss_text_edit_record_insert       (GlossDocumentBuffer *self,
                                                GPtrArray           *batch,
                                                gint64               offset,
                                                const char          *text,
                                                int                  length);
void       gloss_text_edit_record_delete       (GlossDocumentBuffer *self,
                                                GPtrArray           *batch,
                                                const GtkTextIter   *start,
                                                const GtkTextIter   *end);
GPtrArray *gloss_text_edit_batch_new           (void);
void       gloss_text_edit_commit_batch        (GlossDocumentBuffer *self,
                                                GPtrArray           *batch);

G_END_DECLS
