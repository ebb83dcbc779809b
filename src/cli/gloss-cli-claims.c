/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-commands.h"
#include "gloss-cli-util.h"

/* gloss-cli claims: the claims of an article with their review, as a
 * desk editor reads them in the morning, or as JSON for scripts. */

#define N_STATUSES (GLOSS_CLAIM_DISMISSED + 1)
#define N_VERDICTS (GLOSS_VERDICT_UNVERIFIABLE + 1)
#define LABEL_WIDTH 10

typedef struct
{
  gboolean status[N_STATUSES];
  gboolean verdict[N_VERDICTS];
  guint    counts[N_STATUSES];
  guint    total;
  guint    shown;
} Listing;

static guint
find_name (const char * const *names,
           guint               n_names,
           const char         *name)
{
  guint i = 0;

  while (i < n_names && g_strcmp0 (names[i], name) != 0)
    i++;

  return i;
}

/* Which of @names @value lists, comma-separated; all when @value is
 * NULL. Says what is valid and returns FALSE for anything else. */
static gboolean
parse_wanted (const char         *option,
              const char         *value,
              const char * const *names,
              guint               n_names,
              gboolean           *wanted)
{
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < n_names; i++)
    wanted[i] = value == NULL;
  if (value == NULL)
    return TRUE;

  /* "" splits into no parts at all, and names nothing valid either */
  parts = *value != '\0' ? g_strsplit (value, ",", -1) : g_strdupv ((char *[]) { "", NULL });
  for (guint p = 0; parts[p] != NULL; p++)
    {
      const char *part = g_strstrip (parts[p]);
      guint i = find_name (names, n_names, part);

      if (i == n_names)
        {
          g_autofree char *valid = g_strjoinv (", ", (char **) names);

          gloss_cli_error (_("%s: “%s” is not one of: %s"), option, part, valid);
          return FALSE;
        }
      wanted[i] = TRUE;
    }

  return TRUE;
}

static gboolean
listing_init (Listing    *listing,
              const char *status,
              const char *verdict)
{
  const char *status_names[N_STATUSES + 1] = { NULL, };
  const char *verdict_names[N_VERDICTS + 1] = { "none", NULL, };

  for (guint i = 0; i < N_STATUSES; i++)
    status_names[i] = gloss_claim_status_to_string (i);
  for (guint i = GLOSS_VERDICT_TRUE; i < N_VERDICTS; i++)
    verdict_names[i] = gloss_verdict_to_string (i);

  *listing = (Listing) { { 0, }, };
  return parse_wanted ("--status", status, status_names, N_STATUSES, listing->status) &&
         parse_wanted ("--verdict", verdict, verdict_names, N_VERDICTS, listing->verdict);
}

/* The claims @listing asks for, in the order of the text; counts all. */
static GPtrArray *
listing_collect (Listing       *listing,
                 GlossDocument *document)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      GlossClaimStatus status;

      if (gloss_annotation_get_kind (annotation) != GLOSS_ANNOTATION_CLAIM)
        continue;

      status = gloss_annotation_get_status (annotation);
      listing->total++;
      listing->counts[status]++;
      if (listing->status[status] && listing->verdict[gloss_annotation_get_verdict (annotation)])
        g_ptr_array_add (claims, g_steal_pointer (&annotation));
    }
  listing->shown = claims->len;

  return claims;
}

/* "12 claims: 4 unreviewed, 3 in review, 5 reviewed", dismissed only
 * when there are some. */
static char *
format_summary (const Listing *listing)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  if (listing->total == 0)
    return g_strdup (_("No claims."));

  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims",
                                                listing->total), listing->total);
  g_string_append (summary, ": ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u unreviewed", "%u unreviewed",
                                                listing->counts[GLOSS_CLAIM_UNREVIEWED]),
                          listing->counts[GLOSS_CLAIM_UNREVIEWED]);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u in review", "%u in review",
                                                listing->counts[GLOSS_CLAIM_IN_REVIEW]),
                          listing->counts[GLOSS_CLAIM_IN_REVIEW]);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u reviewed", "%u reviewed",
                                                listing->counts[GLOSS_CLAIM_REVIEWED]),
                          listing->counts[GLOSS_CLAIM_REVIEWED]);
  if (listing->counts[GLOSS_CLAIM_DISMISSED] > 0)
    {
      g_string_append (summary, ", ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u dismissed", "%u dismissed",
                                                    listing->counts[GLOSS_CLAIM_DISMISSED]),
                              listing->counts[GLOSS_CLAIM_DISMISSED]);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

