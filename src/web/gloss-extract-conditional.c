/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-conditional"

#include "config.h"

#include "gloss-web-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What a block holds, counted in one walk. */
typedef struct
{
  guint p;
  guint img;
  guint li;
  guint input;
  guint embeds;
  gsize heading_length;
} BlockCounts;

static void
count_block (xmlNode     *node,
             BlockCounts *counts)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *tag = (const char *) child->name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal (tag, "p"))
        counts->p++;
      else if (g_str_equal (tag, "img"))
        counts->img++;
      else if (g_str_equal (tag, "li"))
        counts->li++;
      else if (g_str_equal (tag, "input"))
        counts->input++;
      else if (g_str_equal (tag, "object") || g_str_equal (tag, "embed") ||
               g_str_equal (tag, "iframe"))
        counts->embeds++;
      if (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && tag[2] == '\0')
        counts->heading_length += gloss_html_text_length (child);
      count_block (child, counts);
    }
}

static void
count_table (xmlNode *node,
             guint   *rows,
             guint   *columns)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint cells = 0;

      if (child->type != XML_ELEMENT_NODE || gloss_html_tag_is (child, "table"))
        continue;
      if (!gloss_html_tag_is (child, "tr"))
        {
          count_table (child, rows, columns);
          continue;
        }
      (*rows)++;
      for (xmlNode *cell = child->children; cell != NULL; cell = cell->next)
        if (gloss_html_tag_is (cell, "td") || gloss_html_tag_is (cell, "th"))
          {
            const char *span = gloss_html_peek_attr (cell, "colspan");

            cells += span != NULL ? CLAMP (atoi (span), 1, 100) : 1;
          }
      *columns = MAX (*columns, cells);
    }
}

static gboolean
has_descendant (xmlNode                *node,
                const char * const     *tags)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        (g_strv_contains (tags, (const char *) child->name) ||
         has_descendant (child, tags)))
      return TRUE;
  return FALSE;
}

/* Tables of data belong to the story; tables for layout are judged like
 * any other block. */
static gboolean
is_data_table (xmlNode *table)
{
  static const char * const data_tags[] = { "col", "colgroup", "tfoot", "thead", "th", NULL };
  static const char * const tables[] = { "table", NULL };
  const char *role = gloss_html_peek_attr (table, "role");
  const char *datatable = gloss_html_peek_attr (table, "datatable");
  guint rows = 0, columns = 0;

  if ((role != NULL && g_str_equal (role, "presentation")) ||
      (datatable != NULL && g_str_equal (datatable, "0")))
    return FALSE;
  if (gloss_html_peek_attr (table, "summary") != NULL || has_descendant (table, data_tags))
    return TRUE;
  if (has_descendant (table, tables))
    return FALSE;
  count_table (table, &rows, &columns);
  if (rows == 1 || columns == 1)
    return FALSE;
  return rows >= 10 || columns > 4 || rows * columns > 10;
}

static gboolean
in_data_table (xmlNode *node)
{
  for (node = node->parent; node != NULL; node = node->parent)
    if (gloss_html_tag_is (node, "table") && is_data_table (node))
      return TRUE;
  return FALSE;
}

static gboolean
is_list (const char *tag)
{
  return g_str_equal (tag, "ul") || g_str_equal (tag, "ol");
}

static gboolean
looks_like_clutter (xmlNode    *node,
                    const char *tag,
                    int         weight)
{
  gboolean list = is_list (tag);
  gboolean in_figure = gloss_html_has_ancestor (node, "figure", 0);
  BlockCounts counts = { 0, };
  GlossTextStats stats;
  double link_density, heading_density;

  count_block (node, &counts);
  gloss_html_text_stats (node, &stats);
  link_density = gloss_html_link_density (node);
  heading_density = stats.length > 0 ? (double) counts.heading_length / stats.length : 0.0;

  return (counts.img > 1 && (double) counts.p / counts.img < 0.5 && !in_figure) ||
         (!list && counts.li > counts.p + 100) ||
         (counts.input > floor (counts.p / 3.0)) ||
         (!list && heading_density < 0.9 && stats.length < 25 &&
          (counts.img == 0 || counts.img > 2) && !in_figure) ||
         (!list && weight < 25 && link_density > 0.2) ||
         (weight >= 25 && link_density > 0.5) ||
         (counts.embeds == 1 && stats.length < 75) || counts.embeds > 1;
}

static gboolean
should_remove (xmlNode           *node,
               const char        *tag,
               GlossExtractFlags  flags)
{
  GlossTextStats stats;
  int weight;

  if (g_str_equal (tag, "table") && is_data_table (node))
    return FALSE;
  if (in_data_table (node) || gloss_html_has_ancestor (node, "code", 0))
    return FALSE;
  weight = gloss_html_class_weight (node, flags);
  if (weight < 0)
    return TRUE;
  gloss_html_text_stats (node, &stats);
  /* Prose has commas; lists of links and ads do not. */
  if (stats.commas >= 10)
    return FALSE;
  return looks_like_clutter (node, tag, weight);
}

/**
 * gloss_extract_clean_conditionally:
 * @article: the element holding the article
 * @tag: the blocks to judge
 * @flags: the extraction's flags
 *
 * Removes the @tag blocks of @article that look like clutter: negative
 * class names, many links, many images or fields and little text.
 */
void
gloss_extract_clean_conditionally (xmlNode           *article,
                                   const char        *tag,
                                   GlossExtractFlags  flags)
{
  g_autoptr(GPtrArray) found = NULL;

  if (!(flags & GLOSS_EXTRACT_CLEAN_CONDITIONALLY))
    return;
  found = gloss_html_find_all (article, tag);
  /* Backwards: what an element holds is judged before the element. */
  for (guint i = found->len; i > 0; i--)
    if (should_remove (found->pdata[i - 1], tag, flags))
      gloss_html_remove (found->pdata[i - 1]);
}
