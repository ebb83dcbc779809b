/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_SOURCE (gloss_source_get_type ())

G_DECLARE_FINAL_TYPE (GlossSource, gloss_source, GLOSS, SOURCE, GObject)

/* What the sidecar records about the article: the file name, the SHA-256
 * and length (code points) of the text its offsets refer to, and what is
 * known of where it came from. Times are ISO 8601 strings. */
GlossSource        *gloss_source_new           (void);
const char         *gloss_source_get_file      (GlossSource        *self);
void                gloss_source_set_file      (GlossSource        *self,
                                                const char         *file);
const char         *gloss_source_get_sha256    (GlossSource        *self);
void                gloss_source_set_sha256    (GlossSource        *self,
                                                const char         *sha256);
gint64              gloss_source_get_length    (GlossSource        *self);
void                gloss_source_set_length    (GlossSource        *self,
                                                gint64              length);
const char         *gloss_source_get_url       (GlossSource        *self);
void                gloss_source_set_url       (GlossSource        *self,
                                                const char         *url);
const char         *gloss_source_get_title     (GlossSource        *self);
void                gloss_source_set_title     (GlossSource        *self,
                                                const char         *title);
const char         *gloss_source_get_publisher (GlossSource        *self);
void                gloss_source_set_publisher (GlossSource        *self,
                                                const char         *publisher);
const char         *gloss_source_get_author    (GlossSource        *self);
void                gloss_source_set_author    (GlossSource        *self,
                                                const char         *author);
const char         *gloss_source_get_published (GlossSource        *self);
void                gloss_source_set_published (GlossSource        *self,
                                                const char         *published);
const char         *gloss_source_get_fetched   (GlossSource        *self);
void                gloss_source_set_fetched   (GlossSource        *self,
                                                const char         *fetched);
const char         *gloss_source_get_language  (GlossSource        *self);
void                gloss_source_set_language  (GlossSource        *self,
                                                const char         *language);
const char * const *gloss_source_get_tags      (GlossSource        *self);
void                gloss_source_set_tags      (GlossSource        *self,
                                                const char * const *tags);

G_END_DECLS
