/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-preferences-window.h"
#include "gloss-entity-type-row.h"

/**
 * GlossPreferencesWindow:
 *
 * The preferences: the author name recorded on annotations, and the entity
 * types offered for new articles (key order, name, colour). Every change is
 * written to the settings at once.
 */
struct _GlossPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GlossLabelSet        *types;
  /* The value of entity-types this window wrote last: its own change
   * notification must not rebuild the rows under the user's cursor. */
  GVariant             *written;

  /* What the list shows: the types, then add_item for the "Add Type" row. */
  GListStore           *rows;
  GObject              *add_item;
  GtkWidget            *add_row;
  /* Keeps the names lined up whether a row shows a key or "No key". */
  GtkSizeGroup         *key_size_group;

  /* What Undo brings back: the last removed type and its place, or the
   * types from before Reset. Only the newest toast offers Undo. */
  GlossLabel           *removed;
  guint                 removed_position;
  GVariant             *before_reset;
  AdwToast             *undo_toast;

  AdwPreferencesGroup  *author_group;
  AdwEntryRow          *author_row;
  GtkListBox           *types_list;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FALLBACK_COLOR "#77767b"

/* Colours for new types, from the GNOME palette like the defaults. */
static const char * const palette[] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#e01b24", "#c88800", "#77767b",
  "#1c71d8", "#c64600", "#26a269", "#813d9c", "#c01c28", "#e5a50a", "#5e5c64",
};

static const char *
default_author_name (void)
{
  const char *real_name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    return g_get_user_name ();

  return real_name;
}

/**
 * gloss_preferences_dup_author_name:
 * @settings: settings of the org.glossapp.Gloss schema
 *
 * Returns: (transfer full): the name to record as author and reviewer:
 *   the `author-name` setting, or the user's real name when it is empty
 */
char *
gloss_preferences_dup_author_name (GSettings *settings)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  name = g_strstrip (g_settings_get_string (settings, "author-name"));
  if (*name == '\0')
    return g_strdup (default_author_name ());

  return g_steal_pointer (&name);
}

/**
 * gloss_preferences_dup_entity_types:
 * @settings: settings of the org.glossapp.Gloss schema
 *
 * Reads the `entity-types` setting. Entries without an id, or repeating an
 * earlier id, are left out; an invalid colour is replaced by grey.
 *
 * Returns: (transfer full): the entity types for new articles, in key order
 */
GlossLabelSet *
gloss_preferences_dup_entity_types (GSettings *settings)
{
  g_autoptr(GVariant) value = NULL;
  GlossLabelSet *types;
  const char *id, *name, *color;
  GVariantIter iter;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  value = g_settings_get_value (settings, "entity-types");
  types = gloss_label_set_new ();

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &id, &name, &color))
    {
      g_autoptr(GlossLabel) label = NULL;

      if (*id == '\0')
        continue;

      label = gloss_label_new (id, *name != '\0' ? name : id,
                               gloss_label_color_is_valid (color) ? color : FALLBACK_COLOR);
      gloss_label_set_append (types, label);
    }

  return types;
}

static GVariant *
types_to_variant (GlossLabelSet *types)
{
  GVariantBuilder builder;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (types));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sss)"));
  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (types, i);

      g_variant_builder_add (&builder, "(sss)",
                             gloss_label_get_id (label),
                             gloss_label_get_name (label) != NULL ? gloss_label_get_name (label) : "",
                             gloss_label_get_color (label) != NULL ? gloss_label_get_color (label) : "");
    }

  return g_variant_builder_end (&builder);
}

/**
 * gloss_preferences_set_entity_types:
 * @settings: settings of the org.glossapp.Gloss schema
 * @types: the entity types for new articles, in key order
 *
 * Writes @types to the `entity-types` setting.
 */
void
gloss_preferences_set_entity_types (GSettings     *settings,
                                    GlossLabelSet *types)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (GLOSS_IS_LABEL_SET (types));

  g_settings_set_value (settings, "entity-types", types_to_variant (types));
}

/* Reset only does something while the types differ from the defaults. */
static void
gloss_preferences_window_update_reset (GlossPreferencesWindow *self)
{
  g_autoptr(GVariant) user_value = g_settings_get_user_value (self->settings, "entity-types");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "types.reset", user_value != NULL);
}

static void
gloss_preferences_window_write_types (GlossPreferencesWindow *self)
{
  g_clear_pointer (&self->written, g_variant_unref);
  self->written = g_variant_ref_sink (types_to_variant (self->types));
  g_settings_set_value (self->settings, "entity-types", self->written);
  gloss_preferences_window_update_reset (self);
}

/* Every row is made again, so that keys and the move buttons of all rows
 * match their new places. */
static void
gloss_preferences_window_rebuild (GlossPreferencesWindow *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->types));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->types), i));
  g_ptr_array_add (items, g_object_ref (self->add_item));

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
}

