/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-doccano-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-formats-private.h"
#include "gloss-import-private.h"
#include "gloss-json-scanner.h"

#define GLOSS_DOCCANO_KEY "doccano"

typedef struct
{
  JsonObject *object;
  guint       line;
} Record;

typedef struct
{
  const char               *name;
  const GlossFormatOptions *options;
  GlossImport              *import;
  GArray                   *records;
  GPtrArray                *nodes;
  guint                     n_kept;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->import, gloss_import_free);
  g_clear_pointer (&reader->records, g_array_unref);
  g_clear_pointer (&reader->nodes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static void
add_record (Reader   *reader,
            JsonNode *node,
            guint     line)
{
  Record record = { json_node_get_object (node), line };

  g_ptr_array_add (reader->nodes, json_node_ref (node));
  g_array_append_val (reader->records, record);
}

static gboolean
add_value (Reader    *reader,
           JsonNode  *node,
           guint      line,
           GError   **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      add_record (reader, node, line);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!add_value (reader, json_array_get_element (array, i), line, error))
          return FALSE;
      return TRUE;
    }

  gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, line,
                                _("expected an object with “text” and “label”"));
  return FALSE;
}

/* JSONL, one record a line. doccano's documentation also shows a record
 * spread over several lines; a file that is one JSON value is read whole. */
static gboolean
read_records (Reader      *reader,
              const char  *contents,
              gsize        length,
              GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(JsonNode) whole = NULL;

  /* The core's JSON reader, not json-glib's: see gloss_json_scanner_parse(). */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      node = gloss_json_scanner_parse (lines[i], strlen (lines[i]), &local_error);
      if (node != NULL)
        {
          if (!add_value (reader, node, i + 1, error))
            return FALSE;
          continue;
        }

      if (reader->records->len == 0 &&
          (whole = gloss_json_scanner_parse (contents, length, NULL)) != NULL)
        return add_value (reader, whole, 1, error);

      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, i + 1,
                                    _("the line is not JSON: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* doccano's own examples name the text "text", "data" or "column_data". */
static const char *
text_member (JsonObject *object)
{
  static const char *names[] = { "text", "data", "column_data" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node = json_object_get_member (object, names[i]);

      if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
        return names[i];
    }

  return NULL;
}

static gboolean
int_value (JsonNode *node,
           gint64   *value)
{
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return TRUE;
}

/* [start, end, "Label"] or {"start_offset", "end_offset", "label"}. */
static gboolean
read_span (JsonNode    *node,
           gint64      *start,
           gint64      *end,
           const char **label)
{
  JsonNode *name = NULL;

  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 3)
    {
      JsonArray *array = json_node_get_array (node);

      if (!int_value (json_array_get_element (array, 0), start) ||
          !int_value (json_array_get_element (array, 1), end))
        return FALSE;
      name = json_array_get_element (array, 2);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (!int_value (json_object_get_member (object, "start_offset"), start) ||
          !int_value (json_object_get_member (object, "end_offset"), end))
        return FALSE;
      name = json_object_get_member (object, "label");
    }

  if (name == NULL || json_node_get_value_type (name) != G_TYPE_STRING)
    return FALSE;

  *label = json_node_get_string (name);
  return TRUE;
}

/* A UTF-16 offset to a code point offset, or -1 inside a surrogate pair. */
static gint64
code_point_offset (const gint64 *utf16,
                   gint64        length,
                   gint64        offset)
{
  gint64 low = 0;
  gint64 high = length;

  if (utf16 == NULL)
    return offset;

  while (low <= high)
    {
      gint64 middle = low + (high - low) / 2;

      if (utf16[middle] == offset)
        return middle;
      if (utf16[middle] < offset)
        low = middle + 1;
      else
        high = middle - 1;
    }

  return -1;
}

static gboolean
check_span (Reader  *reader,
            Record  *record,
            guint    index,
            gint64   start,
            gint64   end,
            gint64   limit,
            GError **error)
{
  if (start < 0 || end <= start)
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name,
                                    record->line, _("label %u: %lld–%lld is not a span"),
                                    index + 1, (long long) start, (long long) end);
      return FALSE;
    }

  if (end > limit)
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_MISMATCH, reader->name,
                                    record->line, _("label %u: %lld–%lld is outside the "
                                                    "text, which has %lld %s"),
                                    index + 1, (long long) start, (long long) end,
                                    (long long) limit,
                                    reader->options->utf16_offsets ? _("UTF-16 code units")
                                                                   : _("characters"));
      return FALSE;
    }

  return TRUE;
}

static GlossAnnotationKind
kind_for_label (const char *label)
{
  if (g_str_equal (label, GLOSS_FORMATS_CLAIM_TYPE))
    return GLOSS_ANNOTATION_CLAIM;
  if (g_str_equal (label, GLOSS_FORMATS_NOTE_TYPE))
    return GLOSS_ANNOTATION_NOTE;

  return GLOSS_ANNOTATION_ENTITY;
}

/* Sequence labelling exports "label"; relation extraction "entities". */
static const char *
spans_member (JsonObject *object)
{
  static const char *names[] = { "label", "labels", "entities", "column_label" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node = json_object_get_member (object, names[i]);

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        return names[i];
    }

  return NULL;
}

