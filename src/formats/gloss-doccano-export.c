/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-doccano-export"

#include "config.h"

#include "gloss-formats-private.h"

static JsonArray *
labels_for (GlossDocument *document,
            const gint64  *utf16,
            GlossExport   *export)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);
  JsonArray *labels = json_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      gint64 start = gloss_annotation_get_start (annotation);
      gint64 end = gloss_annotation_get_end (annotation);
      JsonArray *label;

      if (gloss_formats_skip_orphan (export, annotation))
        continue;

      label = json_array_new ();
      json_array_add_int_element (label, utf16 != NULL ? utf16[start] : start);
      json_array_add_int_element (label, utf16 != NULL ? utf16[end] : end);
      json_array_add_string_element (label, gloss_formats_type_name (document, annotation));
      json_array_add_array_element (labels, label);
    }

  return labels;
}

/* One JSON line: {"text": …, "label": [[start, end, "Label"], …]}, offsets
 * in code points (what doccano's back end slices by) or, with
 * utf16_offsets, in UTF-16 code units (what its browser counts). */
GlossExport *
gloss_doccano_export (GlossDocument             *document,
                      const GlossFormatOptions  *options,
                      GError                   **error)
{
  const char *text = gloss_document_get_text (document);
  gint64 length;
  g_autofree gint64 *utf16 = options->utf16_offsets
    ? gloss_formats_utf16_offsets (text, &length) : NULL;
  g_autoptr(GlossExport) export = gloss_export_new (FALSE);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *stem = gloss_formats_article_stem (document);
  g_autofree char *name = g_strconcat (stem, ".jsonl", NULL);
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *line = json_object_new ();
  GString *out;

  json_object_set_string_member (line, "text", text);
  json_object_set_array_member (line, "label", labels_for (document, utf16, export));
  json_node_take_object (root, line);
  json_generator_set_root (generator, root);

  out = g_string_new (NULL);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');
  bytes = g_string_free_to_bytes (out);
  gloss_export_add_file (export, name, bytes);

  return g_steal_pointer (&export);
}
