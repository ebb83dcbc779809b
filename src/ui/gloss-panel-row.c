/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-panel-row"

#include "config.h"

#include "gloss-panel-row.h"

/**
 * GlossPanelRow:
 *
 * The base of the side panel's rows: a widget showing one list item,
 * kept up to date as the item changes. A #GlossPanelPage reads the item
 * of the row a click or the menu key is about.
 *
 * Subclasses build their content from a template and implement
 * #GlossPanelRowClass.update.
 */
typedef struct
{
  GObject *item;
} GlossPanelRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GlossPanelRow, gloss_panel_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_panel_row_update (GlossPanelRow *self)
{
  GlossPanelRowClass *klass = GLOSS_PANEL_ROW_GET_CLASS (self);

  if (klass->update != NULL)
    klass->update (self);
}

static void
gloss_panel_row_dispose (GObject *object)
{
  GlossPanelRow *self = GLOSS_PANEL_ROW (object);
  GlossPanelRowPrivate *priv = gloss_panel_row_get_instance_private (self);
  GtkWidget *child;

  if (priv->item != NULL)
    g_signal_handlers_disconnect_by_data (priv->item, self);
  g_clear_object (&priv->item);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_panel_row_parent_class)->dispose (object);
}

static void
gloss_panel_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossPanelRow *self = GLOSS_PANEL_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, gloss_panel_row_get_item (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_panel_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossPanelRow *self = GLOSS_PANEL_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gloss_panel_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_panel_row_class_init (GlossPanelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_panel_row_dispose;
  object_class->get_property = gloss_panel_row_get_property;
  object_class->set_property = gloss_panel_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_panel_row_init (GlossPanelRow *self)
{
}

/**
 * gloss_panel_row_get_item:
 *
 * Returns: (transfer none) (nullable) (type GObject): the item shown
 */
gpointer
gloss_panel_row_get_item (GlossPanelRow *self)
{
  GlossPanelRowPrivate *priv;

  g_return_val_if_fail (GLOSS_IS_PANEL_ROW (self), NULL);

  priv = gloss_panel_row_get_instance_private (self);
  return priv->item;
}

/**
 * gloss_panel_row_set_item:
 * @item: (nullable): the item to show
 */
void
gloss_panel_row_set_item (GlossPanelRow *self,
                          GObject       *item)
{
  GlossPanelRowPrivate *priv;

  g_return_if_fail (GLOSS_IS_PANEL_ROW (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  priv = gloss_panel_row_get_instance_private (self);
  if (priv->item == item)
    return;

  if (priv->item != NULL)
    g_signal_handlers_disconnect_by_data (priv->item, self);
  g_set_object (&priv->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify", G_CALLBACK (gloss_panel_row_update),
                             self, G_CONNECT_SWAPPED);

  gloss_panel_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