/* The claimant as people know it: the entity's name for an entity id. */
static const char *
claimant_name (GlossDocument   *document,
               GlossAnnotation *claim,
               const char     **entity_id)
{
  const char *claimant = gloss_annotation_get_claimant (claim);
  GlossEntity *entity = claimant != NULL ? gloss_document_lookup_entity (document, claimant) : NULL;

  *entity_id = entity != NULL ? claimant : NULL;
  return entity != NULL ? gloss_entity_get_name (entity) : claimant;
}

/* A labelled field; each further line of @value lines up under the first. */
static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *padded = gloss_cli_pad (label, LABEL_WIDTH);
  g_autofree char *blank = gloss_cli_pad ("", LABEL_WIDTH);
  g_auto(GStrv) lines = NULL;

  if (value == NULL)
    return;

  lines = g_strsplit (value, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    printf ("   %s %s\n", i == 0 ? padded : blank, lines[i]);
}

static char *
format_position (GlossAnnotation *claim)
{
  GlossAnchorState state = gloss_annotation_get_anchor_state (claim);
  g_autofree char *range = NULL;
  g_autofree char *how = NULL;

  if (state == GLOSS_ANCHOR_ORPHANED)
    return g_strdup_printf (_("detached, its text is gone (id %s)"),
                            gloss_annotation_get_id (claim));

  range = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                           gloss_annotation_get_start (claim), gloss_annotation_get_end (claim));
  if (state != GLOSS_ANCHOR_EXACT)
    {
      how = g_utf8_strdown (gloss_anchor_state_get_display_name (state), -1);
      /* Translators: a claim's place in the text, how it was found there, and its id */
      return g_strdup_printf (_("%s, %s (id %s)"), range, how, gloss_annotation_get_id (claim));
    }

  /* Translators: a claim's place in the text and its id */
  return g_strdup_printf (_("%s (id %s)"), range, gloss_annotation_get_id (claim));
}

static char *
format_review (GlossAnnotation *claim)
{
  const char *reviewer = gloss_annotation_get_reviewer (claim);
  g_autofree char *day = gloss_annotation_dup_review_day (claim);

  if (reviewer != NULL && day != NULL)
    /* Translators: who reviewed a claim, and on which day */
    return g_strdup_printf (_("%s, %s"), reviewer, day);

  return g_strdup (reviewer != NULL ? reviewer : day);
}

static void
print_claim (GlossDocument   *document,
             GlossAnnotation *claim,
             guint            number)
{
  const char * const *sources = gloss_annotation_get_sources (claim);
  g_autofree char *quote = gloss_cli_ellipsize (gloss_annotation_get_quote (claim), 240);
  g_autofree char *joined = sources != NULL ? g_strjoinv ("\n", (char **) sources) : NULL;
  g_autofree char *review = format_review (claim);
  g_autofree char *position = format_position (claim);
  GlossClaimStatus status = gloss_annotation_get_status (claim);
  GlossVerdict verdict = gloss_annotation_get_verdict (claim);
  const char *entity_id;

  /* TRANSLATORS: a claim's number and its quoted text, in quotation marks */
  printf (_("\n%u. “%s”\n"), number, quote);
  print_field (_("Status:"), gloss_claim_status_get_display_name (status));
  print_field (_("Verdict:"), gloss_verdict_get_display_name (verdict));
  print_field (_("Claimant:"), claimant_name (document, claim, &entity_id));
  print_field (_("Reviewed:"), review);
  print_field (_("Sources:"), joined);
  print_field (_("Note:"), gloss_annotation_get_note (claim));
  print_field (_("Position:"), position);
}

static void
print_listing (GlossDocument *document,
               Listing       *listing,
               GPtrArray     *claims)
{
  g_autofree char *summary = format_summary (listing);

  printf ("%s\n", summary);
  if (listing->shown < listing->total)
    printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of them.\n", "Showing %u of them.\n",
                         listing->shown), listing->shown);

  for (guint i = 0; i < claims->len; i++)
    print_claim (document, g_ptr_array_index (claims, i), i + 1);
}

