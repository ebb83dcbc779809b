/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli-commands.h"
#include "gloss-cli-util.h"

typedef struct
{
  guint       kinds[GLOSS_ANNOTATION_NOTE + 1];
  guint       status[GLOSS_CLAIM_DISMISSED + 1];
  GHashTable *labels;
  GPtrArray  *label_order;
} Counts;

static void
counts_init (Counts        *counts,
             GlossDocument *document)
{
  GListModel *annotations = gloss_document_get_annotations (document);

  memset (counts, 0, sizeof *counts);
  counts->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counts->label_order = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
      const char *label = gloss_annotation_get_label (annotation);
      guint n;

      counts->kinds[kind]++;
      if (kind == GLOSS_ANNOTATION_CLAIM)
        counts->status[gloss_annotation_get_status (annotation)]++;
      if (kind != GLOSS_ANNOTATION_ENTITY || label == NULL)
        continue;

      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts->labels, label));
      if (n == 0)
        g_ptr_array_add (counts->label_order, g_strdup (label));
      g_hash_table_insert (counts->labels, g_strdup (label), GUINT_TO_POINTER (n + 1));
    }
}

static void
counts_clear (Counts *counts)
{
  g_hash_table_unref (counts->labels);
  g_ptr_array_set_free_func (counts->label_order, g_free);
  g_ptr_array_unref (counts->label_order);
}

static const char *
label_name (GlossDocument *document,
            const char    *id)
{
  GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (document), id);

  return label != NULL ? gloss_label_get_display_name (label) : id;
}

static void
print_field (const char *name,
             const char *value)
{
  if (value != NULL)
    printf ("%-12s %s\n", name, value);
}

static void
print_source (GlossDocument *document)
{
  GlossSource *source = gloss_document_get_source (document);
  const char * const *tags = gloss_source_get_tags (source);
  g_autofree char *joined = tags != NULL ? g_strjoinv (", ", (char **) tags) : NULL;
  long long n_characters = gloss_document_get_length (document);
  g_autofree char *length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld character",
                                                          "%lld characters", n_characters),
                                             n_characters);
  g_autofree char *file = g_file_get_basename (gloss_document_get_file (document));
  const GlossAnchorReport *report = gloss_document_get_load_report (document);

  print_field (_("Article:"), file);
  print_field (_("Title:"), gloss_source_get_title (source));
  print_field (_("URL:"), gloss_source_get_url (source));
  print_field (_("Publisher:"), gloss_source_get_publisher (source));
  print_field (_("Author:"), gloss_source_get_author (source));
  print_field (_("Published:"), gloss_source_get_published (source));
  print_field (_("Fetched:"), gloss_source_get_fetched (source));
  print_field (_("Language:"), gloss_source_get_language (source));
  print_field (_("Tags:"), joined);
  print_field (_("Encoding:"), gloss_text_file_get_encoding (gloss_document_get_text_file (document)));
  print_field (_("Length:"), length);
  print_field (_("Text:"), report->text_changed
                           ? _("changed since the annotations were saved")
                           : _("as when the annotations were saved"));
}

static void
print_counts (GlossDocument *document,
              Counts        *counts)
{
  guint total = g_list_model_get_n_items (gloss_document_get_annotations (document));
  guint unknown = gloss_document_get_n_unknown_annotations (document);
  g_autofree char *anchors = gloss_cli_format_counts (gloss_document_get_load_report (document));

  printf ("\n%-12s %u (%u %s, %u %s, %u %s)\n", _("Annotations:"), total,
          counts->kinds[GLOSS_ANNOTATION_ENTITY], _("entity mentions"),
          counts->kinds[GLOSS_ANNOTATION_CLAIM], _("claims"),
          counts->kinds[GLOSS_ANNOTATION_NOTE], _("notes"));
  if (unknown > 0)
    printf ("%-12s %u\n", _("Other kinds:"), unknown);
  printf ("%-12s %u\n", _("Entities:"), g_list_model_get_n_items (gloss_document_get_entities (document)));

  if (counts->label_order->len > 0)
    printf ("\n%s\n", _("Mentions by label:"));
  for (guint i = 0; i < counts->label_order->len; i++)
    {
      const char *id = g_ptr_array_index (counts->label_order, i);
      g_autofree char *name = gloss_cli_pad (label_name (document, id), 16);

      printf ("  %s %u\n", name, GPOINTER_TO_UINT (g_hash_table_lookup (counts->labels, id)));
    }

  if (counts->kinds[GLOSS_ANNOTATION_CLAIM] > 0)
    printf ("\n%s\n", _("Claims by status:"));
  for (guint s = 0; counts->kinds[GLOSS_ANNOTATION_CLAIM] > 0 && s < G_N_ELEMENTS (counts->status); s++)
    {
      g_autofree char *name = gloss_cli_pad (gloss_claim_status_get_display_name (s), 16);

      printf ("  %s %u\n", name, counts->status[s]);
    }

  printf ("\n%-12s %s\n", _("Anchoring:"), anchors);
}

