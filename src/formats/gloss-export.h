/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-formats-types.h"

G_BEGIN_DECLS

/**
 * GlossExportFile:
 * @name: the file's name, without a folder ("report.csv")
 * @bytes: its content
 */
typedef struct
{
  char   *name;
  GBytes *bytes;
} GlossExportFile;

/**
 * GlossExport:
 * @files: (element-type GlossExportFile): what the exporter wrote
 * @warnings: (element-type utf8): what it left out and why, for people
 * @folder: %TRUE when the files belong in a folder of their own
 *
 * The result of an export, in memory until gloss_export_write() puts it
 * on disk.
 */
struct _GlossExport
{
  GPtrArray *files;
  GPtrArray *warnings;
  gboolean   folder;
};

GlossExport *gloss_export_new          (gboolean      folder);
void         gloss_export_free         (GlossExport  *self);
void         gloss_export_add_file     (GlossExport  *self,
                                        const char   *name,
                                        GBytes       *bytes);
void         gloss_export_add_warning  (GlossExport  *self,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (2, 3);
GBytes      *gloss_export_get_bytes    (GlossExport  *self,
                                        const char   *name);
gboolean     gloss_export_write        (GlossExport  *self,
                                        GFile        *target,
                                        GCancellable *cancellable,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExport, gloss_export_free)

G_END_DECLS
