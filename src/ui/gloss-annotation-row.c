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
 * A claim shows its quote, its status and verdict as coloured pills and
 * who made it; a note shows its quote as an excerpt above its text. A
 * detached annotation (one whose text is gone) also says what kind it
 * is and has a button that activates `panel.delete-annotation` with its
 * id.
 *
 * The row's #GlossAnnotationRow:document turns a claimant that is an
 * entity id into the entity's name, and follows renames.
 */

/* The row shows two lines of a quote at most: a long one is cut before
 * the label lays it all out. */
#define QUOTE_MAX_CHARS 160

struct _GlossAnnotationRow
{
  GlossPanelRow    parent_instance;

  GlossDocument   *document;
  GSignalGroup    *claimant_signals;

  GtkLabel        *kind_label;
  GtkLabel        *quote_label;
  GtkLabel        *note_label;
  GtkBox          *tag_box;
  GtkLabel        *status_label;
  GtkLabel        *verdict_label;
  GtkWidget       *claimant_box;
  GtkLabel        *claimant_label;
  GtkButton       *delete_button;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GLOSS_TYPE_PANEL_ROW)

enum {
  PROP_0,
  PROP_DOCUMENT,
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

static char *
shorten (const char *text)
{
  g_autofree char *flat = flatten (text);
  g_autofree char *head = NULL;

  if (g_utf8_strlen (flat, -1) <= QUOTE_MAX_CHARS)
    return g_steal_pointer (&flat);

  head = g_strndup (flat, g_utf8_offset_to_pointer (flat, QUOTE_MAX_CHARS) - flat);
  return g_strconcat (g_strchomp (head), "…", NULL);
}

/* The pill's text is what it shows; @accessible_label says what it is,
 * since a screen reader does not see the colour. */
static void
set_tag (GtkLabel   *label,
         const char *text,
         const char *accessible_label,
         const char *kind,
         const char *value)
{
  g_autofree char *modifier = g_strdup_printf ("%s-%s", kind, value);
  const char *classes[] = { "annotation-tag", kind, modifier, NULL };

  gtk_label_set_label (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
}

/* An entity id names the entity; anything else is free text. */
static const char *
gloss_annotation_row_claimant_name (GlossAnnotationRow *self,
                                    const char         *claimant)
{
  GlossEntity *entity = NULL;

  if (claimant != NULL && self->document != NULL)
    entity = gloss_document_lookup_entity (self->document, claimant);
  g_signal_group_set_target (self->claimant_signals, entity);

  return entity != NULL ? gloss_entity_get_name (entity) : claimant;
}

static void
gloss_annotation_row_update_claimant (GlossAnnotationRow *self,
                                      GlossAnnotation    *claim)
{
  g_autofree char *name = NULL;
  g_autofree char *accessible = NULL;

  name = flatten (gloss_annotation_row_claimant_name (self, gloss_annotation_get_claimant (claim)));
  /* Translators: read to screen readers for a claim's claimant, “Claimant: Ilse Brandt” */
  accessible = g_strdup_printf (_("Claimant: %s"), name);
  gtk_label_set_label (self->claimant_label, name);
  gtk_widget_set_tooltip_text (self->claimant_box, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->claimant_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_visible (self->claimant_box, *name != '\0');
}

static void
gloss_annotation_row_update_claim (GlossAnnotationRow *self,
                                   GlossAnnotation    *claim)
{
  GlossClaimStatus status = gloss_annotation_get_status (claim);
  GlossVerdict verdict = gloss_annotation_get_verdict (claim);
  const char *status_name = gloss_claim_status_get_display_name (status);
  const char *verdict_name = gloss_verdict_get_display_name (verdict);
  /* Translators: read to screen readers for a claim's status pill, “Status: In review” */
  g_autofree char *status_text = g_strdup_printf (_("Status: %s"), status_name);
  /* Translators: read to screen readers for a claim's verdict pill, “Verdict: Mostly false” */
  g_autofree char *verdict_text = g_strdup_printf (_("Verdict: %s"), verdict_name);

  set_tag (self->status_label, status_name, status_text,
           "status", gloss_claim_status_to_string (status));
  set_tag (self->verdict_label, verdict_name, verdict_text,
           "verdict", verdict != GLOSS_VERDICT_NONE ? gloss_verdict_to_string (verdict) : "none");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), verdict != GLOSS_VERDICT_NONE);
  gloss_annotation_row_update_claimant (self, claim);
}

static void
gloss_annotation_row_update_actions (GlossAnnotationRow *self,
                                     GlossAnnotation    *item,
                                     gboolean            orphaned)
{
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), orphaned);
  /* The action is named only once there is a target: an action with a
   * parameter cannot be bound without one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button),
                                          g_variant_new_string (gloss_annotation_get_id (item)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "panel.delete-annotation");
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
    {
      g_signal_group_set_target (self->claimant_signals, NULL);
      return;
    }

  kind = gloss_annotation_get_kind (item);
  orphaned = gloss_annotation_is_orphaned (item);
  is_claim = kind == GLOSS_ANNOTATION_CLAIM && !orphaned;
  quote = shorten (gloss_annotation_get_quote (item));
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
  gloss_annotation_row_update_actions (self, item, orphaned);
}

static void
gloss_annotation_row_refresh (GlossAnnotationRow *self)
{
  gloss_annotation_row_update (GLOSS_PANEL_ROW (self));
}

static void
gloss_annotation_row_set_document (GlossAnnotationRow *self,
                                   GlossDocument      *document)
{
  if (!g_set_object (&self->document, document))
    return;

  gloss_annotation_row_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  if (self->claimant_signals != NULL)
    g_signal_group_set_target (self->claimant_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_ANNOTATION_ROW);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_finalize (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  g_clear_object (&self->claimant_signals);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->finalize (object);
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
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
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
    case PROP_DOCUMENT:
      gloss_annotation_row_set_document (self, g_value_get_object (value));
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
  object_class->finalize = gloss_annotation_row_finalize;
  object_class->get_property = gloss_annotation_row_get_property;
  object_class->set_property = gloss_annotation_row_set_property;
  GLOSS_PANEL_ROW_CLASS (klass)->update = gloss_annotation_row_update;

  /* the document whose entities a claimant may name */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/glossapp/Gloss/gloss-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, tag_box);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, claimant_box);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, claimant_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, delete_button);
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->claimant_signals = g_signal_group_new (GLOSS_TYPE_ENTITY);
  g_signal_group_connect_object (self->claimant_signals, "notify::name",
                                 G_CALLBACK (gloss_annotation_row_refresh), self,
                                 G_CONNECT_SWAPPED);
}
