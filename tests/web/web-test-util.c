/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "web-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

/**
 * web_test_start_server:
 * @server: (out): a server on 127.0.0.1, on a free port, run by this
 *   thread's main context
 *
 * Returns: (transfer full): its address, without a trailing slash
 */
char *
web_test_start_server (SoupServer         **server,
                       SoupServerCallback   callback,
                       gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *base;

  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, NULL, callback, user_data, NULL);
  soup_server_listen_local (*server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (*server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  return base;
}

/* A fixture page of tests/data/web. */
char *
web_test_data_path (const char *name)
{
  return g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "web", name, NULL);
}
