/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-commands.h"
#include "gloss-cli-util.h"
#include "gloss-formats.h"

/* What the input holds is at fault (exit 1), or the command (exit 2). */
static int
exit_status_for (const GError *error)
{
  if (g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID_INPUT) ||
      g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_MISMATCH) ||
      g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_CONFLICT))
    return GLOSS_CLI_EXIT_PROBLEMS;

  return GLOSS_CLI_EXIT_USAGE;
}

static gboolean
parse_arguments (int           *argc,
                 char        ***argv,
                 GOptionEntry  *entries)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", (*argv)[0], _("FILE [ARTICLE]"));
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
                                _("Reads annotations from another format into Gloss sidecars.\n\n"
                                  "brat: FILE.ann, merged into FILE.txt’s sidecar\n"
                                  "doccano: FILE.jsonl -o FOLDER, one article per line\n"
                                  "w3c: FILE.json ARTICLE, merged into ARTICLE’s sidecar\n\n"
                                  "Exit status: 0 imported, 1 the input is broken or does not "
                                  "fit (nothing is written), 2 bad usage."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_set_prgname ("gloss-cli");

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      gloss_cli_error ("%s", error->message);
      return FALSE;
    }

  if (*argc < 2 || *argc > 3)
    {
      gloss_cli_error (_("“import” takes a file, and for w3c the article. Run “gloss-cli import "
                         "--help” for its usage."));
      return FALSE;
    }

  return TRUE;
}

static GFile *
target_for (const GlossFormat *format,
            const char        *article,
            const char        *output)
{
  const char *path = NULL;

  if (format->import_target == GLOSS_IMPORT_TARGET_ARTICLE)
    path = article;
  else if (format->import_target == GLOSS_IMPORT_TARGET_FOLDER)
    path = output;
  else if (format->import_target == GLOSS_IMPORT_TARGET_BESIDE)
    path = article;

  return path != NULL ? g_file_new_for_commandline_arg (path) : NULL;
}

static void
print_summary (GlossImport *import,
               gboolean     dry_run)
{
  g_autofree char *summary = gloss_import_dup_summary (import);

  for (guint i = 0; i < gloss_import_get_n_articles (import); i++)
    {
      g_autofree char *path = g_file_get_parse_name (gloss_import_get_article (import, i));

      printf ("%s %s\n", _("Article:"), path);
    }
  fputs (summary, stdout);
  if (dry_run)
    printf ("%s\n", _("Dry run: nothing was written."));
}

int
gloss_cli_import_run (int    argc,
                      char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  gboolean utf16 = FALSE;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: brat, doccano or w3c"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("doccano: the folder to write the articles into"), N_("FOLDER") },
    { "utf16", 0, 0, G_OPTION_ARG_NONE, &utf16,
      N_("doccano: offsets count UTF-16 code units, as doccano’s browser does"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Read and check the input, say what would be imported, write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { 0 };
  const GlossFormat *format;

  if (!parse_arguments (&argc, &argv, entries))
    return GLOSS_CLI_EXIT_USAGE;

  format = gloss_cli_find_format (format_name, "import", gloss_format_can_import);
  if (format == NULL)
    return GLOSS_CLI_EXIT_USAGE;

  input = g_file_new_for_commandline_arg (argv[1]);
  target = target_for (format, argc > 2 ? argv[2] : NULL, output);
  options.utf16_offsets = utf16;
  import = gloss_format_import (format, input, target, &options, NULL, &error);
  if (import == NULL || (!dry_run && !gloss_import_save (import, NULL, &error)))
    {
      gloss_cli_error ("%s", error->message);
      return exit_status_for (error);
    }

  print_summary (import, dry_run);
  return GLOSS_CLI_EXIT_OK;
}