static void
build_claim (JsonBuilder     *builder,
             GlossDocument   *document,
             GlossAnnotation *claim)
{
  const char * const *sources = gloss_annotation_get_sources (claim);
  const char *entity_id;
  const char *name = claimant_name (document, claim, &entity_id);

  json_builder_begin_object (builder);
  gloss_cli_add_string (builder, "id", gloss_annotation_get_id (claim));
  gloss_cli_add_int (builder, "start", gloss_annotation_get_start (claim));
  gloss_cli_add_int (builder, "end", gloss_annotation_get_end (claim));
  gloss_cli_add_string (builder, "anchor",
                        gloss_anchor_state_to_string (gloss_annotation_get_anchor_state (claim)));
  gloss_cli_add_string (builder, "quote", gloss_annotation_get_quote (claim));
  gloss_cli_add_string (builder, "status",
                        gloss_claim_status_to_string (gloss_annotation_get_status (claim)));
  gloss_cli_add_string (builder, "verdict",
                        gloss_verdict_to_string (gloss_annotation_get_verdict (claim)));
  json_builder_set_member_name (builder, "claimant");
  if (name != NULL)
    {
      json_builder_begin_object (builder);
      gloss_cli_add_string (builder, "name", name);
      gloss_cli_add_string (builder, "entity", entity_id);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  gloss_cli_add_string (builder, "reviewer", gloss_annotation_get_reviewer (claim));
  gloss_cli_add_string (builder, "reviewed", gloss_annotation_get_reviewed (claim));
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    json_builder_add_string_value (builder, sources[i]);
  json_builder_end_array (builder);
  gloss_cli_add_string (builder, "note", gloss_annotation_get_note (claim));
  json_builder_end_object (builder);
}

static void
print_json (GlossDocument *document,
            Listing       *listing,
            GPtrArray     *claims)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *file = g_file_get_basename (gloss_document_get_file (document));

  json_builder_begin_object (builder);
  gloss_cli_add_string (builder, "article", file);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  gloss_cli_add_int (builder, "total", listing->total);
  for (guint s = 0; s < N_STATUSES; s++)
    gloss_cli_add_int (builder, gloss_claim_status_to_string (s), listing->counts[s]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claims->len; i++)
    build_claim (builder, document, g_ptr_array_index (claims, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  gloss_cli_print_json (builder);
}

/* Without its sidecar an article would seem to have no claims at all. */
static gboolean
check_document (GlossDocument *document)
{
  const GError *error = gloss_document_get_sidecar_error (document);

  if (error == NULL || g_error_matches (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION))
    return TRUE;

  gloss_cli_error (_("the annotations cannot be read, so the claims cannot be listed: %s"),
                   error->message);
  return FALSE;
}

int
gloss_cli_claims_run (int    argc,
                      char **argv)
{
  g_autofree char *status = NULL;
  g_autofree char *verdict = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only claims with these statuses: unreviewed, in-review, reviewed, dismissed "
         "(several separated by commas)"), N_("STATUS") },
    { "verdict", 0, 0, G_OPTION_ARG_STRING, &verdict,
      N_("Only claims with these verdicts: none, true, mostly-true, mixed, mostly-false, "
         "false, misleading, unverifiable (several separated by commas)"), N_("VERDICT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  const char *article;
  Listing listing;

  if (!gloss_cli_parse (&argc, &argv,
                        _("Lists an article’s claims in the order of the text with their review: "
                          "status, verdict, claimant, reviewer, sources and note, after a count "
                          "by status."),
                        entries, &article) ||
      !listing_init (&listing, status, verdict))
    return GLOSS_CLI_EXIT_USAGE;

  document = gloss_cli_load (article);
  if (document == NULL || !check_document (document))
    return GLOSS_CLI_EXIT_USAGE;

  claims = listing_collect (&listing, document);
  if (json)
    print_json (document, &listing, claims);
  else
    print_listing (document, &listing, claims);

  return GLOSS_CLI_EXIT_OK;
}
