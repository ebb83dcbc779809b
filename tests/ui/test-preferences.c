/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <adwaita.h>
#include <gio/gsettingsbackend.h>
#include <string.h>

#include "gloss-entity-type-row.h"
#include "gloss-preferences-window.h"

typedef struct
{
  GSettings *settings;
  GtkWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->window = GTK_WINDOW (gloss_preferences_window_new (fixture->settings));
  gtk_window_present (fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->settings);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (GLOSS_IS_ENTITY_TYPE_ROW (root))
    {
      g_ptr_array_add (rows, g_object_ref (root));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The entity type rows, top to bottom. Rows are made anew when types are
 * added, removed or moved: get them again after that. */
static GPtrArray *
get_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  collect_rows (GTK_WIDGET (fixture->window), rows);
  return rows;
}

static GtkWidget *
row_part (GtkWidget  *row,
          const char *name)
{
  GtkWidget *part = find_widget (row, GTK_TYPE_WIDGET, name);

  g_assert_nonnull (part);
  return part;
}

static const char *
row_key (GtkWidget *row)
{
  GtkWidget *key = find_widget (row, GTK_TYPE_SHORTCUT_LABEL, NULL);

  g_assert_nonnull (key);
  return gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (key));
}

/* Clicks a button of the row at @position. */
static void
click (Fixture    *fixture,
       guint       position,
       const char *name)
{
  g_autoptr(GPtrArray) rows = get_rows (fixture);

  g_assert_cmpuint (position, <, rows->len);
  g_signal_emit_by_name (row_part (rows->pdata[position], name), "clicked");
}

/* The entity-types setting as "id|name|colour" strings, joined by spaces. */
static char *
settings_types (Fixture *fixture)
{
  g_autoptr(GVariant) value = g_settings_get_value (fixture->settings, "entity-types");
  g_autoptr(GString) out = g_string_new (NULL);
  const char *id, *name, *color;
  GVariantIter iter;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &id, &name, &color))
    g_string_append_printf (out, "%s%s|%s|%s", out->len > 0 ? " " : "", id, name, color);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_types (Fixture    *fixture,
              const char *expected)
{
  g_autofree char *types = settings_types (fixture);

  g_assert_cmpstr (types, ==, expected);
}

#define DEFAULT_TYPES \
  "person|Person|#3584e4 organization|Organization|#e66100 place|Place|#2ec27e " \
  "date|Date|#9141ac event|Event|#e01b24 quantity|Quantity|#c88800 other|Other|#77767b"

static void
test_author (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *row = find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_ENTRY_ROW, "author");
  GtkWidget *group = find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_PREFERENCES_GROUP, NULL);
  g_autofree char *author = NULL;
  g_autofree char *fallback = NULL;

  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* Empty means the account's name, and the window says which. */
  fallback = gloss_preferences_dup_author_name (fixture->settings);
  g_assert_cmpstr (fallback, !=, "");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            fallback));

  gtk_editable_set_text (GTK_EDITABLE (row), "Ada Lovelace");
  author = g_settings_get_string (fixture->settings, "author-name");
  g_assert_cmpstr (author, ==, "Ada Lovelace");
  g_clear_pointer (&author, g_free);

  g_settings_set_string (fixture->settings, "author-name", "  Grace Hopper ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "  Grace Hopper ");
  author = gloss_preferences_dup_author_name (fixture->settings);
  g_assert_cmpstr (author, ==, "Grace Hopper");
}

