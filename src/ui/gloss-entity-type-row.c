/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-entity-type-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-entity-type-row.h"

/* Ctrl+1 to Ctrl+9 tag with the first nine types. */
#define N_TYPE_KEYS 9

/**
 * GlossEntityTypeRow:
 *
 * One entity type in the preferences: its key, its name (edited in the
 * row), its colour, and buttons to move it up or down and to remove it.
 *
 * Edits go straight to the #GlossLabel; the buttons activate the
 * `types.move-up`, `types.move-down` and `types.remove` actions with the
 * type's id, which the preferences window provides.
 */
struct _GlossEntityTypeRow
{
  AdwEntryRow       parent_instance;

  GlossLabel       *label;
  guint             position;
  guint             n_types;

  GtkShortcutLabel *key_label;
  GtkColorButton   *color_button;
  GtkButton        *move_up_button;
  GtkButton        *move_down_button;
  GtkButton        *remove_button;
};

G_DEFINE_FINAL_TYPE (GlossEntityTypeRow, gloss_entity_type_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_POSITION,
  PROP_N_TYPES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_accessible_label (gpointer    widget,
                      const char *format,
                      const char *name)
{
  g_autofree char *text = g_strdup_printf (format, name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* Icon buttons say which type they act on, for people who cannot see the
 * row they sit in. */
static void
gloss_entity_type_row_update_accessible_labels (GlossEntityTypeRow *self)
{
  const char *name = gloss_label_get_display_name (self->label);
  g_autofree char *title = g_strdup_printf (_("Color of “%s”"), name);

  gtk_color_button_set_title (self->color_button, title);
  set_accessible_label (self->color_button, _("Color of “%s”"), name);
  set_accessible_label (self->move_up_button, _("Move “%s” Up"), name);
  set_accessible_label (self->move_down_button, _("Move “%s” Down"), name);
  set_accessible_label (self->remove_button, _("Remove “%s”"), name);
}

static void
gloss_entity_type_row_changed_cb (GlossEntityTypeRow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));

  /* An empty name is not stored: the type keeps its last name until the
   * user types a new one. */
  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  if (g_strcmp0 (name, gloss_label_get_display_name (self->label)) == 0)
    return;

  gloss_label_set_name (self->label, name);
  gloss_entity_type_row_update_accessible_labels (self);
}

static void
gloss_entity_type_row_color_cb (GlossEntityTypeRow *self)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (CLAMP (rgba.red, 0., 1.) * 255. + .5),
                           (guint) (CLAMP (rgba.green, 0., 1.) * 255. + .5),
                           (guint) (CLAMP (rgba.blue, 0., 1.) * 255. + .5));
  gloss_label_set_color (self->label, color);
}

static void
gloss_entity_type_row_activate_action (GlossEntityTypeRow *self,
                                       const char         *action)
{
  gtk_widget_activate_action (GTK_WIDGET (self), action, "s", gloss_label_get_id (self->label));
}

static void
gloss_entity_type_row_move_up_clicked_cb (GlossEntityTypeRow *self)
{
  gloss_entity_type_row_activate_action (self, "types.move-up");
}

static void
gloss_entity_type_row_move_down_clicked_cb (GlossEntityTypeRow *self)
{
  gloss_entity_type_row_activate_action (self, "types.move-down");
}

static void
gloss_entity_type_row_remove_clicked_cb (GlossEntityTypeRow *self)
{
  gloss_entity_type_row_activate_action (self, "types.remove");
}

static void
gloss_entity_type_row_show_label (GlossEntityTypeRow *self)
{
  g_autofree char *accelerator = NULL;
  GdkRGBA rgba;

  if (self->position < N_TYPE_KEYS)
    accelerator = g_strdup_printf ("<Control>%u", self->position + 1);
  gtk_shortcut_label_set_accelerator (self->key_label, accelerator);

  gtk_editable_set_text (GTK_EDITABLE (self), gloss_label_get_display_name (self->label));
  if (gdk_rgba_parse (&rgba, gloss_label_get_color (self->label)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);

  gtk_widget_set_sensitive (GTK_WIDGET (self->move_up_button), self->position > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_down_button), self->position + 1 < self->n_types);
  gloss_entity_type_row_update_accessible_labels (self);
}

