/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extraction"

#include "config.h"

#include "gloss-extraction.h"

#include "gloss-web-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Longest first line of a plain text page taken as its title. */
#define MAX_PLAIN_TITLE 150
/* Longest "By Name" paragraph taken for a byline. */
#define MAX_PLAIN_BYLINE 60

G_DEFINE_FINAL_TYPE (GlossExtraction, gloss_extraction, G_TYPE_OBJECT)

static void
gloss_extraction_finalize (GObject *object)
{
  GlossExtraction *self = GLOSS_EXTRACTION (object);

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->text, g_free);
  gloss_page_metadata_clear (&self->meta);

  G_OBJECT_CLASS (gloss_extraction_parent_class)->finalize (object);
}

static void
gloss_extraction_class_init (GlossExtractionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_extraction_finalize;
}

static void
gloss_extraction_init (GlossExtraction *self)
{
}

static guint
count_letters (const char *text,
               gsize       len)
{
  guint letters = 0;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    letters += g_unichar_isalpha (g_utf8_get_char (p)) ? 1 : 0;
  return letters;
}

static const char *
skip_by (const char *text)
{
  return g_ascii_strncasecmp (text, "by ", 3) == 0 ? text + 3 : text;
}

/* A short "By Name" paragraph at the top is a byline the page did not
 * mark as one. */
static gboolean
is_plain_byline (const char *paragraph,
                 gsize       len,
                 guint       index)
{
  return index < 3 && len <= MAX_PLAIN_BYLINE && skip_by (paragraph) != paragraph &&
         memchr (paragraph, '\n', len) == NULL;
}

static gboolean
is_byline_repeat (const char *paragraph,
                  gsize       len,
                  const char *author)
{
  g_autofree char *text = g_strndup (paragraph, len);

  if (author == NULL || len > strlen (author) + 8)
    return FALSE;
  return g_utf8_collate (skip_by (text), author) == 0;
}

/* Drops the paragraphs a reader would not count as the story: controls
 * left without their buttons ("+ ↺ − 16 px") and bylines, which become
 * the author when the page named none. */
static char *
drop_junk_paragraphs (GlossExtraction *self,
                      const char      *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  for (guint index = 0; *p != '\0'; index++)
    {
      const char *end = strstr (p, "\n\n");
      gsize len = end ? (gsize) (end - p) : strlen (p);

      if (is_plain_byline (p, len, index) && self->meta.author == NULL)
        self->meta.author = g_strndup (skip_by (p), len - (skip_by (p) - p));
      else if (count_letters (p, len) >= 3 && !is_byline_repeat (p, len, self->meta.author))
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append_len (out, p, len);
        }
      p += len;
      while (*p == '\n')
        p++;
    }
  return g_string_free (out, FALSE);
}

static char *
clean_byline (const char *byline)
{
  g_autofree char *text = g_strstrip (g_strdup (byline));
  const char *name = skip_by (text);

  return *name != '\0' ? g_strdup (name) : NULL;
}

static void
extract_text (GlossExtraction *self,
              xmlDoc          *doc,
              const char      *html,
              gssize           len)
{
  g_autofree char *byline = NULL;
  g_autofree char *raw = NULL;

  raw = gloss_extract_content (doc, html, len, self->url, self->meta.title, &byline);
  if (self->meta.author == NULL && byline != NULL)
    self->meta.author = clean_byline (byline);
  self->text = drop_junk_paragraphs (self, raw);
}

/**
 * gloss_extract_html:
 * @html: a web page in UTF-8
 * @len: its length in bytes, or -1 when nul-terminated
 * @base_url: (nullable): the page's address, to resolve relative links
 * @error: the place for a #GLOSS_WEB_ERROR_NO_ARTICLE
 *
 * Finds the article in a page: its text without navigation, asides,
 * comments, ads, scripts, forms and share widgets, and its title, author,
 * date, publisher, language, address and summary.
 *
 * Returns: (transfer full) (nullable): the extraction, or %NULL when the
 *   page has no article: no text, or text that is mostly links (a home
 *   page, a list of headlines)
 */
