/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-clean"

#include "config.h"

#include "gloss-web-private.h"

#include <string.h>

/* Text a reader never sees, removed before anything is measured. */
static const char * const unseen_tags[] = {
  "script", "style", "noscript", "template", "link", "meta", NULL,
};

static const char * const share_words[] = {
  "share", "sharedaddy", NULL,
};

static void
remove_comments_and_unseen (xmlNode *node)
{
  xmlNode *child = node->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_COMMENT_NODE || child->type == XML_PI_NODE ||
          (child->type == XML_ELEMENT_NODE &&
           g_strv_contains (unseen_tags, (const char *) child->name)))
        gloss_html_remove (child);
      else if (child->type == XML_ELEMENT_NODE)
        remove_comments_and_unseen (child);
      child = next;
    }
}

static xmlNode *
next_significant (xmlNode *node)
{
  while (node != NULL && node->type == XML_TEXT_NODE && gloss_html_is_whitespace (node))
    node = node->next;
  return node;
}

static gboolean
trim_trailing_whitespace (xmlNode *p)
{
  while (p->last != NULL && gloss_html_is_whitespace (p->last))
    gloss_html_remove (p->last);
  return p->children != NULL;
}

/* Moves the inline content after @p's place into @p, up to a block or
 * the next pair of line breaks. */
static void
fill_paragraph (xmlNode *p)
{
  xmlNode *next = p->next;

  while (next != NULL)
    {
      xmlNode *sibling;

      if (gloss_html_tag_is (next, "br"))
        {
          xmlNode *after = next_significant (next->next);

          if (after != NULL && gloss_html_tag_is (after, "br"))
            break;
        }
      if (!gloss_html_is_phrasing (next))
        break;
      sibling = next->next;
      xmlUnlinkNode (next);
      xmlAddChild (p, next);
      next = sibling;
    }
}

/* A run of two or more <br> separates paragraphs the way </p><p> does;
 * turning them into paragraphs lets them be scored as such. */
static void
replace_br_runs (xmlNode *body)
{
  g_autoptr(GPtrArray) brs = gloss_html_find_all (body, "br");
  g_autoptr(GHashTable) removed = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < brs->len; i++)
    {
      xmlNode *br = brs->pdata[i], *next, *p;
      gboolean run = FALSE;

      if (g_hash_table_contains (removed, br))
        continue;
      while ((next = next_significant (br->next)) != NULL && gloss_html_tag_is (next, "br"))
        {
          g_hash_table_add (removed, next);
          gloss_html_remove (next);
          run = TRUE;
        }
      if (!run)
        continue;
      p = xmlNewDocNode (br->doc, NULL, (const xmlChar *) "p", NULL);
      xmlReplaceNode (br, p);
      xmlFreeNode (br);
      fill_paragraph (p);
      trim_trailing_whitespace (p);
      if (gloss_html_tag_is (p->parent, "p"))
        gloss_html_rename (p->parent, "div");
    }
}

/**
 * gloss_extract_prepare_body:
 * @body: the page's body
 *
 * Removes what is never shown (scripts, styles, comments) and turns runs
 * of line breaks into paragraphs.
 */
void
gloss_extract_prepare_body (xmlNode *body)
{
  remove_comments_and_unseen (body);
  replace_br_runs (body);
}

static void
remove_all (xmlNode    *article,
            const char *tag)
{
  g_autoptr(GPtrArray) found = gloss_html_find_all (article, tag);

  /* Backwards, so that an element goes before any that holds it. */
  for (guint i = found->len; i > 0; i--)
    gloss_html_remove (found->pdata[i - 1]);
}

static void
remove_share_widgets (xmlNode *article)
{
  for (xmlNode *top = gloss_html_first_element (article->children);
       top != NULL;
       top = gloss_html_next_element (top))
    {
      xmlNode *node = gloss_html_first_element (top->children);

      while (node != NULL)
        {
          g_autofree char *match = gloss_html_match_string (node);

          if (gloss_html_match_any (match, share_words) &&
              gloss_html_text_length (node) < 500)
            node = gloss_html_remove_and_next (node, top);
          else
            node = gloss_html_next_node (node, top, FALSE);
        }
    }
}

static void
remove_negative_headers (xmlNode           *article,
                         GlossExtractFlags  flags)
{
  static const char * const headers[] = { "h1", "h2" };

  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      g_autoptr(GPtrArray) found = gloss_html_find_all (article, headers[h]);

      for (guint i = found->len; i > 0; i--)
        if (gloss_html_class_weight (found->pdata[i - 1], flags) < 0)
          gloss_html_remove (found->pdata[i - 1]);
    }
}

static gboolean
has_media (xmlNode *node)
{
  static const char * const media[] = { "img", "embed", "object", "iframe", "video", "picture" };

  for (guint i = 0; i < G_N_ELEMENTS (media); i++)
    {
      g_autoptr(GPtrArray) found = gloss_html_find_all (node, media[i]);

      if (found->len > 0)
        return TRUE;
    }
  return FALSE;
}

static void
remove_empty_paragraphs (xmlNode *article)
{
  g_autoptr(GPtrArray) found = gloss_html_find_all (article, "p");

  for (guint i = found->len; i > 0; i--)
    {
      xmlNode *p = found->pdata[i - 1];

      if (gloss_html_text_length (p) == 0 && !has_media (p))
        gloss_html_remove (p);
    }
}

/**
 * gloss_extract_clean_article:
 * @article: the element holding the chosen article
 * @flags: the extraction's flags
 *
 * Removes what is inside the article but not part of the story: forms,
 * embedded objects, footers, asides, share widgets, controls, and blocks
 * that look like link lists or ads.
 */
void
gloss_extract_clean_article (xmlNode           *article,
                             GlossExtractFlags  flags)
{
  static const char * const dropped[] = {
    "object", "embed", "footer", "aside", "iframe", "input", "textarea",
    "select", "button", "nav", "svg",
  };

  gloss_extract_clean_conditionally (article, "form", flags);
  gloss_extract_clean_conditionally (article, "fieldset", flags);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    remove_all (article, dropped[i]);
  remove_share_widgets (article);
  remove_negative_headers (article, flags);
  gloss_extract_clean_conditionally (article, "table", flags);
  gloss_extract_clean_conditionally (article, "ul", flags);
  gloss_extract_clean_conditionally (article, "div", flags);
  remove_empty_paragraphs (article);
}