static void
gloss_entity_type_row_constructed (GObject *object)
{
  GlossEntityTypeRow *self = GLOSS_ENTITY_TYPE_ROW (object);

  G_OBJECT_CLASS (gloss_entity_type_row_parent_class)->constructed (object);

  g_assert (GLOSS_IS_LABEL (self->label));
  gloss_entity_type_row_show_label (self);

  /* Connected only now, so that showing the label writes nothing back. */
  g_signal_connect (self, "changed", G_CALLBACK (gloss_entity_type_row_changed_cb), NULL);
  g_signal_connect_swapped (self->color_button, "notify::rgba",
                            G_CALLBACK (gloss_entity_type_row_color_cb), self);
}

static void
gloss_entity_type_row_dispose (GObject *object)
{
  GlossEntityTypeRow *self = GLOSS_ENTITY_TYPE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ENTITY_TYPE_ROW);
  g_clear_object (&self->label);

  G_OBJECT_CLASS (gloss_entity_type_row_parent_class)->dispose (object);
}

static void
gloss_entity_type_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossEntityTypeRow *self = GLOSS_ENTITY_TYPE_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_object (value, self->label);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_N_TYPES:
      g_value_set_uint (value, self->n_types);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_type_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossEntityTypeRow *self = GLOSS_ENTITY_TYPE_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      self->label = g_value_dup_object (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;
    case PROP_N_TYPES:
      self->n_types = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_type_row_class_init (GlossEntityTypeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_entity_type_row_constructed;
  object_class->dispose = gloss_entity_type_row_dispose;
  object_class->get_property = gloss_entity_type_row_get_property;
  object_class->set_property = gloss_entity_type_row_set_property;

  properties[PROP_LABEL] =
    g_param_spec_object ("label", NULL, NULL, GLOSS_TYPE_LABEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TYPES] =
    g_param_spec_uint ("n-types", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/glossapp/Gloss/gloss-entity-type-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossEntityTypeRow, key_label);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityTypeRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityTypeRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityTypeRow, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityTypeRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, gloss_entity_type_row_move_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_entity_type_row_move_down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_entity_type_row_remove_clicked_cb);
}

static void
gloss_entity_type_row_init (GlossEntityTypeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gloss_entity_type_row_new:
 * @label: the entity type the row edits
 * @position: its place in the list, from 0
 * @n_types: how many types the list has
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
gloss_entity_type_row_new (GlossLabel *label,
                           guint       position,
                           guint       n_types)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (label), NULL);

  return g_object_new (GLOSS_TYPE_ENTITY_TYPE_ROW,
                       "label", label,
                       "position", position,
                       "n-types", n_types,
                       NULL);
}

/**
 * gloss_entity_type_row_get_label:
 *
 * Returns: (transfer none): the entity type the row edits
 */
GlossLabel *
gloss_entity_type_row_get_label (GlossEntityTypeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_TYPE_ROW (self), NULL);

  return self->label;
}

/**
 * gloss_entity_type_row_get_key_widget:
 *
 * Returns: (transfer none): the widget showing the type's key, for a size
 *   group that lines up the names of all rows
 */
GtkWidget *
gloss_entity_type_row_get_key_widget (GlossEntityTypeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_TYPE_ROW (self), NULL);

  return GTK_WIDGET (self->key_label);
}

/**
 * gloss_entity_type_row_focus_move_button:
 * @up: whether the type was moved up
 *
 * Gives the keyboard focus back to the button that moved the type, so
 * that pressing it again moves it further; at the end of the list, to the
 * button that moves it the other way.
 */
void
gloss_entity_type_row_focus_move_button (GlossEntityTypeRow *self,
                                         gboolean            up)
{
  GtkWidget *wanted;
  GtkWidget *other;

  g_return_if_fail (GLOSS_IS_ENTITY_TYPE_ROW (self));

  wanted = GTK_WIDGET (up ? self->move_up_button : self->move_down_button);
  other = GTK_WIDGET (up ? self->move_down_button : self->move_up_button);

  if (!gtk_widget_get_sensitive (wanted) || !gtk_widget_grab_focus (wanted))
    gtk_widget_grab_focus (other);
}
