/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-recent"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* Recent articles, kept in the desktop's list of recent files so the
 * file chooser and other apps see them too, and offered in the window's
 * menu. */

#define N_RECENT 8

void
gloss_window_remember_recent (GlossWindow *self,
                              GFile       *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  gloss_window_update_recent_menu (self);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *first = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *second = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (second, first);
}

static GPtrArray *
list_recent_articles (void)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GPtrArray *articles = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, g_get_application_name ()) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (articles, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (articles, compare_recent);
  if (articles->len > N_RECENT)
    g_ptr_array_set_size (articles, N_RECENT);
  return articles;
}

/**
 * gloss_window_update_recent_menu:
 *
 * Lists the articles opened last in the main menu.
 */
void
gloss_window_update_recent_menu (GlossWindow *self)
{
  g_autoptr(GPtrArray) articles = list_recent_articles ();
  GMenu *menu = self->recent_menu;

  g_menu_remove_all (menu);

  for (guint i = 0; i < articles->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (articles, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (menu, item);
    }
}

void
gloss_window_open_recent_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  gloss_window_open_file (GLOSS_WINDOW (widget), file);
}
