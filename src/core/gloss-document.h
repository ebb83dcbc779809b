/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-anchor.h"
#include "gloss-anchor-report.h"
#include "gloss-annotation.h"
#include "gloss-core-types.h"
#include "gloss-entity.h"
#include "gloss-history.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-source.h"
#include "gloss-text-file.h"

G_BEGIN_DECLS

/**
 * GlossAnnotationRange:
 * @annotation: an annotation of the document
 * @start: its new first code point
 * @end: the code point after it; @start == @end means its text is gone
 *
 * Where an editor's marks put an annotation after the text changed.
 */
typedef struct
{
  GlossAnnotation *annotation;
  gint64           start;
  gint64           end;
} GlossAnnotationRange;

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

GFile             *gloss_document_get_sidecar_file_for   (GFile                      *article);

/* Loading and saving */
GlossDocument     *gloss_document_load                   (GFile                      *article,
                                                          GCancellable               *cancellable,
                                                          GError                    **error);
void               gloss_document_load_async             (GFile                      *article,
                                                          GCancellable               *cancellable,
                                                          GAsyncReadyCallback         callback,
                                                          gpointer                    user_data);
GlossDocument     *gloss_document_load_finish            (GAsyncResult               *result,
                                                          GError                    **error);
gboolean           gloss_document_save                   (GlossDocument              *self,
                                                          GCancellable               *cancellable,
                                                          GError                    **error);
void               gloss_document_save_async             (GlossDocument              *self,
                                                          GCancellable               *cancellable,
                                                          GAsyncReadyCallback         callback,
                                                          gpointer                    user_data);
gboolean           gloss_document_save_finish            (GlossDocument              *self,
                                                          GAsyncResult               *result,
                                                          GError                    **error);
GBytes            *gloss_document_save_sidecar_to_bytes  (GlossDocument              *self);
gboolean           gloss_document_restore                (GlossDocument              *self,
                                                          const char                 *text,
                                                          GBytes                     *sidecar,
                                                          GError                    **error);

/* State */
GFile             *gloss_document_get_file               (GlossDocument              *self);
GFile             *gloss_document_get_sidecar_file       (GlossDocument              *self);
GlossTextFile     *gloss_document_get_text_file          (GlossDocument              *self);
const char        *gloss_document_get_display_name       (GlossDocument              *self);
const char        *gloss_document_get_text               (GlossDocument              *self);
gint64             gloss_document_get_length             (GlossDocument              *self);
GlossTextIndex    *gloss_document_get_text_index         (GlossDocument              *self);
GlossSource       *gloss_document_get_source             (GlossDocument              *self);
GlossLabelSet     *gloss_document_get_labels             (GlossDocument              *self);
GListModel        *gloss_document_get_entities           (GlossDocument              *self);
GListModel        *gloss_document_get_annotations        (GlossDocument              *self);
GlossHistory      *gloss_document_get_history            (GlossDocument              *self);
const char        *gloss_document_get_author             (GlossDocument              *self);
void               gloss_document_set_author             (GlossDocument              *self,
                                                          const char                 *author);
gboolean           gloss_document_get_read_only          (GlossDocument              *self);
const char        *gloss_document_get_read_only_reason   (GlossDocument              *self);
const GError      *gloss_document_get_sidecar_error      (GlossDocument              *self);
gboolean           gloss_document_get_modified           (GlossDocument              *self);
GPtrArray         *gloss_document_get_problems           (GlossDocument              *self);
const GlossAnchorReport *
                   gloss_document_get_load_report        (GlossDocument              *self);
guint              gloss_document_get_n_unknown_annotations (GlossDocument           *self);

/* Look-ups */
GlossAnnotation   *gloss_document_lookup_annotation      (GlossDocument              *self,
                                                          const char                 *id);
GlossEntity       *gloss_document_lookup_entity          (GlossDocument              *self,
                                                          const char                 *id);
gboolean           gloss_document_find_annotation_position (GlossDocument            *self,
                                                          GlossAnnotation            *annotation,
                                                          guint                      *position);
GPtrArray         *gloss_document_find_annotations       (GlossDocument              *self,
                                                          gint64                      start,
                                                          gint64                      end);
GPtrArray         *gloss_document_get_mentions           (GlossDocument              *self,
                                                          GlossEntity                *entity);
void               gloss_document_expand_to_sentence     (GlossDocument              *self,
                                                          gint64                     *start,
                                                          gint64                     *end);

/* The text. Not recorded in the history: the editor records its own text
 * edits and calls this to bring the model up to date before any other
 * operation that takes offsets. */
void               gloss_document_set_text               (GlossDocument              *self,
                                                          const char                 *text,
                                                          const GlossAnnotationRange *ranges,
                                                          guint                       n_ranges);
GlossAnchorReport *gloss_document_reanchor               (GlossDocument              *self);

/* Operations on annotations: each one is one undoable step. */
GlossAnnotation   *gloss_document_add_annotation         (GlossDocument              *self,
                                                          GlossAnnotationKind         kind,
                                                          gint64                      start,
                                                          gint64                      end,
                                                          const char                 *label,
                                                          const char                 *entity,
                                                          GError                    **error);
