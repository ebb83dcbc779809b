/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gloss-core-types.h"

G_BEGIN_DECLS

/**
 * GlossAnnotationKind:
 * @GLOSS_ANNOTATION_ENTITY: a mention of an entity ("entity")
 * @GLOSS_ANNOTATION_CLAIM: a claim to review ("claim")
 * @GLOSS_ANNOTATION_NOTE: a note on a passage ("note")
 */
typedef enum
{
  GLOSS_ANNOTATION_ENTITY,
  GLOSS_ANNOTATION_CLAIM,
  GLOSS_ANNOTATION_NOTE,
} GlossAnnotationKind;

/**
 * GlossClaimStatus:
 * @GLOSS_CLAIM_UNREVIEWED: "unreviewed"
 * @GLOSS_CLAIM_IN_REVIEW: "in-review"
 * @GLOSS_CLAIM_REVIEWED: "reviewed"
 * @GLOSS_CLAIM_DISMISSED: "dismissed"
 */
typedef enum
{
  GLOSS_CLAIM_UNREVIEWED,
  GLOSS_CLAIM_IN_REVIEW,
  GLOSS_CLAIM_REVIEWED,
  GLOSS_CLAIM_DISMISSED,
} GlossClaimStatus;

/**
 * GlossVerdict:
 * @GLOSS_VERDICT_NONE: no verdict yet (null in the sidecar)
 *
 * The other values are written "true", "mostly-true", "mixed",
 * "mostly-false", "false", "misleading" and "unverifiable".
 */
typedef enum
{
  GLOSS_VERDICT_NONE,
  GLOSS_VERDICT_TRUE,
  GLOSS_VERDICT_MOSTLY_TRUE,
  GLOSS_VERDICT_MIXED,
  GLOSS_VERDICT_MOSTLY_FALSE,
  GLOSS_VERDICT_FALSE,
  GLOSS_VERDICT_MISLEADING,
  GLOSS_VERDICT_UNVERIFIABLE,
} GlossVerdict;

#define GLOSS_TYPE_ANNOTATION_KIND (gloss_annotation_kind_get_type ())
#define GLOSS_TYPE_CLAIM_STATUS    (gloss_claim_status_get_type ())
#define GLOSS_TYPE_VERDICT         (gloss_verdict_get_type ())

GType        gloss_annotation_kind_get_type          (void) G_GNUC_CONST;
GType        gloss_claim_status_get_type             (void) G_GNUC_CONST;
GType        gloss_verdict_get_type                  (void) G_GNUC_CONST;

/* to_string gives the sidecar spelling; from_string returns FALSE for
 * anything else. get_display_name gives a translated name for people. */
const char  *gloss_annotation_kind_to_string         (GlossAnnotationKind  kind);
gboolean     gloss_annotation_kind_from_string       (const char          *string,
                                                      GlossAnnotationKind *kind);
const char  *gloss_annotation_kind_get_display_name  (GlossAnnotationKind  kind);
const char  *gloss_claim_status_to_string            (GlossClaimStatus     status);
gboolean     gloss_claim_status_from_string          (const char          *string,
                                                      GlossClaimStatus    *status);
const char  *gloss_claim_status_get_display_name     (GlossClaimStatus     status);
const char  *gloss_verdict_to_string                 (GlossVerdict         verdict);
gboolean     gloss_verdict_from_string               (const char          *string,
                                                      GlossVerdict        *verdict);
const char  *gloss_verdict_get_display_name          (GlossVerdict         verdict);
const char  *gloss_anchor_state_get_display_name     (GlossAnchorState     state);

#define GLOSS_TYPE_ANNOTATION (gloss_annotation_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotation, gloss_annotation, GLOSS, ANNOTATION, GObject)

/* The setters change the object only. Edits a user makes go through
 * GlossDocument (gloss-document.h), which records them for undo and keeps
 * the document's list sorted. */
GlossAnnotation    *gloss_annotation_new                (const char          *id,
                                                         GlossAnnotationKind  kind);
