/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-web-page"

#include "config.h"

#include "gloss-web-page.h"

#include "gloss-extraction.h"
#include "gloss-fetcher.h"
#include "gloss-web-private.h"

#include <errno.h>
#include <libsoup/soup.h>
#include <libxml/HTMLparser.h>
#include <string.h>

/* Browsers look for <meta charset> near the top only; a page that puts
 * long scripts first still declares it within this much. */
#define META_PRESCAN_BYTES (64 * 1024)

struct _GlossWebPage
{
  GObject  parent_instance;

  char      *uri;
  char      *content_type;
  char      *charset;
  GBytes    *body;
  char      *text;
  GDateTime *fetched;
};

G_DEFINE_FINAL_TYPE (GlossWebPage, gloss_web_page, G_TYPE_OBJECT)

static void
gloss_web_page_finalize (GObject *object)
{
  GlossWebPage *self = GLOSS_WEB_PAGE (object);

  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->charset, g_free);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->fetched, g_date_time_unref);

  G_OBJECT_CLASS (gloss_web_page_parent_class)->finalize (object);
}

static void
gloss_web_page_class_init (GlossWebPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_web_page_finalize;
}

static void
gloss_web_page_init (GlossWebPage *self)
{
}

/* WHATWG's encoding labels for the names iconv does not know, or knows as
 * something narrower than what pages mean by them. */
