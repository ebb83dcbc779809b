/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-sidecar-writer"

#include "config.h"

#include <string.h>

#include "gloss-sidecar-writer.h"
#include "gloss-annotation.h"
#include "gloss-core-private.h"
#include "gloss-entity.h"

/* JsonGenerator is not used: json-glib 1.6 writes `"key" : value`, `{  }`
 * for empty objects and doubles with 17 digits, which would turn 0.1
 * from a hand-edited file into 0.10000000000000001. This writer prints
 * two-space indented JSON with `"key": value`, UTF-8 as is (only `"`,
 * `\` and control characters escaped) and the shortest doubles that
 * read back the same. */

#define MAX_KNOWN_KEYS 24

typedef struct
{
  GString    *out;
  guint       depth;
  gboolean    empty;
  const char *written[MAX_KNOWN_KEYS];
  guint       n_written;
} ObjectWriter;

static void write_node (GString *out, JsonNode *node, guint depth);

static void
write_indent (GString *out,
              guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_string (GString    *out,
              const char *string)
{
  const char *run = string;
  const char *p;

  g_string_append_c (out, '"');
  for (p = string; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
write_double (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      write_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      write_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
    }
}

static void
object_begin (ObjectWriter *writer,
              GString      *out,
              guint         depth)
{
  writer->out = out;
  writer->depth = depth;
  writer->empty = TRUE;
  writer->n_written = 0;
  g_string_append_c (out, '{');
}

static void
object_key (ObjectWriter *writer,
            const char   *name)
{
  g_string_append (writer->out, writer->empty ? "\n" : ",\n");
  writer->empty = FALSE;
  write_indent (writer->out, writer->depth + 1);
  write_string (writer->out, name);
  g_string_append (writer->out, ": ");
  if (writer->n_written < MAX_KNOWN_KEYS)
    writer->written[writer->n_written++] = name;
}

static void
object_end (ObjectWriter *writer)
{
  if (!writer->empty)
    {
      g_string_append_c (writer->out, '\n');
      write_indent (writer->out, writer->depth);
    }
  g_string_append_c (writer->out, '}');
}

static void
object_string (ObjectWriter *writer,
               const char   *name,
               const char   *value)
{
  if (value == NULL)
    return;

  object_key (writer, name);
  write_string (writer->out, value);
}

static void
object_int (ObjectWriter *writer,
            const char   *name,
            gint64        value)
{
  object_key (writer, name);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

static void
object_strv (ObjectWriter       *writer,
             const char         *name,
             const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;

  object_key (writer, name);
  g_string_append_c (writer->out, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_string_append (writer->out, i == 0 ? "\n" : ",\n");
      write_indent (writer->out, writer->depth + 2);
      write_string (writer->out, strv[i]);
    }
  g_string_append_c (writer->out, '\n');
  write_indent (writer->out, writer->depth + 1);
  g_string_append_c (writer->out, ']');
}

static gboolean
object_has_written (ObjectWriter *writer,
                    const char   *name)
{
  for (guint i = 0; i < writer->n_written; i++)
    if (g_str_equal (writer->written[i], name))
      return TRUE;

  return FALSE;
}

/* Unknown members follow the known ones, in the order they were read. A
 * known member whose value had the wrong type was kept here; it is written
 * back unless the field now has a proper value. */
static void
object_extra (ObjectWriter *writer,
              JsonObject   *extra)
{
  g_autoptr(GList) names = NULL;

  if (extra == NULL)
    return;

  names = json_object_get_members (extra);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (object_has_written (writer, l->data))
        continue;

      object_key (writer, l->data);
      write_node (writer->out, json_object_get_member (extra, l->data), writer->depth + 1);
    }
}

static void
write_array (GString   *out,
             JsonArray *array,
             guint      depth)
{
  guint n = json_array_get_length (array);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      write_indent (out, depth + 1);
      write_node (out, json_array_get_element (array, i), depth + 1);
    }
  if (n > 0)
    {
      g_string_append_c (out, '\n');
      write_indent (out, depth);
    }
  g_string_append_c (out, ']');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth)
{
  ObjectWriter writer;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      object_begin (&writer, out, depth);
      object_extra (&writer, json_node_get_object (node));
      object_end (&writer);
      break;
    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), depth);
      break;
    case JSON_NODE_VALUE:
      write_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
    }
}

