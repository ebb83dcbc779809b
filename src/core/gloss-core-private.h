/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-annotation.h"
#include "gloss-entity.h"
#include "gloss-label.h"
#include "gloss-source.h"

G_BEGIN_DECLS

gboolean    gloss_set_str           (char               **str_pointer,
                                     const char          *new_str);
gboolean    gloss_set_optional_str  (char               **str_pointer,
                                     const char          *new_str);
gboolean    gloss_set_strv          (char              ***strv_pointer,
                                     const char * const  *new_strv);
gboolean    gloss_strv_equal        (const char * const  *a,
                                     const char * const  *b);
char       *gloss_time_now          (void);
gboolean    gloss_time_is_valid     (const char          *time);
char       *gloss_make_id           (char                 prefix);
void        gloss_json_nodes_extend (GPtrArray           *dest,
                                     GPtrArray           *src);
void        gloss_set_json_object   (JsonObject         **object_pointer,
                                     JsonObject          *object);
gboolean    gloss_write_atomically  (GFile               *file,
                                     GBytes              *bytes,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* Members of a sidecar object this program does not know, kept so that a
 * re-save loses nothing. */
JsonObject *gloss_label_get_extra             (GlossLabel      *self);
void        gloss_label_set_extra             (GlossLabel      *self,
                                               JsonObject      *extra);
JsonObject *gloss_entity_get_extra            (GlossEntity     *self);
void        gloss_entity_set_extra            (GlossEntity     *self,
                                               JsonObject      *extra);
JsonObject *gloss_source_get_extra            (GlossSource     *self);
void        gloss_source_set_extra            (GlossSource     *self,
                                               JsonObject      *extra);
/* The string fields of an annotation, for the sidecar reader, which
 * fills new annotations without copies or notifications. */
typedef enum
{
  GLOSS_ANNOTATION_FIELD_QUOTE = 2,
  GLOSS_ANNOTATION_FIELD_PREFIX,
  GLOSS_ANNOTATION_FIELD_SUFFIX,
  GLOSS_ANNOTATION_FIELD_NOTE,
  GLOSS_ANNOTATION_FIELD_AUTHOR,
  GLOSS_ANNOTATION_FIELD_CREATED,
  GLOSS_ANNOTATION_FIELD_MODIFIED,
  GLOSS_ANNOTATION_FIELD_LABEL,
  GLOSS_ANNOTATION_FIELD_ENTITY_ID,
  GLOSS_ANNOTATION_FIELD_CLAIMANT,
  GLOSS_ANNOTATION_FIELD_REVIEWER,
  GLOSS_ANNOTATION_FIELD_REVIEWED,
} GlossAnnotationString;

void        gloss_annotation_take_string      (GlossAnnotation      *self,
                                               GlossAnnotationString field,
                                               char                 *value);
void        gloss_annotation_init_range       (GlossAnnotation      *self,
                                               gint64                start,
                                               gint64                end);
JsonObject *gloss_annotation_get_extra        (GlossAnnotation *self);
void        gloss_annotation_set_extra        (GlossAnnotation *self,
                                               JsonObject      *extra);
JsonObject *gloss_annotation_get_review_extra (GlossAnnotation *self);
void        gloss_annotation_set_review_extra (GlossAnnotation *self,
                                               JsonObject      *extra);

G_END_DECLS