static const char *
normalise_charset (const char *label)
{
  static const struct { const char *label; const char *name; } aliases[] = {
    { "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
    { "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
    { "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
    { "cp1252", "WINDOWS-1252" }, { "windows-1252", "WINDOWS-1252" },
    { "x-cp1252", "WINDOWS-1252" }, { "iso-8859-9", "WINDOWS-1254" },
    { "latin5", "WINDOWS-1254" }, { "iso-8859-11", "WINDOWS-874" },
    { "tis-620", "WINDOWS-874" }, { "gb2312", "GBK" }, { "gb_2312", "GBK" },
    { "x-gbk", "GBK" }, { "x-sjis", "SHIFT_JIS" }, { "sjis", "SHIFT_JIS" },
    { "ks_c_5601-1987", "CP949" }, { "euc-kr", "CP949" }, { "utf8", "UTF-8" },
    { "unicode-1-1-utf-8", "UTF-8" },
    /* A page that declares UTF-16 in ASCII bytes is not UTF-16. */
    { "utf-16", "UTF-8" }, { "utf-16le", "UTF-8" }, { "utf-16be", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (label, aliases[i].label) == 0)
      return aliases[i].name;
  return label;
}

static const char *
charset_from_bom (const char *data,
                  gsize       len,
                  gsize      *bom_len)
{
  static const struct { const char *bom; gsize len; const char *name; } boms[] = {
    { "\xEF\xBB\xBF", 3, "UTF-8" },
    { "\xFF\xFE", 2, "UTF-16LE" },
    { "\xFE\xFF", 2, "UTF-16BE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
    if (len >= boms[i].len && memcmp (data, boms[i].bom, boms[i].len) == 0)
      {
        *bom_len = boms[i].len;
        return boms[i].name;
      }
  *bom_len = 0;
  return NULL;
}

/* The charset parameter of a Content-Type value. */
static char *
charset_from_content_type (const char *content_type)
{
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *value = NULL;
  const char *charset;

  if (content_type == NULL)
    return NULL;
  /* A meta element's content may hold line breaks, which a header value
   * cannot: libsoup would refuse the value with a critical warning. */
  value = g_strdelimit (g_strdup (content_type), "\r\n", ' ');
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_replace (headers, "Content-Type", value);
  if (soup_message_headers_get_content_type (headers, &params) == NULL || params == NULL)
    return NULL;
  charset = g_hash_table_lookup (params, "charset");
  return charset != NULL && *charset != '\0' ? g_strdup (charset) : NULL;
}

static char *
charset_of_meta (xmlNode *meta)
{
  g_autofree char *charset = NULL;
  xmlChar *value;

  if ((value = xmlGetProp (meta, (const xmlChar *) "charset")) != NULL)
    {
      charset = g_strstrip (g_strdup ((const char *) value));
      xmlFree (value);
      return *charset != '\0' ? g_steal_pointer (&charset) : NULL;
    }
  value = xmlGetProp (meta, (const xmlChar *) "http-equiv");
  if (value == NULL || g_ascii_strcasecmp ((const char *) value, "content-type") != 0)
    {
      xmlFree (value);
      return NULL;
    }
  xmlFree (value);
  value = xmlGetProp (meta, (const xmlChar *) "content");
  charset = charset_from_content_type ((const char *) value);
  xmlFree (value);
  return g_steal_pointer (&charset);
}

static char *
find_meta_charset (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      char *charset;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrcasecmp (node->name, (const xmlChar *) "meta") == 0 &&
          (charset = charset_of_meta (node)) != NULL)
        return charset;
      if (xmlStrcasecmp (node->name, (const xmlChar *) "body") == 0)
        return NULL;
      if ((charset = find_meta_charset (node->children)) != NULL)
        return charset;
    }
  return NULL;
}

/* The declared character set is ASCII in every encoding a page can declare
 * it in, so reading the top of the page as Latin-1 finds it safely. */
static char *
charset_from_meta (const char *data,
                   gsize       len)
{
  xmlDoc *doc;
  char *charset;

  doc = htmlReadMemory (data, MIN (len, META_PRESCAN_BYTES), NULL, "ISO-8859-1",
                        GLOSS_WEB_HTML_PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);
  if (doc == NULL)
    return NULL;
  charset = find_meta_charset (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  return charset;
}

static gboolean
convert_step (GIConv    conv,
              char    **in,
              gsize    *in_left,
              GString  *out)
{
  char buffer[4096];
  char *outp = buffer;
  gsize out_left = sizeof buffer;
  gsize result;

  result = g_iconv (conv, in, in_left, &outp, &out_left);
  g_string_append_len (out, buffer, sizeof buffer - out_left);
  if (result != (gsize) -1 || errno == E2BIG)
    return TRUE;
  /* An undefined or cut-off sequence: mark it and go on with the rest. */
  g_string_append (out, "\xEF\xBF\xBD");
  (*in)++;
  (*in_left)--;
  return *in_left > 0;
}

/* Decodes @data from @charset, replacing what it cannot decode with
 * U+FFFD. Returns NULL when iconv does not know @charset. */
static char *
decode_with_replacement (const char *data,
                         gsize       len,
                         const char *charset)
{
  g_autoptr(GString) out = NULL;
  GIConv conv;
  char *in = (char *) data;
  gsize in_left = len;

  conv = g_iconv_open ("UTF-8", charset);
  if (conv == (GIConv) -1)
    return NULL;
  out = g_string_sized_new (len + len / 4 + 16);
  while (in_left > 0 && convert_step (conv, &in, &in_left, out))
    ;
  g_iconv_close (conv);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
gloss_web_page_decode (GlossWebPage *self,
                       const char   *declared)
{
  gsize len = 0, bom_len;
  const char *data = g_bytes_get_data (self->body, &len);
  const char *bom = charset_from_bom (data, len, &bom_len);
  g_autofree char *meta = NULL;
  const char *charset = bom;

  if (charset == NULL && declared != NULL)
    charset = normalise_charset (declared);
  /* Bytes that are valid UTF-8 beyond ASCII are UTF-8 whatever the page
   * says: legacy text almost never is, and pages saved again in UTF-8
   * often keep their old <meta charset>. */
  if (charset == NULL && g_utf8_validate (data, len, NULL))
    charset = "UTF-8";
  if (charset == NULL && gloss_web_page_get_is_html (self))
    charset = (meta = charset_from_meta (data, len)) ? normalise_charset (meta) : NULL;
  if (charset == NULL)
    charset = "WINDOWS-1252";

  /* A page may name UTF-8 in any case; glibc's iconv would pass on the
   * 5- and 6-byte forms that UTF-8 no longer allows. */
  if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    self->text = g_utf8_make_valid (data + bom_len, len - bom_len);
  else
    self->text = decode_with_replacement (data + bom_len, len - bom_len, charset);
  if (self->text == NULL)
    {
      charset = g_utf8_validate (data, len, NULL) ? "UTF-8" : "WINDOWS-1252";
      self->text = decode_with_replacement (data + bom_len, len - bom_len, charset);
    }
  if (!g_utf8_validate (self->text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (self->text, -1);

      g_free (self->text);
      self->text = valid;
    }
  self->charset = g_strdup (charset);
}

/**
 * gloss_web_page_new:
 * @uri: where the page came from
 * @content_type: (nullable): its media type without parameters; %NULL means
 *   text/html
 * @charset: (nullable): the character set the server declared
 * @body: the bytes of the page, uncompressed
 *
 * Returns: (transfer full): the page, its text decoded to UTF-8
 */
GlossWebPage *
gloss_web_page_new (const char *uri,
                    const char *content_type,
                    const char *charset,
                    GBytes     *body)
{
  GlossWebPage *self;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_WEB_PAGE, NULL);
  self->uri = g_strdup (uri);
  self->content_type = g_ascii_strdown (content_type ? content_type : "text/html", -1);
  self->body = g_bytes_ref (body);
  gloss_web_page_decode (self, charset);
  return self;
}

static gboolean
check_file_size (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) <= (goffset) GLOSS_FETCHER_DEFAULT_MAX_SIZE)
    return TRUE;
  return gloss_web_set_too_large (error, GLOSS_FETCHER_DEFAULT_MAX_SIZE);
}

/**
 * gloss_web_page_new_for_file:
 * @file: a saved page (`.html`, `.htm`, `.xhtml`) or a plain text file
 * @cancellable: (nullable): a #GCancellable
 * @error: the place for a #GIOError or a #GLOSS_WEB_ERROR_TOO_LARGE
 *
 * Reads a page saved on disk. Its character set comes from the page.
 *
 * Returns: (transfer full) (nullable): the page, or %NULL on error
 */
GlossWebPage *
gloss_web_page_new_for_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *basename = NULL;
  const char *type = "text/html";

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_file_size (file, cancellable, error))
    return NULL;
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  basename = g_file_get_basename (file);
  if (g_str_has_suffix (basename, ".txt") || g_str_has_suffix (basename, ".text"))
    type = "text/plain";
  uri = g_file_get_uri (file);
  return gloss_web_page_new (uri, type, NULL, bytes);
}

const char *
gloss_web_page_get_uri (GlossWebPage *self)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), NULL);

  return self->uri;
}

