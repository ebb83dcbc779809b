/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gloss-core.h"
#include "gloss-formats.h"

/* Every exporter, and the importers on what the exporters wrote, for an
 * article of about 1 MB with 10,000 annotations of every kind. Prints the
 * best of three runs of each. */

#define N_ANNOTATIONS 10000
#define N_RUNS        3

static const char * const sentences[] = {
  "The harbour council met on Tuesday in Portvale. ",
  "Mayor Ines Okafor said the night ferry would carry 1,200 passengers. ",
  "Critics at the shipping guild called the figure wishful thinking. ",
  "A crossing to Elm Island takes forty minutes \xF0\x9F\x9A\xA2 in calm weather.\n",
};

static char *
make_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; text->len < 1024 * 1024; i++)
    g_string_append (text, sentences[i % G_N_ELEMENTS (sentences)]);

  return g_string_free (text, FALSE);
}

static GlossDocument *
make_document (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bench.txt", NULL);
  g_autofree char *text = make_text ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  GlossEntity *entity;
  gint64 step;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  document = gloss_document_load (file, NULL, &error);
  g_assert_no_error (error);
  entity = gloss_document_create_entity (document, "Ines Okafor", "person", &error);
  step = gloss_document_get_length (document) / N_ANNOTATIONS;

  for (guint i = 0; i < N_ANNOTATIONS; i++)
    {
      GlossAnnotationKind kind = i % 3;
      GlossAnnotation *annotation = gloss_document_add_annotation (
        document, kind, i * step, i * step + 11, kind == GLOSS_ANNOTATION_ENTITY ? "person" : NULL,
        kind == GLOSS_ANNOTATION_ENTITY ? gloss_entity_get_id (entity) : NULL, &error);

      g_assert_no_error (error);
      if (kind == GLOSS_ANNOTATION_CLAIM)
        gloss_document_set_claim_status (document, annotation, GLOSS_CLAIM_REVIEWED, &error);
      if (kind == GLOSS_ANNOTATION_CLAIM)
        gloss_document_set_claim_verdict (document, annotation, GLOSS_VERDICT_FALSE, &error);
      if (kind == GLOSS_ANNOTATION_NOTE)
        gloss_document_set_annotation_note (document, annotation, "Ask the <b>desk</b>.", &error);
    }
  g_assert_true (gloss_document_save (document, NULL, &error));

  return document;
}

static double
time_export (const GlossFormat   *format,
             GlossDocument       *document,
             GlossExport        **kept)
{
  GlossFormatOptions options = { TRUE, "https://factcheck.example.org/", NULL };
  g_autoptr(GError) error = NULL;
  gint64 begin = g_get_monotonic_time ();
  GlossExport *export = gloss_format_export (format, document, &options, &error);
  double ms = (g_get_monotonic_time () - begin) / 1000.0;

  g_assert_no_error (error);
  g_clear_pointer (kept, gloss_export_free);
  *kept = export;

  return ms;
}

/* Read, check, merge and write; each run into a folder of its own so
 * that every run starts from an article without annotations. */
static double
time_import (const char  *name,
             GFile       *input,
             const char  *text,
             const char  *run_dir)
{
  const GlossFormat *format = gloss_format_lookup (name, NULL);
  GlossFormatOptions options = { TRUE, NULL, NULL };
  g_autofree char *article = g_build_filename (run_dir, "bench.txt", NULL);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) beside = NULL;
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 begin;

  g_mkdir_with_parents (run_dir, 0700);
  if (!g_str_equal (name, "doccano"))
    g_file_set_contents (article, text, -1, &error);
  if (g_str_equal (name, "brat"))
    {
      beside = g_file_new_build_filename (run_dir, "bench.ann", NULL);
      g_file_copy (input, beside, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
    }
  g_assert_no_error (error);
  target = g_str_equal (name, "w3c") ? g_file_new_for_path (article)
         : g_str_equal (name, "doccano") ? g_file_new_for_path (run_dir) : NULL;

  begin = g_get_monotonic_time ();
  import = gloss_format_import (format, beside != NULL ? beside : input, target, &options, NULL,
                                &error);
  g_assert_no_error (error);
  g_assert_true (gloss_import_save (import, NULL, &error));
  g_assert_cmpuint (gloss_import_get_n_taken (import), >=, N_ANNOTATIONS);

  return (g_get_monotonic_time () - begin) / 1000.0;
}

static void
bench_imports (GlossDocument *document,
               const char    *dir)
{
  static const char * const names[] = { "brat", "w3c", "doccano" };
  static const char * const files[] = { "bench.ann", "bench.jsonld", "bench.jsonl" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (dir, "exported", names[i], NULL);
      g_autofree char *path = NULL;
      g_autoptr(GlossExport) export = NULL;
      g_autoptr(GFile) folder = g_file_new_for_path (out);
      g_autoptr(GFile) input = NULL;
      g_autoptr(GError) error = NULL;
      double best = G_MAXDOUBLE;

      time_export (gloss_format_lookup (names[i], NULL), document, &export);
      g_mkdir_with_parents (out, 0700);
      input = g_file_get_child (folder, files[i]);
      gloss_export_write (export, export->folder ? folder : input, NULL, &error);
      g_assert_no_error (error);

      for (guint run = 0; run < N_RUNS; run++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%u", names[i], run);
          double ms;

          path = (g_free (path), g_build_filename (dir, name, NULL));
          ms = time_import (names[i], input, gloss_document_get_text (document), path);
          best = MIN (best, ms);
        }
      printf ("formats-import-%s: %.1f ms\n", names[i], best);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-bench-formats-XXXXXX", NULL);
  g_autoptr(GlossDocument) document = make_document (dir);
  const GlossFormat *formats;
  guint n;

  formats = gloss_format_get_all (&n);
  printf ("formats-article: %.2f MB, %u annotations\n",
          strlen (gloss_document_get_text (document)) / 1048576.0,
          g_list_model_get_n_items (gloss_document_get_annotations (document)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossExport) export = NULL;
      double best = G_MAXDOUBLE;
      gsize size = 0;

      for (guint run = 0; run < N_RUNS; run++)
        {
          double ms = time_export (&formats[i], document, &export);

          best = MIN (best, ms);
        }
      for (guint f = 0; f < export->files->len; f++)
        size += g_bytes_get_size (((GlossExportFile *) g_ptr_array_index (export->files, f))->bytes);
      printf ("formats-export-%s: %.1f ms (%.2f MB)\n", formats[i].name, best, size / 1048576.0);
    }
  bench_imports (document, dir);

  return 0;
}
