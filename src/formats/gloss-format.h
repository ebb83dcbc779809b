/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-formats-types.h"
#include "gloss-import.h"

G_BEGIN_DECLS

/**
 * GlossImportTarget:
 * @GLOSS_IMPORT_TARGET_NONE: the format cannot be imported
 * @GLOSS_IMPORT_TARGET_BESIDE: the article is the text file beside the
 *   input (brat: FILE.ann annotates FILE.txt)
 * @GLOSS_IMPORT_TARGET_ARTICLE: the annotations are merged into an article
 *   the caller names (W3C)
 * @GLOSS_IMPORT_TARGET_FOLDER: the input holds whole articles, written
 *   into a folder the caller names (doccano)
 */
typedef enum
{
  GLOSS_IMPORT_TARGET_NONE,
  GLOSS_IMPORT_TARGET_BESIDE,
  GLOSS_IMPORT_TARGET_ARTICLE,
  GLOSS_IMPORT_TARGET_FOLDER,
} GlossImportTarget;

typedef GlossExport *(*GlossExportFunc) (GlossDocument            *document,
                                         const GlossFormatOptions *options,
                                         GError                  **error);
typedef GlossImport *(*GlossImportFunc) (GFile                    *input,
                                         GFile                    *target,
                                         const GlossFormatOptions *options,
                                         GCancellable             *cancellable,
                                         GError                  **error);

/**
 * GlossFormat:
 * @name: what the command line calls it ("csv")
 * @title: a short translatable name for file dialogs
 * @description: one translatable sentence on what it is for
 * @extension: (nullable): the exported file's extension, %NULL when the
 *   export is a folder
 * @mime_type: (nullable): the exported file's type
 * @import_extension: (nullable): the extension of files it imports
 * @import_target: what an import writes to
 * @export_document: (nullable): turns a document into files
 * @import_file: (nullable): reads a file into a #GlossImport
 *
 * One format Gloss speaks. The table is static: look formats up with
 * gloss_format_lookup() or list them with gloss_format_get_all().
 */
struct _GlossFormat
{
  const char        *name;
  const char        *title;
  const char        *description;
  const char        *extension;
  const char        *mime_type;
  const char        *import_extension;
  GlossImportTarget  import_target;
  GlossExportFunc    export_document;
  GlossImportFunc    import_file;
};

const GlossFormat  *gloss_format_get_all     (guint                    *n_formats);
const GlossFormat  *gloss_format_lookup      (const char               *name,
                                              GError                  **error);
gboolean            gloss_format_can_export  (const GlossFormat        *self);
gboolean            gloss_format_can_import  (const GlossFormat        *self);
GlossExport        *gloss_format_export      (const GlossFormat        *self,
                                              GlossDocument            *document,
                                              const GlossFormatOptions *options,
                                              GError                  **error);
GlossImport        *gloss_format_import      (const GlossFormat        *self,
                                              GFile                    *input,
                                              GFile                    *target,
                                              const GlossFormatOptions *options,
                                              GCancellable             *cancellable,
                                              GError                  **error);

G_END_DECLS
