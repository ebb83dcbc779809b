/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-format.h"
#include "gloss-formats-private.h"

static const GlossFormat formats[] = {
  { "csv", N_("CSV"),
    N_("One row per annotation, for spreadsheets"),
    "csv", "text/csv", NULL, GLOSS_IMPORT_TARGET_NONE,
    gloss_csv_export, NULL },
  { "w3c", N_("W3C Web Annotation"),
    N_("JSON-LD for annotation tools and servers"),
    "jsonld", "application/ld+json", "json", GLOSS_IMPORT_TARGET_ARTICLE,
    gloss_w3c_export, gloss_w3c_import },
  { "brat", N_("brat standoff"),
    N_("A folder with the text and its .ann file, for NLP tools"),
    NULL, NULL, "ann", GLOSS_IMPORT_TARGET_BESIDE,
    gloss_brat_export, gloss_brat_import },
  { "doccano", N_("doccano JSONL"),
    N_("One line per article with its labelled spans, for doccano"),
    "jsonl", "application/jsonl", "jsonl", GLOSS_IMPORT_TARGET_FOLDER,
    gloss_doccano_export, gloss_doccano_import },
  { "claimreview", N_("ClaimReview"),
    N_("schema.org JSON-LD for every reviewed claim, for fact-check publishing"),
    "jsonld", "application/ld+json", NULL, GLOSS_IMPORT_TARGET_NONE,
    gloss_claimreview_export, NULL },
  { "report", N_("Report"),
    N_("A readable Markdown report of claims, entities and notes"),
    "md", "text/markdown", NULL, GLOSS_IMPORT_TARGET_NONE,
    gloss_report_export, NULL },
  { "html", N_("Web page"),
    N_("The report and the highlighted article as one page"),
    "html", "text/html", NULL, GLOSS_IMPORT_TARGET_NONE,
    gloss_html_export, NULL },
};

/**
 * gloss_format_get_all:
 * @n_formats: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_formats): every format
 */
const GlossFormat *
gloss_format_get_all (guint *n_formats)
{
  g_return_val_if_fail (n_formats != NULL, NULL);

  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

/**
 * gloss_format_lookup:
 * @name: a format's name, such as "csv"
 *
 * Returns: (transfer none) (nullable): the format, or %NULL with
 *   %GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT naming the ones there are
 */
const GlossFormat *
gloss_format_lookup (const char  *name,
                     GError     **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (formats[i].name, name))
        return &formats[i];
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", formats[i].name);
    }

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT,
               _("There is no format “%s”; the formats are %s"), name, names->str);
  return NULL;
}

gboolean
gloss_format_can_export (const GlossFormat *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->export_document != NULL;
}

gboolean
gloss_format_can_import (const GlossFormat *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->import_file != NULL;
}

/**
 * gloss_format_export:
 * @document: the article and its annotations
 * @options: (nullable): options; %NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the exported files and what was
 *   left out, in memory
 */
GlossExport *
gloss_format_export (const GlossFormat         *self,
                     GlossDocument             *document,
                     const GlossFormatOptions  *options,
                     GError                   **error)
{
  static const GlossFormatOptions defaults = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  if (self->export_document == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_NOT_SUPPORTED,
                   _("Gloss can import %s but not export it"), self->name);
      return NULL;
    }

  return self->export_document (document, options != NULL ? options : &defaults, error);
}

static gboolean
check_import_target (const GlossFormat  *self,
                     GFile              *target,
                     GError            **error)
{
  if (self->import_file == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_NOT_SUPPORTED,
                   _("Gloss can export %s but not import it"), self->name);
      return FALSE;
    }

  if (target == NULL && self->import_target == GLOSS_IMPORT_TARGET_ARTICLE)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_NOT_SUPPORTED,
                   _("Importing %s needs the article to add the annotations to"), self->name);
      return FALSE;
    }

  if (target == NULL && self->import_target == GLOSS_IMPORT_TARGET_FOLDER)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_NOT_SUPPORTED,
                   _("Importing %s needs a folder to write the articles into"), self->name);
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_format_import:
 * @input: the file to import
 * @target: (nullable): the article (W3C) or the folder (doccano) the
 *   import goes to; brat finds its article beside @input
 * @options: (nullable): options; %NULL for the defaults
 *
 * Reads and checks @input whole. Nothing is written: call
 * gloss_import_save() or gloss_import_apply() on the result.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with an error
 *   naming the file and line at fault
 */
GlossImport *
gloss_format_import (const GlossFormat         *self,
                     GFile                     *input,
                     GFile                     *target,
                     const GlossFormatOptions  *options,
                     GCancellable              *cancellable,
                     GError                   **error)
{
  static const GlossFormatOptions defaults = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (input), NULL);
  g_return_val_if_fail (target == NULL || G_IS_FILE (target), NULL);

  if (!check_import_target (self, target, error))
    return NULL;

  return self->import_file (input, target, options != NULL ? options : &defaults,
                            cancellable, error);
}
