/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-formats-types.h"
#include "gloss-import.h"

G_BEGIN_DECLS

/* What a claim is exported as where formats only know types. */
#define GLOSS_FORMATS_CLAIM_TYPE "Claim"
#define GLOSS_FORMATS_NOTE_TYPE  "Note"

char         *gloss_formats_article_stem      (GlossDocument            *document);
char         *gloss_formats_file_stem         (GFile                    *file);
const char   *gloss_formats_label_name        (GlossDocument            *document,
                                               const char               *label_id);
const char   *gloss_formats_type_name         (GlossDocument            *document,
                                               GlossAnnotation          *annotation);
GlossEntity  *gloss_formats_get_entity        (GlossDocument            *document,
                                               GlossAnnotation          *annotation);
const char   *gloss_formats_claimant_name     (GlossDocument            *document,
                                               GlossAnnotation          *claim);
GlossEntity  *gloss_formats_claimant_entity   (GlossDocument            *document,
                                               GlossAnnotation          *claim);
gint64       *gloss_formats_utf16_offsets     (const char               *text,
                                               gint64                   *length);
char         *gloss_formats_date_part         (const char               *time);
gboolean      gloss_formats_is_web_url        (const char               *string);
char         *gloss_formats_one_line          (const char               *text);
void          gloss_formats_set_line_error    (GError                  **error,
                                               GlossFormatError          code,
                                               const char               *file,
                                               guint                     line,
                                               const char               *format,
                                               ...) G_GNUC_PRINTF (5, 6);
gboolean      gloss_formats_read_utf8         (GFile                    *file,
                                               GCancellable             *cancellable,
                                               char                    **contents,
                                               gsize                    *length,
                                               GError                  **error);
char         *gloss_formats_read_article      (GFile                    *article,
                                               const GlossFormatOptions *options,
                                               GCancellable             *cancellable,
                                               GError                  **error);
JsonNode     *gloss_formats_document_sidecar  (GlossDocument            *document);
gboolean      gloss_formats_skip_orphan       (GlossExport              *export,
                                               GlossAnnotation          *annotation);

/* The exporters and importers of the format table. */
GlossExport  *gloss_csv_export (GlossDocument             *document,
                                const GlossFormatOptions  *options,
                                GError                   **error);
GlossExport  *gloss_w3c_export (GlossDocument             *document,
                                const GlossFormatOptions  *options,
                                GError                   **error);
GlossExport  *gloss_brat_export (GlossDocument             *document,
                                 const GlossFormatOptions  *options,
                                 GError                   **error);
GlossExport  *gloss_doccano_export (GlossDocument             *document,
                                    const GlossFormatOptions  *options,
                                    GError                   **error);
GlossExport  *gloss_claimreview_export (GlossDocument             *document,
                                        const GlossFormatOptions  *options,
                                        GError                   **error);
GlossExport  *gloss_report_export (GlossDocument             *document,
                                   const GlossFormatOptions  *options,
                                   GError                   **error);
GlossExport  *gloss_html_export (GlossDocument             *document,
                                 const GlossFormatOptions  *options,
                                 GError                   **error);
GlossImport  *gloss_brat_import (GFile                     *input,
                                 GFile                     *target,
                                 const GlossFormatOptions  *options,
                                 GCancellable              *cancellable,
                                 GError                   **error);
GlossImport  *gloss_doccano_import (GFile                     *input,
                                    GFile                     *target,
                                    const GlossFormatOptions  *options,
                                    GCancellable              *cancellable,
                                    GError                   **error);
GlossImport  *gloss_w3c_import (GFile                     *input,
                                GFile                     *target,
                                const GlossFormatOptions  *options,
                                GCancellable              *cancellable,
                                GError                   **error);

G_END_DECLS
