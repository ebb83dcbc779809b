/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli-commands.h"
#include "gloss-cli-util.h"

static void
add (GPtrArray  *problems,
     const char *subject,
     char       *message)
{
  g_ptr_array_add (problems, gloss_problem_new (subject, message));
  g_free (message);
}

/* Dates such as "published" may be a day alone. */
static gboolean
is_time (const char *value,
         gboolean    date_alone)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (value, NULL);
  g_autofree char *midnight = NULL;

  if (parsed != NULL || !date_alone)
    return parsed != NULL;

  midnight = g_strconcat (value, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (midnight, NULL);
  return parsed != NULL;
}

static void
check_time (GPtrArray  *problems,
            const char *subject,
            const char *what,
            const char *name,
            const char *value,
            gboolean    date_alone)
{
  if (value != NULL && !is_time (value, date_alone))
    add (problems, subject,
         g_strdup_printf (_("%s: “%s” is “%s”, which is not an ISO 8601 time such as 2026-05-18T09:30:00Z"),
                          what, name, value));
}

static void
check_source (GPtrArray     *problems,
              GlossDocument *document)
{
  GlossSource *source = gloss_document_get_source (document);
  const char *sha256 = gloss_source_get_sha256 (source);
  const char *what = _("source");

  if (sha256 == NULL || strlen (sha256) != 64 || strspn (sha256, "0123456789abcdef") != 64)
    add (problems, NULL, g_strdup (_("source: “sha256” should be 64 lower-case hex digits")));
  check_time (problems, NULL, what, "published", gloss_source_get_published (source), TRUE);
  check_time (problems, NULL, what, "fetched", gloss_source_get_fetched (source), TRUE);

  if (gloss_document_get_load_report (document)->text_changed)
    add (problems, NULL,
         g_strdup (_("the article changed since the annotations were saved: "
                     "their positions and quotes are out of date (run “gloss-cli reanchor”)")));
}

static void
check_placement (GPtrArray       *problems,
                 GlossAnnotation *annotation)
{
  const char *id = gloss_annotation_get_id (annotation);
  g_autofree char *quote = gloss_cli_ellipsize (gloss_annotation_get_quote (annotation), 40);
  gint64 start = gloss_annotation_get_start (annotation);
  gint64 end = gloss_annotation_get_end (annotation);

  switch (gloss_annotation_get_anchor_state (annotation))
    {
    case GLOSS_ANCHOR_MOVED:
      add (problems, id,
           g_strdup_printf (_("annotation %s does not match the text at its stored position; "
                              "its quote was found at %lld–%lld"),
                            id, (long long) start, (long long) end));
      break;
    case GLOSS_ANCHOR_FUZZY:
      add (problems, id,
           g_strdup_printf (_("annotation %s does not match the text; the closest passage is at %lld–%lld: “%s”"),
                            id, (long long) start, (long long) end, quote));
      break;
    case GLOSS_ANCHOR_ORPHANED:
      add (problems, id,
           g_strdup_printf (_("annotation %s is orphaned: its quote “%s” is no longer in the text"),
                            id, quote));
      break;
    case GLOSS_ANCHOR_EXACT:
    default:
      break;
    }
}

static void
check_annotation (GPtrArray       *problems,
                  GlossAnnotation *annotation)
{
  const char *id = gloss_annotation_get_id (annotation);
  g_autofree char *what = g_strdup_printf (_("annotation %s"), id);
  const char *sides[] = { gloss_annotation_get_prefix (annotation), gloss_annotation_get_suffix (annotation) };

  check_placement (problems, annotation);
  check_time (problems, id, what, "created", gloss_annotation_get_created (annotation), FALSE);
  check_time (problems, id, what, "modified", gloss_annotation_get_modified (annotation), FALSE);
  check_time (problems, id, what, "reviewed", gloss_annotation_get_reviewed (annotation), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (sides[i] != NULL && g_utf8_strlen (sides[i], -1) > GLOSS_CONTEXT_LENGTH)
      add (problems, id, g_strdup_printf (_("%s: “%s” is longer than %d characters"),
                                          what, i == 0 ? "prefix" : "suffix", GLOSS_CONTEXT_LENGTH));
}

static GPtrArray *
collect_problems (GlossDocument *document)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_problem_free);
  const GError *error = gloss_document_get_sidecar_error (document);
  GPtrArray *loaded = gloss_document_get_problems (document);
  GListModel *annotations = gloss_document_get_annotations (document);

  if (error != NULL)
    add (problems, NULL, g_strdup (error->message));
  if (error != NULL && !g_error_matches (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION))
    return problems;

  check_source (problems, document);
  for (guint i = 0; i < loaded->len; i++)
    g_ptr_array_add (problems, gloss_problem_copy (g_ptr_array_index (loaded, i)));
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      check_annotation (problems, annotation);
    }

  return problems;
}

static void
print_json (GlossDocument *document,
            GPtrArray     *problems,
            gboolean       has_sidecar)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = g_file_get_basename (gloss_document_get_sidecar_file (document));

  json_builder_begin_object (builder);
  gloss_cli_add_string (builder, "sidecar", has_sidecar ? name : NULL);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, problems->len == 0);
  gloss_cli_add_counts (builder, "anchors", gloss_document_get_load_report (document));
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      gloss_cli_add_string (builder, "id", problem->subject);
      gloss_cli_add_string (builder, "message", problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  gloss_cli_print_json (builder);
}

static void
print_human (GlossDocument *document,
             GPtrArray     *problems,
             gboolean       has_sidecar)
{
  g_autofree char *name = g_file_get_basename (gloss_document_get_sidecar_file (document));

  if (!has_sidecar)
    {
      printf (_("%s: no sidecar yet, nothing to check\n"), name);
      return;
    }

  if (problems->len == 0)
    printf (_("%s: no problems\n"), name);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u problem\n", "%s: %u problems\n", problems->len),
            name, problems->len);

  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      printf ("%s\t%s\n", problem->subject != NULL ? problem->subject : "-", problem->message);
    }
}

int
gloss_cli_check_run (int    argc,
                     char **argv)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *path;
  gboolean json = FALSE;
  gboolean has_sidecar;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };

  if (!gloss_cli_parse (&argc, &argv,
                        _("Check an article’s sidecar against the text and the format, and list "
                          "every problem with the id of the annotation it concerns. Exits with "
                          "1 if there are problems."),
                        entries, &path))
    return GLOSS_CLI_EXIT_USAGE;

  document = gloss_cli_load (path);
  if (document == NULL)
    return GLOSS_CLI_EXIT_USAGE;

  has_sidecar = g_file_query_exists (gloss_document_get_sidecar_file (document), NULL);
  problems = collect_problems (document);
  if (json)
    print_json (document, problems, has_sidecar);
  else
    print_human (document, problems, has_sidecar);

  return problems->len > 0 ? GLOSS_CLI_EXIT_PROBLEMS : GLOSS_CLI_EXIT_OK;
}