static void
write_source (GString     *out,
              GlossSource *source)
{
  ObjectWriter writer;

  object_begin (&writer, out, 1);
  object_string (&writer, "file", gloss_source_get_file (source));
  object_string (&writer, "sha256", gloss_source_get_sha256 (source));
  object_int (&writer, "length", gloss_source_get_length (source));
  object_string (&writer, "url", gloss_source_get_url (source));
  object_string (&writer, "title", gloss_source_get_title (source));
  object_string (&writer, "publisher", gloss_source_get_publisher (source));
  object_string (&writer, "author", gloss_source_get_author (source));
  object_string (&writer, "published", gloss_source_get_published (source));
  object_string (&writer, "fetched", gloss_source_get_fetched (source));
  object_string (&writer, "language", gloss_source_get_language (source));
  object_strv (&writer, "tags", gloss_source_get_tags (source));
  object_extra (&writer, gloss_source_get_extra (source));
  object_end (&writer);
}

static void
write_label (GString    *out,
             GlossLabel *label)
{
  ObjectWriter writer;

  object_begin (&writer, out, 2);
  object_string (&writer, "id", gloss_label_get_id (label));
  object_string (&writer, "name", gloss_label_get_name (label));
  object_string (&writer, "color", gloss_label_get_color (label));
  object_extra (&writer, gloss_label_get_extra (label));
  object_end (&writer);
}

static void
write_entity (GString     *out,
              GlossEntity *entity)
{
  ObjectWriter writer;

  object_begin (&writer, out, 2);
  object_string (&writer, "id", gloss_entity_get_id (entity));
  object_string (&writer, "name", gloss_entity_get_name (entity));
  object_string (&writer, "label", gloss_entity_get_label (entity));
  object_strv (&writer, "aliases", gloss_entity_get_aliases (entity));
  object_string (&writer, "link", gloss_entity_get_link (entity));
  object_string (&writer, "note", gloss_entity_get_note (entity));
  object_extra (&writer, gloss_entity_get_extra (entity));
  object_end (&writer);
}

static void
write_review (GString         *out,
              GlossAnnotation *claim)
{
  ObjectWriter writer;
  const char *verdict = gloss_verdict_to_string (gloss_annotation_get_verdict (claim));

  object_begin (&writer, out, 3);
  object_string (&writer, "status",
                 gloss_claim_status_to_string (gloss_annotation_get_status (claim)));
  object_key (&writer, "verdict");
  if (verdict != NULL)
    write_string (out, verdict);
  else
    g_string_append (out, "null");
  object_string (&writer, "claimant", gloss_annotation_get_claimant (claim));
  object_strv (&writer, "sources", gloss_annotation_get_sources (claim));
  object_string (&writer, "reviewer", gloss_annotation_get_reviewer (claim));
  object_string (&writer, "reviewed", gloss_annotation_get_reviewed (claim));
  object_extra (&writer, gloss_annotation_get_review_extra (claim));
  object_end (&writer);
}

static void
write_annotation (GString         *out,
                  GlossAnnotation *annotation)
{
  ObjectWriter writer;
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);

  object_begin (&writer, out, 2);
  object_string (&writer, "id", gloss_annotation_get_id (annotation));
  object_string (&writer, "kind", gloss_annotation_kind_to_string (kind));
  object_int (&writer, "start", gloss_annotation_get_start (annotation));
  object_int (&writer, "end", gloss_annotation_get_end (annotation));
  object_string (&writer, "quote", gloss_annotation_get_quote (annotation));
  object_string (&writer, "prefix", gloss_annotation_get_prefix (annotation));
  object_string (&writer, "suffix", gloss_annotation_get_suffix (annotation));
  if (gloss_annotation_is_orphaned (annotation))
    {
      object_key (&writer, "orphaned");
      g_string_append (out, "true");
    }
  object_string (&writer, "label", gloss_annotation_get_label (annotation));
  object_string (&writer, "entity", gloss_annotation_get_entity (annotation));
  object_strv (&writer, "tags", gloss_annotation_get_tags (annotation));
  object_string (&writer, "note", gloss_annotation_get_note (annotation));
  object_string (&writer, "author", gloss_annotation_get_author (annotation));
  object_string (&writer, "created", gloss_annotation_get_created (annotation));
  object_string (&writer, "modified", gloss_annotation_get_modified (annotation));
  if (kind == GLOSS_ANNOTATION_CLAIM)
    {
      object_key (&writer, "review");
      write_review (out, annotation);
    }
  object_extra (&writer, gloss_annotation_get_extra (annotation));
  object_end (&writer);
}

