/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "gloss-cli-commands.h"

static const GlossCliCommand commands[] = {
  { "info", N_("Show an article’s source, annotation counts and anchoring"), gloss_cli_info_run },
  { "check", N_("Check an article’s annotations against its text and the format"), gloss_cli_check_run },
  { "reanchor", N_("Place the annotations on the current text and save"), gloss_cli_reanchor_run },
  { "claims", N_("List an article’s claims with their review, for a morning report"), gloss_cli_claims_run },
  { "export", N_("Write an article’s annotations as CSV, W3C, brat, doccano, ClaimReview, a report or a web page"), gloss_cli_export_run },
  { "import", N_("Read brat, doccano or W3C annotations into Gloss sidecars"), gloss_cli_import_run },
  { "fetch", N_("Fetch a web page and save its article with its metadata"), gloss_cli_fetch_run },
  { "extract", N_("Extract the article and its metadata from a saved web page"), gloss_cli_extract_run },
  { NULL, NULL, NULL },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: gloss-cli COMMAND [OPTION…] ARGUMENT…"));
  fprintf (stream, "%s\n\n", _("Read and check Gloss annotations without a display."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “gloss-cli COMMAND --help” for the options of a command."));
}

static const GlossCliCommand *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const GlossCliCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return GLOSS_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return GLOSS_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("gloss-cli %s\n", PACKAGE_VERSION);
      return GLOSS_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      fprintf (stderr, _("gloss-cli: unknown command “%s”. Run “gloss-cli --help” for the list.\n"),
               argv[1]);
      return GLOSS_CLI_EXIT_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
