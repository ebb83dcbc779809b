/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include "gloss-document-private.h"

/* Commands keep a plain pointer to their document: the document owns the
 * history that owns them, so they never outlive it, and a reference would
 * make a cycle. */

#define MAX_CHANGES 8

struct _GlossPropertyChange
{
  GlossDocument *document;
  GObject       *object;
  guint          n;
  const char    *names[MAX_CHANGES];
  GValue         old_values[MAX_CHANGES];
  GValue         new_values[MAX_CHANGES];
};

static void
property_change_free (GlossPropertyChange *change)
{
  for (guint i = 0; i < change->n; i++)
    {
      g_value_unset (&change->old_values[i]);
      g_value_unset (&change->new_values[i]);
    }
  g_object_unref (change->object);
  g_free (change);
}

static void
property_change_apply (GlossPropertyChange *change,
                       const GValue        *values)
{
  g_object_freeze_notify (change->object);
  for (guint i = 0; i < change->n; i++)
    g_object_set_property (change->object, change->names[i], &values[i]);
  g_object_thaw_notify (change->object);

  if (GLOSS_IS_ANNOTATION (change->object))
    g_signal_emit (change->document,
                   gloss_document_signals[GLOSS_DOCUMENT_ANNOTATION_CHANGED], 0,
                   change->object);
}

static void
property_change_undo (gpointer data)
{
  GlossPropertyChange *change = data;

  property_change_apply (change, change->old_values);
}

static void
property_change_redo (gpointer data)
{
  GlossPropertyChange *change = data;

  property_change_apply (change, change->new_values);
}

GlossPropertyChange *
gloss_property_change_new (GlossDocument *self,
                           gpointer       object)
{
  GlossPropertyChange *change = g_new0 (GlossPropertyChange, 1);

  change->document = self;
  change->object = g_object_ref (object);

  return change;
}

/* @name must be a static string. */
void
gloss_property_change_set (GlossPropertyChange *change,
                           const char          *name,
                           const GValue        *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (change->object), name);
  guint i = change->n++;

  g_assert (pspec != NULL);
  g_assert (i < MAX_CHANGES);

  change->names[i] = name;
  g_value_init (&change->old_values[i], pspec->value_type);
  g_object_get_property (change->object, name, &change->old_values[i]);
  g_value_init (&change->new_values[i], pspec->value_type);
  g_value_copy (value, &change->new_values[i]);
}

void
gloss_property_change_set_string (GlossPropertyChange *change,
                                  const char          *name,
                                  const char          *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value != NULL && *value != '\0' ? value : NULL);
  gloss_property_change_set (change, name, &gvalue);
}

void
gloss_property_change_set_strv (GlossPropertyChange *change,
                                const char          *name,
                                const char * const  *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value != NULL && value[0] != NULL ? value : NULL);
  gloss_property_change_set (change, name, &gvalue);
}

void
gloss_property_change_set_enum (GlossPropertyChange *change,
                                const char          *name,
                                int                  value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (change->object), name);
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, pspec->value_type);
  g_value_set_enum (&gvalue, value);
  gloss_property_change_set (change, name, &gvalue);
}

