/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fetcher"

#include "config.h"

#include "gloss-fetcher.h"

#include "gloss-web-private.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#define READ_CHUNK (64 * 1024)

struct _GlossFetcher
{
  GObject      parent_instance;

  SoupSession *session;
  guint        timeout;
  guint64      max_size;
  guint        max_redirects;
};

G_DEFINE_FINAL_TYPE (GlossFetcher, gloss_fetcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_MAX_SIZE,
  PROP_MAX_REDIRECTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One fetch: the chain of requests a redirect makes, then the body. */
typedef struct
{
  GUri                   *uri;
  GHashTable             *visited;
  guint                   redirects;
  SoupMessage            *message;
  GInputStream           *stream;
  GByteArray             *body;
  goffset                 expected;
  GCancellable           *cancellable;
  GCancellable           *caller_cancellable;
  gulong                  cancelled_id;
  GSource                *timer;
  gboolean                timed_out;
  GlossFetchProgressFunc  progress;
  gpointer                progress_data;
  GDestroyNotify          progress_data_free;
} FetchData;

static void
fetch_stop_timer (FetchData *data)
{
  if (data->timer == NULL)
    return;
  g_source_destroy (data->timer);
  g_clear_pointer (&data->timer, g_source_unref);
}

static void
fetch_data_free (FetchData *data)
{
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->cancelled_id);
  fetch_stop_timer (data);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_clear_pointer (&data->visited, g_hash_table_unref);
  g_clear_object (&data->message);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->caller_cancellable);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_free (data);
}