static void
test_rows_show_types (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = get_rows (fixture);
  g_autoptr(GPtrArray) ten = NULL;
  GVariantBuilder builder;
  GdkRGBA rgba;

  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[0]), ==, "Person");
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[6]), ==, "Other");
  g_assert_cmpstr (row_key (rows->pdata[0]), ==, "<Control>1");
  g_assert_cmpstr (row_key (rows->pdata[6]), ==, "<Control>7");

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (row_part (rows->pdata[2], "color")), &rgba);
  g_assert_cmpfloat_with_epsilon (rgba.red, 0x2e / 255., 1e-6);
  g_assert_cmpfloat_with_epsilon (rgba.green, 0xc2 / 255., 1e-6);
  g_assert_cmpfloat_with_epsilon (rgba.blue, 0x7e / 255., 1e-6);

  g_assert_false (gtk_widget_get_sensitive (row_part (rows->pdata[0], "move-up")));
  g_assert_true (gtk_widget_get_sensitive (row_part (rows->pdata[0], "move-down")));
  g_assert_true (gtk_widget_get_sensitive (row_part (rows->pdata[6], "move-up")));
  g_assert_false (gtk_widget_get_sensitive (row_part (rows->pdata[6], "move-down")));

  /* Only the first nine types have a key. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sss)"));
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);

      g_variant_builder_add (&builder, "(sss)", id, id, "#123456");
    }
  g_settings_set_value (fixture->settings, "entity-types", g_variant_builder_end (&builder));

  ten = get_rows (fixture);
  g_assert_cmpuint (ten->len, ==, 10);
  g_assert_cmpstr (row_key (ten->pdata[8]), ==, "<Control>9");
  g_assert_null (row_key (ten->pdata[9]));
}

static void
test_rename_and_recolor (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = get_rows (fixture);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *place = rows->pdata[2];
  GdkRGBA rgba;

  gtk_editable_set_text (GTK_EDITABLE (place), "Location");
  g_assert_true (gdk_rgba_parse (&rgba, "#112233"));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (row_part (place, "color")), &rgba);

  assert_types (fixture,
                "person|Person|#3584e4 organization|Organization|#e66100 place|Location|#112233 "
                "date|Date|#9141ac event|Event|#e01b24 quantity|Quantity|#c88800 other|Other|#77767b");

  /* Writing the setting did not rebuild the row being typed in. */
  after = get_rows (fixture);
  g_assert_true (after->pdata[2] == place);

  /* An emptied name is not stored, and the row shows the problem. */
  gtk_editable_set_text (GTK_EDITABLE (place), "  ");
  g_assert_true (gtk_widget_has_css_class (place, "error"));
  assert_types (fixture,
                "person|Person|#3584e4 organization|Organization|#e66100 place|Location|#112233 "
                "date|Date|#9141ac event|Event|#e01b24 quantity|Quantity|#c88800 other|Other|#77767b");
  gtk_editable_set_text (GTK_EDITABLE (place), "Site");
  g_assert_false (gtk_widget_has_css_class (place, "error"));
  assert_types (fixture,
                "person|Person|#3584e4 organization|Organization|#e66100 place|Site|#112233 "
                "date|Date|#9141ac event|Event|#e01b24 quantity|Quantity|#c88800 other|Other|#77767b");
}

static void
add_type (Fixture    *fixture,
          const char *name)
{
  GtkWidget *add_row = find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_ENTRY_ROW, "add-type");

  g_assert_nonnull (add_row);

  /* What pressing Enter in the row's text does. */
  gtk_editable_set_text (GTK_EDITABLE (add_row), name);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (add_row)), "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
}