gboolean           gloss_document_remove_annotation      (GlossDocument              *self,
                                                          GlossAnnotation            *annotation,
                                                          GError                    **error);
gboolean           gloss_document_set_annotation_range   (GlossDocument              *self,
                                                          GlossAnnotation            *annotation,
                                                          gint64                      start,
                                                          gint64                      end,
                                                          GError                    **error);
gboolean           gloss_document_set_annotation_note    (GlossDocument              *self,
                                                          GlossAnnotation            *annotation,
                                                          const char                 *note,
                                                          GError                    **error);
gboolean           gloss_document_set_annotation_tags    (GlossDocument              *self,
                                                          GlossAnnotation            *annotation,
                                                          const char * const         *tags,
                                                          GError                    **error);
gboolean           gloss_document_set_annotation_label   (GlossDocument              *self,
                                                          GlossAnnotation            *annotation,
                                                          const char                 *label,
                                                          GError                    **error);
gboolean           gloss_document_set_annotation_entity  (GlossDocument              *self,
                                                          GlossAnnotation            *annotation,
                                                          const char                 *entity,
                                                          GError                    **error);

/* The review of a claim. Setting the status to reviewed also records the
 * document's author as reviewer and the current time as reviewed. */
gboolean           gloss_document_set_claim_status       (GlossDocument              *self,
                                                          GlossAnnotation            *claim,
                                                          GlossClaimStatus            status,
                                                          GError                    **error);
gboolean           gloss_document_set_claim_verdict      (GlossDocument              *self,
                                                          GlossAnnotation            *claim,
                                                          GlossVerdict                verdict,
                                                          GError                    **error);
gboolean           gloss_document_set_claim_claimant     (GlossDocument              *self,
                                                          GlossAnnotation            *claim,
                                                          const char                 *claimant,
                                                          GError                    **error);
gboolean           gloss_document_set_claim_sources      (GlossDocument              *self,
                                                          GlossAnnotation            *claim,
                                                          const char * const         *sources,
                                                          GError                    **error);
gboolean           gloss_document_set_claim_reviewer     (GlossDocument              *self,
                                                          GlossAnnotation            *claim,
                                                          const char                 *reviewer,
                                                          GError                    **error);

/* Operations on entities: each one is one undoable step. Deleting an
 * entity removes its mentions; merging moves the mentions of @from to
 * @into and keeps @from's name and aliases as aliases of @into. */
GlossEntity       *gloss_document_create_entity          (GlossDocument              *self,
                                                          const char                 *name,
                                                          const char                 *label,
                                                          GError                    **error);
gboolean           gloss_document_rename_entity          (GlossDocument              *self,
                                                          GlossEntity                *entity,
                                                          const char                 *name,
                                                          GError                    **error);
gboolean           gloss_document_set_entity_label       (GlossDocument              *self,
                                                          GlossEntity                *entity,
                                                          const char                 *label,
                                                          GError                    **error);
gboolean           gloss_document_set_entity_aliases     (GlossDocument              *self,
                                                          GlossEntity                *entity,
                                                          const char * const         *aliases,
                                                          GError                    **error);
gboolean           gloss_document_set_entity_link        (GlossDocument              *self,
                                                          GlossEntity                *entity,
                                                          const char                 *link,
                                                          GError                    **error);
gboolean           gloss_document_set_entity_note        (GlossDocument              *self,
                                                          GlossEntity                *entity,
                                                          const char                 *note,
                                                          GError                    **error);
gboolean           gloss_document_delete_entity          (GlossDocument              *self,
                                                          GlossEntity                *entity,
                                                          GError                    **error);
gboolean           gloss_document_merge_entities         (GlossDocument              *self,
                                                          GlossEntity                *into,
                                                          GlossEntity                *from,
                                                          GError                    **error);
gboolean           gloss_document_tag_every_occurrence   (GlossDocument              *self,
                                                          const char                 *text,
                                                          const char                 *label,
                                                          const char                 *entity,
                                                          guint                      *n_added,
                                                          GError                    **error);

/* Operations on labels: each one is one undoable step. A label still in
 * use by an entity or an annotation cannot be removed. */
GlossLabel        *gloss_document_add_label              (GlossDocument              *self,
                                                          const char                 *name,
                                                          const char                 *color,
                                                          GError                    **error);
gboolean           gloss_document_rename_label           (GlossDocument              *self,
                                                          GlossLabel                 *label,
                                                          const char                 *name,
                                                          GError                    **error);
gboolean           gloss_document_recolor_label          (GlossDocument              *self,
                                                          GlossLabel                 *label,
                                                          const char                 *color,
                                                          GError                    **error);
gboolean           gloss_document_move_label             (GlossDocument              *self,
                                                          GlossLabel                 *label,
                                                          guint                       position,
                                                          GError                    **error);
gboolean           gloss_document_remove_label           (GlossDocument              *self,
                                                          GlossLabel                 *label,
                                                          GError                    **error);

G_END_DECLS