static GtkWidget *
gloss_preferences_window_create_row (gpointer item,
                                     gpointer user_data)
{
  GlossPreferencesWindow *self = user_data;
  guint position = 0;
  GtkWidget *row;

  if (!GLOSS_IS_LABEL (item))
    return g_object_ref (self->add_row);

  gloss_label_set_find (self->types, gloss_label_get_id (item), &position);
  row = gloss_entity_type_row_new (item, position,
                                   g_list_model_get_n_items (G_LIST_MODEL (self->types)));
  gtk_size_group_add_widget (self->key_size_group,
                             gloss_entity_type_row_get_key_widget (GLOSS_ENTITY_TYPE_ROW (row)));

  return row;
}

static GlossEntityTypeRow *
gloss_preferences_window_find_row (GlossPreferencesWindow *self,
                                   const char             *id)
{
  guint position;

  if (!gloss_label_set_find (self->types, id, &position))
    return NULL;

  return GLOSS_ENTITY_TYPE_ROW (gtk_list_box_get_row_at_index (self->types_list, position));
}

static void
gloss_preferences_window_track (GlossPreferencesWindow *self,
                                GlossLabel             *label)
{
  g_signal_connect_object (label, "notify",
                           G_CALLBACK (gloss_preferences_window_write_types),
                           self, G_CONNECT_SWAPPED);
}

static void
gloss_preferences_window_load_types (GlossPreferencesWindow *self)
{
  guint n;

  g_set_object (&self->types, NULL);
  self->types = gloss_preferences_dup_entity_types (self->settings);
  g_clear_object (&self->removed);
  gloss_preferences_window_update_reset (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->types));
  for (guint i = 0; i < n; i++)
    gloss_preferences_window_track (self, gloss_label_set_get_label (self->types, i));

  gloss_preferences_window_rebuild (self);
}

static void
gloss_preferences_window_types_changed_cb (GlossPreferencesWindow *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "entity-types");

  if (self->written != NULL && g_variant_equal (value, self->written))
    return;

  gloss_preferences_window_load_types (self);
}

static const char *
gloss_preferences_window_pick_color (GlossPreferencesWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->types));

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < n && !used; j++)
        used = g_ascii_strcasecmp (palette[i],
                                   gloss_label_get_color (gloss_label_set_get_label (self->types, j))) == 0;
      if (!used)
        return palette[i];
    }

  return palette[n % G_N_ELEMENTS (palette)];
}

static void
gloss_preferences_window_add_type (GlossPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  g_autofree char *id = NULL;
  g_autoptr(GlossLabel) label = NULL;

  if (*name == '\0')
    return;

  id = gloss_label_set_make_id (self->types, name);
  label = gloss_label_new (id, name, gloss_preferences_window_pick_color (self));
  gloss_label_set_append (self->types, label);
  gloss_preferences_window_track (self, label);
  gloss_preferences_window_write_types (self);

  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gloss_preferences_window_rebuild (self);
  gtk_widget_grab_focus (self->add_row);
}

static void
gloss_preferences_window_move_type (GlossPreferencesWindow *self,
                                    const char             *id,
                                    gboolean                up)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->types));
  GlossEntityTypeRow *row;
  guint position;

  if (!gloss_label_set_find (self->types, id, &position) ||
      (up && position == 0) || (!up && position + 1 >= n))
    return;

  gloss_label_set_move (self->types, position, up ? position - 1 : position + 1);
  gloss_preferences_window_write_types (self);
  gloss_preferences_window_rebuild (self);

  row = gloss_preferences_window_find_row (self, id);
  if (row != NULL)
    gloss_entity_type_row_focus_move_button (row, up);
}

static void
gloss_preferences_window_move_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  gloss_preferences_window_move_type (GLOSS_PREFERENCES_WINDOW (widget),
                                      g_variant_get_string (parameter, NULL),
                                      g_str_equal (action_name, "types.move-up"));
}

/* After a removal the focus goes to the row that took the removed one's
 * place, or to "Add Type" at the end of the list. */
static void
gloss_preferences_window_focus_position (GlossPreferencesWindow *self,
                                         guint                   position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->types_list, position);

  gtk_widget_grab_focus (row != NULL ? GTK_WIDGET (row) : self->add_row);
}

static void
gloss_preferences_window_offer_undo (GlossPreferencesWindow *self,
                                     const char             *title,
                                     const char             *action)
{
  AdwToast *toast = adw_toast_new (title);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
gloss_preferences_window_remove_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;
  guint position;

  if (!gloss_label_set_find (self->types, id, &position))
    return;

  g_set_object (&self->removed, gloss_label_set_get_label (self->types, position));
  self->removed_position = position;
  gloss_label_set_remove (self->types, id);
  gloss_preferences_window_write_types (self);
  gloss_preferences_window_rebuild (self);
  gloss_preferences_window_focus_position (self, position);

  title = g_strdup_printf (_("“%s” removed"), gloss_label_get_display_name (self->removed));
  gloss_preferences_window_offer_undo (self, title, "types.undo-remove");
}

