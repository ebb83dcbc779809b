/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-content"

#include "config.h"

#include "gloss-web-private.h"

#include <string.h>

/* Articles shorter than this make the extraction try again with fewer
 * elements thrown away up front. */
#define MIN_ARTICLE_LENGTH 500
#define MAX_TOP_CANDIDATES 5
#define MAX_ARTICLE_LINK_DENSITY 0.5

static const char * const unlikely_words[] = {
  "-ad-", "banner", "breadcrumbs", "combx", "comment",
  "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header",
  "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
  "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
  "agegate", "pagination", "pager", "popup", "yom-remote", "font-size",
  "fontsize", "text-size", NULL,
};

static const char * const maybe_words[] = {
  "and", "article", "body", "column", "content", "main", "shadow", NULL,
};

static const char * const unlikely_roles[] = {
  "menu", "menubar", "complementary", "navigation", "alert", "alertdialog",
  "dialog", NULL,
};

static const char * const byline_words[] = {
  "byline", "author", "dateline", "writtenby", "p-author", NULL,
};

static const char * const scored_tags[] = {
  "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL,
};

static const char * const emptiable_tags[] = {
  "div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6", NULL,
};

typedef struct
{
  xmlDoc            *doc;
  xmlNode           *body;
  GlossExtractFlags  flags;
  const char        *title;
  char              *byline;
  gboolean           byline_removed;
  GHashTable        *scores;
  GPtrArray         *candidates;
  GPtrArray         *to_score;
} Grabber;

/* Whether a style attribute sets @property to @value, spaces and case
 * aside ("display: none", "DISPLAY:none"). */
