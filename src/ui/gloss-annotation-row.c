/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"

/**
 * GlossAnnotationRow:
 *
 * A row of the side panel's claim, note and detached lists.
 *
 * A claim shows its quote with its status and verdict; a note shows its
 * quote as an excerpt above its text. A detached annotation (one whose
 * text is gone) also says what kind it is and has a button that
 * activates `panel.delete-annotation` with its id.
 */
struct _GlossAnnotationRow
{
  GtkWidget        parent_instance;

  GlossAnnotation *item;

  GtkLabel        *kind_label;
  GtkLabel        *quote_label;
  GtkLabel        *note_label;
  GtkBox          *tag_box;
  GtkLabel        *status_label;
  GtkLabel        *verdict_label;
  GtkButton       *delete_button;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Line breaks and tabs of the article would cut the two lines a row
 * has room for. */
static char *
flatten (const char *text)
{
  char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\n\r\t", ' ');
  return g_strstrip (flat);
}

static void
set_tag (GtkLabel   *label,
         const char *text,
         const char *kind,
         const char *value)
{
  g_autofree char *modifier = g_strdup_printf ("%s-%s", kind, value);
  const char *classes[] = { "annotation-tag", modifier, NULL };

  gtk_label_set_label (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);
}

static void
gloss_annotation_row_update_claim (GlossAnnotationRow *self)
{
  GlossClaimStatus status = gloss_annotation_get_status (self->item);
  GlossVerdict verdict = gloss_annotation_get_verdict (self->item);

  set_tag (self->status_label, gloss_claim_status_get_display_name (status),
           "status", gloss_claim_status_to_string (status));
  set_tag (self->verdict_label, gloss_verdict_get_display_name (verdict),
           "verdict", verdict != GLOSS_VERDICT_NONE ? gloss_verdict_to_string (verdict) : "none");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), verdict != GLOSS_VERDICT_NONE);
}

static void
gloss_annotation_row_update (GlossAnnotationRow *self)
{
  GlossAnnotationKind kind;
  gboolean orphaned, is_claim;
  g_autofree char *quote = NULL;
  g_autofree char *note = NULL;
  g_autofree char *quoted = NULL;

  if (self->item == NULL)
    return;

  kind = gloss_annotation_get_kind (self->item);
  orphaned = gloss_annotation_is_orphaned (self->item);
  is_claim = kind == GLOSS_ANNOTATION_CLAIM && !orphaned;
  quote = flatten (gloss_annotation_get_quote (self->item));
  note = flatten (gloss_annotation_get_note (self->item));
  /* Translators: a passage quoted from the article */
  quoted = g_strdup_printf (_("“%s”"), quote);

  gtk_label_set_label (self->kind_label, gloss_annotation_kind_get_display_name (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), orphaned);
  gtk_label_set_label (self->quote_label, quoted);
  if (is_claim)
    gtk_widget_remove_css_class (GTK_WIDGET (self->quote_label), "excerpt");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->quote_label), "excerpt");
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), !is_claim && *note != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->tag_box), is_claim);
  if (is_claim)
    gloss_annotation_row_update_claim (self);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), orphaned);
  /* The action is named only once there is a target: an action with a
   * parameter cannot be bound without one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button),
                                          g_variant_new_string (gloss_annotation_get_id (self->item)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "panel.delete-annotation");
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);
  GtkWidget *child;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gloss_annotation_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;
  object_class->get_property = gloss_annotation_row_get_property;
  object_class->set_property = gloss_annotation_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/glossapp/Gloss/gloss-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, tag_box);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, delete_button);
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GlossAnnotation *
gloss_annotation_row_get_item (GlossAnnotationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);

  return self->item;
}

/**
 * gloss_annotation_row_set_item:
 * @item: (nullable): the annotation to show
 */
void
gloss_annotation_row_set_item (GlossAnnotationRow *self,
                               GlossAnnotation    *item)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));
  g_return_if_fail (item == NULL || GLOSS_IS_ANNOTATION (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify", G_CALLBACK (gloss_annotation_row_update),
                             self, G_CONNECT_SWAPPED);

  gloss_annotation_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
