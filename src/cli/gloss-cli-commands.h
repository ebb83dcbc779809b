/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every command. */
#define GLOSS_CLI_EXIT_OK       0
#define GLOSS_CLI_EXIT_PROBLEMS 1
#define GLOSS_CLI_EXIT_USAGE    2

/* Each command gets the arguments after its name, argv[0] being the
 * command name itself, and returns one of the exit statuses above.
 */
typedef int (*GlossCliCommandFunc) (int    argc,
                                    char **argv);

typedef struct
{
  const char          *name;
  const char          *summary;
  GlossCliCommandFunc  run;
} GlossCliCommand;

int gloss_cli_info_run     (int    argc,
                            char **argv);
int gloss_cli_check_run    (int    argc,
                            char **argv);
int gloss_cli_reanchor_run (int    argc,
                            char **argv);
int gloss_cli_export_run   (int    argc,
                            char **argv);
int gloss_cli_import_run   (int    argc,
                            char **argv);
int gloss_cli_claims_run   (int    argc,
                            char **argv);

/* Shared by export and import (gloss-cli-export.c): the format --format
 * names, or NULL after saying which formats the command can use. */
struct _GlossFormat;
const struct _GlossFormat *gloss_cli_find_format (const char  *name,
                                                  const char  *command,
                                                  gboolean   (*can) (const struct _GlossFormat *));

int gloss_cli_fetch_run    (int    argc,
                            char **argv);
int gloss_cli_extract_run  (int    argc,
                            char **argv);

/* Shared by fetch and extract (gloss-cli-fetch.c). */
struct _GlossWebPage;
struct _GlossExtraction;
gboolean gloss_cli_web_parse (int                      *argc,
                              char                   ***argv,
                              const char               *summary,
                              GOptionEntry             *entries,
                              const char               *parameter,
                              const char              **argument);
int      gloss_cli_web_save  (const char               *folder,
                              struct _GlossWebPage     *page,
                              struct _GlossExtraction  *extraction);

G_END_DECLS
