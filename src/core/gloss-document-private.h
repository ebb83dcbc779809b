/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-document.h"
#include "gloss-sidecar.h"

G_BEGIN_DECLS

struct _GlossDocument
{
  GObject            parent_instance;

  GFile             *file;
  GFile             *sidecar_file;
  char              *sidecar_sha256;
  GlossTextFile     *text_file;
  char              *display_name;

  char              *sha256;
  GlossTextIndex    *index;

  GlossSource       *source;
  GlossLabelSet     *labels;
  GListStore        *entities;
  GListStore        *annotations;
  GHashTable        *entity_by_id;
  GHashTable        *annotation_by_id;
  GPtrArray         *unknown;
  JsonObject        *extra;

  GlossHistory      *history;
  char              *author;
  char              *read_only_reason;
  GError            *sidecar_error;
  GPtrArray         *problems;
  GlossAnchorReport *load_report;

  gboolean           read_only;
  gboolean           text_dirty;
  gboolean           dirty;
  gboolean           modified;
  gboolean           updating_source;
};

enum {
  GLOSS_DOCUMENT_ANNOTATION_CHANGED,
  GLOSS_DOCUMENT_N_SIGNALS
};

extern guint gloss_document_signals[GLOSS_DOCUMENT_N_SIGNALS];

GlossDocument *gloss_document_new_for_text_file    (GlossTextFile    *text_file);
void           gloss_document_apply_sidecar        (GlossDocument    *self,
                                                    GlossSidecar     *sidecar);
GlossSidecar  *gloss_document_to_sidecar           (GlossDocument    *self);
void           gloss_document_replace_source       (GlossDocument    *self,
                                                    GlossSource      *source);
void           gloss_document_set_read_only        (GlossDocument    *self,
                                                    const char       *reason);
void           gloss_document_set_dirty            (GlossDocument    *self,
                                                    gboolean          dirty);
void           gloss_document_update_modified      (GlossDocument    *self);
void           gloss_document_mark_saved           (GlossDocument    *self,
                                                    guint64           checkpoint);
const char    *gloss_document_get_sha256           (GlossDocument    *self);
void           gloss_document_replace_text         (GlossDocument    *self,
                                                    const char       *text);

gboolean       gloss_document_check_writable       (GlossDocument    *self,
                                                    GError          **error);
gboolean       gloss_document_check_annotation     (GlossDocument    *self,
                                                    GlossAnnotation  *annotation,
                                                    GError          **error);
gboolean       gloss_document_check_entity         (GlossDocument    *self,
                                                    GlossEntity      *entity,
                                                    GError          **error);
gboolean       gloss_document_check_label          (GlossDocument    *self,
                                                    const char       *label,
                                                    GError          **error);
gboolean       gloss_document_check_entity_id      (GlossDocument    *self,
                                                    const char       *entity,
                                                    GError          **error);
gboolean       gloss_document_check_range          (GlossDocument    *self,
                                                    gint64            start,
                                                    gint64            end,
                                                    GError          **error);
void           gloss_document_insert_annotation    (GlossDocument    *self,
                                                    GlossAnnotation  *annotation);
void           gloss_document_take_out_annotation  (GlossDocument    *self,
                                                    GlossAnnotation  *annotation);
void           gloss_document_insert_entity        (GlossDocument    *self,
                                                    GlossEntity      *entity);
void           gloss_document_take_out_entity      (GlossDocument    *self,
                                                    GlossEntity      *entity);
void           gloss_document_describe             (GlossDocument    *self,
                                                    GlossAnnotation  *annotation);
void           gloss_document_resort_annotations   (GlossDocument    *self);
char          *gloss_document_make_annotation_id   (GlossDocument    *self);

/* Commands recorded in the history (gloss-document-ops.c) */
typedef struct _GlossPropertyChange GlossPropertyChange;

GlossPropertyChange *gloss_property_change_new      (GlossDocument       *self,
                                                     gpointer             object);
void                 gloss_property_change_set      (GlossPropertyChange *change,
                                                     const char          *name,
                                                     const GValue        *value);
void                 gloss_property_change_set_string (GlossPropertyChange *change,
                                                     const char          *name,
                                                     const char          *value);
void                 gloss_property_change_set_strv (GlossPropertyChange *change,
                                                     const char          *name,
                                                     const char * const  *value);
void                 gloss_property_change_set_enum (GlossPropertyChange *change,
                                                     const char          *name,
                                                     int                  value);
void                 gloss_property_change_commit   (GlossPropertyChange *change,
                                                     const char          *label);
void                 gloss_document_record_annotation (GlossDocument     *self,
                                                     GlossAnnotation     *annotation,
                                                     gboolean             added,
                                                     const char          *label);
void                 gloss_document_record_entity   (GlossDocument       *self,
                                                     GlossEntity         *entity,
                                                     gboolean             added,
                                                     const char          *label);
gboolean             gloss_document_record_placement (GlossDocument      *self,
                                                     GlossAnnotation     *annotation,
                                                     gint64               start,
                                                     gint64               end,
                                                     GlossAnchorState     state,
                                                     const char          *label);

G_END_DECLS