static gboolean
add_span (Reader             *reader,
          GlossImportArticle *article,
          Record             *record,
          JsonArray          *spans,
          guint               index,
          const gint64       *utf16,
          gint64              length,
          GError            **error)
{
  gint64 start, end, limit = utf16 != NULL ? utf16[length] : length;
  gint64 first, last;
  const char *label;
  GlossImportItem *item;

  if (!read_span (json_array_get_element (spans, index), &start, &end, &label))
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name,
                                    record->line, _("label %u is not [START, END, \"LABEL\"]"),
                                    index + 1);
      return FALSE;
    }
  if (!check_span (reader, record, index, start, end, limit, error))
    return FALSE;

  first = code_point_offset (utf16, length, start);
  last = code_point_offset (utf16, length, end);
  if (first < 0 || last < 0)
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_MISMATCH, reader->name,
                                    record->line, _("label %u: %lld falls inside a character "
                                                    "that takes two UTF-16 code units"),
                                    index + 1, (long long) (first < 0 ? start : end));
      return FALSE;
    }

  item = gloss_import_article_add_item (reader->import, article, kind_for_label (label),
                                        first, last);
  if (item->kind == GLOSS_ANNOTATION_ENTITY)
    item->label = g_strdup (label);
  return TRUE;
}

/* Members other than the text and its spans (relations, ids, metadata)
 * are kept in the sidecar as they are. */
static void
keep_rest (Reader             *reader,
           GlossImportArticle *article,
           JsonObject         *object)
{
  g_autoptr(GList) names = json_object_get_members (object);
  JsonObject *rest = json_object_new ();
  JsonNode *node;

  const char *spans = spans_member (object);
  const char *text = text_member (object);

  for (const GList *l = names; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, text) != 0 && g_strcmp0 (l->data, spans) != 0)
      json_object_set_member (rest, l->data, json_node_copy (json_object_get_member (object, l->data)));

  if (json_object_get_size (rest) == 0)
    {
      json_object_unref (rest);
      return;
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, rest);
  gloss_import_article_keep (reader->import, article, node);
  reader->n_kept++;
}

/* A record's own id names its article when every record has a distinct,
 * plain one; otherwise the line number does. */
static gboolean
ids_usable (Reader *reader)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < reader->records->len; i++)
    {
      JsonNode *id = json_object_get_member (g_array_index (reader->records, Record, i).object, "id");
      g_autofree char *text = NULL;

      if (id == NULL || json_node_get_value_type (id) != G_TYPE_INT64)
        return FALSE;
      text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
      if (!g_hash_table_add (seen, g_steal_pointer (&text)))
        return FALSE;
    }

  return TRUE;
}

static GFile *
article_for (Reader     *reader,
             GFile      *folder,
             const char *stem,
             Record     *record,
             gboolean    by_id)
{
  g_autofree char *name = by_id
    ? g_strdup_printf ("%s-%" G_GINT64_FORMAT ".txt", stem,
                       json_object_get_int_member (record->object, "id"))
    : g_strdup_printf ("%s-%u.txt", stem, record->line);

  return g_file_get_child (folder, name);
}

static gboolean
read_record (Reader  *reader,
             GFile   *article_file,
             Record  *record,
             GError **error)
{
  const char *name = text_member (record->object);
  const char *text = name != NULL ? json_object_get_string_member (record->object, name) : NULL;
  const char *member = text != NULL ? spans_member (record->object) : NULL;
  JsonArray *spans = member != NULL ? json_object_get_array_member (record->object, member) : NULL;
  gint64 length;
  g_autofree gint64 *utf16 = NULL;
  g_autoptr(GError) not_text = NULL;
  GlossImportArticle *article;

  if (text == NULL)
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name,
                                    record->line, _("the record has no “text”"));
      return FALSE;
    }

  /* It becomes an article file, which must open again. */
  if (!gloss_text_check_not_binary (text, strlen (text), "“text”", &not_text))
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name,
                                    record->line, "%s", not_text->message);
      return FALSE;
    }

  utf16 = reader->options->utf16_offsets ? gloss_formats_utf16_offsets (text, &length) : NULL;
  length = g_utf8_strlen (text, -1);
  article = gloss_import_add_article (reader->import, article_file, text, TRUE,
                                      GLOSS_DOCCANO_KEY);
  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    if (!add_span (reader, article, record, spans, i, utf16, length, error))
      return FALSE;
  keep_rest (reader, article, record->object);

  return TRUE;
}

/* Each record becomes an article FOLDER/STEM-ID.txt with its sidecar;
 * labels "Claim" and "Note" become claims and notes, the others entity
 * mentions of that type. */
GlossImport *
gloss_doccano_import (GFile                     *input,
                      GFile                     *target,
                      const GlossFormatOptions  *options,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  g_auto(Reader) reader = { 0 };
  g_autofree char *name = g_file_get_basename (input);
  g_autofree char *stem = gloss_formats_file_stem (input);
  g_autofree char *contents = NULL;
  gboolean by_id;
  gsize length;

  reader.name = name;
  reader.options = options;
  reader.import = gloss_import_new ();
  reader.records = g_array_new (FALSE, FALSE, sizeof (Record));
  reader.nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  if (!gloss_formats_read_utf8 (input, cancellable, &contents, &length, error) ||
      !read_records (&reader, contents, length, error))
    return NULL;

  by_id = ids_usable (&reader);
  for (guint i = 0; i < reader.records->len; i++)
    {
      Record *record = &g_array_index (reader.records, Record, i);
      g_autoptr(GFile) article = article_for (&reader, target, stem, record, by_id);

      if (!read_record (&reader, article, record, error))
        return NULL;
    }

  gloss_import_add_note (reader.import, options->utf16_offsets
                         ? _("%s: offsets read as UTF-16 code units, as doccano’s browser counts")
                         : _("%s: offsets read as code points, as doccano’s server counts"), name);
  if (reader.n_kept > 0)
    gloss_import_add_note (reader.import, _("%s: kept the other members of %u records (such as "
                                            "relations and metadata) as unknown data in the "
                                            "sidecar"), name, reader.n_kept);

  return g_steal_pointer (&reader.import);
}
