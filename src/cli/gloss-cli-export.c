/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-commands.h"
#include "gloss-cli-util.h"
#include "gloss-formats.h"

static char *
format_names (gboolean (*can) (const GlossFormat *))
{
  GString *names = g_string_new (NULL);
  guint n;
  const GlossFormat *formats = gloss_format_get_all (&n);

  for (guint i = 0; i < n; i++)
    if (can (&formats[i]))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", formats[i].name);

  return g_string_free (names, FALSE);
}

/* Shared with import: the format named by --format, if it can do @can. */
const GlossFormat *
gloss_cli_find_format (const char *name,
                       const char *command,
                       gboolean  (*can) (const GlossFormat *))
{
  g_autofree char *names = format_names (can);
  const GlossFormat *format = name != NULL ? gloss_format_lookup (name, NULL) : NULL;

  if (format == NULL || !can (format))
    {
      if (name == NULL)
        gloss_cli_error (_("%s needs --format, one of: %s"), command, names);
      else
        gloss_cli_error (_("%s cannot use the format “%s”; it can use: %s"), command, name, names);
      return NULL;
    }

  return format;
}

static void
print_warnings (GlossExport *export)
{
  for (guint i = 0; i < export->warnings->len; i++)
    gloss_cli_error (_("warning: %s"), (const char *) g_ptr_array_index (export->warnings, i));
}

static int
write_export (GlossExport *export,
              const char  *output,
              const char  *format)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (output == NULL && export->folder)
    {
      gloss_cli_error (_("%s writes a folder of files: give it with -o FOLDER"), format);
      return GLOSS_CLI_EXIT_USAGE;
    }

  if (output == NULL)
    {
      bytes = gloss_export_get_bytes (export, NULL);
      fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
      return fflush (stdout) == 0 ? GLOSS_CLI_EXIT_OK : GLOSS_CLI_EXIT_USAGE;
    }

  target = g_file_new_for_commandline_arg (output);
  if (!gloss_export_write (export, target, NULL, &error))
    {
      gloss_cli_error ("%s", error->message);
      return GLOSS_CLI_EXIT_USAGE;
    }

  return GLOSS_CLI_EXIT_OK;
}

/* A sidecar that did not load would export as no annotations at all. */
static gboolean
check_document (GlossDocument *document)
{
  const GError *error = gloss_document_get_sidecar_error (document);

  if (error == NULL || g_error_matches (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION))
    return TRUE;

  gloss_cli_error (_("the annotations cannot be read, so there is nothing to export: %s"),
                   error->message);
  return FALSE;
}

int
gloss_cli_export_run (int    argc,
                      char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *review_url = NULL;
  gboolean utf16 = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: csv, w3c, brat, doccano, claimreview, report or html"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (a folder for brat) instead of standard output"), N_("FILE") },
    { "utf16", 0, 0, G_OPTION_ARG_NONE, &utf16,
      N_("doccano: count offsets in UTF-16 code units, as doccano’s browser does"), NULL },
    { "review-url", 0, 0, G_OPTION_ARG_STRING, &review_url,
      N_("claimreview: the address of the page that publishes the reviews"), N_("URL") },
    { NULL }
  };
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossExport) export = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { 0 };
  const GlossFormat *format;
  const char *article;

  if (!gloss_cli_parse (&argc, &argv, _("Writes the article’s annotations in another format."),
                        entries, &article))
    return GLOSS_CLI_EXIT_USAGE;

  format = gloss_cli_find_format (format_name, "export", gloss_format_can_export);
  if (format == NULL)
    return GLOSS_CLI_EXIT_USAGE;

  document = gloss_cli_load (article);
  if (document == NULL || !check_document (document))
    return GLOSS_CLI_EXIT_USAGE;

  options.utf16_offsets = utf16;
  options.review_url = review_url;
  export = gloss_format_export (format, document, &options, &error);
  if (export == NULL)
    {
      gloss_cli_error ("%s", error->message);
      return GLOSS_CLI_EXIT_PROBLEMS;
    }

  print_warnings (export);
  return write_export (export, output, format->name);
}
