/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-html-text"

#include "config.h"

#include "gloss-web-private.h"

#include <string.h>

typedef enum
{
  TAG_INLINE = 0,
  TAG_BLOCK  = 1 << 0,
  TAG_LINE   = 1 << 1,
  TAG_SKIP   = 1 << 2,
  TAG_CELL   = 1 << 3,
  TAG_PRE    = 1 << 4,
} TagKind;

static GHashTable *
tag_kinds (void)
{
  static GHashTable *kinds;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      static const char * const blocks[] = {
        "address", "article", "aside", "blockquote", "body", "caption",
        "center", "details", "dialog", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "main", "nav", "ol",
        "p", "section", "summary", "table", "tbody", "tfoot", "thead", "ul",
      };
      static const char * const skips[] = {
        "audio", "button", "canvas", "embed", "head", "iframe", "input",
        "noscript", "object", "script", "select", "style", "svg",
        "template", "textarea", "title", "video",
      };
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
        g_hash_table_insert (table, (gpointer) blocks[i], GUINT_TO_POINTER (TAG_BLOCK));
      for (guint i = 0; i < G_N_ELEMENTS (skips); i++)
        g_hash_table_insert (table, (gpointer) skips[i], GUINT_TO_POINTER (TAG_SKIP));
      g_hash_table_insert (table, (gpointer) "li", GUINT_TO_POINTER (TAG_BLOCK | TAG_LINE));
      g_hash_table_insert (table, (gpointer) "dt", GUINT_TO_POINTER (TAG_BLOCK | TAG_LINE));
      g_hash_table_insert (table, (gpointer) "dd", GUINT_TO_POINTER (TAG_BLOCK | TAG_LINE));
      g_hash_table_insert (table, (gpointer) "tr", GUINT_TO_POINTER (TAG_BLOCK | TAG_LINE));
      g_hash_table_insert (table, (gpointer) "td", GUINT_TO_POINTER (TAG_CELL));
      g_hash_table_insert (table, (gpointer) "th", GUINT_TO_POINTER (TAG_CELL));
      g_hash_table_insert (table, (gpointer) "pre", GUINT_TO_POINTER (TAG_BLOCK | TAG_PRE));
      kinds = table;
      g_once_init_leave (&initialised, 1);
    }
  return kinds;
}

static TagKind
tag_kind (xmlNode *node)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_kinds (), node->name));
}

gboolean
gloss_html_tag_is (xmlNode    *node,
                   const char *tag)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, tag) == 0;
}

/**
 * gloss_html_parse:
 * @html: a page in UTF-8
 * @len: its length in bytes, or -1 when nul-terminated
 * @base_url: (nullable): the page's address
 *
 * Returns: (transfer full) (nullable): the tree, never %NULL for a page
 *   that has any content
 */
xmlDoc *
gloss_html_parse (const char *html,
                  gssize      len,
                  const char *base_url)
{
  if (len < 0)
    len = strlen (html);
  return htmlReadMemory (html, (int) MIN (len, G_MAXINT), base_url, "UTF-8",
                         GLOSS_WEB_HTML_PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);
}

static inline gboolean
is_ascii_space (guchar c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

typedef struct
{
  gsize    len;
  gboolean space;
} Counter;

static void
count_text (xmlNode *node,
            Counter *counter)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          for (const guchar *p = node->content; *p != '\0'; p++)
            {
              if (is_ascii_space (*p))
                counter->space = counter->len > 0;
              else if ((*p & 0xC0) != 0x80)
                {
                  counter->len += counter->space ? 2 : 1;
                  counter->space = FALSE;
                }
            }
        }
      else if (node->type == XML_ELEMENT_NODE)
        count_text (node->children, counter);
    }
}

/**
 * gloss_html_text_length:
 * @node: an element
 *
 * Returns: the number of characters of its text, runs of white space
 *   counting as one and the ends trimmed
 */
gsize
gloss_html_text_length (xmlNode *node)
{
  Counter counter = { 0, FALSE };

  if (node->type == XML_ELEMENT_NODE)
    count_text (node->children, &counter);
  else
    count_text (node, &counter);
  return counter.len;
}

typedef struct
{
  GString  *out;
  GString  *para;
  guint     line_depth;
  guint     pre_depth;
  gboolean  space;
  gboolean  para_is_line;
  gboolean  last_was_line;
} TextBuilder;

static gboolean
is_dropped_char (gunichar c)
{
  return c == 0x00AD || c == 0x200B || c == 0xFEFF;
}

