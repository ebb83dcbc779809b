/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-commands.h"
#include "gloss-cli-util.h"

static void
print_json (const GlossAnchorReport *report,
            gboolean                 saved)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  gloss_cli_add_counts (builder, "anchors", report);
  gloss_cli_add_int (builder, "changed", report->changed);
  json_builder_set_member_name (builder, "orphaned");
  json_builder_begin_array (builder);
  for (guint i = 0; report->orphaned[i] != NULL; i++)
    json_builder_add_string_value (builder, report->orphaned[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_boolean_value (builder, saved);
  json_builder_end_object (builder);

  gloss_cli_print_json (builder);
}

static void
print_human (GlossDocument           *document,
             const GlossAnchorReport *report,
             gboolean                 saved)
{
  g_autofree char *counts = gloss_cli_format_counts (report);
  g_autofree char *name = g_file_get_basename (gloss_document_get_sidecar_file (document));

  printf ("%s\n", counts);
  for (guint i = 0; report->orphaned[i] != NULL; i++)
    printf (_("orphaned: %s\n"), report->orphaned[i]);
  if (saved)
    printf (_("saved %s\n"), name);
  else
    printf (_("dry run: %s not changed\n"), name);
}

/* Nothing can be placed without a usable sidecar; a read-only one can
 * still be tried without saving. */
static gboolean
check_sidecar (GlossDocument *document,
               gboolean       dry_run)
{
  const GError *error = gloss_document_get_sidecar_error (document);

  if (error == NULL)
    return TRUE;
  if (dry_run && g_error_matches (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION))
    return TRUE;

  gloss_cli_error ("%s", gloss_document_get_read_only_reason (document));
  return FALSE;
}

int
gloss_cli_reanchor_run (int    argc,
                        char **argv)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossAnchorReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  gboolean json = FALSE;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would change without saving"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };

  if (!gloss_cli_parse (&argc, &argv,
                        _("Place every annotation on the current text of the article, save the "
                          "sidecar, and print how many were placed exactly, moved, approximately "
                          "or not at all (orphaned). Exits with 1 if some are orphaned."),
                        entries, &path))
    return GLOSS_CLI_EXIT_USAGE;

  document = gloss_cli_load (path);
  if (document == NULL || !check_sidecar (document, dry_run))
    return GLOSS_CLI_EXIT_USAGE;

  report = gloss_document_reanchor (document);
  if (!dry_run && !gloss_document_save (document, NULL, &error))
    {
      gloss_cli_error ("%s", error->message);
      return GLOSS_CLI_EXIT_USAGE;
    }

  if (json)
    print_json (report, !dry_run);
  else
    print_human (document, report, !dry_run);

  return report->counts[GLOSS_ANCHOR_ORPHANED] > 0 ? GLOSS_CLI_EXIT_PROBLEMS : GLOSS_CLI_EXIT_OK;
}
