/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-html-dom"

#include "config.h"

#include "gloss-web-private.h"

#include <string.h>

/* Words in class names and ids that mark the story, or what is around it. */
static const char * const negative_words[] = {
  "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
  "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
  "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
  "sponsor", "shopping", "tags", "widget", "font-size", "fontsize",
  "text-size", NULL,
};

static const char * const positive_words[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main",
  "page", "pagination", "post", "text", "blog", "story", NULL,
};

/**
 * gloss_html_peek_attr:
 * @node: an element
 * @name: an attribute name, lower case
 *
 * Returns: (nullable): the attribute's value, owned by @node
 */
const char *
gloss_html_peek_attr (xmlNode    *node,
                      const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlNode *value = attr->children;

      if (strcmp ((const char *) attr->name, name) != 0)
        continue;
      if (value != NULL && value->type == XML_TEXT_NODE && value->next == NULL)
        return (const char *) value->content;
      return "";
    }
  return NULL;
}

/**
 * gloss_html_match_string:
 * @node: an element
 *
 * Returns: (transfer full): its class and id, lower case
 */
char *
gloss_html_match_string (xmlNode *node)
{
  const char *klass = gloss_html_peek_attr (node, "class");
  const char *id = gloss_html_peek_attr (node, "id");
  char *match = g_strconcat (klass ? klass : "", " ", id ? id : "", NULL);

  for (char *p = match; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  return match;
}

gboolean
gloss_html_match_any (const char         *haystack,
                      const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (haystack, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * gloss_html_has_token:
 * @list: a space-separated list, such as a class attribute
 * @token: a word
 *
 * Returns: whether @token is one of the words of @list
 */
gboolean
gloss_html_has_token (const char *list,
                      const char *token)
{
  gsize len = strlen (token);

  for (const char *p = strstr (list, token); p != NULL; p = strstr (p + 1, token))
    if ((p == list || g_ascii_isspace (p[-1])) && (p[len] == '\0' || g_ascii_isspace (p[len])))
      return TRUE;
  return FALSE;
}

static int
weigh (const char *value)
{
  g_autofree char *lower = NULL;
  int weight = 0;

  if (value == NULL || *value == '\0')
    return 0;
  lower = g_ascii_strdown (value, -1);
  if (gloss_html_match_any (lower, negative_words) || gloss_html_has_token (lower, "hid"))
    weight -= 25;
  if (gloss_html_match_any (lower, positive_words))
    weight += 25;
  return weight;
}

/**
 * gloss_html_class_weight:
 * @node: an element
 * @flags: the extraction's flags
 *
 * Returns: how much @node's class and id say it holds the story (positive)
 *   or what surrounds it (negative); 0 when classes are not weighed
 */
int
gloss_html_class_weight (xmlNode           *node,
                         GlossExtractFlags  flags)
{
  if (!(flags & GLOSS_EXTRACT_WEIGHT_CLASSES))
    return 0;
  return weigh (gloss_html_peek_attr (node, "class")) +
         weigh (gloss_html_peek_attr (node, "id"));
}

xmlNode *
gloss_html_first_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

xmlNode *
gloss_html_next_element (xmlNode *node)
{
  return node != NULL ? gloss_html_first_element (node->next) : NULL;
}

/**
 * gloss_html_next_node:
 * @node: an element inside @root
 * @root: where the walk stops
 * @skip_children: whether to leave out @node's descendants
 *
 * Returns: (nullable): the element after @node in document order
 */
xmlNode *
gloss_html_next_node (xmlNode  *node,
                      xmlNode  *root,
                      gboolean  skip_children)
{
  xmlNode *next;

  if (!skip_children && (next = gloss_html_first_element (node->children)) != NULL)
    return next;
  for (; node != NULL && node != root; node = node->parent)
    if ((next = gloss_html_next_element (node)) != NULL)
      return next;
  return NULL;
}

void
gloss_html_remove (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

xmlNode *
gloss_html_remove_and_next (xmlNode *node,
                            xmlNode *root)
{
  xmlNode *next = gloss_html_next_node (node, root, TRUE);

  gloss_html_remove (node);
  return next;
}

void
gloss_html_rename (xmlNode    *node,
                   const char *tag)
{
  xmlNodeSetName (node, (const xmlChar *) tag);
}

gboolean
gloss_html_has_ancestor (xmlNode    *node,
                         const char *tag,
                         guint       max_depth)
{
  guint depth = 0;

  for (node = node->parent; node != NULL; node = node->parent)
    {
      if (max_depth > 0 && ++depth > max_depth)
        return FALSE;
      if (gloss_html_tag_is (node, tag))
        return TRUE;
    }
  return FALSE;
}

gboolean
gloss_html_is_whitespace (xmlNode *node)
{
  if (node->type == XML_TEXT_NODE)
    {
      for (const char *p = (const char *) node->content; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
      return TRUE;
    }
  return gloss_html_tag_is (node, "br");
}

/**
 * gloss_html_tag_set:
 * @tags: (array zero-terminated=1): tag names, lower case, static
 *
 * Returns: (transfer full): a set to look tags up in with
 *   gloss_html_tag_in()
 */
GHashTable *
gloss_html_tag_set (const char * const *tags)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; tags[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) tags[i]);
  return set;
}

gboolean
gloss_html_tag_in (xmlNode    *node,
                   GHashTable *set)
{
  return node->type == XML_ELEMENT_NODE && g_hash_table_contains (set, node->name);
}

static gboolean
is_phrasing_tag (xmlNode *node)
{
  static const char * const tags[] = {
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data",
    "datalist", "dfn", "em", "embed", "font", "i", "img", "input", "kbd",
    "label", "mark", "math", "meter", "noscript", "object", "output",
    "progress", "q", "ruby", "s", "samp", "script", "select", "small",
    "span", "strike", "strong", "sub", "sup", "textarea", "time", "tt", "u",
    "var", "wbr", NULL,
  };
  static GHashTable *set;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      set = gloss_html_tag_set (tags);
      g_once_init_leave (&initialised, 1);
    }
  return gloss_html_tag_in (node, set);
}

/**
 * gloss_html_is_phrasing:
 * @node: a node
 *
 * Returns: whether @node is text or an inline element that holds only
 *   inline content
 */
gboolean
gloss_html_is_phrasing (xmlNode *node)
{
  const char *tag;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  tag = (const char *) node->name;
  if (is_phrasing_tag (node))
    return TRUE;
  if (!g_str_equal (tag, "a") && !g_str_equal (tag, "del") && !g_str_equal (tag, "ins"))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (!gloss_html_is_phrasing (child))
      return FALSE;
  return TRUE;
}

/**
 * gloss_html_has_block_child:
 * @node: an element
 *
 * Returns: whether anything inside @node makes it more than a paragraph
 */
gboolean
gloss_html_has_block_child (xmlNode *node)
{
  static const char * const blocks[] = {
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", NULL,
  };

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_strv_contains (blocks, (const char *) child->name) ||
          gloss_html_has_block_child (child))
        return TRUE;
    }
  return FALSE;
}