static gboolean
property_change_is_noop (GlossPropertyChange *change)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (change->object);

  for (guint i = 0; i < change->n; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, change->names[i]);

      if (g_str_equal (change->names[i], "modified"))
        continue;
      if (g_param_values_cmp (pspec, &change->old_values[i], &change->new_values[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Performs the change and records it, unless it changes nothing (a new
 * modification time alone does not count). */
void
gloss_property_change_commit (GlossPropertyChange *change,
                              const char          *label)
{
  if (property_change_is_noop (change))
    {
      property_change_free (change);
      return;
    }

  property_change_redo (change);
  gloss_history_push (change->document->history, label,
                      property_change_undo, property_change_redo,
                      change, (GDestroyNotify) property_change_free);
}

/* Adding and removing */

typedef struct
{
  GlossDocument *document;
  GObject       *object;
  gboolean       added;
} Membership;

static void
membership_free (Membership *membership)
{
  g_object_unref (membership->object);
  g_free (membership);
}

static void
membership_set (Membership *membership,
                gboolean    present)
{
  GlossDocument *self = membership->document;

  if (GLOSS_IS_ANNOTATION (membership->object))
    {
      if (present)
        gloss_document_insert_annotation (self, GLOSS_ANNOTATION (membership->object));
      else
        gloss_document_take_out_annotation (self, GLOSS_ANNOTATION (membership->object));
    }
  else
    {
      if (present)
        gloss_document_insert_entity (self, GLOSS_ENTITY (membership->object));
      else
        gloss_document_take_out_entity (self, GLOSS_ENTITY (membership->object));
    }
}

static void
membership_undo (gpointer data)
{
  Membership *membership = data;

  membership_set (membership, !membership->added);
}

static void
membership_redo (gpointer data)
{
  Membership *membership = data;

  membership_set (membership, membership->added);
}

static void
record_membership (GlossDocument *self,
                   gpointer       object,
                   gboolean       added,
                   const char    *label)
{
  Membership *membership = g_new0 (Membership, 1);

  membership->document = self;
  membership->object = g_object_ref (object);
  membership->added = added;

  membership_redo (membership);
  gloss_history_push (self->history, label, membership_undo, membership_redo,
                      membership, (GDestroyNotify) membership_free);
}

/* Adds (or removes) @annotation and records it. */
void
gloss_document_record_annotation (GlossDocument   *self,
                                  GlossAnnotation *annotation,
                                  gboolean         added,
                                  const char      *label)
{
  record_membership (self, annotation, added, label);
}

void
gloss_document_record_entity (GlossDocument *self,
                              GlossEntity   *entity,
                              gboolean       added,
                              const char    *label)
{
  record_membership (self, entity, added, label);
}

/* Placements: position, selector and anchor state together */

typedef struct
{
  gint64            start;
  gint64            end;
  char             *quote;
  char             *prefix;
  char             *suffix;
  GlossAnchorState  state;
} Placement;

typedef struct
{
  GlossDocument   *document;
  GlossAnnotation *annotation;
  Placement        before;
  Placement        after;
} PlacementChange;

static void
placement_clear (Placement *placement)
{
  g_free (placement->quote);
  g_free (placement->prefix);
  g_free (placement->suffix);
}

static void
placement_change_free (PlacementChange *change)
{
  placement_clear (&change->before);
  placement_clear (&change->after);
  g_object_unref (change->annotation);
  g_free (change);
}

static char *
dup_nonempty (const char *string)
{
  return string != NULL && *string != '\0' ? g_strdup (string) : NULL;
}

static void
placement_normalize (Placement *placement)
{
  char **strings[] = { &placement->quote, &placement->prefix, &placement->suffix };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (*strings[i] != NULL && **strings[i] == '\0')
      g_clear_pointer (strings[i], g_free);
}

static void
placement_capture (Placement       *placement,
                   GlossAnnotation *annotation)
{
  placement->start = gloss_annotation_get_start (annotation);
  placement->end = gloss_annotation_get_end (annotation);
  placement->quote = dup_nonempty (gloss_annotation_get_quote (annotation));
  placement->prefix = dup_nonempty (gloss_annotation_get_prefix (annotation));
  placement->suffix = dup_nonempty (gloss_annotation_get_suffix (annotation));
  placement->state = gloss_annotation_get_anchor_state (annotation);
}

static gboolean
placement_equal (const Placement *a,
                 const Placement *b)
{
  return a->start == b->start && a->end == b->end && a->state == b->state &&
         g_strcmp0 (a->quote, b->quote) == 0 && g_strcmp0 (a->prefix, b->prefix) == 0 &&
         g_strcmp0 (a->suffix, b->suffix) == 0;
}

static void
placement_apply (PlacementChange *change,
                 const Placement *placement)
{
  GlossDocument *self = change->document;
  GlossAnnotation *annotation = change->annotation;
  gboolean listed = gloss_document_find_annotation_position (self, annotation, NULL);

  /* the list is sorted by position: take it out while it moves */
  g_object_ref (annotation);
  if (listed)
    gloss_document_take_out_annotation (self, annotation);
  g_object_freeze_notify (G_OBJECT (annotation));
  gloss_annotation_set_range (annotation, placement->start, placement->end);
  gloss_annotation_set_selector (annotation, placement->quote, placement->prefix, placement->suffix);
  gloss_annotation_set_anchor_state (annotation, placement->state);
  g_object_thaw_notify (G_OBJECT (annotation));
  if (listed)
    gloss_document_insert_annotation (self, annotation);
  g_signal_emit (self, gloss_document_signals[GLOSS_DOCUMENT_ANNOTATION_CHANGED], 0, annotation);
  g_object_unref (annotation);
}

static void
placement_undo (gpointer data)
{
  PlacementChange *change = data;

  placement_apply (change, &change->before);
}

static void
placement_redo (gpointer data)
{
  PlacementChange *change = data;

  placement_apply (change, &change->after);
}

/* Moves @annotation to [@start, @end) with its quote from the current
 * text, or marks it orphaned where it is, and records that. Returns
 * %FALSE if nothing changed. */
gboolean
gloss_document_record_placement (GlossDocument    *self,
                                 GlossAnnotation  *annotation,
                                 gint64            start,
                                 gint64            end,
                                 GlossAnchorState  state,
                                 const char       *label)
{
  PlacementChange *change = g_new0 (PlacementChange, 1);

  change->document = self;
  change->annotation = g_object_ref (annotation);
  placement_capture (&change->before, annotation);
  change->after.start = start;
  change->after.end = end;
  change->after.state = state;
  if (state == GLOSS_ANCHOR_ORPHANED)
    {
      change->after.quote = g_strdup (change->before.quote);
      change->after.prefix = g_strdup (change->before.prefix);
      change->after.suffix = g_strdup (change->before.suffix);
    }
  else
    gloss_text_index_describe (self->index, start, end, &change->after.quote,
                               &change->after.prefix, &change->after.suffix);
  placement_normalize (&change->after);

  if (placement_equal (&change->before, &change->after))
    {
      placement_change_free (change);
      return FALSE;
    }

  placement_redo (change);
  gloss_history_push (self->history, label, placement_undo, placement_redo,
                      change, (GDestroyNotify) placement_change_free);
  return TRUE;
}
