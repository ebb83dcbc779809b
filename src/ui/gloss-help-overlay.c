/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-help-overlay"

#include "config.h"

#include "gloss-help-overlay.h"

/*
 * The keyboard shortcuts window (gtk/help-overlay.ui) names actions; GTK
 * fills in only the keys that the application registered for them. The
 * window's own keys are bindings of its class, so they are read from there
 * and shown in the overlay: each key is defined once, beside its action.
 */

typedef struct
{
  guint           keyval;
  GdkModifierType modifiers;
} Key;

static void
add_key (GHashTable *bindings,
         const char *action,
         const Key  *key)
{
  GArray *keys = g_hash_table_lookup (bindings, action);

  if (keys == NULL)
    {
      keys = g_array_new (FALSE, FALSE, sizeof (Key));
      g_hash_table_insert (bindings, g_strdup (action), keys);
    }

  g_array_append_vals (keys, key, 1);
}

/* A binding is found under its action's name and, when it passes an
 * argument, under the detailed name too ("win.tag-label(uint32 2)"). */
static void
add_shortcut (GHashTable  *bindings,
              GtkShortcut *shortcut)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
  GVariant *arguments = gtk_shortcut_get_arguments (shortcut);
  const char *name;
  Key key;

  if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
    return;

  name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
  key.keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
  key.modifiers = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
  add_key (bindings, name, &key);

  if (arguments != NULL)
    {
      g_autofree char *detailed = g_action_print_detailed_name (name, arguments);

      add_key (bindings, detailed, &key);
    }
}

/* Observing the controllers costs only while the list is alive: it is
 * dropped before returning. */
static GHashTable *
collect_bindings (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GHashTable *bindings = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                g_free, (GDestroyNotify) g_array_unref);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          add_shortcut (bindings, shortcut);
        }
    }

  return bindings;
}

static gboolean
keys_follow (const Key *a,
             const Key *b)
{
  return b->keyval == a->keyval + 1 && b->modifiers == a->modifiers;
}

/* Alternatives are separated by spaces; three or more keys in a row, such
 * as Ctrl+1 to Ctrl+9, are shown as a range ("<Control>1...<Control>9"). */
static char *
format_keys (GArray *keys)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint i = 0;

  while (i < keys->len)
    {
      const Key *first = &g_array_index (keys, Key, i);
      g_autofree char *first_name = gtk_accelerator_name (first->keyval, first->modifiers);
      guint last = i;

      while (last + 1 < keys->len &&
             keys_follow (&g_array_index (keys, Key, last), &g_array_index (keys, Key, last + 1)))
        last++;

      if (last - i < 2)
        last = i;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, first_name);
      if (last > i)
        {
          const Key *end = &g_array_index (keys, Key, last);
          g_autofree char *end_name = gtk_accelerator_name (end->keyval, end->modifiers);

          g_string_append_printf (out, "...%s", end_name);
        }

      i = last + 1;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
show_bindings (GtkWidget  *widget,
               GHashTable *bindings)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      GArray *keys;

      g_object_get (widget, "action-name", &action, NULL);
      keys = action != NULL ? g_hash_table_lookup (bindings, action) : NULL;
      if (keys == NULL)
        return;

      accelerator = format_keys (keys);
      g_object_set (widget, "accelerator", accelerator, NULL);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_bindings (child, bindings);
}

static void
list_bindings_now (GtkShortcutsWindow *overlay,
                   GtkWidget          *widget)
{
  g_autoptr(GHashTable) bindings = collect_bindings (widget);

  show_bindings (GTK_WIDGET (overlay), bindings);
}

/**
 * gloss_help_overlay_list_bindings:
 * @overlay: a keyboard shortcuts window
 * @widget: the widget whose class bindings it lists, usually the window
 *   the overlay belongs to
 *
 * Shows the keys that @widget's class binds to actions in each shortcut
 * of @overlay that names one of those actions. A shortcut naming an
 * action without an argument lists every key bound to it; one naming a
 * detailed action ("win.tag-label(uint32 1)") lists the keys for that
 * argument. Shortcuts naming other actions keep what they show.
 *
 * GTK puts back the application's keys whenever the keys of the overlay's
 * window change; when @widget is that window, the bindings are shown again
 * after it.
 */
void
gloss_help_overlay_list_bindings (GtkShortcutsWindow *overlay,
                                  GtkWidget          *widget)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  list_bindings_now (overlay, widget);

  if (GTK_IS_WINDOW (widget) && g_object_get_data (G_OBJECT (overlay), "gloss-lists-bindings") == NULL)
    {
      g_object_set_data (G_OBJECT (overlay), "gloss-lists-bindings", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (widget, "keys-changed", G_CALLBACK (list_bindings_now),
                               overlay, G_CONNECT_SWAPPED);
    }
}
