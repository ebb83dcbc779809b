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
  GlossPanelRow    parent_instance;

  GtkLabel        *kind_label;
  GtkLabel        *quote_label;
  GtkLabel        *note_label;
  GtkBox          *tag_box;
  GtkLabel        *status_label;
  GtkLabel        *verdict_label;
  GtkButton       *delete_button;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GLOSS_TYPE_PANEL_ROW)

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
gloss_annotation_row_update_claim (GlossAnnotationRow *self,
                                   GlossAnnotation    *claim)
{
  GlossClaimStatus status = gloss_annotation_get_status (claim);
  GlossVerdict verdict = gloss_annotation_get_verdict (claim);

  set_tag (self->status_label, gloss_claim_status_get_display_name (status),
           "status", gloss_claim_status_to_string (status));
  set_tag (self->verdict_label, gloss_verdict_get_display_name (verdict),
           "verdict", verdict != GLOSS_VERDICT_NONE ? gloss_verdict_to_string (verdict) : "none");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), verdict != GLOSS_VERDICT_NONE);
}

static void
gloss_annotation_row_update (GlossPanelRow *row)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (row);
  GlossAnnotation *item = gloss_panel_row_get_item (row);
  GlossAnnotationKind kind;
  gboolean orphaned, is_claim;
  g_autofree char *quote = NULL;
  g_autofree char *note = NULL;
  g_autofree char *quoted = NULL;

  if (item == NULL)
    return;

  kind = gloss_annotation_get_kind (item);
  orphaned = gloss_annotation_is_orphaned (item);
  is_claim = kind == GLOSS_ANNOTATION_CLAIM && !orphaned;
  quote = flatten (gloss_annotation_get_quote (item));
  note = flatten (gloss_annotation_get_note (item));
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
    gloss_annotation_row_update_claim (self, item);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), orphaned);
  /* The action is named only once there is a target: an action with a
   * parameter cannot be bound without one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button),
                                          g_variant_new_string (gloss_annotation_get_id (item)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "panel.delete-annotation");
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_ANNOTATION_ROW);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;
  GLOSS_PANEL_ROW_CLASS (klass)->update = gloss_annotation_row_update;

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