static void
builder_flush (TextBuilder *b)
{
  while (b->para->len > 0 && is_ascii_space (b->para->str[b->para->len - 1]))
    g_string_truncate (b->para, b->para->len - 1);
  b->space = FALSE;
  if (b->para->len == 0)
    return;
  if (b->out->len > 0)
    g_string_append (b->out, b->last_was_line && b->line_depth > 0 ? "\n" : "\n\n");
  g_string_append_len (b->out, b->para->str, b->para->len);
  b->last_was_line = b->line_depth > 0;
  g_string_truncate (b->para, 0);
}

static void
builder_add_char (TextBuilder *b,
                  const char  *p,
                  gsize        n)
{
  if (b->space && b->para->len > 0 && b->para->str[b->para->len - 1] != '\n')
    g_string_append_c (b->para, ' ');
  b->space = FALSE;
  g_string_append_len (b->para, p, n);
}

static void
builder_add_text (TextBuilder *b,
                  const char  *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (b->pre_depth > 0 && c != '\r')
        g_string_append_len (b->para, p, next - p);
      else if (c < 0x80 ? is_ascii_space (c) : g_unichar_isspace (c))
        b->space = TRUE;
      else if (!is_dropped_char (c))
        builder_add_char (b, p, next - p);
    }
}

static void
builder_add_break (TextBuilder *b)
{
  if (b->para->len == 0)
    return;
  /* Two line breaks in a row separate paragraphs, as they do on screen. */
  if (b->para->str[b->para->len - 1] == '\n')
    {
      builder_flush (b);
      return;
    }
  g_string_append_c (b->para, '\n');
  b->space = FALSE;
}

static void builder_add_children (TextBuilder *b,
                                  xmlNode     *node);

static void
builder_add_element (TextBuilder *b,
                     xmlNode     *node)
{
  TagKind kind = tag_kind (node);

  if (kind & TAG_SKIP)
    return;
  if (gloss_html_tag_is (node, "br"))
    {
      builder_add_break (b);
      return;
    }
  if (kind & TAG_CELL)
    b->space = TRUE;
  if (kind & TAG_BLOCK)
    builder_flush (b);
  b->line_depth += (kind & TAG_LINE) ? 1 : 0;
  b->pre_depth += (kind & TAG_PRE) ? 1 : 0;
  builder_add_children (b, node->children);
  if (kind & TAG_BLOCK)
    builder_flush (b);
  b->line_depth -= (kind & TAG_LINE) ? 1 : 0;
  b->pre_depth -= (kind & TAG_PRE) ? 1 : 0;
  if (kind & TAG_CELL)
    b->space = TRUE;
}

static void
builder_add_children (TextBuilder *b,
                      xmlNode     *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        builder_add_text (b, (const char *) node->content);
      else if (node->type == XML_ELEMENT_NODE)
        builder_add_element (b, node);
    }
}

static char *
render (xmlNode  *node,
        gboolean  as_element)
{
  TextBuilder b = { g_string_new (NULL), g_string_new (NULL), 0, 0, FALSE, FALSE, FALSE };

  if (as_element)
    builder_add_element (&b, node);
  else
    builder_add_children (&b, node);
  builder_flush (&b);
  g_string_free (b.para, TRUE);
  return g_string_free (b.out, FALSE);
}

/**
 * gloss_html_node_to_text:
 * @node: an element or a document's root
 *
 * Renders @node's text: blocks become paragraphs separated by a blank
 * line, list items and table rows lines of their own, white space inside
 * a paragraph collapsed (kept inside `<pre>`).
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
gloss_html_node_to_text (xmlNode *node)
{
  return render (node, node->type == XML_ELEMENT_NODE);
}

/**
 * gloss_html_collapsed_text:
 * @node: an element
 *
 * Returns: (transfer full): its text on one line, white space collapsed
 */
char *
gloss_html_collapsed_text (xmlNode *node)
{
  char *text = render (node->children, FALSE);
  char *out = text;
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          space = TRUE;
          continue;
        }
      if (space && *p != ' ')
        *out++ = ' ';
      *out++ = *p;
      space = FALSE;
    }
  *out = '\0';
  return text;
}

/**
 * gloss_html_to_text:
 * @html: an HTML page or fragment in UTF-8
 * @len: its length in bytes, or -1 when nul-terminated
 *
 * The whole text of @html as paragraphs, without looking for an article:
 * what gloss_extract_html() would give if the page were all article.
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
gloss_html_to_text (const char *html,
                    gssize      len)
{
  xmlDoc *doc;
  char *text;

  g_return_val_if_fail (html != NULL, NULL);

  doc = gloss_html_parse (html, len, NULL);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      xmlFreeDoc (doc);
      return g_strdup ("");
    }
  text = gloss_html_node_to_text (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  return text;
}
