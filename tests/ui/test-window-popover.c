/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "gloss-article-view.h"
#include "gloss-tag-popover.h"
#include "gloss-window.h"
#include "ui-test-util.h"

/* The tag popover points at the selected text, marked, while the article moves
 * under it, and goes away when the text leaves the view. */

typedef struct
{
  UiTestWindow  base;
  GlossWindow  *window;
  GtkTextView  *view;
  GtkPopover   *popover;
} Fixture;

/* Long enough to scroll: "Brandt" only in the third paragraph. */
static char *
write_long_article (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= 80; i++)
    g_string_append_printf (text, "Paragraph %u: the council met about the %s bridge and its cost.\n\n",
                            i, i == 3 ? "Brandt" : "harbour");
  return g_string_free (text, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = write_long_article ();

  /* Wide enough for the text to be centred with margins to spare. */
  fixture->base.folder = g_dir_make_tmp ("gloss-popover-XXXXXX", NULL);
  fixture->base.article = ui_test_write_article (fixture->base.folder, "long.txt", text);
  fixture->window = fixture->base.window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gloss_window_open_file (fixture->window, fixture->base.article);
  ui_test_wait_until_idle (fixture->window);

  fixture->view = GTK_TEXT_VIEW (ui_test_find_widget (GTK_WIDGET (fixture->window), GLOSS_TYPE_ARTICLE_VIEW));
  fixture->popover = GTK_POPOVER (ui_test_find_widget (GTK_WIDGET (fixture->window), GLOSS_TYPE_TAG_POPOVER));
  g_assert_nonnull (fixture->view);
  g_assert_nonnull (fixture->popover);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_window_tear_down (&fixture->base);
}

/* Where "Brandt" is now, in the view's coordinates. */
static void
word_area (Fixture      *fixture,
           GdkRectangle *area)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->view);
  GdkRectangle first, last;
  GtkTextIter iter, start, end;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "Brandt", 0, &start, &end, NULL));
  gtk_text_view_get_iter_location (fixture->view, &start, &first);
  gtk_text_view_get_iter_location (fixture->view, &end, &last);
  gdk_rectangle_union (&first, &last, area);
  gtk_text_view_buffer_to_window_coords (fixture->view, GTK_TEXT_WINDOW_WIDGET,
                                         area->x, area->y, &area->x, &area->y);
}

static void
assert_points_at_word (Fixture *fixture)
{
  GdkRectangle expected, pointing;

  word_area (fixture, &expected);
  g_assert_true (gtk_popover_get_pointing_to (fixture->popover, &pointing));
  g_assert_cmpint (pointing.x, ==, expected.x);
  g_assert_cmpint (pointing.y, ==, expected.y);
  g_assert_cmpint (pointing.width, ==, expected.width);
  g_assert_cmpint (pointing.height, ==, expected.height);
}

/* Whether the popover's text is shown marked, every character of it and
 * no character around it. */
static gboolean
popover_text_is_marked (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               "gloss-popover-text");
  GtkTextIter iter, start, end;

  if (tag == NULL)
    return FALSE;
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "Brandt", 0, &start, &end, NULL));
  if (!gtk_text_iter_starts_tag (&start, tag) || !gtk_text_iter_ends_tag (&end, tag))
    return FALSE;
  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_forward_to_tag_toggle (&iter, tag) && gtk_text_iter_equal (&iter, &start);
}

static void
open_popover (Fixture *fixture)
{
  ui_test_select_text (fixture->window, "Brandt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tag-popover", NULL));
  ui_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->popover)));
  assert_points_at_word (fixture);
  g_assert_true (popover_text_is_marked (fixture));
}

static void
test_popover_follows_scrolling (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->view));
  GdkRectangle before, after;
  double bottom;

  open_popover (fixture);
  gtk_popover_get_pointing_to (fixture->popover, &before);
  bottom = gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment);
  g_assert_cmpfloat (bottom, >, 1000);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 40);
  ui_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->popover)));
  gtk_popover_get_pointing_to (fixture->popover, &after);
  g_assert_cmpint (after.y, ==, before.y - 40);
  g_assert_cmpint (after.x, ==, before.x);
  assert_points_at_word (fixture);

  /* Scrolled out of sight, the text has nothing to point at. */
  gtk_adjustment_set_value (vadjustment, bottom);
  ui_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->popover)));
}

/* Its entry takes the focus, and with it, on X11, the primary
 * selection; the type buttons still tag the text it was opened on. */
static void
test_popover_tags_its_text (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *annotations = gloss_document_get_annotations (gloss_window_get_document (fixture->window));
  g_autoptr(GlossAnnotation) mention = NULL;
  GtkListBox *types;
  GtkWidget *first_type;

  open_popover (fixture);
  types = GTK_LIST_BOX (ui_test_find_widget (GTK_WIDGET (fixture->popover), GTK_TYPE_LIST_BOX));
  first_type = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (types, 0));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (first_type)), ==, "win.tag-label");
  g_signal_emit_by_name (first_type, "clicked");
  ui_test_drain ();

  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  mention = g_list_model_get_item (annotations, 0);
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Brandt");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->popover)));
  g_assert_false (popover_text_is_marked (fixture));
}

static gboolean
view_width_is (gpointer      fixture_data,
               gconstpointer data)
{
  Fixture *fixture = fixture_data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->view)) == GPOINTER_TO_INT (data);
}

static void
test_popover_follows_resizing (Fixture       *fixture,
                               gconstpointer  data)
{
  int wide = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  GdkRectangle before, after;

  open_popover (fixture);
  gtk_popover_get_pointing_to (fixture->popover, &before);

  /* The view narrows: the text is centred again and wraps anew. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 600);
  ui_test_wait_for (view_width_is, fixture, GINT_TO_POINTER (wide - 300));
  ui_test_drain ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->popover)));
  gtk_popover_get_pointing_to (fixture->popover, &after);
  g_assert_cmpint (after.x, !=, before.x);
  assert_points_at_word (fixture);

  /* Widgets moved under the pointer, which starts GTK 4.8's tooltip
   * delay; its timer outlives the window and then asks a destroyed
   * surface for the pointer. It is let run out while the window lives. */
  ui_test_run_for (600);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gloss/ui/window-popover/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("follows-scrolling", test_popover_follows_scrolling);
  ADD ("follows-resizing", test_popover_follows_resizing);
  ADD ("tags-its-text", test_popover_tags_its_text);

#undef ADD

  return g_test_run ();
}