static void
gloss_fetcher_finalize (GObject *object)
{
  GlossFetcher *self = GLOSS_FETCHER (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (gloss_fetcher_parent_class)->finalize (object);
}

static void
gloss_fetcher_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossFetcher *self = GLOSS_FETCHER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;
    case PROP_MAX_REDIRECTS:
      g_value_set_uint (value, self->max_redirects);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_fetcher_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossFetcher *self = GLOSS_FETCHER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      gloss_fetcher_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_SIZE:
      gloss_fetcher_set_max_size (self, g_value_get_uint64 (value));
      break;
    case PROP_MAX_REDIRECTS:
      gloss_fetcher_set_max_redirects (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_fetcher_class_init (GlossFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_fetcher_finalize;
  object_class->get_property = gloss_fetcher_get_property;
  object_class->set_property = gloss_fetcher_set_property;

  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, G_MAXUINT, GLOSS_FETCHER_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL,
                         1, G_MAXUINT32, GLOSS_FETCHER_DEFAULT_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_REDIRECTS] =
    g_param_spec_uint ("max-redirects", NULL, NULL,
                       0, 100, GLOSS_FETCHER_DEFAULT_MAX_REDIRECTS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_fetcher_init (GlossFetcher *self)
{
  self->timeout = GLOSS_FETCHER_DEFAULT_TIMEOUT;
  self->max_size = GLOSS_FETCHER_DEFAULT_MAX_SIZE;
  self->max_redirects = GLOSS_FETCHER_DEFAULT_MAX_REDIRECTS;
  self->session = soup_session_new_with_options ("user-agent", "Gloss/" PACKAGE_VERSION,
                                                 NULL);
  /* Servers send gzip or deflate when the request says it can take them. */
  if (!soup_session_has_feature (self->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
}

GlossFetcher *
gloss_fetcher_new (void)
{
  return g_object_new (GLOSS_TYPE_FETCHER, NULL);
}

/**
 * gloss_fetcher_get_timeout:
 * @self: a #GlossFetcher
 *
 * Returns: how many milliseconds the server may stay silent
 */
guint
gloss_fetcher_get_timeout (GlossFetcher *self)
{
  g_return_val_if_fail (GLOSS_IS_FETCHER (self), 0);

  return self->timeout;
}

void
gloss_fetcher_set_timeout (GlossFetcher *self,
                           guint         timeout_ms)
{
  g_return_if_fail (GLOSS_IS_FETCHER (self));
  g_return_if_fail (timeout_ms > 0);

  if (self->timeout == timeout_ms)
    return;
  self->timeout = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * gloss_fetcher_get_max_size:
 * @self: a #GlossFetcher
 *
 * Returns: the largest body, in bytes after decompression, that is read
 */
guint64
gloss_fetcher_get_max_size (GlossFetcher *self)
{
  g_return_val_if_fail (GLOSS_IS_FETCHER (self), 0);

  return self->max_size;
}

void
gloss_fetcher_set_max_size (GlossFetcher *self,
                            guint64       max_size)
{
  g_return_if_fail (GLOSS_IS_FETCHER (self));
  g_return_if_fail (max_size > 0 && max_size <= G_MAXUINT32);

  if (self->max_size == max_size)
    return;
  self->max_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

guint
gloss_fetcher_get_max_redirects (GlossFetcher *self)
{
  g_return_val_if_fail (GLOSS_IS_FETCHER (self), 0);

  return self->max_redirects;
}

void
gloss_fetcher_set_max_redirects (GlossFetcher *self,
                                 guint         max_redirects)
{
  g_return_if_fail (GLOSS_IS_FETCHER (self));

  if (self->max_redirects == max_redirects)
    return;
  self->max_redirects = max_redirects;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_REDIRECTS]);
}

static GUri *
parse_web_uri (const char  *url,
               GUri        *base,
               GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (base != NULL)
    uri = g_uri_parse_relative (base, url, SOUP_HTTP_URI_FLAGS, NULL);
  else
    uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    {
      g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_INVALID_URL,
                   _("“%s” is not a web address; addresses start with https:// or http://"),
                   url);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_UNSUPPORTED_SCHEME,
                   _("Only http and https addresses can be opened, not “%s:” ones"),
                   scheme);
      return NULL;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_INVALID_URL,
                   _("“%s” names no server"), url);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

/**
 * gloss_fetcher_check_url:
 * @url: an address
 * @error: the place for a #GLOSS_WEB_ERROR_INVALID_URL or
 *   #GLOSS_WEB_ERROR_UNSUPPORTED_SCHEME
 *
 * Returns: whether @url is an http or https address that can be fetched
 */
gboolean
gloss_fetcher_check_url (const char  *url,
                         GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = parse_web_uri (url, NULL, error);
  return uri != NULL;
}

static char *
describe_timeout (guint timeout_ms)
{
  /* Only exactly one second is singular; "0.5 seconds" is not. */
  guint plural = timeout_ms == 1000 ? 1 : 2;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The server did not answer within %g second",
                                       "The server did not answer within %g seconds",
                                       plural),
                          timeout_ms / 1000.0);
}

static void
fetch_fail (GTask  *task,
            GError *error)
{
  GlossFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autofree char *host = g_strdup (g_uri_get_host (data->uri));

  fetch_stop_timer (data);
  if (data->timed_out)
    {
      g_autofree char *message = describe_timeout (self->timeout);

      g_clear_error (&error);
      error = g_error_new_literal (GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_TIMED_OUT, message);
    }
  else if (error->domain != GLOSS_WEB_ERROR &&
           !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GError *network = g_error_new (GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_NETWORK,
                                     _("Could not reach %s: %s"), host, error->message);

      g_clear_error (&error);
      error = network;
    }
  g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
fetch_timeout_cb (gpointer user_data)
{
  FetchData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  g_clear_pointer (&data->timer, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* The timer measures silence: it starts again whenever data arrives. */
static void
fetch_arm_timer (GTask *task)
{
  GlossFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);

  fetch_stop_timer (data);
  data->timer = g_timeout_source_new (self->timeout);
  g_source_set_callback (data->timer, fetch_timeout_cb, data, NULL);
  g_source_set_static_name (data->timer, "[gloss] fetch timeout");
  g_source_attach (data->timer, g_task_get_context (task));
}

static void fetch_send (GTask *task);
static void fetch_read (GTask *task);

static gboolean
fetch_follow_redirect (GTask   *task,
                       GError **error)
{
  GlossFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) next = NULL;
  g_autofree char *next_string = NULL;

  if (location == NULL)
    {
      g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_HTTP,
                   _("The server redirected the request without saying where (HTTP %u)"),
                   soup_message_get_status (data->message));
      return FALSE;
    }
  if ((next = parse_web_uri (location, data->uri, error)) == NULL)
    return FALSE;
  next_string = g_uri_to_string (next);
  if (g_hash_table_contains (data->visited, next_string))
    {
      g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_REDIRECT_LOOP,
                   _("The page redirects in a loop, back to %s"), next_string);
      return FALSE;
    }
  if (++data->redirects > self->max_redirects)
    {
      g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_TOO_MANY_REDIRECTS,
                   _("The page redirected more than %u times"), self->max_redirects);
      return FALSE;
    }
  g_clear_pointer (&data->uri, g_uri_unref);
  data->uri = g_steal_pointer (&next);
  return TRUE;
}

static gboolean
check_status (SoupMessage  *message,
              const char   *url,
              GError      **error)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;
  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_NOT_FOUND,
                 _("The page was not found (HTTP %u) at %s"), status, url);
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_SERVER,
                 _("The server failed to send the page (HTTP %u %s)"), status, reason ?: "");
  else
    g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_HTTP,
                 _("The server refused to send the page (HTTP %u %s)"), status, reason ?: "");
  return FALSE;
}

static gboolean
check_content_type (SoupMessage  *message,
                    GError      **error)
{
  static const char * const accepted[] = {
    "text/html", "application/xhtml+xml", "text/plain", NULL,
  };
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autofree char *lower = NULL;

  /* A server that does not say is most likely sending HTML. */
  if (type == NULL)
    return TRUE;
  lower = g_ascii_strdown (type, -1);
  if (g_strv_contains (accepted, lower))
    return TRUE;
  g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_NOT_HTML,
               _("The address is not a web page: the server sent “%s”"), type);
  return FALSE;
}