static void
gloss_preferences_window_undo_remove_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (widget);
  g_autoptr(GlossLabel) label = g_steal_pointer (&self->removed);

  if (label == NULL || !gloss_label_set_insert (self->types, self->removed_position, label))
    return;

  gloss_preferences_window_write_types (self);
  gloss_preferences_window_rebuild (self);
  gloss_preferences_window_focus_position (self, self->removed_position);
}

static void
gloss_preferences_window_reset_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (widget);

  g_clear_pointer (&self->before_reset, g_variant_unref);
  self->before_reset = g_settings_get_value (self->settings, "entity-types");
  g_settings_reset (self->settings, "entity-types");
  /* Whether the change notification came already or not, show the
   * defaults now. */
  gloss_preferences_window_load_types (self);

  gloss_preferences_window_offer_undo (self, _("Default types restored"), "types.undo-reset");
}

static void
gloss_preferences_window_undo_reset_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (widget);
  g_autoptr(GVariant) before = g_steal_pointer (&self->before_reset);

  if (before == NULL)
    return;

  g_settings_set_value (self->settings, "entity-types", before);
  gloss_preferences_window_load_types (self);
}

static void
gloss_preferences_window_setup_add_row (GlossPreferencesWindow *self)
{
  AdwEntryRow *row;

  self->add_row = g_object_ref_sink (adw_entry_row_new ());
  row = ADW_ENTRY_ROW (self->add_row);
  gtk_widget_set_name (self->add_row, "add-type");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add Type"));
  adw_entry_row_set_show_apply_button (row, TRUE);
  adw_entry_row_add_prefix (row, gtk_image_new_from_icon_name ("list-add-symbolic"));

  /* Enter emits "apply" once the text was edited, "entry-activated" otherwise. */
  g_signal_connect_object (row, "apply", G_CALLBACK (gloss_preferences_window_add_type),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (gloss_preferences_window_add_type),
                           self, G_CONNECT_SWAPPED);
}

static void
gloss_preferences_window_setup_author (GlossPreferencesWindow *self)
{
  g_autofree char *description = NULL;

  g_settings_bind (self->settings, "author-name", self->author_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  description = g_strdup_printf (_("Recorded on new annotations and as the reviewer of claims. "
                                   "Leave it empty to use “%s”, the name of your account."),
                                 default_author_name ());
  adw_preferences_group_set_description (self->author_group, description);
}

static void
gloss_preferences_window_constructed (GObject *object)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  gloss_preferences_window_setup_author (self);
  g_signal_connect_object (self->settings, "changed::entity-types",
                           G_CALLBACK (gloss_preferences_window_types_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gloss_preferences_window_load_types (self);
}

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->add_row);
  g_clear_object (&self->add_item);
  g_clear_object (&self->key_size_group);
  g_clear_object (&self->rows);
  g_clear_object (&self->types);
  g_clear_object (&self->removed);
  g_clear_pointer (&self->before_reset, g_variant_unref);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->written, g_variant_unref);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_preferences_window_constructed;
  object_class->dispose = gloss_preferences_window_dispose;
  object_class->get_property = gloss_preferences_window_get_property;
  object_class->set_property = gloss_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/glossapp/Gloss/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, author_group);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, types_list);

  gtk_widget_class_install_action (widget_class, "types.move-up", "s",
                                   gloss_preferences_window_move_action);
  gtk_widget_class_install_action (widget_class, "types.move-down", "s",
                                   gloss_preferences_window_move_action);
  gtk_widget_class_install_action (widget_class, "types.remove", "s",
                                   gloss_preferences_window_remove_action);
  gtk_widget_class_install_action (widget_class, "types.undo-remove", NULL,
                                   gloss_preferences_window_undo_remove_action);
  gtk_widget_class_install_action (widget_class, "types.reset", NULL,
                                   gloss_preferences_window_reset_action);
  gtk_widget_class_install_action (widget_class, "types.undo-reset", NULL,
                                   gloss_preferences_window_undo_reset_action);

  g_type_ensure (GLOSS_TYPE_ENTITY_TYPE_ROW);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->add_item = g_object_new (G_TYPE_OBJECT, NULL);
  self->key_size_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gloss_preferences_window_setup_add_row (self);
  gtk_list_box_bind_model (self->types_list, G_LIST_MODEL (self->rows),
                           gloss_preferences_window_create_row, self, NULL);
}

/**
 * gloss_preferences_window_new:
 * @settings: settings of the org.glossapp.Gloss schema
 *
 * Returns: (transfer floating): a new preferences window editing @settings
 */
GtkWidget *
gloss_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
