/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ui-test-util.h"

/* Opening an article from a web server on this machine, as Ctrl+L does. */

static const char page[] =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>Ferry fares rise again | Harbour Post</title>"
  "<meta property=\"og:site_name\" content=\"Harbour Post\">"
  "<meta name=\"author\" content=\"Lena Vogt\">"
  "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
  "<article><h1>Ferry fares rise again</h1>"
  "<p>The harbour ferry will cost more from March, the operator said on Monday. "
  "A single crossing goes up from 2.10 to 2.40 euros.</p>"
  "<p>The operator blamed fuel prices and a fall in passengers, which it put at "
  "eight percent over two years.</p>"
  "<p>Commuters on the north shore said the rise was the third in eighteen months "
  "and asked the city to step in.</p></article>"
  "<aside>Share this story</aside></body></html>";

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  if (g_str_equal (path, "/fares"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static char *
start_server (SoupServer **server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *base = NULL;

  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (*server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (*server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return g_steal_pointer (&base);
}

static void
test_window_opens_web_article (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = start_server (&server);
  g_autofree char *url = g_strconcat (base, "fares", NULL);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GlossWindow *window = gloss_window_new (NULL);
  GlossDocument *document;
  GlossSource *source;

  gloss_window_open_url (window, url);
  ui_test_wait_until_idle (window);

  document = gloss_window_get_document (window);
  g_assert_nonnull (document);
  name = g_file_get_basename (gloss_document_get_file (document));
  g_assert_cmpstr (name, ==, "ferry-fares-rise-again.txt");

  text = ui_test_buffer_text (window);
  g_assert_nonnull (strstr (text, "A single crossing goes up from 2.10 to 2.40 euros."));
  g_assert_null (strstr (text, "Share this story"));
  g_assert_null (strstr (text, "Home"));

  source = gloss_document_get_source (document);
  g_assert_cmpstr (gloss_source_get_url (source), ==, url);
  g_assert_cmpstr (gloss_source_get_title (source), ==, "Ferry fares rise again");
  g_assert_cmpstr (gloss_source_get_author (source), ==, "Lena Vogt");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Ferry fares rise again");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_web_error_is_shown (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = start_server (&server);
  g_autofree char *url = g_strconcat (base, "missing", NULL);
  GlossWindow *window = gloss_window_new (NULL);
  AdwMessageDialog *dialog;

  gloss_window_open_url (window, url);
  ui_test_wait_until_idle (window);

  g_assert_null (gloss_window_get_document (window));
  g_assert_cmpstr (gloss_window_get_visible_page (window), ==, "empty");
  dialog = ui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "404"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("gloss-web-home-XXXXXX", NULL);

  /* The web folder defaults to the user's documents: keep them here. */
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gloss/ui/window-web/opens-web-article", test_window_opens_web_article);
  g_test_add_func ("/gloss/ui/window-web/error-is-shown", test_window_web_error_is_shown);

  return g_test_run ();
}
