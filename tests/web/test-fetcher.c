/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-web.h"
#include "web-test-util.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#define LARGE_BODY (200 * 1024)
#define SMALL_LIMIT (64 * 1024)

static const char article[] =
  "<html><head><title>Quay reopens | Harbour News</title>"
  "<meta property=\"og:site_name\" content=\"Harbour News\"></head><body><article>"
  "<p>The quay reopened on Friday after three months of repairs, and the first boats tied up "
  "before noon, to the relief of the fishermen who had moored in the next bay all winter.</p>"
  "<p>The harbour master said the new stones would last a century, and that the cost, shared "
  "by the town and the county, had stayed within the budget set last autumn.</p>"
  "</article></body></html>";

typedef struct
{
  SoupServer        *server;
  char              *base;
  GlossFetcher      *fetcher;
  guint              requests;
  SoupServerMessage *paused;
  GMainLoop         *loop;
  GlossWebPage      *page;
  GError            *error;
  goffset            progress_received;
  goffset            progress_total;
  guint              progress_calls;
} Fixture;

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body,
         gsize              len)
{
  soup_server_message_set_status (msg, status, NULL);
  if (content_type != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, len);
}

static void
redirect (SoupServerMessage *msg,
          const char        *location)
{
  soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static GBytes *
gzip (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
serve_chunked (SoupServerMessage *msg,
               gsize              total)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autofree char *chunk = g_strnfill (4096, 'a');

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "text/html", NULL);
  for (gsize sent = 0; sent < total; sent += 4096)
    soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, 4096);
  soup_message_body_complete (body);
}

