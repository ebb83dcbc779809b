/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "gloss-help-overlay.h"
#include "gloss-window.h"

/* A window with keys bound the way GlossWindow binds its own. */
#define TEST_TYPE_KEYED_WINDOW (test_keyed_window_get_type ())
G_DECLARE_FINAL_TYPE (TestKeyedWindow, test_keyed_window, TEST, KEYED_WINDOW, GtkWindow)

struct _TestKeyedWindow
{
  GtkWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (TestKeyedWindow, test_keyed_window, GTK_TYPE_WINDOW)

static void
test_keyed_window_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
}

static void
test_keyed_window_class_init (TestKeyedWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "test.open", NULL, test_keyed_window_action);
  gtk_widget_class_install_action (widget_class, "test.tag", "u", test_keyed_window_action);
  gtk_widget_class_install_action (widget_class, "test.undo", NULL, test_keyed_window_action);
  gtk_widget_class_install_action (widget_class, "test.unbound", NULL, test_keyed_window_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "test.open", NULL);
  for (guint i = 1; i <= 4; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "test.tag", "u", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "test.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, GDK_ALT_MASK,
                                       "test.undo", NULL);
}

static void
test_keyed_window_init (TestKeyedWindow *self)
{
}

static const char overlay_ui[] =
  "<interface>"
  "  <object class='GtkShortcutsWindow' id='overlay'>"
  "    <child><object class='GtkShortcutsSection'>"
  "      <child><object class='GtkShortcutsGroup'>"
  "        <child><object class='GtkShortcutsShortcut' id='open'>"
  "          <property name='title'>Open</property>"
  "          <property name='action-name'>test.open</property>"
  "        </object></child>"
  "        <child><object class='GtkShortcutsShortcut' id='tag'>"
  "          <property name='title'>Tag</property>"
  "          <property name='action-name'>test.tag</property>"
  "        </object></child>"
  "        <child><object class='GtkShortcutsShortcut' id='tag-2'>"
  "          <property name='title'>Tag with the second type</property>"
  "          <property name='action-name'>test.tag(uint32 2)</property>"
  "        </object></child>"
  "        <child><object class='GtkShortcutsShortcut' id='undo'>"
  "          <property name='title'>Undo</property>"
  "          <property name='action-name'>test.undo</property>"
  "        </object></child>"
  "        <child><object class='GtkShortcutsShortcut' id='unbound'>"
  "          <property name='title'>No key</property>"
  "          <property name='action-name'>test.unbound</property>"
  "        </object></child>"
  "        <child><object class='GtkShortcutsShortcut' id='escape'>"
  "          <property name='title'>Close the search</property>"
  "          <property name='accelerator'>Escape</property>"
  "        </object></child>"
  "      </object></child>"
  "    </object></child>"
  "  </object>"
  "</interface>";

static char *
shown_accelerator (GtkBuilder *builder,
                   const char *id)
{
  GObject *shortcut = gtk_builder_get_object (builder, id);
  char *accelerator = NULL;

  g_assert_nonnull (shortcut);
  g_object_get (shortcut, "accelerator", &accelerator, NULL);

  return accelerator;
}

static void
assert_shown (GtkBuilder *builder,
              const char *id,
              const char *expected)
{
  g_autofree char *accelerator = shown_accelerator (builder, id);

  g_assert_cmpstr (accelerator, ==, expected);
}

static void
test_lists_bindings (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (overlay_ui, -1);
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "overlay"));
  GtkWidget *window = g_object_new (TEST_TYPE_KEYED_WINDOW, NULL);

  gloss_help_overlay_list_bindings (GTK_SHORTCUTS_WINDOW (overlay), window);

  assert_shown (builder, "open", "<Control>o");
  assert_shown (builder, "tag", "<Control>1...<Control>4");
  assert_shown (builder, "tag-2", "<Control>2");
  assert_shown (builder, "undo", "<Control>z <Alt>BackSpace");
  assert_shown (builder, "unbound", NULL);
  assert_shown (builder, "escape", "Escape");

  gtk_window_destroy (overlay);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each action the window binds a key to, and whether the overlay lists it. */
static void
collect_window_actions (GtkWidget  *window,
                        GHashTable *actions)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action))
            g_hash_table_insert (actions,
                                 g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))),
                                 GINT_TO_POINTER (FALSE));
        }
    }
}

static void
check_overlay_shortcut (GtkWidget  *widget,
                        GHashTable *window_actions)
{
  g_autofree char *action = NULL;
  g_autofree char *accelerator = NULL;
  g_autofree char *title = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        check_overlay_shortcut (child, window_actions);
      return;
    }

  g_object_get (widget, "action-name", &action, "accelerator", &accelerator, "title", &title, NULL);
  if (action != NULL && g_hash_table_contains (window_actions, action))
    g_hash_table_insert (window_actions, g_strdup (action), GINT_TO_POINTER (TRUE));

  /* Keys of the application (app.*, window.close, the overlay itself) come
   * from GTK; those of the window are checked here. */
  if (action != NULL && g_str_has_prefix (action, "win.") &&
      !g_str_equal (action, "win.show-help-overlay") &&
      (accelerator == NULL || *accelerator == '\0'))
    g_error ("The shortcuts window lists “%s” (%s), but the window binds no key to it", title, action);
}

static void
test_every_window_key_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/glossapp/Gloss/gtk/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  GlossWindow *window = gloss_window_new (NULL);
  g_autoptr(GHashTable) window_actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer action, listed;

  g_assert_nonnull (overlay);
  gloss_help_overlay_list_bindings (GTK_SHORTCUTS_WINDOW (overlay), GTK_WIDGET (window));

  collect_window_actions (GTK_WIDGET (window), window_actions);
  g_assert_true (g_hash_table_contains (window_actions, "win.open"));
  check_overlay_shortcut (GTK_WIDGET (overlay), window_actions);

  g_hash_table_iter_init (&iter, window_actions);
  while (g_hash_table_iter_next (&iter, &action, &listed))
    if (g_str_has_prefix (action, "win.") && !GPOINTER_TO_INT (listed))
      g_error ("The window binds a key to “%s”, but the shortcuts window does not list it",
               (const char *) action);

  gtk_window_destroy (overlay);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gloss/ui/help-overlay/lists-bindings", test_lists_bindings);
  g_test_add_func ("/gloss/ui/help-overlay/every-window-key-listed", test_every_window_key_listed);

  return g_test_run ();
}