typedef struct
{
  gint64      start;
  gint64      end;
  const char *id;
  gpointer    item;
  gboolean    unknown;
} SortEntry;

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;

  return g_strcmp0 (x->id, y->id);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);

  return G_MAXINT64;
}

/* Annotations of unknown kind sort by their own start, end and id when
 * they have them, and after the rest when they do not. */
static void
sort_entry_for_unknown (SortEntry *entry,
                        JsonNode  *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *id = object != NULL ? json_object_get_member (object, "id") : NULL;

  entry->start = object != NULL ? member_int (object, "start") : G_MAXINT64;
  entry->end = object != NULL ? member_int (object, "end") : G_MAXINT64;
  entry->id = id != NULL && json_node_get_value_type (id) == G_TYPE_STRING
    ? json_node_get_string (id) : NULL;
  entry->item = node;
  entry->unknown = TRUE;
}

static GArray *
sorted_annotations (const GlossSidecar *sidecar)
{
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry),
                                       sidecar->annotations->len + sidecar->unknown->len);

  for (guint i = 0; i < sidecar->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (sidecar->annotations, i);
      SortEntry entry = {
        gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
        gloss_annotation_get_id (annotation), annotation, FALSE,
      };

      g_array_append_val (entries, entry);
    }

  for (guint i = 0; i < sidecar->unknown->len; i++)
    {
      SortEntry entry;

      sort_entry_for_unknown (&entry, g_ptr_array_index (sidecar->unknown, i));
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, sort_entry_compare);

  return entries;
}

static void
write_annotations (GString            *out,
                   const GlossSidecar *sidecar)
{
  g_autoptr(GArray) entries = sorted_annotations (sidecar);

  g_string_append_c (out, '[');
  for (guint i = 0; i < entries->len; i++)
    {
      const SortEntry *entry = &g_array_index (entries, SortEntry, i);

      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      if (entry->unknown)
        write_node (out, entry->item, 2);
      else
        write_annotation (out, entry->item);
    }
  g_string_append (out, entries->len > 0 ? "\n  ]" : "]");
}

static int
entity_compare (gconstpointer a,
                gconstpointer b)
{
  GlossEntity *x = *(GlossEntity **) a;
  GlossEntity *y = *(GlossEntity **) b;

  return g_strcmp0 (gloss_entity_get_id (x), gloss_entity_get_id (y));
}

static void
write_entities (GString            *out,
                const GlossSidecar *sidecar)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_sized_new (sidecar->entities->len);

  g_ptr_array_extend (entities, sidecar->entities, NULL, NULL);

  g_ptr_array_sort (entities, entity_compare);

  g_string_append_c (out, '[');
  for (guint i = 0; i < entities->len; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      write_entity (out, g_ptr_array_index (entities, i));
    }
  g_string_append (out, entities->len > 0 ? "\n  ]" : "]");
}

static void
write_labels (GString            *out,
              const GlossSidecar *sidecar)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sidecar->labels));

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      write_label (out, gloss_label_set_get_label (sidecar->labels, i));
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");
}

/**
 * gloss_sidecar_write:
 * @sidecar: the content to write
 *
 * Keys come in the order of the format's documentation, then unknown keys
 * in the order they were read; entities are sorted by id and annotations
 * by start, end and id.
 *
 * Returns: (transfer full): the sidecar's bytes, ending with a newline
 */
GBytes *
gloss_sidecar_write (const GlossSidecar *sidecar)
{
  GString *out;
  ObjectWriter writer;

  g_return_val_if_fail (sidecar != NULL, NULL);

  out = g_string_sized_new (4096 + 400 * sidecar->annotations->len);
  object_begin (&writer, out, 0);
  object_string (&writer, "format", "gloss");
  object_int (&writer, "version", GLOSS_SIDECAR_VERSION);
  object_key (&writer, "source");
  write_source (out, sidecar->source);
  object_key (&writer, "labels");
  write_labels (out, sidecar);
  object_key (&writer, "entities");
  write_entities (out, sidecar);
  object_key (&writer, "annotations");
  write_annotations (out, sidecar);
  object_extra (&writer, sidecar->extra);
  object_end (&writer);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/**
 * gloss_json_node_to_bytes:
 * @node: any JSON value
 *
 * Prints @node the way sidecars are printed, for others who want the
 * same deterministic output.
 *
 * Returns: (transfer full): the JSON text and a newline
 */
GBytes *
gloss_json_node_to_bytes (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  write_node (out, node, 0);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}
