/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-entity-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-entity-row.h"

/**
 * GlossEntityRow:
 *
 * A row of the side panel's entity list: a dot in the colour of the
 * entity's type, its name, the type's name, and its number of mentions.
 */
struct _GlossEntityRow
{
  GlossPanelRow    parent_instance;

  GtkDrawingArea  *dot;
  GtkLabel        *name_label;
  GtkLabel        *type_label;
  GtkLabel        *count_label;
};

G_DEFINE_FINAL_TYPE (GlossEntityRow, gloss_entity_row, GLOSS_TYPE_PANEL_ROW)

static void
gloss_entity_row_draw_dot (GtkDrawingArea *area,
                           cairo_t        *cr,
                           int             width,
                           int             height,
                           gpointer        user_data)
{
  GlossEntityItem *item = gloss_panel_row_get_item (user_data);
  GlossLabel *label = item != NULL ? gloss_entity_item_get_label (item) : NULL;
  GdkRGBA color;

  /* An entity whose type is unknown gets a hollow dot. */
  if (label == NULL || !gdk_rgba_parse (&color, gloss_label_get_color (label)))
    {
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
      color.alpha *= .5;
      cairo_set_line_width (cr, 1.5);
      cairo_arc (cr, width / 2., height / 2., MIN (width, height) / 2. - 1., 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_stroke (cr);
      return;
    }

  cairo_arc (cr, width / 2., height / 2., MIN (width, height) / 2., 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill (cr);
}

static void
gloss_entity_row_update (GlossPanelRow *row)
{
  GlossEntityRow *self = GLOSS_ENTITY_ROW (row);
  GlossEntityItem *item = gloss_panel_row_get_item (row);
  GlossEntity *entity = item != NULL ? gloss_entity_item_get_entity (item) : NULL;
  GlossLabel *label = item != NULL ? gloss_entity_item_get_label (item) : NULL;
  guint n = item != NULL ? gloss_entity_item_get_n_mentions (item) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *count_text = g_strdup_printf (ngettext ("%u mention", "%u mentions", n), n);

  gtk_label_set_label (self->name_label, entity != NULL ? gloss_entity_get_name (entity) : "");
  gtk_label_set_label (self->type_label,
                       label != NULL ? gloss_label_get_display_name (label) : _("No type"));
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), count_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, count_text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->dot));
}

static void
gloss_entity_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_ENTITY_ROW);

  G_OBJECT_CLASS (gloss_entity_row_parent_class)->dispose (object);
}

static void
gloss_entity_row_class_init (GlossEntityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_entity_row_dispose;
  GLOSS_PANEL_ROW_CLASS (klass)->update = gloss_entity_row_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/glossapp/Gloss/gloss-entity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossEntityRow, dot);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityRow, type_label);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityRow, count_label);
}

static void
gloss_entity_row_init (GlossEntityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->dot, gloss_entity_row_draw_dot, self, NULL);
}