static gsize
link_length (xmlNode *node)
{
  gsize length = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (gloss_html_tag_is (child, "a"))
        {
          const char *href = gloss_html_peek_attr (child, "href");
          gsize len = gloss_html_text_length (child);

          /* Links within the page (footnotes, sections) are mostly text. */
          length += href != NULL && href[0] == '#' ? len * 3 / 10 : len;
        }
      else
        length += link_length (child);
    }
  return length;
}

/**
 * gloss_html_link_density:
 * @node: an element
 *
 * Returns: the share of @node's text that is inside links
 */
double
gloss_html_link_density (xmlNode *node)
{
  gsize total = gloss_html_text_length (node);

  if (total == 0)
    return 0.0;
  return MIN (1.0, (double) link_length (node) / (double) total);
}

static void
add_text_stats (const guchar   *p,
                GlossTextStats *stats,
                gboolean       *space)
{
  for (; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f')
        {
          *space = stats->length > 0;
          continue;
        }
      if ((*p & 0xC0) == 0x80)
        continue;
      stats->length += *space ? 2 : 1;
      *space = FALSE;
      /* Commas of Latin, Arabic and CJK scripts. */
      if (*p == ',' ||
          (p[0] == 0xD8 && p[1] == 0x8C) ||
          (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
          (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81))
        stats->commas++;
    }
}

static void
collect_text_stats (xmlNode        *node,
                    GlossTextStats *stats,
                    gboolean       *space)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        add_text_stats (node->content, stats, space);
      else if (node->type == XML_ELEMENT_NODE)
        collect_text_stats (node->children, stats, space);
    }
}

/**
 * gloss_html_text_stats:
 * @node: an element
 * @stats: (out): its text's length, as gloss_html_text_length() counts it,
 *   and its number of commas
 */
void
gloss_html_text_stats (xmlNode        *node,
                       GlossTextStats *stats)
{
  gboolean space = FALSE;

  stats->length = 0;
  stats->commas = 0;
  collect_text_stats (node->children, stats, &space);
}

/**
 * gloss_html_find_all:
 * @root: an element
 * @tag: a tag name, lower case
 *
 * Returns: (transfer container) (element-type xmlNode): the elements named
 *   @tag inside @root, in document order
 */
GPtrArray *
gloss_html_find_all (xmlNode    *root,
                     const char *tag)
{
  GPtrArray *found = g_ptr_array_new ();

  for (xmlNode *node = gloss_html_first_element (root->children);
       node != NULL;
       node = gloss_html_next_node (node, root, FALSE))
    if (gloss_html_tag_is (node, tag))
      g_ptr_array_add (found, node);
  return found;
}
