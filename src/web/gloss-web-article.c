/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-web-article"

#include "config.h"

#include "gloss-web-article.h"

#include "gloss-document.h"
#include "gloss-web-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* More articles of one title in one folder than this is a mistake. */
#define MAX_SLUG_NUMBER 1000

/**
 * gloss_web_article_slug:
 * @title: (nullable): an article's title
 *
 * Makes a file name stem from @title: ASCII letters and digits in lower
 * case, words joined by hyphens, accents transliterated, at most about
 * %GLOSS_WEB_ARTICLE_MAX_SLUG characters; "article" when nothing is left.
 *
 * Returns: (transfer full): the slug
 */
char *
gloss_web_article_slug (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title ? title : "", "C");
  GString *slug = g_string_new (NULL);
  gsize last_break = 0;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (slug, g_ascii_tolower (*p));
          continue;
        }
      if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        {
          if (slug->len > GLOSS_WEB_ARTICLE_MAX_SLUG)
            break;
          last_break = slug->len;
          g_string_append_c (slug, '-');
        }
    }
  /* Cut long slugs where a word ends, or mid-word if one word is too long. */
  if (slug->len > GLOSS_WEB_ARTICLE_MAX_SLUG)
    g_string_truncate (slug, last_break > 0 ? last_break : GLOSS_WEB_ARTICLE_MAX_SLUG);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_assign (slug, "article");
  return g_string_free (slug, FALSE);
}

static char *
article_text (GlossExtraction *extraction)
{
  const char *title = gloss_extraction_get_title (extraction);
  const char *text = gloss_extraction_get_text (extraction);

  /* The headline is part of what an analyst annotates; a plain text page
   * already begins with it. */
  if (title == NULL || g_str_has_prefix (text, title))
    return g_strconcat (text, "\n", NULL);
  return g_strconcat (title, "\n\n", text, "\n", NULL);
}

static GFileOutputStream *
create_free_name (GFile         *folder,
                  const char    *slug,
                  GFile        **text_file,
                  GFile        **page_file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  for (guint n = 1; n <= MAX_SLUG_NUMBER; n++)
    {
      g_autofree char *stem = n == 1 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, n);
      g_autofree char *text_name = g_strconcat (stem, ".txt", NULL);
      g_autofree char *page_name = g_strconcat (stem, ".html", NULL);
      g_autoptr(GFile) text = g_file_get_child (folder, text_name);
      g_autoptr(GFile) page = g_file_get_child (folder, page_name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      if (g_file_query_exists (page, cancellable))
        continue;
      stream = g_file_create (text, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        {
          *text_file = g_steal_pointer (&text);
          *page_file = g_steal_pointer (&page);
          return stream;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("The folder already holds %u articles named “%s”"), MAX_SLUG_NUMBER, slug);
  return NULL;
}

static gboolean
write_text (GFileOutputStream  *stream,
            const char         *text,
            GCancellable       *cancellable,
            GError            **error)
{
  return g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, strlen (text),
                                    NULL, cancellable, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"));
}

static void
set_source (GlossSource     *source,
            GlossWebPage    *page,
            GlossExtraction *extraction)
{
  GDateTime *fetched = page ? gloss_web_page_get_fetched (page) : NULL;
  g_autofree char *fetched_iso = fetched ? g_date_time_format_iso8601 (fetched) : NULL;
  const char *url = gloss_extraction_get_url (extraction);

  /* A page read from disk is known by the address it names as its own. */
  if (!is_web_url (url))
    url = gloss_extraction_get_canonical_url (extraction);
  if (is_web_url (url))
    gloss_source_set_url (source, url);
  gloss_source_set_title (source, gloss_extraction_get_title (extraction));
  gloss_source_set_publisher (source, gloss_extraction_get_publisher (extraction));
  gloss_source_set_author (source, gloss_extraction_get_author (extraction));
  gloss_source_set_published (source, gloss_extraction_get_published (extraction));
  gloss_source_set_fetched (source, fetched_iso);
  gloss_source_set_language (source, gloss_extraction_get_language (extraction));
}

static gboolean
write_sidecar (GFile            *text_file,
               GlossWebPage     *page,
               GlossExtraction  *extraction,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GlossDocument) document = gloss_document_load (text_file, cancellable, error);

  if (document == NULL)
    return FALSE;
  set_source (gloss_document_get_source (document), page, extraction);
  return gloss_document_save (document, cancellable, error);
}

/**
 * gloss_web_article_save:
 * @folder: where to save
 * @page: (nullable): the page the article was extracted from
 * @extraction: the article
 * @cancellable: (nullable): a #GCancellable
 * @error: the place for a #GIOError or a #GLOSS_CORE_ERROR
 *
 * Saves the article in @folder as SLUG.txt (its title, then its text), its
 * sidecar SLUG.txt.gloss.json with where it came from (address, title,
 * publisher, author, publication and fetch times, language), and @page's
 * bytes, as received, as SLUG.html for the record. SLUG comes from the
 * title; "-2", "-3"… are added when the name is taken.
 *
 * Returns: (transfer full) (nullable): SLUG.txt, or %NULL on error
 */
GFile *
gloss_web_article_save (GFile            *folder,
                        GlossWebPage     *page,
                        GlossExtraction  *extraction,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autofree char *slug = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) text_file = NULL;
  g_autoptr(GFile) page_file = NULL;
  GBytes *body;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (page == NULL || GLOSS_IS_WEB_PAGE (page), NULL);
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (extraction), NULL);

  slug = gloss_web_article_slug (gloss_extraction_get_title (extraction));
  stream = create_free_name (folder, slug, &text_file, &page_file, cancellable, error);
  if (stream == NULL)
    return NULL;
  text = article_text (extraction);
  if (!write_text (stream, text, cancellable, error))
    return NULL;
  body = page ? gloss_web_page_get_body (page) : NULL;
  if (body != NULL &&
      !g_file_replace_contents (page_file, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error))
    return NULL;
  if (!write_sidecar (text_file, page, extraction, cancellable, error))
    return NULL;
  return g_steal_pointer (&text_file);
}

typedef struct
{
  GFile           *folder;
  GlossWebPage    *page;
  GlossExtraction *extraction;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->folder);
  g_clear_object (&data->page);
  g_clear_object (&data->extraction);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  GFile *file;

  file = gloss_web_article_save (data->folder, data->page, data->extraction, cancellable, &error);
  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

/**
 * gloss_web_article_save_async:
 * @folder: where to save
 * @page: (nullable): the page the article was extracted from
 * @extraction: the article
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the files are written
 * @user_data: data for @callback
 *
 * Saves as gloss_web_article_save() does, in a worker thread.
 */
void
gloss_web_article_save_async (GFile               *folder,
                              GlossWebPage        *page,
                              GlossExtraction     *extraction,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (page == NULL || GLOSS_IS_WEB_PAGE (page));
  g_return_if_fail (GLOSS_IS_EXTRACTION (extraction));

  data = g_new0 (SaveData, 1);
  data->folder = g_object_ref (folder);
  data->page = page ? g_object_ref (page) : NULL;
  data->extraction = g_object_ref (extraction);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_web_article_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * gloss_web_article_save_finish:
 * @result: the result given to the callback
 * @error: the place for a #GIOError or a #GLOSS_CORE_ERROR
 *
 * Returns: (transfer full) (nullable): SLUG.txt, or %NULL on error
 */
GFile *
gloss_web_article_save_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