static void
print_annotations (GlossDocument *document)
{
  GListModel *annotations = gloss_document_get_annotations (document);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autofree char *quote = gloss_cli_ellipsize (gloss_annotation_get_quote (annotation), 48);
      g_autofree char *range = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                                gloss_annotation_get_start (annotation),
                                                gloss_annotation_get_end (annotation));
      g_autofree char *column = gloss_cli_pad (range, 13);

      printf ("  %-10s %-7s %-9s %s “%s”\n", gloss_annotation_get_id (annotation),
              gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)),
              gloss_anchor_state_to_string (gloss_annotation_get_anchor_state (annotation)),
              column, quote);
    }
}

static void
build_source (JsonBuilder   *builder,
              GlossDocument *document)
{
  GlossSource *source = gloss_document_get_source (document);
  const char * const *tags = gloss_source_get_tags (source);
  g_autofree char *file = g_file_get_basename (gloss_document_get_file (document));

  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  gloss_cli_add_string (builder, "file", file);
  gloss_cli_add_string (builder, "url", gloss_source_get_url (source));
  gloss_cli_add_string (builder, "title", gloss_source_get_title (source));
  gloss_cli_add_string (builder, "publisher", gloss_source_get_publisher (source));
  gloss_cli_add_string (builder, "author", gloss_source_get_author (source));
  gloss_cli_add_string (builder, "published", gloss_source_get_published (source));
  gloss_cli_add_string (builder, "fetched", gloss_source_get_fetched (source));
  gloss_cli_add_string (builder, "language", gloss_source_get_language (source));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  gloss_cli_add_string (builder, "encoding",
                        gloss_text_file_get_encoding (gloss_document_get_text_file (document)));
  gloss_cli_add_int (builder, "length", gloss_document_get_length (document));
  json_builder_set_member_name (builder, "text_changed");
  json_builder_add_boolean_value (builder, gloss_document_get_load_report (document)->text_changed);
  json_builder_end_object (builder);
}

static void
build_counts (JsonBuilder   *builder,
              GlossDocument *document,
              Counts        *counts)
{
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_object (builder);
  for (guint k = 0; k < G_N_ELEMENTS (counts->kinds); k++)
    gloss_cli_add_int (builder, gloss_annotation_kind_to_string (k), counts->kinds[k]);
  gloss_cli_add_int (builder, "unknown", gloss_document_get_n_unknown_annotations (document));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint i = 0; i < counts->label_order->len; i++)
    {
      const char *id = g_ptr_array_index (counts->label_order, i);

      gloss_cli_add_int (builder, id, GPOINTER_TO_UINT (g_hash_table_lookup (counts->labels, id)));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  for (guint s = 0; s < G_N_ELEMENTS (counts->status); s++)
    gloss_cli_add_int (builder, gloss_claim_status_to_string (s), counts->status[s]);
  json_builder_end_object (builder);

  gloss_cli_add_counts (builder, "anchors", gloss_document_get_load_report (document));
}

static void
build_annotations (JsonBuilder   *builder,
                   GlossDocument *document)
{
  GListModel *annotations = gloss_document_get_annotations (document);

  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      json_builder_begin_object (builder);
      gloss_cli_add_string (builder, "id", gloss_annotation_get_id (annotation));
      gloss_cli_add_string (builder, "kind",
                            gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)));
      gloss_cli_add_int (builder, "start", gloss_annotation_get_start (annotation));
      gloss_cli_add_int (builder, "end", gloss_annotation_get_end (annotation));
      gloss_cli_add_string (builder, "anchor",
                            gloss_anchor_state_to_string (gloss_annotation_get_anchor_state (annotation)));
      gloss_cli_add_string (builder, "quote", gloss_annotation_get_quote (annotation));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (GlossDocument *document,
            Counts        *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  build_source (builder, document);
  gloss_cli_add_int (builder, "entities",
                     g_list_model_get_n_items (gloss_document_get_entities (document)));
  build_counts (builder, document, counts);
  build_annotations (builder, document);
  gloss_cli_add_int (builder, "problems", gloss_document_get_problems (document)->len);
  json_builder_end_object (builder);

  gloss_cli_print_json (builder);
}

/* The sidecar cannot be used at all: the input is unreadable. A newer
 * version can still be described. */
static gboolean
sidecar_usable (GlossDocument *document)
{
  const GError *error = gloss_document_get_sidecar_error (document);

  if (error == NULL || g_error_matches (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION))
    return TRUE;

  gloss_cli_error ("%s", error->message);
  return FALSE;
}

int
gloss_cli_info_run (int    argc,
                    char **argv)
{
  g_autoptr(GlossDocument) document = NULL;
  const char *path;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };
  Counts counts;

  if (!gloss_cli_parse (&argc, &argv,
                        _("Show an article’s source, its annotations counted by kind, label and "
                          "claim status, and how each annotation anchors on the current text."),
                        entries, &path))
    return GLOSS_CLI_EXIT_USAGE;

  document = gloss_cli_load (path);
  if (document == NULL || !sidecar_usable (document))
    return GLOSS_CLI_EXIT_USAGE;

  counts_init (&counts, document);
  if (json)
    print_json (document, &counts);
  else
    {
      print_source (document);
      print_counts (document, &counts);
      print_annotations (document);
    }
  counts_clear (&counts);

  return GLOSS_CLI_EXIT_OK;
}
