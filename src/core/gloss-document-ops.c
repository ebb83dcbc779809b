/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document-private.h"
#include "gloss-core-private.h"

gboolean
gloss_document_check_writable (GlossDocument  *self,
                               GError        **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_READ_ONLY,
               "%s", self->read_only_reason);
  return FALSE;
}

gboolean
gloss_document_check_annotation (GlossDocument    *self,
                                 GlossAnnotation  *annotation,
                                 GError          **error)
{
  if (gloss_document_lookup_annotation (self, gloss_annotation_get_id (annotation)) == annotation)
    return gloss_document_check_writable (self, error);

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_FOUND,
               _("The annotation %s is not in this document"), gloss_annotation_get_id (annotation));
  return FALSE;
}

gboolean
gloss_document_check_entity (GlossDocument  *self,
                             GlossEntity    *entity,
                             GError        **error)
{
  if (gloss_document_lookup_entity (self, gloss_entity_get_id (entity)) == entity)
    return gloss_document_check_writable (self, error);

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_FOUND,
               _("The entity “%s” is not in this document"), gloss_entity_get_name (entity));
  return FALSE;
}

gboolean
gloss_document_check_range (GlossDocument  *self,
                            gint64          start,
                            gint64          end,
                            GError        **error)
{
  gint64 length = gloss_text_index_get_length (self->index);

  if (0 <= start && start < end && end <= length)
    return TRUE;

  if (start == end)
    g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                 _("Select some text to annotate first"));
  else
    g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                 _("The range %lld–%lld is not within the text, which has %lld characters"),
                 (long long) start, (long long) end, (long long) length);
  return FALSE;
}

gboolean
gloss_document_check_label (GlossDocument  *self,
             const char     *label,
             GError        **error)
{
  if (label == NULL || gloss_label_set_lookup (self->labels, label) != NULL)
    return TRUE;

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_FOUND,
               _("There is no entity type with the id “%s”"), label);
  return FALSE;
}

gboolean
gloss_document_check_entity_id (GlossDocument  *self,
                 const char     *entity,
                 GError        **error)
{
  if (entity == NULL || gloss_document_lookup_entity (self, entity) != NULL)
    return TRUE;

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_FOUND,
               _("There is no entity with the id “%s”"), entity);
  return FALSE;
}

static gboolean
check_kind (GlossAnnotation      *annotation,
            GlossAnnotationKind   kind,
            GError              **error)
{
  if (gloss_annotation_get_kind (annotation) == kind)
    return TRUE;

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
               kind == GLOSS_ANNOTATION_CLAIM ? _("Only claims have a review")
                                             : _("Only entity mentions have an entity type"));
  return FALSE;
}

static const char *
add_label_for (GlossAnnotationKind kind)
{
  switch (kind)
    {
    case GLOSS_ANNOTATION_ENTITY:
      return _("Tag entity");
    case GLOSS_ANNOTATION_CLAIM:
      return _("Mark claim");
    case GLOSS_ANNOTATION_NOTE:
    default:
      return _("Add note");
    }
}

/* A new annotation as the user makes it: quote from the text, author,
 * times; not yet in the document. */
static GlossAnnotation *
new_annotation (GlossDocument       *self,
                GlossAnnotationKind  kind,
                gint64               start,
                gint64               end)
{
  g_autofree char *id = gloss_document_make_annotation_id (self);
  g_autofree char *now = gloss_time_now ();
  GlossAnnotation *annotation = gloss_annotation_new (id, kind);

  gloss_annotation_set_range (annotation, start, end);
  gloss_document_describe (self, annotation);
  gloss_annotation_set_author (annotation, self->author);
  gloss_annotation_set_created (annotation, now);
  gloss_annotation_set_modified (annotation, now);

  return annotation;
}

/**
 * gloss_document_add_annotation:
 * @kind: what to add
 * @start: first code point
 * @end: code point after the span, greater than @start
 * @label: (nullable): for an entity mention, its label id
 * @entity: (nullable): for an entity mention, the entity it names; its
 *   label is used when @label is %NULL
 *
 * Adds an annotation of the current text with its quote, the document's
 * author and the current time. @label and @entity are ignored for claims
 * and notes.
 *
 * Returns: (transfer none) (nullable): the new annotation, or %NULL with
 *   @error set
 */
