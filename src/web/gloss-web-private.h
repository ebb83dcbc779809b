/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-extraction.h"
#include "gloss-web-page.h"

G_BEGIN_DECLS

#define GLOSS_WEB_HTML_PARSE_OPTIONS \
  (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
   HTML_PARSE_NONET | HTML_PARSE_COMPACT)

typedef struct
{
  char *title;
  char *author;
  char *published;
  char *publisher;
  char *language;
  char *canonical_url;
  char *description;
} GlossPageMetadata;

struct _GlossExtraction
{
  GObject            parent_instance;

  char              *url;
  char              *text;
  GlossPageMetadata  meta;
};

typedef enum
{
  GLOSS_EXTRACT_STRIP_UNLIKELY      = 1 << 0,
  GLOSS_EXTRACT_WEIGHT_CLASSES      = 1 << 1,
  GLOSS_EXTRACT_CLEAN_CONDITIONALLY = 1 << 2,
} GlossExtractFlags;

#define GLOSS_EXTRACT_ALL_FLAGS \
  (GLOSS_EXTRACT_STRIP_UNLIKELY | GLOSS_EXTRACT_WEIGHT_CLASSES | \
   GLOSS_EXTRACT_CLEAN_CONDITIONALLY)

typedef struct
{
  gsize length;
  guint commas;
} GlossTextStats;

/* gloss-web-types.c */
gboolean  gloss_web_set_too_large             (GError           **error,
                                               guint64            max_size);

/* gloss-web-page.c */
void      gloss_web_page_set_fetched          (GlossWebPage      *self,
                                               GDateTime         *fetched);

/* gloss-extract-metadata.c */
void      gloss_page_metadata_clear           (GlossPageMetadata *meta);
void      gloss_page_metadata_read            (GlossPageMetadata *meta,
                                               xmlDoc            *doc,
                                               const char        *base_url);
char     *gloss_web_normalise_date            (const char        *text);

/* gloss-extract-content.c */
char     *gloss_extract_content               (xmlDoc            *doc,
                                               const char        *html,
                                               gssize             len,
                                               const char        *base_url,
                                               const char        *title,
                                               char             **byline);

/* gloss-extract-clean.c */
void      gloss_extract_prepare_body          (xmlNode           *body);
void      gloss_extract_clean_article         (xmlNode           *article,
                                               GlossExtractFlags  flags);

/* gloss-extract-conditional.c */
void      gloss_extract_clean_conditionally   (xmlNode           *article,
                                               const char        *tag,
                                               GlossExtractFlags  flags);

/* gloss-html-dom.c */
const char *gloss_html_peek_attr              (xmlNode           *node,
                                               const char        *name);
char     *gloss_html_match_string             (xmlNode           *node);
gboolean  gloss_html_match_any                (const char        *haystack,
                                               const char * const *needles);
gboolean  gloss_html_has_token                (const char        *list,
                                               const char        *token);
GHashTable *gloss_html_tag_set                (const char * const *tags);
gboolean  gloss_html_tag_in                   (xmlNode           *node,
                                               GHashTable        *set);
int       gloss_html_class_weight             (xmlNode           *node,
                                               GlossExtractFlags  flags);
xmlNode  *gloss_html_first_element            (xmlNode           *node);
xmlNode  *gloss_html_next_element             (xmlNode           *node);
xmlNode  *gloss_html_next_node                (xmlNode           *node,
                                               xmlNode           *root,
                                               gboolean           skip_children);
xmlNode  *gloss_html_remove_and_next          (xmlNode           *node,
                                               xmlNode           *root);
void      gloss_html_remove                   (xmlNode           *node);
void      gloss_html_rename                   (xmlNode           *node,
                                               const char        *tag);
gboolean  gloss_html_has_ancestor             (xmlNode           *node,
                                               const char        *tag,
                                               guint              max_depth);
gboolean  gloss_html_is_whitespace            (xmlNode           *node);
gboolean  gloss_html_is_phrasing              (xmlNode           *node);
gboolean  gloss_html_has_block_child          (xmlNode           *node);
double    gloss_html_link_density             (xmlNode           *node);
void      gloss_html_text_stats               (xmlNode           *node,
                                               GlossTextStats    *stats);
GPtrArray *gloss_html_find_all                (xmlNode           *root,
                                               const char        *tag);

/* gloss-html-text.c */
gboolean  gloss_html_tag_is                   (xmlNode           *node,
                                               const char        *tag);
char     *gloss_html_collapsed_text           (xmlNode           *node);
gsize     gloss_html_text_length              (xmlNode           *node);
char     *gloss_html_node_to_text             (xmlNode           *node);
xmlDoc   *gloss_html_parse                    (const char        *html,
                                               gssize             len,
                                               const char        *base_url);

G_END_DECLS
