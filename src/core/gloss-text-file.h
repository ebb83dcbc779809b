/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-core-types.h"

G_BEGIN_DECLS

/* Articles larger than this many bytes on disk are refused as TOO_LARGE. */
#define GLOSS_TEXT_FILE_MAX_SIZE (G_GINT64_CONSTANT (64) * 1024 * 1024)

#define GLOSS_TYPE_TEXT_FILE (gloss_text_file_get_type ())

G_DECLARE_FINAL_TYPE (GlossTextFile, gloss_text_file, GLOSS, TEXT_FILE, GObject)

/**
 * GlossTextFile:
 *
 * What an article file on disk holds, decoded to UTF-8.
 *
 * The text is kept exactly as stored apart from the encoding: line ends
 * (LF, CRLF, lone CR) are not normalised, so code point offsets into
 * gloss_text_file_get_text() match GtkTextBuffer offsets. A leading byte
 * order mark is removed from the text and restored on save.
 *
 * Encodings: "UTF-8", "UTF-16LE", "UTF-16BE" (only with a BOM),
 * "WINDOWS-1252" and "ISO-8859-1" (text that is not UTF-8 and has no BOM).
 *
 * Saving writes the text back in the same encoding. When a legacy 8-bit
 * encoding cannot represent the new text, the file is written as UTF-8
 * instead of losing characters: gloss_text_file_get_encoding() then says
 * "UTF-8" and gloss_text_file_get_encoding_changed() returns %TRUE, so the
 * caller can tell the user. The "encoding" and "encoding-changed"
 * properties are notified when that happens; "text" and "length" are
 * notified after every successful save.
 */

GlossTextFile *gloss_text_file_load                 (GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void           gloss_text_file_load_async           (GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GlossTextFile *gloss_text_file_load_finish          (GAsyncResult         *result,
                                                     GError              **error);
GlossTextFile *gloss_text_file_new_from_bytes       (GFile                *file,
                                                     GBytes               *bytes,
                                                     GError              **error);
GlossTextFile *gloss_text_file_new_for_text         (GFile                *file,
                                                     const char           *text);

GFile         *gloss_text_file_get_file             (GlossTextFile        *self);
const char    *gloss_text_file_get_text             (GlossTextFile        *self);
gint64         gloss_text_file_get_length           (GlossTextFile        *self);
const char    *gloss_text_file_get_encoding         (GlossTextFile        *self);
gboolean       gloss_text_file_get_had_bom          (GlossTextFile        *self);
gboolean       gloss_text_file_get_encoding_changed (GlossTextFile        *self);
const char    *gloss_text_file_get_sha256           (GlossTextFile        *self);

gboolean       gloss_text_file_save                 (GlossTextFile        *self,
                                                     const char           *text,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void           gloss_text_file_save_async           (GlossTextFile        *self,
                                                     const char           *text,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       gloss_text_file_save_finish          (GlossTextFile        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

char          *gloss_text_compute_sha256            (const char           *text,
                                                     gssize                len);
gboolean       gloss_text_check_not_binary          (const char           *text,
                                                     gsize                 len,
                                                     const char           *name,
                                                     GError              **error);

G_END_DECLS