GlossExtraction *
gloss_extract_html (const char  *html,
                    gssize       len,
                    const char  *base_url,
                    GError     **error)
{
  g_autoptr(GlossExtraction) self = NULL;
  xmlDoc *doc;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = gloss_html_parse (html, len, base_url);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_NO_ARTICLE,
                           _("The page is empty"));
      return NULL;
    }
  self = g_object_new (GLOSS_TYPE_EXTRACTION, NULL);
  self->url = g_strdup (base_url);
  gloss_page_metadata_read (&self->meta, doc, base_url);
  extract_text (self, doc, html, len);
  xmlFreeDoc (doc);
  if (*self->text == '\0')
    {
      g_set_error_literal (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_NO_ARTICLE,
                           _("No article text was found in the page"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * gloss_extraction_new_for_plain_text:
 * @text: the article, UTF-8
 * @url: (nullable): where it came from
 *
 * A plain text page is all article; its first line, when short, is taken
 * as its title.
 *
 * Returns: (transfer full): the extraction
 */
GlossExtraction *
gloss_extraction_new_for_plain_text (const char *text,
                                     const char *url)
{
  GlossExtraction *self;
  const char *start = text, *end;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_EXTRACTION, NULL);
  self->url = g_strdup (url);
  self->meta.canonical_url = g_strdup (url);
  self->text = g_strdup (text);
  while (g_ascii_isspace (*start))
    start++;
  end = strchr (start, '\n');
  if (end == NULL)
    end = start + strlen (start);
  if (end > start && end - start <= MAX_PLAIN_TITLE)
    self->meta.title = g_strstrip (g_strndup (start, end - start));
  return self;
}

/**
 * gloss_extraction_get_text:
 * @self: a #GlossExtraction
 *
 * Returns: the article's text: paragraphs separated by a blank line
 */
const char *
gloss_extraction_get_text (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->text;
}

/**
 * gloss_extraction_get_url:
 * @self: a #GlossExtraction
 *
 * Returns: (nullable): the address the page was read from
 */
const char *
gloss_extraction_get_url (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->url;
}

/**
 * gloss_extraction_get_title:
 * @self: a #GlossExtraction
 *
 * Returns: (nullable): the headline, without the site's name
 */
const char *
gloss_extraction_get_title (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->meta.title;
}

/**
 * gloss_extraction_get_author:
 * @self: a #GlossExtraction
 *
 * Returns: (nullable): who wrote the article; several names are separated
 *   by commas
 */
const char *
gloss_extraction_get_author (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->meta.author;
}

/**
 * gloss_extraction_get_published:
 * @self: a #GlossExtraction
 *
 * Returns: (nullable): when it was published, in ISO 8601
 */
const char *
gloss_extraction_get_published (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->meta.published;
}

/**
 * gloss_extraction_get_publisher:
 * @self: a #GlossExtraction
 *
 * Returns: (nullable): the publication or site name
 */
const char *
gloss_extraction_get_publisher (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->meta.publisher;
}

/**
 * gloss_extraction_get_language:
 * @self: a #GlossExtraction
 *
 * Returns: (nullable): the page's language tag, such as "en-GB"
 */
const char *
gloss_extraction_get_language (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->meta.language;
}

/**
 * gloss_extraction_get_canonical_url:
 * @self: a #GlossExtraction
 *
 * Returns: (nullable): the address the page names as its own
 */
const char *
gloss_extraction_get_canonical_url (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->meta.canonical_url;
}

/**
 * gloss_extraction_get_description:
 * @self: a #GlossExtraction
 *
 * Returns: (nullable): the page's own summary of the article
 */
const char *
gloss_extraction_get_description (GlossExtraction *self)
{
  g_return_val_if_fail (GLOSS_IS_EXTRACTION (self), NULL);

  return self->meta.description;
}
