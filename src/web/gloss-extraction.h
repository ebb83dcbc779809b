/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gloss-web-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXTRACTION (gloss_extraction_get_type ())

G_DECLARE_FINAL_TYPE (GlossExtraction, gloss_extraction, GLOSS, EXTRACTION, GObject)

/**
 * GlossExtraction:
 *
 * The article found in a web page: its text, as paragraphs separated by a
 * blank line (items of a list on lines of their own), and what the page
 * says about it. Every field but the text may be %NULL.
 */

GlossExtraction *gloss_extract_html                    (const char      *html,
                                                        gssize           len,
                                                        const char      *base_url,
                                                        GError         **error);
GlossExtraction *gloss_extraction_new_for_plain_text   (const char      *text,
                                                        const char      *url);
char            *gloss_html_to_text                    (const char      *html,
                                                        gssize           len);

const char      *gloss_extraction_get_text             (GlossExtraction *self);
const char      *gloss_extraction_get_url              (GlossExtraction *self);
const char      *gloss_extraction_get_title            (GlossExtraction *self);
const char      *gloss_extraction_get_author           (GlossExtraction *self);
const char      *gloss_extraction_get_published        (GlossExtraction *self);
const char      *gloss_extraction_get_publisher        (GlossExtraction *self);
const char      *gloss_extraction_get_language         (GlossExtraction *self);
const char      *gloss_extraction_get_canonical_url    (GlossExtraction *self);
const char      *gloss_extraction_get_description      (GlossExtraction *self);

G_END_DECLS