GlossAnnotation *
gloss_document_add_annotation (GlossDocument        *self,
                               GlossAnnotationKind   kind,
                               gint64                start,
                               gint64                end,
                               const char           *label,
                               const char           *entity,
                               GError              **error)
{
  g_autoptr(GlossAnnotation) annotation = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (kind != GLOSS_ANNOTATION_ENTITY)
    label = entity = NULL;
  else if (label == NULL && entity != NULL && gloss_document_lookup_entity (self, entity) != NULL)
    label = gloss_entity_get_label (gloss_document_lookup_entity (self, entity));

  if (!gloss_document_check_writable (self, error) ||
      !gloss_document_check_range (self, start, end, error) ||
      !gloss_document_check_entity_id (self, entity, error) ||
      !gloss_document_check_label (self, label, error))
    return NULL;

  annotation = new_annotation (self, kind, start, end);
  gloss_annotation_set_label (annotation, label);
  gloss_annotation_set_entity (annotation, entity);
  gloss_document_record_annotation (self, annotation, TRUE, add_label_for (kind));

  return annotation;
}

gboolean
gloss_document_remove_annotation (GlossDocument    *self,
                                  GlossAnnotation  *annotation,
                                  GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!gloss_document_check_annotation (self, annotation, error))
    return FALSE;

  gloss_document_record_annotation (self, annotation, FALSE, _("Remove annotation"));
  return TRUE;
}

/**
 * gloss_document_set_annotation_range:
 *
 * Moves @annotation to [@start, @end) of the current text; its quote,
 * prefix and suffix follow and it counts as exactly placed (re-attaching
 * an orphaned annotation is done this way).
 */
gboolean
gloss_document_set_annotation_range (GlossDocument    *self,
                                     GlossAnnotation  *annotation,
                                     gint64            start,
                                     gint64            end,
                                     GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!gloss_document_check_annotation (self, annotation, error) ||
      !gloss_document_check_range (self, start, end, error))
    return FALSE;

  gloss_document_record_placement (self, annotation, start, end, GLOSS_ANCHOR_EXACT,
                                   _("Change annotation span"));

  return TRUE;
}

/* Starts a change of @annotation that also records the modification time. */
static GlossPropertyChange *
annotation_change (GlossDocument   *self,
                   GlossAnnotation *annotation)
{
  GlossPropertyChange *change = gloss_property_change_new (self, annotation);
  g_autofree char *now = gloss_time_now ();

  gloss_property_change_set_string (change, "modified", now);

  return change;
}

/* Starts a change of an annotation of the document (a claim if
 * @claim_only), or says why it cannot be changed. */
static GlossPropertyChange *
begin_change (GlossDocument    *self,
              GlossAnnotation  *annotation,
              gboolean          claim_only,
              GError          **error)
{
  if (!gloss_document_check_annotation (self, annotation, error) ||
      (claim_only && !check_kind (annotation, GLOSS_ANNOTATION_CLAIM, error)))
    return NULL;

  return annotation_change (self, annotation);
}

static gboolean
set_annotation_string (GlossDocument    *self,
                       GlossAnnotation  *annotation,
                       const char       *property,
                       const char       *value,
                       const char       *label,
                       GError          **error)
{
  GlossPropertyChange *change = begin_change (self, annotation, FALSE, error);

  if (change == NULL)
    return FALSE;

  gloss_property_change_set_string (change, property, value);
  gloss_property_change_commit (change, label);
  return TRUE;
}

gboolean
gloss_document_set_annotation_note (GlossDocument    *self,
                                    GlossAnnotation  *annotation,
                                    const char       *note,
                                    GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  return set_annotation_string (self, annotation, "note", note, _("Edit note"), error);
}

gboolean
gloss_document_set_annotation_tags (GlossDocument       *self,
                                    GlossAnnotation     *annotation,
                                    const char * const  *tags,
                                    GError             **error)
{
  GlossPropertyChange *change;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if ((change = begin_change (self, annotation, FALSE, error)) == NULL)
    return FALSE;

  gloss_property_change_set_strv (change, "tags", tags);
  gloss_property_change_commit (change, _("Edit tags"));
  return TRUE;
}

