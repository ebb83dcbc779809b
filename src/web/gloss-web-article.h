/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-extraction.h"
#include "gloss-web-page.h"

G_BEGIN_DECLS

/* Slugs are cut at a word boundary to about this many characters. */
#define GLOSS_WEB_ARTICLE_MAX_SLUG 60

char  *gloss_web_article_slug        (const char           *title);
GFile *gloss_web_article_save        (GFile                *folder,
                                      GlossWebPage         *page,
                                      GlossExtraction      *extraction,
                                      GCancellable         *cancellable,
                                      GError              **error);
void   gloss_web_article_save_async  (GFile                *folder,
                                      GlossWebPage         *page,
                                      GlossExtraction      *extraction,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GFile *gloss_web_article_save_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