static void
test_add_and_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GlossLabelSet) types = NULL;
  GlossLabel *weapon;

  add_type (fixture, "  Weapon ");
  add_type (fixture, "");
  add_type (fixture, "Weapon");

  types = gloss_preferences_dup_entity_types (fixture->settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (types)), ==, 9);
  weapon = gloss_label_set_get_label (types, 7);
  g_assert_cmpstr (gloss_label_get_id (weapon), ==, "weapon");
  g_assert_cmpstr (gloss_label_get_name (weapon), ==, "Weapon");
  g_assert_cmpstr (gloss_label_get_id (gloss_label_set_get_label (types, 8)), ==, "weapon-2");

  /* A new type gets a colour no other type has. */
  g_assert_true (gloss_label_color_is_valid (gloss_label_get_color (weapon)));
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (gloss_label_get_color (gloss_label_set_get_label (types, i)), !=,
                     gloss_label_get_color (weapon));

  rows = get_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[7]), ==, "Weapon");
  g_assert_cmpstr (row_key (rows->pdata[7]), ==, "<Control>8");

  click (fixture, 8, "remove");
  click (fixture, 7, "remove");
  click (fixture, 2, "remove");
  assert_types (fixture,
                "person|Person|#3584e4 organization|Organization|#e66100 "
                "date|Date|#9141ac event|Event|#e01b24 quantity|Quantity|#c88800 other|Other|#77767b");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = get_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[2]), ==, "Date");
  g_assert_cmpstr (row_key (rows->pdata[2]), ==, "<Control>3");

  /* The toast's Undo puts the last removed type back in its place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "types.undo-remove", NULL));
  assert_types (fixture, DEFAULT_TYPES);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) moved = NULL;
  GtkWidget *focus;

  click (fixture, 0, "move-down");
  assert_types (fixture,
                "organization|Organization|#e66100 person|Person|#3584e4 place|Place|#2ec27e "
                "date|Date|#9141ac event|Event|#e01b24 quantity|Quantity|#c88800 other|Other|#77767b");

  moved = get_rows (fixture);
  g_assert_cmpstr (gtk_editable_get_text (moved->pdata[0]), ==, "Organization");
  g_assert_cmpstr (row_key (moved->pdata[0]), ==, "<Control>1");
  g_assert_cmpstr (gtk_editable_get_text (moved->pdata[1]), ==, "Person");
  g_assert_cmpstr (row_key (moved->pdata[1]), ==, "<Control>2");
  g_assert_false (gtk_widget_get_sensitive (row_part (moved->pdata[0], "move-up")));

  /* The keyboard focus stays on the button, ready to move it again. */
  focus = gtk_window_get_focus (fixture->window);
  g_assert_true (focus == row_part (moved->pdata[1], "move-down"));

  click (fixture, 1, "move-up");
  assert_types (fixture, DEFAULT_TYPES);

  /* Nothing moves past the ends. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "types.move-up", "s", "person"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "types.move-down", "s", "other"));
  assert_types (fixture, DEFAULT_TYPES);
}

static void
test_settings_changed_elsewhere (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) reset = NULL;
  g_autoptr(GlossLabelSet) types = NULL;
  GtkWidget *reset_button = find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "reset");
  GVariantBuilder builder;

  /* With the default types there is nothing to reset. */
  g_assert_nonnull (reset_button);
  g_assert_false (gtk_widget_is_sensitive (reset_button));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sss)"));
  g_variant_builder_add (&builder, "(sss)", "claim-source", "Source", "#000000");
  g_variant_builder_add (&builder, "(sss)", "weapon", "Weapon", "red");
  g_variant_builder_add (&builder, "(sss)", "claim-source", "Again", "#ffffff");
  g_variant_builder_add (&builder, "(sss)", "", "Nameless", "#123456");
  g_settings_set_value (fixture->settings, "entity-types", g_variant_builder_end (&builder));

  /* Repeated and empty ids are left out, a broken colour becomes grey. */
  types = gloss_preferences_dup_entity_types (fixture->settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (types)), ==, 2);
  g_assert_cmpstr (gloss_label_get_color (gloss_label_set_get_label (types, 1)), ==, "#77767b");

  rows = get_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[0]), ==, "Source");
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[1]), ==, "Weapon");

  g_assert_true (gtk_widget_is_sensitive (reset_button));
  g_signal_emit_by_name (reset_button, "clicked");
  assert_types (fixture, DEFAULT_TYPES);
  reset = get_rows (fixture);
  g_assert_cmpuint (reset->len, ==, 7);
  g_assert_false (gtk_widget_is_sensitive (reset_button));

  /* The toast's Undo brings the types from before Reset back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "types.undo-reset", NULL));
  assert_types (fixture, "claim-source|Source|#000000 weapon|Weapon|red "
                "claim-source|Again|#ffffff |Nameless|#123456");
  g_clear_pointer (&reset, g_ptr_array_unref);
  reset = get_rows (fixture);
  g_assert_cmpuint (reset->len, ==, 2);
  g_settings_reset (fixture->settings, "entity-types");

  /* Writing a set back gives the same setting. */
  gloss_preferences_set_entity_types (fixture->settings, types);
  assert_types (fixture, "claim-source|Source|#000000 weapon|Weapon|#77767b");
}

/* A new article without settings and one with the default settings get
 * the same entity types. */
static void
test_defaults_match_core (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GlossLabelSet) from_settings = gloss_preferences_dup_entity_types (fixture->settings);
  g_autoptr(GlossLabelSet) from_core = gloss_label_set_new_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (from_core));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from_settings)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      GlossLabel *ours = gloss_label_set_get_label (from_settings, i);
      GlossLabel *core = gloss_label_set_get_label (from_core, i);

      g_assert_cmpstr (gloss_label_get_id (ours), ==, gloss_label_get_id (core));
      g_assert_cmpstr (gloss_label_get_name (ours), ==, gloss_label_get_name (core));
      g_assert_cmpstr (gloss_label_get_color (ours), ==, gloss_label_get_color (core));
    }
}

#define ADD(path, func) \
  g_test_add ("/gloss/ui/preferences/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("author", test_author);
  ADD ("rows-show-types", test_rows_show_types);
  ADD ("rename-and-recolor", test_rename_and_recolor);
  ADD ("add-and-remove", test_add_and_remove);
  ADD ("move", test_move);
  ADD ("settings-changed-elsewhere", test_settings_changed_elsewhere);
  ADD ("defaults-match-core", test_defaults_match_core);

  return g_test_run ();
}