const char *
gloss_web_page_get_content_type (GlossWebPage *self)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), NULL);

  return self->content_type;
}

/**
 * gloss_web_page_get_charset:
 * @self: a #GlossWebPage
 *
 * Returns: the iconv name of the character set the body was decoded from
 */
const char *
gloss_web_page_get_charset (GlossWebPage *self)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), NULL);

  return self->charset;
}

/**
 * gloss_web_page_get_body:
 * @self: a #GlossWebPage
 *
 * Returns: (transfer none): the bytes as received, uncompressed
 */
GBytes *
gloss_web_page_get_body (GlossWebPage *self)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), NULL);

  return self->body;
}

/**
 * gloss_web_page_get_fetched:
 * @self: a #GlossWebPage
 *
 * Returns: (transfer none) (nullable): when the page was fetched; %NULL
 *   for a page read from a file
 */
GDateTime *
gloss_web_page_get_fetched (GlossWebPage *self)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), NULL);

  return self->fetched;
}

void
gloss_web_page_set_fetched (GlossWebPage *self,
                            GDateTime    *fetched)
{
  g_clear_pointer (&self->fetched, g_date_time_unref);
  self->fetched = fetched ? g_date_time_ref (fetched) : NULL;
}

/**
 * gloss_web_page_get_text:
 * @self: a #GlossWebPage
 *
 * Returns: the body decoded to UTF-8
 */
const char *
gloss_web_page_get_text (GlossWebPage *self)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), NULL);

  return self->text;
}

gboolean
gloss_web_page_get_is_html (GlossWebPage *self)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), FALSE);

  return !g_str_equal (self->content_type, "text/plain");
}

/**
 * gloss_web_page_extract:
 * @self: a #GlossWebPage
 * @error: the place for a #GLOSS_WEB_ERROR
 *
 * Extracts the article from an HTML page; a plain text page is its own
 * article, with no metadata beyond its address.
 *
 * Returns: (transfer full) (nullable): the extraction, or %NULL on error
 */
GlossExtraction *
gloss_web_page_extract (GlossWebPage  *self,
                        GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), NULL);

  if (gloss_web_page_get_is_html (self))
    return gloss_extract_html (self->text, -1, self->uri, error);
  return gloss_extraction_new_for_plain_text (self->text, self->uri);
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GlossExtraction *extraction = gloss_web_page_extract (source_object, &error);

  if (extraction == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, extraction, g_object_unref);
}

/**
 * gloss_web_page_extract_async:
 * @self: a #GlossWebPage
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the article is extracted
 * @user_data: data for @callback
 *
 * Runs gloss_web_page_extract() in a worker thread.
 */
void
gloss_web_page_extract_async (GlossWebPage        *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_WEB_PAGE (self));

  /* libxml2 2.9 sets itself up on first use, unsafely if that is in two
   * threads at once. */
  xmlInitParser ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_web_page_extract_async);
  g_task_run_in_thread (task, extract_thread);
}

/**
 * gloss_web_page_extract_finish:
 * @self: a #GlossWebPage
 * @result: the result given to the callback
 * @error: the place for a #GLOSS_WEB_ERROR
 *
 * Returns: (transfer full) (nullable): the extraction, or %NULL on error
 */
GlossExtraction *
gloss_web_page_extract_finish (GlossWebPage  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_WEB_PAGE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
