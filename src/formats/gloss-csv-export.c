/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-csv-export"

#include "config.h"

#include <string.h>

#include "gloss-formats-private.h"

static const char *columns[] = {
  "id", "kind", "label", "entity", "text", "start", "end", "status", "verdict",
  "claimant", "note", "sources", "tags", "author", "created", "modified",
};

/* A spreadsheet runs a cell that starts with one of these as a formula;
 * a leading apostrophe makes it text (OWASP's advice for CSV injection). */
static gboolean
looks_like_formula (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;
}

/* RFC 4180: quoted when it holds a comma, quote or line break, quotes
 * doubled. */
static void
append_cell (GString    *out,
             const char *cell,
             gboolean    last)
{
  gboolean formula;

  if (cell == NULL)
    cell = "";

  formula = looks_like_formula (cell);
  if (formula || strpbrk (cell, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = cell; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, cell);

  g_string_append (out, last ? "\r\n" : ",");
}

static char *
join (const char * const *strv)
{
  return strv != NULL ? g_strjoinv ("\n", (char **) strv) : NULL;
}

static void
append_row (GString         *out,
            GlossDocument   *document,
            GlossAnnotation *annotation)
{
  gboolean claim = gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_CLAIM;
  GlossEntity *entity = gloss_formats_get_entity (document, annotation);
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            gloss_annotation_get_start (annotation));
  g_autofree char *end = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          gloss_annotation_get_end (annotation));
  g_autofree char *sources = join (gloss_annotation_get_sources (annotation));
  g_autofree char *tags = join (gloss_annotation_get_tags (annotation));
  const char *cells[] = {
    gloss_annotation_get_id (annotation),
    gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)),
    gloss_formats_label_name (document, gloss_annotation_get_label (annotation)),
    entity != NULL ? gloss_entity_get_name (entity) : gloss_annotation_get_entity (annotation),
    gloss_annotation_get_quote (annotation),
    start,
    end,
    claim ? gloss_claim_status_to_string (gloss_annotation_get_status (annotation)) : NULL,
    claim ? gloss_verdict_to_string (gloss_annotation_get_verdict (annotation)) : NULL,
    claim ? gloss_formats_claimant_name (document, annotation) : NULL,
    gloss_annotation_get_note (annotation),
    claim ? sources : NULL,
    tags,
    gloss_annotation_get_author (annotation),
    gloss_annotation_get_created (annotation),
    gloss_annotation_get_modified (annotation),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    append_cell (out, cells[i], i == G_N_ELEMENTS (cells) - 1);
}

/* UTF-8 with a byte order mark, which is how LibreOffice and Excel tell
 * a CSV file is UTF-8; rows end in CRLF as RFC 4180 asks. */
GlossExport *
gloss_csv_export (GlossDocument             *document,
                  const GlossFormatOptions  *options,
                  GError                   **error)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);
  GString *out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GlossExport) export = gloss_export_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stem = gloss_formats_article_stem (document);
  g_autofree char *name = g_strconcat (stem, ".csv", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_cell (out, columns[i], i == G_N_ELEMENTS (columns) - 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      append_row (out, document, annotation);
    }

  bytes = g_string_free_to_bytes (out);
  gloss_export_add_file (export, name, bytes);

  return g_steal_pointer (&export);
}
