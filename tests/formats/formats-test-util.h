/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-core.h"
#include "gloss-formats.h"
#include "test-files.h"
#include "test-run.h"

G_BEGIN_DECLS

char          *test_data_path        (const char  *name);
char          *test_shared_path      (const char  *name);
char          *test_read             (const char  *path);
void           test_write            (const char  *path,
                                      const char  *contents);
void           test_copy             (const char  *from,
                                      const char  *to);
GlossDocument *test_load             (const char  *path);
GlossDocument *test_load_fixture     (void);
char          *test_export_string    (GlossDocument            *document,
                                      const char               *format,
                                      const char               *file,
                                      const GlossFormatOptions *options,
                                      GlossExport             **export_out);
GlossImport   *test_import           (const char  *format,
                                      const char  *input,
                                      const char  *target,
                                      const GlossFormatOptions *options,
                                      GError     **error);
char         **test_list_dir         (const char  *path);
void           test_assert_refused   (const GError *error,
                                      int           code,
                                      const char   *where);

G_END_DECLS
