/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-document.h"
#include "gloss-formats-types.h"

G_BEGIN_DECLS

/* An import read and checked in memory: nothing is on disk until
 * gloss_import_save() or gloss_import_apply(), and a broken input never
 * gets that far. */
void          gloss_import_free           (GlossImport    *self);
guint         gloss_import_get_n_articles (GlossImport    *self);
GFile        *gloss_import_get_article    (GlossImport    *self,
                                           guint           index);
guint         gloss_import_get_n_taken    (GlossImport    *self);
guint         gloss_import_get_n_kept     (GlossImport    *self);
const char * const *
              gloss_import_get_notes      (GlossImport    *self);
char         *gloss_import_dup_summary    (GlossImport    *self);
gboolean      gloss_import_save           (GlossImport    *self,
                                           GCancellable   *cancellable,
                                           GError        **error);
gboolean      gloss_import_apply          (GlossImport    *self,
                                           GlossDocument  *document,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossImport, gloss_import_free)

G_END_DECLS