static void
serve_gzip (SoupServerMessage *msg)
{
  g_autoptr(GBytes) compressed = gzip (article);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Encoding", "gzip");
  respond (msg, SOUP_STATUS_OK, "text/html; charset=utf-8",
           g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
}

static gboolean
serve_redirects (SoupServerMessage *msg,
                 const char        *path)
{
  if (g_str_has_prefix (path, "/redirect/"))
    {
      int hops = atoi (path + strlen ("/redirect/"));
      g_autofree char *next = hops > 1 ? g_strdup_printf ("/redirect/%d", hops - 1)
                                       : g_strdup ("/article");

      redirect (msg, next);
    }
  else if (g_str_equal (path, "/loop/a"))
    redirect (msg, "/loop/b");
  else if (g_str_equal (path, "/loop/b"))
    redirect (msg, "/loop/a");
  else if (g_str_equal (path, "/to-ftp"))
    redirect (msg, "ftp://127.0.0.1/file");
  else
    return FALSE;
  return TRUE;
}

static void
serve_page (SoupServerMessage *msg,
            const char        *path)
{
  static const char plain[] = "Notice\n\nNo ferry today.\n";
  static const char latin1[] = "<html><body><p>Sm\xf8rbr\xf8\x64 for \x80" "5</p></body></html>";
  static const char meta_latin1[] =
    "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 in Troms\xf8</p></body></html>";
  g_autofree char *large = NULL;

  if (g_str_equal (path, "/article"))
    respond (msg, SOUP_STATUS_OK, "text/html; charset=utf-8", article, strlen (article));
  else if (g_str_equal (path, "/plain"))
    respond (msg, SOUP_STATUS_OK, "text/plain", plain, strlen (plain));
  else if (g_str_equal (path, "/latin1-header"))
    respond (msg, SOUP_STATUS_OK, "text/html; charset=ISO-8859-1", latin1, strlen (latin1));
  else if (g_str_equal (path, "/latin1-meta"))
    respond (msg, SOUP_STATUS_OK, "text/html", meta_latin1, strlen (meta_latin1));
  else if (g_str_equal (path, "/gzip"))
    serve_gzip (msg);
  else if (g_str_equal (path, "/image"))
    respond (msg, SOUP_STATUS_OK, "image/png", "\x89PNG", 4);
  else if (g_str_equal (path, "/large"))
    {
      large = g_strnfill (LARGE_BODY, 'a');
      respond (msg, SOUP_STATUS_OK, "text/html", large, LARGE_BODY);
    }
  else if (g_str_equal (path, "/large-chunked"))
    serve_chunked (msg, LARGE_BODY);
  else if (g_str_equal (path, "/broken"))
    respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/html", "oops", 4);
  else if (g_str_equal (path, "/forbidden"))
    respond (msg, SOUP_STATUS_FORBIDDEN, "text/html", "no", 2);
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/html", "none", 4);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;

  fixture->requests++;
  if (g_str_equal (path, "/slow"))
    {
      /* Answered by the test once the client gave up. */
      fixture->paused = g_object_ref (msg);
      soup_server_message_pause (msg);
      return;
    }
  if (!serve_redirects (msg, path))
    serve_page (msg, path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->base = web_test_start_server (&fixture->server, server_cb, fixture);
  fixture->fetcher = gloss_fetcher_new ();
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->paused != NULL)
    {
      respond (fixture->paused, SOUP_STATUS_OK, "text/html", "late", 4);
      soup_server_message_unpause (fixture->paused);
      g_clear_object (&fixture->paused);
    }
  g_clear_object (&fixture->page);
  g_clear_error (&fixture->error);
  g_clear_object (&fixture->fetcher);
  /* Let both ends of the connections close before the server goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  soup_server_disconnect (fixture->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  g_free (fixture->base);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->page = gloss_fetcher_fetch_finish (GLOSS_FETCHER (object), result, &fixture->error);
  g_main_loop_quit (fixture->loop);
}

static void
progress_cb (goffset  received,
             goffset  total,
             gpointer user_data)
{
  Fixture *fixture = user_data;

  g_assert_cmpint (received, >, fixture->progress_received);
  fixture->progress_received = received;
  fixture->progress_total = total;
  fixture->progress_calls++;
}

static void
fetch_url (Fixture      *fixture,
           const char   *url,
           GCancellable *cancellable)
{
  g_clear_object (&fixture->page);
  g_clear_error (&fixture->error);
  fixture->progress_received = 0;
  fixture->progress_total = 0;
  fixture->progress_calls = 0;
  gloss_fetcher_fetch_async (fixture->fetcher, url, cancellable, progress_cb, fixture, NULL,
                             fetched_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_true ((fixture->page == NULL) != (fixture->error == NULL));
}

static void
fetch (Fixture    *fixture,
       const char *path)
{
  g_autofree char *url = g_strconcat (fixture->base, path, NULL);

  fetch_url (fixture, url, NULL);
}

static void
assert_fetch_error (Fixture    *fixture,
                    const char *path,
                    int         code,
                    const char *in_message)
{
  fetch (fixture, path);
  g_assert_error (fixture->error, GLOSS_WEB_ERROR, code);
  if (strstr (fixture->error->message, in_message) == NULL)
    g_error ("“%s” should mention “%s”", fixture->error->message, in_message);
}

static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autofree char *url = g_strconcat (fixture->base, "/article", NULL);

  fetch (fixture, "/article");
  g_assert_no_error (fixture->error);
  g_assert_cmpstr (gloss_web_page_get_uri (fixture->page), ==, url);
  g_assert_cmpstr (gloss_web_page_get_content_type (fixture->page), ==, "text/html");
  g_assert_cmpstr (gloss_web_page_get_text (fixture->page), ==, article);
  g_assert_cmpuint (g_bytes_get_size (gloss_web_page_get_body (fixture->page)), ==, strlen (article));
  g_assert_nonnull (gloss_web_page_get_fetched (fixture->page));
  g_assert_cmpuint (fixture->progress_calls, >, 0);
  g_assert_cmpint (fixture->progress_received, ==, strlen (article));
  g_assert_cmpint (fixture->progress_total, ==, strlen (article));

  extraction = gloss_web_page_extract (fixture->page, &fixture->error);
  g_assert_no_error (fixture->error);
  g_assert_cmpstr (gloss_extraction_get_title (extraction), ==, "Quay reopens");
  g_assert_true (g_str_has_prefix (gloss_extraction_get_text (extraction), "The quay reopened on Friday"));
}

static void
test_redirect_chain (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *final = g_strconcat (fixture->base, "/article", NULL);

  fetch (fixture, "/redirect/3");
  g_assert_no_error (fixture->error);
  g_assert_cmpstr (gloss_web_page_get_uri (fixture->page), ==, final);
  g_assert_cmpuint (fixture->requests, ==, 4);

  gloss_fetcher_set_max_redirects (fixture->fetcher, 2);
  assert_fetch_error (fixture, "/redirect/3", GLOSS_WEB_ERROR_TOO_MANY_REDIRECTS, "2");
}

static void
test_redirect_loop (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_fetch_error (fixture, "/loop/a", GLOSS_WEB_ERROR_REDIRECT_LOOP, "/loop/a");
  g_assert_cmpuint (fixture->requests, ==, 2);
  assert_fetch_error (fixture, "/to-ftp", GLOSS_WEB_ERROR_UNSUPPORTED_SCHEME, "ftp");
}

static void
test_http_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_fetch_error (fixture, "/missing", GLOSS_WEB_ERROR_NOT_FOUND, "404");
  assert_fetch_error (fixture, "/broken", GLOSS_WEB_ERROR_SERVER, "500");
  assert_fetch_error (fixture, "/forbidden", GLOSS_WEB_ERROR_HTTP, "403");
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();

  gloss_fetcher_set_timeout (fixture->fetcher, 200);
  assert_fetch_error (fixture, "/slow", GLOSS_WEB_ERROR_TIMED_OUT, "0.2 seconds");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_nonnull (fixture->paused);
}

static void
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = g_strconcat (fixture->base, "/slow", NULL);

  g_timeout_add_once (100, cancel_cb, cancellable);
  fetch_url (fixture, url, cancellable);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  gloss_fetcher_set_max_size (fixture->fetcher, SMALL_LIMIT);
  assert_fetch_error (fixture, "/large", GLOSS_WEB_ERROR_TOO_LARGE, "64");
  /* Refused on its Content-Length, before reading any of it. */
  g_assert_cmpuint (fixture->progress_calls, ==, 0);
  /* Without a Content-Length, reading stops at the limit. */
  assert_fetch_error (fixture, "/large-chunked", GLOSS_WEB_ERROR_TOO_LARGE, "64");
  g_assert_cmpint (fixture->progress_received, <=, SMALL_LIMIT);

  gloss_fetcher_set_max_size (fixture->fetcher, 2 * LARGE_BODY);
  fetch (fixture, "/large-chunked");
  g_assert_no_error (fixture->error);
  g_assert_cmpuint (g_bytes_get_size (gloss_web_page_get_body (fixture->page)), >=, LARGE_BODY);
}

static void
test_not_html (Fixture       *fixture,
               gconstpointer  data)
{
  assert_fetch_error (fixture, "/image", GLOSS_WEB_ERROR_NOT_HTML, "image/png");

  fetch (fixture, "/plain");
  g_assert_no_error (fixture->error);
  g_assert_false (gloss_web_page_get_is_html (fixture->page));
  g_assert_cmpstr (gloss_web_page_get_text (fixture->page), ==, "Notice\n\nNo ferry today.\n");
}

static void
test_charsets (Fixture       *fixture,
               gconstpointer  data)
{
  fetch (fixture, "/latin1-header");
  g_assert_no_error (fixture->error);
  g_assert_nonnull (strstr (gloss_web_page_get_text (fixture->page), "Smørbrød for €5"));

  fetch (fixture, "/latin1-meta");
  g_assert_no_error (fixture->error);
  g_assert_nonnull (strstr (gloss_web_page_get_text (fixture->page), "Café in Tromsø"));
}

static void
test_gzip (Fixture       *fixture,
           gconstpointer  data)
{
  fetch (fixture, "/gzip");
  g_assert_no_error (fixture->error);
  g_assert_cmpstr (gloss_web_page_get_text (fixture->page), ==, article);
  /* The compressed length says nothing of the decoded size. */
  g_assert_cmpint (fixture->progress_total, ==, -1);
}

static void
test_refused_urls (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { const char *url; int code; } refused[] = {
    { "file:///etc/hosts", GLOSS_WEB_ERROR_UNSUPPORTED_SCHEME },
    { "ftp://127.0.0.1/article", GLOSS_WEB_ERROR_UNSUPPORTED_SCHEME },
    { "javascript:alert(1)", GLOSS_WEB_ERROR_UNSUPPORTED_SCHEME },
    { "not a url", GLOSS_WEB_ERROR_INVALID_URL },
    { "www.example.org/news", GLOSS_WEB_ERROR_INVALID_URL },
    { "http://", GLOSS_WEB_ERROR_INVALID_URL },
    { "", GLOSS_WEB_ERROR_INVALID_URL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      GError *error = NULL;

      g_assert_false (gloss_fetcher_check_url (refused[i].url, &error));
      g_assert_error (error, GLOSS_WEB_ERROR, refused[i].code);
      g_clear_error (&error);
      fetch_url (fixture, refused[i].url, NULL);
      g_assert_error (fixture->error, GLOSS_WEB_ERROR, refused[i].code);
    }
  g_assert_cmpuint (fixture->requests, ==, 0);
  g_assert_true (gloss_fetcher_check_url ("https://example.org/news", NULL));
}

static void
add_test (const char *name,
          void (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strconcat ("/gloss/web/fetcher/", name, NULL);

  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_test ("success", test_success);
  add_test ("redirect-chain", test_redirect_chain);
  add_test ("redirect-loop", test_redirect_loop);
  add_test ("http-errors", test_http_errors);
  add_test ("timeout", test_timeout);
  add_test ("cancel", test_cancel);
  add_test ("too-large", test_too_large);
  add_test ("not-html", test_not_html);
  add_test ("charsets", test_charsets);
  add_test ("gzip", test_gzip);
  add_test ("refused-urls", test_refused_urls);

  return g_test_run ();
}
