/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-web-page.h"
#include "gloss-web-types.h"

G_BEGIN_DECLS

/* Larger pages are refused; a news page is rarely over 2 MiB. */
#define GLOSS_FETCHER_DEFAULT_MAX_SIZE      (G_GUINT64_CONSTANT (10) * 1024 * 1024)
/* Milliseconds without any data from the server before giving up. */
#define GLOSS_FETCHER_DEFAULT_TIMEOUT       30000
#define GLOSS_FETCHER_DEFAULT_MAX_REDIRECTS 10

#define GLOSS_TYPE_FETCHER (gloss_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (GlossFetcher, gloss_fetcher, GLOSS, FETCHER, GObject)

GlossFetcher *gloss_fetcher_new               (void);

guint         gloss_fetcher_get_timeout       (GlossFetcher            *self);
void          gloss_fetcher_set_timeout       (GlossFetcher            *self,
                                               guint                    timeout_ms);
guint64       gloss_fetcher_get_max_size      (GlossFetcher            *self);
void          gloss_fetcher_set_max_size      (GlossFetcher            *self,
                                               guint64                  max_size);
guint         gloss_fetcher_get_max_redirects (GlossFetcher            *self);
void          gloss_fetcher_set_max_redirects (GlossFetcher            *self,
                                               guint                    max_redirects);

gboolean      gloss_fetcher_check_url         (const char              *url,
                                               GError                 **error);

void          gloss_fetcher_fetch_async       (GlossFetcher            *self,
                                               const char              *url,
                                               GCancellable            *cancellable,
                                               GlossFetchProgressFunc   progress,
                                               gpointer                 progress_data,
                                               GDestroyNotify           progress_data_free,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
GlossWebPage *gloss_fetcher_fetch_finish      (GlossFetcher            *self,
                                               GAsyncResult            *result,
                                               GError                 **error);

G_END_DECLS