gboolean
gloss_document_set_annotation_label (GlossDocument    *self,
                                     GlossAnnotation  *annotation,
                                     const char       *label,
                                     GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!check_kind (annotation, GLOSS_ANNOTATION_ENTITY, error) ||
      !gloss_document_check_label (self, label, error))
    return FALSE;

  return set_annotation_string (self, annotation, "label", label, _("Change entity type"), error);
}

/**
 * gloss_document_set_annotation_entity:
 * @entity: (nullable): the id of an entity, or %NULL to unlink
 *
 * Links a mention to an entity; the mention takes the entity's label.
 */
gboolean
gloss_document_set_annotation_entity (GlossDocument    *self,
                                      GlossAnnotation  *annotation,
                                      const char       *entity,
                                      GError          **error)
{
  GlossPropertyChange *change;
  GlossEntity *target;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!check_kind (annotation, GLOSS_ANNOTATION_ENTITY, error) ||
      !gloss_document_check_entity_id (self, entity, error) ||
      (change = begin_change (self, annotation, FALSE, error)) == NULL)
    return FALSE;

  target = gloss_document_lookup_entity (self, entity);
  gloss_property_change_set_string (change, "entity", entity);
  if (target != NULL && gloss_entity_get_label (target) != NULL)
    gloss_property_change_set_string (change, "label", gloss_entity_get_label (target));
  gloss_property_change_commit (change, _("Link to entity"));

  return TRUE;
}

gboolean
gloss_document_set_claim_status (GlossDocument     *self,
                                 GlossAnnotation   *claim,
                                 GlossClaimStatus   status,
                                 GError           **error)
{
  GlossPropertyChange *change;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (claim), FALSE);

  if ((change = begin_change (self, claim, TRUE, error)) == NULL)
    return FALSE;

  gloss_property_change_set_enum (change, "status", status);
  if (status == GLOSS_CLAIM_REVIEWED && gloss_annotation_get_status (claim) != status)
    {
      g_autofree char *now = gloss_time_now ();

      gloss_property_change_set_string (change, "reviewer", self->author);
      gloss_property_change_set_string (change, "reviewed", now);
    }
  gloss_property_change_commit (change, _("Change claim status"));

  return TRUE;
}

gboolean
gloss_document_set_claim_verdict (GlossDocument    *self,
                                  GlossAnnotation  *claim,
                                  GlossVerdict      verdict,
                                  GError          **error)
{
  GlossPropertyChange *change;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (claim), FALSE);

  if ((change = begin_change (self, claim, TRUE, error)) == NULL)
    return FALSE;

  gloss_property_change_set_enum (change, "verdict", verdict);
  gloss_property_change_commit (change, _("Change verdict"));
  return TRUE;
}

gboolean
gloss_document_set_claim_claimant (GlossDocument    *self,
                                   GlossAnnotation  *claim,
                                   const char       *claimant,
                                   GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (claim), FALSE);

  return check_kind (claim, GLOSS_ANNOTATION_CLAIM, error) &&
         set_annotation_string (self, claim, "claimant", claimant, _("Change claimant"), error);
}

gboolean
gloss_document_set_claim_reviewer (GlossDocument    *self,
                                   GlossAnnotation  *claim,
                                   const char       *reviewer,
                                   GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (claim), FALSE);

  return check_kind (claim, GLOSS_ANNOTATION_CLAIM, error) &&
         set_annotation_string (self, claim, "reviewer", reviewer, _("Change reviewer"), error);
}

gboolean
gloss_document_set_claim_sources (GlossDocument       *self,
                                  GlossAnnotation     *claim,
                                  const char * const  *sources,
                                  GError             **error)
{
  GlossPropertyChange *change;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (claim), FALSE);

  if ((change = begin_change (self, claim, TRUE, error)) == NULL)
    return FALSE;

  gloss_property_change_set_strv (change, "sources", sources);
  gloss_property_change_commit (change, _("Change sources"));
  return TRUE;
}
