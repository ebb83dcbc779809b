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
  GtkWidget        parent_instance;

  GlossEntityItem *item;

  GtkDrawingArea  *dot;
  GtkLabel        *name_label;
  GtkLabel        *type_label;
  GtkLabel        *count_label;
};

G_DEFINE_FINAL_TYPE (GlossEntityRow, gloss_entity_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_entity_row_draw_dot (GtkDrawingArea *area,
                           cairo_t        *cr,
                           int             width,
                           int             height,
                           gpointer        user_data)
{
  GlossEntityRow *self = GLOSS_ENTITY_ROW (user_data);
  GlossLabel *label = self->item != NULL ? gloss_entity_item_get_label (self->item) : NULL;
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
gloss_entity_row_update (GlossEntityRow *self)
{
  GlossEntity *entity = self->item != NULL ? gloss_entity_item_get_entity (self->item) : NULL;
  GlossLabel *label = self->item != NULL ? gloss_entity_item_get_label (self->item) : NULL;
  guint n = self->item != NULL ? gloss_entity_item_get_n_mentions (self->item) : 0;
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
  GlossEntityRow *self = GLOSS_ENTITY_ROW (object);
  GtkWidget *child;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ENTITY_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_entity_row_parent_class)->dispose (object);
}

static void
gloss_entity_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossEntityRow *self = GLOSS_ENTITY_ROW (object);

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
gloss_entity_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossEntityRow *self = GLOSS_ENTITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gloss_entity_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_row_class_init (GlossEntityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_entity_row_dispose;
  object_class->get_property = gloss_entity_row_get_property;
  object_class->set_property = gloss_entity_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, GLOSS_TYPE_ENTITY_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/glossapp/Gloss/gloss-entity-row.ui");
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

GlossEntityItem *
gloss_entity_row_get_item (GlossEntityRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_ROW (self), NULL);

  return self->item;
}

/**
 * gloss_entity_row_set_item:
 * @item: (nullable): the entity to show
 */
void
gloss_entity_row_set_item (GlossEntityRow  *self,
                           GlossEntityItem *item)
{
  g_return_if_fail (GLOSS_IS_ENTITY_ROW (self));
  g_return_if_fail (item == NULL || GLOSS_IS_ENTITY_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify", G_CALLBACK (gloss_entity_row_update),
                             self, G_CONNECT_SWAPPED);

  gloss_entity_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