const char         *gloss_annotation_get_id             (GlossAnnotation     *self);
GlossAnnotationKind gloss_annotation_get_kind           (GlossAnnotation     *self);
gint64              gloss_annotation_get_start          (GlossAnnotation     *self);
gint64              gloss_annotation_get_end            (GlossAnnotation     *self);
void                gloss_annotation_set_range          (GlossAnnotation     *self,
                                                         gint64               start,
                                                         gint64               end);
const char         *gloss_annotation_get_quote          (GlossAnnotation     *self);
const char         *gloss_annotation_get_prefix         (GlossAnnotation     *self);
const char         *gloss_annotation_get_suffix         (GlossAnnotation     *self);
void                gloss_annotation_set_selector       (GlossAnnotation     *self,
                                                         const char          *quote,
                                                         const char          *prefix,
                                                         const char          *suffix);
GlossAnchorState    gloss_annotation_get_anchor_state   (GlossAnnotation     *self);
void                gloss_annotation_set_anchor_state   (GlossAnnotation     *self,
                                                         GlossAnchorState     state);
gboolean            gloss_annotation_is_orphaned        (GlossAnnotation     *self);
const char * const *gloss_annotation_get_tags           (GlossAnnotation     *self);
void                gloss_annotation_set_tags           (GlossAnnotation     *self,
                                                         const char * const  *tags);
gboolean            gloss_annotation_has_tag            (GlossAnnotation     *self,
                                                         const char          *tag);
const char         *gloss_annotation_get_note           (GlossAnnotation     *self);
void                gloss_annotation_set_note           (GlossAnnotation     *self,
                                                         const char          *note);
const char         *gloss_annotation_get_author         (GlossAnnotation     *self);
void                gloss_annotation_set_author         (GlossAnnotation     *self,
                                                         const char          *author);
const char         *gloss_annotation_get_created        (GlossAnnotation     *self);
void                gloss_annotation_set_created        (GlossAnnotation     *self,
                                                         const char          *created);
const char         *gloss_annotation_get_modified       (GlossAnnotation     *self);
void                gloss_annotation_set_modified       (GlossAnnotation     *self,
                                                         const char          *modified);
const char         *gloss_annotation_get_label          (GlossAnnotation     *self);
void                gloss_annotation_set_label          (GlossAnnotation     *self,
                                                         const char          *label);
const char         *gloss_annotation_get_entity         (GlossAnnotation     *self);
void                gloss_annotation_set_entity         (GlossAnnotation     *self,
                                                         const char          *entity);

/* The review of a claim; meaningful only for GLOSS_ANNOTATION_CLAIM. */
GlossClaimStatus    gloss_annotation_get_status         (GlossAnnotation     *self);
void                gloss_annotation_set_status         (GlossAnnotation     *self,
                                                         GlossClaimStatus     status);
GlossVerdict        gloss_annotation_get_verdict        (GlossAnnotation     *self);
void                gloss_annotation_set_verdict        (GlossAnnotation     *self,
                                                         GlossVerdict         verdict);
const char         *gloss_annotation_get_claimant       (GlossAnnotation     *self);
void                gloss_annotation_set_claimant       (GlossAnnotation     *self,
                                                         const char          *claimant);
const char * const *gloss_annotation_get_sources        (GlossAnnotation     *self);
void                gloss_annotation_set_sources        (GlossAnnotation     *self,
                                                         const char * const  *sources);
const char         *gloss_annotation_get_reviewer       (GlossAnnotation     *self);
void                gloss_annotation_set_reviewer       (GlossAnnotation     *self,
                                                         const char          *reviewer);
const char         *gloss_annotation_get_reviewed       (GlossAnnotation     *self);
void                gloss_annotation_set_reviewed       (GlossAnnotation     *self,
                                                         const char          *reviewed);
char               *gloss_annotation_dup_review_day     (GlossAnnotation     *self);

int                 gloss_annotation_compare            (GlossAnnotation     *a,
                                                         GlossAnnotation     *b);

G_END_DECLS
