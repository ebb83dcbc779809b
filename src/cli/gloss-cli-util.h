/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-core.h"

G_BEGIN_DECLS

gboolean       gloss_cli_parse        (int            *argc,
                                       char         ***argv,
                                       const char     *summary,
                                       GOptionEntry   *entries,
                                       const char    **article);
gboolean       gloss_cli_parse_options (int            *argc,
                                        char         ***argv,
                                        const char     *summary,
                                        GOptionEntry   *entries,
                                        const char     *parameter);
GlossDocument *gloss_cli_load         (const char     *path);
void           gloss_cli_error        (const char     *format,
                                       ...) G_GNUC_PRINTF (1, 2);
void           gloss_cli_print_json   (JsonBuilder    *builder);
void           gloss_cli_add_string   (JsonBuilder    *builder,
                                       const char     *name,
                                       const char     *value);
void           gloss_cli_add_int      (JsonBuilder    *builder,
                                       const char     *name,
                                       gint64          value);
void           gloss_cli_add_counts   (JsonBuilder    *builder,
                                       const char     *name,
                                       const GlossAnchorReport *report);
char          *gloss_cli_format_counts (const GlossAnchorReport *report);
char          *gloss_cli_ellipsize    (const char     *text,
                                       guint           max_chars);
char          *gloss_cli_pad          (const char     *text,
                                       guint           width);

G_END_DECLS