static gboolean
check_response (GTask   *task,
                GError **error)
{
  GlossFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  g_autofree char *url = g_uri_to_string (data->uri);
  goffset length = -1;

  if (!check_status (data->message, url, error) || !check_content_type (data->message, error))
    return FALSE;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    length = soup_message_headers_get_content_length (headers);
  if (length > 0 && (guint64) length > self->max_size)
    return gloss_web_set_too_large (error, self->max_size);
  /* A compressed body's length says nothing of what it decodes to. */
  data->expected = soup_message_headers_get_one (headers, "Content-Encoding") ? -1 : length;
  return TRUE;
}

static void
fetch_send_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;
  guint status;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      fetch_fail (task, error);
      return;
    }
  status = soup_message_get_status (data->message);
  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      g_clear_object (&data->stream);
      if (fetch_follow_redirect (task, &error))
        fetch_send (task);
      else
        fetch_fail (task, error);
      return;
    }
  if (!check_response (task, &error))
    {
      fetch_fail (task, error);
      return;
    }
  fetch_read (task);
}

static void
fetch_send (GTask *task)
{
  GlossFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_hash_table_add (data->visited, g_uri_to_string (data->uri));
  g_clear_object (&data->message);
  data->message = soup_message_new_from_uri (SOUP_METHOD_GET, data->uri);
  /* Redirects are followed here, to bound them and to catch loops. */
  soup_message_add_flags (data->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (data->message);
  soup_message_headers_replace (headers, "Accept",
                                "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8");
  fetch_arm_timer (task);
  soup_session_send_async (self->session, data->message, G_PRIORITY_DEFAULT,
                           data->cancellable, fetch_send_cb, task);
}

static void
fetch_complete (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  g_autoptr(GHashTable) params = NULL;
  const char *type = soup_message_headers_get_content_type (headers, &params);
  const char *charset = params ? g_hash_table_lookup (params, "charset") : NULL;
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));
  g_autofree char *url = g_uri_to_string (data->uri);

  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GlossWebPage *page;

  fetch_stop_timer (data);
  g_input_stream_close (data->stream, NULL, NULL);
  page = gloss_web_page_new (url, type, charset, body);
  gloss_web_page_set_fetched (page, now);
  g_task_return_pointer (task, page, g_object_unref);
  g_object_unref (task);
}

static void
fetch_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  GlossFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      fetch_fail (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      fetch_complete (task);
      return;
    }
  g_byte_array_append (data->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (data->body->len > self->max_size)
    {
      gloss_web_set_too_large (&error, self->max_size);
      fetch_fail (task, error);
      return;
    }
  if (data->progress != NULL)
    data->progress (data->body->len, data->expected, data->progress_data);
  fetch_read (task);
}

static void
fetch_read (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  fetch_arm_timer (task);
  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   data->cancellable, fetch_read_cb, task);
}

static void
fetch_caller_cancelled_cb (GCancellable *caller,
                           GCancellable *own)
{
  g_cancellable_cancel (own);
}

/**
 * gloss_fetcher_fetch_async:
 * @self: a #GlossFetcher
 * @url: an http or https address
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope notified): called as the body arrives
 * @progress_data: data for @progress
 * @progress_data_free: (nullable): frees @progress_data when the fetch is over
 * @callback: called when the page is read or the fetch failed
 * @user_data: data for @callback
 *
 * Fetches a web page: follows up to #GlossFetcher:max-redirects redirects
 * (refusing loops and other schemes), accepts HTML, XHTML and plain text,
 * decompresses gzip and deflate, stops past #GlossFetcher:max-size bytes
 * and gives up when the server is silent for #GlossFetcher:timeout
 * milliseconds. A @url that is not http or https fails before any request.
 */
void
gloss_fetcher_fetch_async (GlossFetcher           *self,
                           const char             *url,
                           GCancellable           *cancellable,
                           GlossFetchProgressFunc  progress,
                           gpointer                progress_data,
                           GDestroyNotify          progress_data_free,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  FetchData *data;

  g_return_if_fail (GLOSS_IS_FETCHER (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_fetcher_fetch_async);
  data = g_new0 (FetchData, 1);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  if ((data->uri = parse_web_uri (url, NULL, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->body = g_byte_array_new ();
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable,
                                                  G_CALLBACK (fetch_caller_cancelled_cb),
                                                  g_object_ref (data->cancellable),
                                                  g_object_unref);
    }
  fetch_send (g_steal_pointer (&task));
}

/**
 * gloss_fetcher_fetch_finish:
 * @self: a #GlossFetcher
 * @result: the result given to the callback
 * @error: the place for a #GLOSS_WEB_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the page, its text in UTF-8, its
 *   address after redirects, or %NULL on error
 */
GlossWebPage *
gloss_fetcher_fetch_finish (GlossFetcher  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
