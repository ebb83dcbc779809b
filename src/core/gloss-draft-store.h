/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-core-types.h"
#include "gloss-draft.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DRAFT_STORE (gloss_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (GlossDraftStore, gloss_draft_store, GLOSS, DRAFT_STORE, GObject)

GlossDraftStore *gloss_draft_store_new              (void);
GlossDraftStore *gloss_draft_store_new_for_folder   (GFile                *folder);
GFile           *gloss_draft_store_get_folder       (GlossDraftStore      *self);
GFile           *gloss_draft_store_dup_draft_file   (GlossDraftStore      *self,
                                                     GFile                *article);

gboolean         gloss_draft_store_save             (GlossDraftStore      *self,
                                                     GFile                *article,
                                                     const char           *text,
                                                     GBytes               *sidecar,
                                                     GError              **error);
void             gloss_draft_store_save_async       (GlossDraftStore      *self,
                                                     GFile                *article,
                                                     const char           *text,
                                                     GBytes               *sidecar,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         gloss_draft_store_save_finish      (GlossDraftStore      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

GlossDraft      *gloss_draft_store_lookup           (GlossDraftStore      *self,
                                                     GFile                *article,
                                                     GError              **error);
void             gloss_draft_store_lookup_async     (GlossDraftStore      *self,
                                                     GFile                *article,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GlossDraft      *gloss_draft_store_lookup_finish    (GlossDraftStore      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

gboolean         gloss_draft_store_discard          (GlossDraftStore      *self,
                                                     GFile                *article,
                                                     GError              **error);
GPtrArray       *gloss_draft_store_list             (GlossDraftStore      *self,
                                                     GError              **error);

G_END_DECLS
