/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-annotation.h"
#include "gloss-import.h"

G_BEGIN_DECLS

/* One annotation read from a foreign file, in the article's code points.
 * Labels and entities are named, not identified: the merge finds or
 * creates them in the target sidecar. */
typedef struct
{
  GlossAnnotationKind kind;
  gint64              start;
  gint64              end;
  char               *label;
  char               *entity;
  char               *link;
  char              **tags;
  char               *note;
  char               *author;
  char               *created;
  char               *modified;
  GlossClaimStatus    status;
  GlossVerdict        verdict;
  char               *claimant;
  char              **sources;
  char               *reviewer;
  char               *reviewed;
  JsonObject         *extra;
} GlossImportItem;

/* What goes into one article: its text, the items, and what the format
 * had that Gloss has no place for, kept verbatim in the sidecar member
 * @kept_key so that nothing is dropped. */
typedef struct
{
  GFile     *article;
  char      *text;
  gboolean   create;
  GPtrArray *items;
  char      *kept_key;
  JsonArray *kept;
} GlossImportArticle;

GlossImport        *gloss_import_new               (void);
GlossImportArticle *gloss_import_add_article       (GlossImport        *self,
                                                    GFile              *article,
                                                    const char         *text,
                                                    gboolean            create,
                                                    const char         *kept_key);
GlossImportItem    *gloss_import_article_add_item  (GlossImport        *self,
                                                    GlossImportArticle *article,
                                                    GlossAnnotationKind kind,
                                                    gint64              start,
                                                    gint64              end);
void                gloss_import_article_keep      (GlossImport        *self,
                                                    GlossImportArticle *article,
                                                    JsonNode           *value);
void                gloss_import_add_note          (GlossImport        *self,
                                                    const char         *format,
                                                    ...) G_GNUC_PRINTF (2, 3);
void                gloss_import_item_add_tag      (GlossImportItem    *item,
                                                    const char         *tag);
GBytes             *gloss_import_merge             (GlossImportArticle *article,
                                                    GBytes             *base,
                                                    guint              *n_present,
                                                    GError            **error);

G_END_DECLS