static gboolean
style_sets (const char *style,
            const char *property,
            const char *value)
{
  gsize property_len = strlen (property), value_len = strlen (value);

  for (const char *p = strstr (style, property); p != NULL; p = strstr (p + 1, property))
    {
      const char *q = p + property_len;

      while (g_ascii_isspace (*q))
        q++;
      if (*q++ != ':')
        continue;
      while (g_ascii_isspace (*q))
        q++;
      if (g_ascii_strncasecmp (q, value, value_len) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_visible (xmlNode *node)
{
  const char *style = gloss_html_peek_attr (node, "style");
  const char *hidden = gloss_html_peek_attr (node, "aria-hidden");
  const char *klass = gloss_html_peek_attr (node, "class");

  if (style != NULL &&
      (style_sets (style, "display", "none") || style_sets (style, "visibility", "hidden")))
    return FALSE;
  if (gloss_html_peek_attr (node, "hidden") != NULL)
    return FALSE;
  /* The class most style sheets hide until a script shows it. */
  if (klass != NULL && gloss_html_has_token (klass, "hidden"))
    return FALSE;
  return hidden == NULL || !g_str_equal (hidden, "true") ||
         (klass != NULL && strstr (klass, "fallback-image") != NULL);
}

static gboolean
is_byline (xmlNode    *node,
           const char *match)
{
  const char *rel = gloss_html_peek_attr (node, "rel");
  const char *itemprop = gloss_html_peek_attr (node, "itemprop");
  gsize length;

  if (!((rel != NULL && g_str_equal (rel, "author")) ||
        (itemprop != NULL && strstr (itemprop, "author") != NULL) ||
        gloss_html_match_any (match, byline_words)))
    return FALSE;
  length = gloss_html_text_length (node);
  return length > 0 && length < 100;
}

static gboolean
names_author (xmlNode *node)
{
  const char *itemprop = gloss_html_peek_attr (node, "itemprop");
  const char *rel = gloss_html_peek_attr (node, "rel");
  const char *href = gloss_html_peek_attr (node, "href");

  return (itemprop != NULL && strstr (itemprop, "name") != NULL) ||
         (gloss_html_tag_is (node, "a") &&
          ((rel != NULL && g_str_equal (rel, "author")) ||
           (href != NULL && strstr (href, "/author") != NULL)));
}

/* A byline often holds a date, a job title or share buttons besides the
 * name; the element marked as the name is the name. */
static char *
byline_text (xmlNode *byline)
{
  for (xmlNode *node = gloss_html_first_element (byline->children);
       node != NULL;
       node = gloss_html_next_node (node, byline, FALSE))
    if (names_author (node) && gloss_html_text_length (node) > 0)
      return gloss_html_collapsed_text (node);
  return gloss_html_collapsed_text (byline);
}

static GHashTable *
word_set (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *word = g_string_new (NULL);

  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_hash_table_add (set, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return set;
}

/* Whether @heading says what @title says: most of its words are in it. */
static gboolean
repeats_title (xmlNode    *heading,
               const char *title)
{
  g_autofree char *text = gloss_html_collapsed_text (heading);
  g_autoptr(GHashTable) title_words = word_set (title);
  g_autoptr(GHashTable) heading_words = word_set (text);
  GHashTableIter iter;
  gpointer word;
  guint shared = 0;

  if (g_hash_table_size (heading_words) == 0)
    return FALSE;
  g_hash_table_iter_init (&iter, heading_words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    shared += g_hash_table_contains (title_words, word) ? 1 : 0;
  return shared >= 0.75 * MAX (g_hash_table_size (heading_words),
                               g_hash_table_size (title_words));
}

static gboolean
is_unlikely (Grabber    *self,
             xmlNode    *node,
             const char *match)
{
  const char *role = gloss_html_peek_attr (node, "role");

  if (!(self->flags & GLOSS_EXTRACT_STRIP_UNLIKELY))
    return FALSE;
  if (role != NULL && g_strv_contains (unlikely_roles, role))
    return TRUE;
  if (gloss_html_tag_is (node, "body") || gloss_html_tag_is (node, "a"))
    return FALSE;
  return gloss_html_match_any (match, unlikely_words) &&
         !gloss_html_match_any (match, maybe_words) &&
         !gloss_html_has_ancestor (node, "table", 3) &&
         !gloss_html_has_ancestor (node, "code", 3);
}

static gboolean
is_empty_block (xmlNode *node)
{
  if (!g_strv_contains (emptiable_tags, (const char *) node->name))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        !gloss_html_tag_is (child, "br") && !gloss_html_tag_is (child, "hr"))
      return FALSE;
  return gloss_html_text_length (node) == 0;
}

static void
wrap_phrasing_runs (xmlNode *div)
{
  xmlNode *child = div->children, *p = NULL;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (gloss_html_is_phrasing (child))
        {
          if (p == NULL && !gloss_html_is_whitespace (child))
            {
              p = xmlNewDocNode (div->doc, NULL, (const xmlChar *) "p", NULL);
              xmlAddPrevSibling (child, p);
            }
          if (p != NULL)
            {
              xmlUnlinkNode (child);
              xmlAddChild (p, child);
            }
        }
      else if (p != NULL)
        {
          while (p->last != NULL && gloss_html_is_whitespace (p->last))
            gloss_html_remove (p->last);
          p = NULL;
        }
      child = next;
    }
  while (p != NULL && p->last != NULL && gloss_html_is_whitespace (p->last))
    gloss_html_remove (p->last);
}

static xmlNode *
single_paragraph_child (xmlNode *div)
{
  xmlNode *only = NULL;

  for (xmlNode *child = div->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && !gloss_html_is_whitespace (child))
        return NULL;
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (only != NULL || !gloss_html_tag_is (child, "p"))
        return NULL;
      only = child;
    }
  return only;
}

/* A div that is really a paragraph becomes one, so it is scored. */
static xmlNode *
visit_div (Grabber *self,
           xmlNode *div)
{
  xmlNode *p;

  wrap_phrasing_runs (div);
  if ((p = single_paragraph_child (div)) != NULL && gloss_html_link_density (div) < 0.25)
    {
      xmlUnlinkNode (p);
      xmlReplaceNode (div, p);
      xmlFreeNode (div);
      g_ptr_array_add (self->to_score, p);
      return p;
    }
  if (!gloss_html_has_block_child (div))
    {
      gloss_html_rename (div, "p");
      g_ptr_array_add (self->to_score, div);
    }
  return div;
}

/* Returns the next element to look at, @node having been removed or not. */
static xmlNode *
visit (Grabber *self,
       xmlNode *node)
{
  g_autofree char *match = gloss_html_match_string (node);

  if (!is_visible (node) ||
      (gloss_html_peek_attr (node, "aria-modal") != NULL &&
       g_strcmp0 (gloss_html_peek_attr (node, "role"), "dialog") == 0))
    return gloss_html_remove_and_next (node, self->body);
  if (!self->byline_removed && is_byline (node, match))
    {
      if (self->byline == NULL)
        self->byline = byline_text (node);
      self->byline_removed = TRUE;
      return gloss_html_remove_and_next (node, self->body);
    }
  if (self->title != NULL && (gloss_html_tag_is (node, "h1") || gloss_html_tag_is (node, "h2")) &&
      repeats_title (node, self->title))
    {
      self->title = NULL;
      return gloss_html_remove_and_next (node, self->body);
    }
  if (is_unlikely (self, node, match) || is_empty_block (node))
    return gloss_html_remove_and_next (node, self->body);
  if (g_strv_contains (scored_tags, (const char *) node->name))
    g_ptr_array_add (self->to_score, node);
  if (gloss_html_tag_is (node, "div"))
    node = visit_div (self, node);
  return gloss_html_next_node (node, self->body, FALSE);
}

static double
tag_score (const char *tag)
{
  static const char * const container_tags[] = { "pre", "td", "blockquote", NULL };
  static const char * const list_tags[] = {
    "address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL,
  };
  static const char * const heading_tags[] = {
    "h1", "h2", "h3", "h4", "h5", "h6", "th", NULL,
  };

  if (g_str_equal (tag, "div"))
    return 5;
  if (g_strv_contains (container_tags, tag))
    return 3;
  if (g_strv_contains (list_tags, tag))
    return -3;
  if (g_strv_contains (heading_tags, tag))
    return -5;
  return 0;
}

static double *
candidate_score (Grabber *self,
                 xmlNode *node)
{
  double *score = g_hash_table_lookup (self->scores, node);

  if (score != NULL)
    return score;
  score = g_new (double, 1);
  *score = tag_score ((const char *) node->name) +
           gloss_html_class_weight (node, self->flags);
  g_hash_table_insert (self->scores, node, score);
  g_ptr_array_add (self->candidates, node);
  return score;
}

static void
score_paragraph (Grabber *self,
                 xmlNode *node)
{
  GlossTextStats stats;
  double points;
  guint level = 0;

  if (node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
    return;
  gloss_html_text_stats (node, &stats);
  if (stats.length < 25)
    return;
  points = 1 + stats.commas + MIN (stats.length / 100, 3);
  for (xmlNode *up = node->parent;
       up != NULL && up->type == XML_ELEMENT_NODE && level < 5;
       up = up->parent, level++)
    {
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

      if (up->parent == NULL || up->parent->type != XML_ELEMENT_NODE)
        break;
      *candidate_score (self, up) += points / divider;
    }
}

static double
score_of (Grabber *self,
          xmlNode *node)
{
  double *score = g_hash_table_lookup (self->scores, node);

  return score != NULL ? *score : 0.0;
}

static guint
find_top_candidates (Grabber *self,
                     xmlNode *top[MAX_TOP_CANDIDATES])
{
  guint n = 0;

  for (guint i = 0; i < self->candidates->len; i++)
    {
      xmlNode *node = self->candidates->pdata[i];
      double *score = g_hash_table_lookup (self->scores, node);
      guint slot;

      *score *= 1.0 - gloss_html_link_density (node);
      for (slot = 0; slot < n && score_of (self, top[slot]) >= *score; slot++)
        ;
      if (slot >= MAX_TOP_CANDIDATES)
        continue;
      memmove (&top[slot + 1], &top[slot],
               (MIN (n, MAX_TOP_CANDIDATES - 1) - slot) * sizeof top[0]);
      top[slot] = node;
      n = MIN (n + 1, MAX_TOP_CANDIDATES);
    }
  return n;
}

static gboolean
contains (xmlNode *ancestor,
          xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* When several strong candidates sit under one ancestor, the story is
 * split across them and the ancestor holds it whole. */
static xmlNode *
common_ancestor (Grabber *self,
                 xmlNode *top[],
                 guint    n)
{
  double best = score_of (self, top[0]);
  xmlNode *alternatives[MAX_TOP_CANDIDATES];
  guint n_alt = 0;

  for (guint i = 1; i < n; i++)
    if (score_of (self, top[i]) / best >= 0.75)
      alternatives[n_alt++] = top[i];
  if (n_alt < 3)
    return top[0];
  for (xmlNode *up = top[0]->parent; up != NULL && up != self->body; up = up->parent)
    {
      guint within = 0;

      for (guint i = 0; i < n_alt; i++)
        within += contains (up, alternatives[i]) ? 1 : 0;
      if (within >= 3)
        return up;
    }
  return top[0];
}

static xmlNode *
climb (Grabber *self,
       xmlNode *top)
{
  double last = *candidate_score (self, top);
  double threshold = last / 3;

  for (xmlNode *up = top->parent; up != NULL && up != self->body; up = up->parent)
    {
      double score;

      if (!g_hash_table_contains (self->scores, up))
        continue;
      score = score_of (self, up);
      if (score < threshold)
        break;
      if (score > last)
        {
          top = up;
          break;
        }
      last = score;
    }
  while (top->parent != self->body && top->parent != NULL &&
         gloss_html_first_element (top->parent->children) == top &&
         gloss_html_next_element (top) == NULL)
    top = top->parent;
  candidate_score (self, top);
  return top;
}

static xmlNode *
whole_body (Grabber *self)
{
  xmlNode *div = xmlNewDocNode (self->doc, NULL, (const xmlChar *) "div", NULL);

  while (self->body->children != NULL)
    {
      xmlNode *child = self->body->children;

      xmlUnlinkNode (child);
      xmlAddChild (div, child);
    }
  xmlAddChild (self->body, div);
  candidate_score (self, div);
  return div;
}

static gboolean
same_class (xmlNode *a,
            xmlNode *b)
{
  const char *ca = gloss_html_peek_attr (a, "class");
  const char *cb = gloss_html_peek_attr (b, "class");

  return ca != NULL && cb != NULL && *ca != '\0' && g_str_equal (ca, cb);
}

static gboolean
paragraph_belongs (xmlNode *p)
{
  double density = gloss_html_link_density (p);
  gsize length = gloss_html_text_length (p);
  g_autofree char *text = NULL;

  if (length > 80)
    return density < 0.25;
  if (length == 0 || density > 0)
    return FALSE;
  text = gloss_html_collapsed_text (p);
  return strstr (text, ". ") != NULL || g_str_has_suffix (text, ".");
}

static gboolean
sibling_belongs (Grabber *self,
                 xmlNode *sibling,
                 xmlNode *top)
{
  double top_score = score_of (self, top);
  double threshold = MAX (10, top_score * 0.2);
  double bonus = same_class (sibling, top) ? top_score * 0.2 : 0;

  if (sibling == top)
    return TRUE;
  if (g_hash_table_contains (self->scores, sibling) &&
      score_of (self, sibling) + bonus >= threshold)
    return TRUE;
  return gloss_html_tag_is (sibling, "p") && paragraph_belongs (sibling);
}

/* The story often continues in the top candidate's siblings: paragraphs
 * split by an ad, a second part under its own heading. */
static xmlNode *
gather_siblings (Grabber *self,
                 xmlNode *top)
{
  static const char * const kept_tags[] = { "div", "article", "section", "p", NULL };
  xmlNode *article = xmlNewDocNode (self->doc, NULL, (const xmlChar *) "div", NULL);
  xmlNode *sibling = gloss_html_first_element (top->parent->children);

  while (sibling != NULL)
    {
      xmlNode *next = gloss_html_next_element (sibling);

      if (sibling_belongs (self, sibling, top))
        {
          if (!g_strv_contains (kept_tags, (const char *) sibling->name))
            gloss_html_rename (sibling, "div");
          xmlUnlinkNode (sibling);
          xmlAddChild (article, sibling);
        }
      sibling = next;
    }
  return article;
}

static xmlNode *
grab (Grabber *self)
{
  xmlNode *top[MAX_TOP_CANDIDATES], *best, *article;
  xmlNode *node = gloss_html_first_element (self->body->children);
  guint n;

  while (node != NULL)
    node = visit (self, node);
  for (guint i = 0; i < self->to_score->len; i++)
    score_paragraph (self, self->to_score->pdata[i]);
  n = find_top_candidates (self, top);
  if (n == 0 || top[0] == self->body)
    best = whole_body (self);
  else
    best = climb (self, common_ancestor (self, top, n));
  article = gather_siblings (self, best);
  gloss_extract_clean_article (article, self->flags);
  return article;
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *child = root ? root->children : NULL; child != NULL; child = child->next)
    if (gloss_html_tag_is (child, "body"))
      return child;
  return root;
}

static void
grabber_start (Grabber *self,
               xmlDoc  *doc)
{
  self->doc = doc;
  self->body = find_body (doc);
  self->byline_removed = FALSE;
  g_hash_table_remove_all (self->scores);
  g_ptr_array_set_size (self->candidates, 0);
  g_ptr_array_set_size (self->to_score, 0);
  if (self->body != NULL)
    gloss_extract_prepare_body (self->body);
}

/* Returns the text of one attempt and its length as scoring counts it. */
static char *
grab_text (Grabber *self,
           gsize   *length)
{
  xmlNode *article;
  char *text;

  if (self->body == NULL)
    {
      *length = 0;
      return g_strdup ("");
    }
  article = grab (self);
  /* A page of headlines and menus has text, but no article. */
  if (gloss_html_link_density (article) > MAX_ARTICLE_LINK_DENSITY)
    {
      *length = 0;
      text = g_strdup ("");
    }
  else
    {
      *length = gloss_html_text_length (article);
      text = gloss_html_node_to_text (article);
    }
  xmlFreeNode (article);
  return text;
}

/* Each attempt after the first throws less away up front; the page is
 * parsed again for it, the first attempt having changed the tree. */
static char *
grab_with_retries (Grabber    *self,
                   xmlDoc     *doc,
                   const char *html,
                   gssize      len,
                   const char *base_url)
{
  static const GlossExtractFlags dropped[] = {
    GLOSS_EXTRACT_STRIP_UNLIKELY, GLOSS_EXTRACT_WEIGHT_CLASSES,
    GLOSS_EXTRACT_CLEAN_CONDITIONALLY,
  };
  const char *title = self->title;
  char *best = NULL;
  gsize best_length = 0;

  for (guint attempt = 0; attempt <= G_N_ELEMENTS (dropped); attempt++)
    {
      xmlDoc *reparsed = NULL;
      char *text;
      gsize length;

      if (attempt > 0)
        {
          self->flags &= ~dropped[attempt - 1];
          self->title = title;
          doc = reparsed = gloss_html_parse (html, len, base_url);
        }
      grabber_start (self, doc);
      text = grab_text (self, &length);
      xmlFreeDoc (reparsed);
      if (best == NULL || length > best_length)
        {
          g_free (best);
          best = text;
          best_length = length;
        }
      else
        g_free (text);
      if (best_length >= MIN_ARTICLE_LENGTH)
        break;
    }
  return best;
}

/**
 * gloss_extract_content:
 * @doc: @html parsed; its body is changed
 * @html: the page, to parse again when a first attempt finds too little
 * @len: its length in bytes, or -1 when nul-terminated
 * @base_url: (nullable): the page's address
 * @title: (nullable): the article's title, to drop a heading repeating it
 * @byline: (out) (optional) (transfer full): the byline found in the page,
 *   which is left out of the article
 *
 * Finds the story in @doc: scores each block by its text, its commas and
 * its links, adds the scores to the blocks that contain it, takes the best
 * container with the siblings that belong to it, and cleans what is left.
 *
 * Returns: (transfer full): the article's text
 */
char *
gloss_extract_content (xmlDoc      *doc,
                       const char  *html,
                       gssize       len,
                       const char  *base_url,
                       const char  *title,
                       char       **byline)
{
  Grabber self = { 0, };
  char *text;

  self.flags = GLOSS_EXTRACT_ALL_FLAGS;
  self.title = title;
  self.scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self.candidates = g_ptr_array_new ();
  self.to_score = g_ptr_array_new ();

  text = grab_with_retries (&self, doc, html, len, base_url);
  if (byline != NULL)
    *byline = g_steal_pointer (&self.byline);
  g_free (self.byline);
  g_hash_table_unref (self.scores);
  g_ptr_array_unref (self.candidates);
  g_ptr_array_unref (self.to_score);
  return text;
}
