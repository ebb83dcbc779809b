/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-brat-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-brat-private.h"
#include "gloss-formats-private.h"

/* One T line: the annotations that share a brat id (a discontinuous span
 * imported as one annotation per fragment), or one annotation. */
typedef struct
{
  guint            number;
  const char      *type;
  GlossAnnotation *first;
  GArray          *fragments;
  GString         *text;
} Span;

typedef struct
{
  GlossDocument *document;
  GlossExport   *export;
  GlossTextIndex *index;
  GHashTable    *brat_ids;
  GHashTable    *spans_by_id;
  GPtrArray     *spans;
  GPtrArray     *unknown;
  GHashTable    *reserved;
  GString       *out;
  guint          next[4];
} Writer;

enum { NEXT_T, NEXT_A, NEXT_N, NEXT_NOTE };
static const char next_prefix[] = { 'T', 'A', 'N', '#' };

static void
span_free (Span *span)
{
  g_array_unref (span->fragments);
  g_string_free (span->text, TRUE);
  g_free (span);
}

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->brat_ids, g_hash_table_unref);
  g_clear_pointer (&writer->spans_by_id, g_hash_table_unref);
  g_clear_pointer (&writer->spans, g_ptr_array_unref);
  g_clear_pointer (&writer->unknown, g_ptr_array_unref);
  g_clear_pointer (&writer->reserved, g_hash_table_unref);
  if (writer->out != NULL)
    g_string_free (writer->out, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static guint
t_number (const char *id)
{
  char *end;
  guint64 number;

  if (id == NULL || id[0] != 'T' || !g_ascii_isdigit (id[1]))
    return 0;

  number = g_ascii_strtoull (id + 1, &end, 10);
  return *end == '\0' && number < G_MAXUINT ? number : 0;
}

/* Reads back what an import kept: brat ids of annotations, and the lines
 * Gloss has no place for. */
static void
read_sidecar (Writer *writer)
{
  g_autoptr(JsonNode) root = gloss_formats_document_sidecar (writer->document);
  JsonObject *object = root != NULL ? json_node_get_object (root) : NULL;
  JsonArray *annotations = object != NULL && json_object_has_member (object, "annotations")
    ? json_object_get_array_member (object, "annotations") : NULL;
  JsonNode *kept = object != NULL ? json_object_get_member (object, GLOSS_BRAT_KEY) : NULL;

  for (guint i = 0; annotations != NULL && i < json_array_get_length (annotations); i++)
    {
      JsonObject *annotation = json_array_get_object_element (annotations, i);
      JsonNode *brat = json_object_get_member (annotation, GLOSS_BRAT_KEY);

      if (brat != NULL && JSON_NODE_HOLDS_OBJECT (brat) &&
          t_number (json_object_get_string_member_with_default (json_node_get_object (brat),
                                                                "id", NULL)) > 0)
        g_hash_table_insert (writer->brat_ids,
                             g_strdup (json_object_get_string_member (annotation, "id")),
                             g_strdup (json_object_get_string_member (json_node_get_object (brat),
                                                                      "id")));
    }

  if (kept != NULL && JSON_NODE_HOLDS_OBJECT (kept) &&
      json_object_has_member (json_node_get_object (kept), "unknown"))
    {
      JsonArray *lines = json_object_get_array_member (json_node_get_object (kept), "unknown");

      for (guint i = 0; i < json_array_get_length (lines); i++)
        {
          JsonNode *line = json_array_get_element (lines, i);

          if (json_node_get_value_type (line) == G_TYPE_STRING)
            g_ptr_array_add (writer->unknown, g_strdup (json_node_get_string (line)));
        }
    }
}

/* brat types and attribute names are single words. */
static char *
brat_word (const char *text)
{
  char *word = g_strdup (text);

  for (char *p = word; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      *p = '_';

  return word;
}

/* brat text fields hold one line: a span over line breaks becomes
 * fragments around them, as brat itself splits such spans. */
static void
add_fragments (Writer          *writer,
               Span            *span,
               GlossAnnotation *annotation)
{
  const gunichar *chars = gloss_text_index_get_chars (writer->index);
  gint64 start = gloss_annotation_get_start (annotation);
  gint64 end = gloss_annotation_get_end (annotation);
  gint64 from = start;

  for (gint64 i = start; i <= end; i++)
    {
      gint64 range[2] = { from, i };
      g_autofree char *text = NULL;

      if (i < end && chars[i] != '\n' && chars[i] != '\r')
        continue;

      if (i > from)
        {
          text = gloss_text_index_dup_slice (writer->index, from, i);
          g_array_append_vals (span->fragments, range, 2);
          if (span->text->len > 0)
            g_string_append_c (span->text, ' ');
          g_string_append (span->text, text);
        }
      from = i + 1;
    }
}

static Span *
span_for (Writer          *writer,
          GlossAnnotation *annotation)
{
  const char *brat_id = g_hash_table_lookup (writer->brat_ids, gloss_annotation_get_id (annotation));
  const char *type = gloss_formats_type_name (writer->document, annotation);
  Span *span = brat_id != NULL ? g_hash_table_lookup (writer->spans_by_id, brat_id) : NULL;

  if (span != NULL && g_str_equal (span->type, type) &&
      gloss_annotation_get_kind (span->first) == gloss_annotation_get_kind (annotation))
    return span;

  span = g_new0 (Span, 1);
  span->type = type;
  span->first = annotation;
  span->fragments = g_array_new (FALSE, FALSE, sizeof (gint64));
  span->text = g_string_new (NULL);
  if (brat_id != NULL && !g_hash_table_contains (writer->spans_by_id, brat_id))
    {
      span->number = t_number (brat_id);
      g_hash_table_insert (writer->spans_by_id, g_strdup (brat_id), span);
      g_hash_table_add (writer->reserved, g_strdup (brat_id));
    }
  g_ptr_array_add (writer->spans, span);

  return span;
}

static void
collect_spans (Writer *writer)
{
  GListModel *annotations = gloss_document_get_annotations (writer->document);
  guint n = g_list_model_get_n_items (annotations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (!gloss_formats_skip_orphan (writer->export, annotation))
        add_fragments (writer, span_for (writer, annotation), annotation);
    }
}

static char *
next_id (Writer *writer,
         guint   kind)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%c%u", next_prefix[kind], ++writer->next[kind]);

      if (!g_hash_table_contains (writer->reserved, id))
        return id;
      g_free (id);
    }
}

static int
span_compare (gconstpointer a,
              gconstpointer b)
{
  const Span *x = *(const Span **) a;
  const Span *y = *(const Span **) b;

  return x->number < y->number ? -1 : x->number > y->number;
}

/* Spans without a brat id of their own get the numbers after the highest
 * one taken, so ids kept from an import never move. */
static void
number_spans (Writer *writer)
{
  for (guint i = 0; i < writer->spans->len; i++)
    {
      Span *span = g_ptr_array_index (writer->spans, i);

      writer->next[NEXT_T] = MAX (writer->next[NEXT_T], span->number);
    }

  for (guint i = 0; i < writer->spans->len; i++)
    {
      Span *span = g_ptr_array_index (writer->spans, i);

      if (span->number == 0 && span->fragments->len > 0)
        {
          char *id = next_id (writer, NEXT_T);

          span->number = t_number (id);
          g_hash_table_add (writer->reserved, id);
        }
    }

  g_ptr_array_sort (writer->spans, span_compare);
}

static void
write_t_line (Writer *writer,
              Span   *span)
{
  g_autofree char *type = brat_word (span->type);

  g_string_append_printf (writer->out, "T%u\t%s ", span->number, type);
  for (guint i = 0; i < span->fragments->len; i += 2)
    g_string_append_printf (writer->out, "%s%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                            i > 0 ? ";" : "",
                            g_array_index (span->fragments, gint64, i),
                            g_array_index (span->fragments, gint64, i + 1));
  g_string_append_printf (writer->out, "\t%s\n", span->text->str);
}

static void
write_attribute (Writer     *writer,
                 Span       *span,
                 const char *name,
                 const char *value)
{
  g_autofree char *id = next_id (writer, NEXT_A);
  g_autofree char *word = brat_word (name);
  g_autofree char *value_word = value != NULL ? brat_word (value) : NULL;

  g_string_append_printf (writer->out, "%s\t%s T%u%s%s\n", id, word, span->number,
                          value != NULL ? " " : "", value != NULL ? value_word : "");
}

static void
write_tags (Writer *writer,
            Span   *span)
{
  const char * const *tags = gloss_annotation_get_tags (span->first);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      const char *equals = strchr (tags[i], '=');
      g_autofree char *name = equals != NULL ? g_strndup (tags[i], equals - tags[i]) : NULL;

      if (equals != NULL && equals > tags[i] && equals[1] != '\0')
        write_attribute (writer, span, name, equals + 1);
      else
        write_attribute (writer, span, tags[i], NULL);
    }
}

static void
write_review (Writer *writer,
              Span   *span)
{
  GlossAnnotation *claim = span->first;
  const char *verdict = gloss_verdict_to_string (gloss_annotation_get_verdict (claim));

  if (gloss_annotation_get_kind (claim) != GLOSS_ANNOTATION_CLAIM)
    return;

  write_attribute (writer, span, GLOSS_BRAT_STATUS,
                   gloss_claim_status_to_string (gloss_annotation_get_status (claim)));
  if (verdict != NULL)
    write_attribute (writer, span, GLOSS_BRAT_VERDICT, verdict);
}

/* brat normalises to "DB:ID"; a Wikidata link is written as Wikidata's. */
static char *
reference_for (const char *link)
{
  if (g_str_has_prefix (link, GLOSS_WIKIDATA_URL))
    return g_strconcat (GLOSS_WIKIDATA_DB, link + strlen (GLOSS_WIKIDATA_URL), NULL);

  return brat_word (link);
}

static void
write_link_and_note (Writer *writer,
                     Span   *span)
{
  GlossEntity *entity = gloss_formats_get_entity (writer->document, span->first);
  const char *note = gloss_annotation_get_note (span->first);

  if (entity != NULL && gloss_entity_get_link (entity) != NULL)
    {
      g_autofree char *id = next_id (writer, NEXT_N);
      g_autofree char *reference = reference_for (gloss_entity_get_link (entity));
      g_autofree char *name = gloss_formats_one_line (gloss_entity_get_name (entity));

      g_string_append_printf (writer->out, "%s\t%s T%u %s\t%s\n", id, GLOSS_BRAT_REFERENCE,
                              span->number, reference, name);
    }

  if (note != NULL)
    {
      g_autofree char *id = next_id (writer, NEXT_NOTE);
      g_autofree char *line = gloss_formats_one_line (note);

      g_string_append_printf (writer->out, "%s\t%s T%u\t%s\n", id, GLOSS_BRAT_NOTES,
                              span->number, line);
    }
}

/* The ids in a kept line's second field: "Arg1:T4", "E1", "Org-Arg:T2". */
static gboolean
references_resolve (Writer     *writer,
                    const char *line,
                    char      **missing)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", 3);
  g_auto(GStrv) words = fields[0] != NULL && fields[1] != NULL
    ? g_strsplit (fields[1], " ", -1) : NULL;

  for (guint i = 1; words != NULL && words[i] != NULL; i++)
    {
      const char *colon = strrchr (words[i], ':');
      const char *id = colon != NULL ? colon + 1 : words[i];

      if (id[0] == '\0' || strchr ("TERAMN", id[0]) == NULL || !g_ascii_isdigit (id[1]) ||
          strspn (id + 1, "0123456789") != strlen (id + 1))
        continue;

      if (!g_hash_table_contains (writer->reserved, id))
        {
          *missing = g_strdup (id);
          return FALSE;
        }
    }

  return TRUE;
}

static void
write_unknown (Writer *writer)
{
  for (guint i = 0; i < writer->unknown->len; i++)
    {
      const char *line = g_ptr_array_index (writer->unknown, i);
      g_autofree char *missing = NULL;

      if (references_resolve (writer, line, &missing))
        {
          g_string_append_printf (writer->out, "%s\n", line);
          continue;
        }

      gloss_export_add_warning (writer->export,
                                _("The brat line “%.*s” refers to %s, which is no longer there, "
                                  "and was left out"), (int) strcspn (line, "\t"), line, missing);
    }
}

/* Kept lines keep their ids, so new A, N and # lines must not take them. */
static void
reserve_kept_ids (Writer *writer)
{
  for (guint i = 0; i < writer->unknown->len; i++)
    {
      const char *line = g_ptr_array_index (writer->unknown, i);

      g_hash_table_add (writer->reserved, g_strndup (line, strcspn (line, "\t")));
    }
}

static void
write_ann (Writer *writer)
{
  for (guint i = 0; i < writer->spans->len; i++)
    if (((Span *) g_ptr_array_index (writer->spans, i))->fragments->len > 0)
      write_t_line (writer, g_ptr_array_index (writer->spans, i));

  for (guint i = 0; i < writer->spans->len; i++)
    {
      Span *span = g_ptr_array_index (writer->spans, i);

      if (span->fragments->len == 0)
        continue;
      write_review (writer, span);
      write_tags (writer, span);
      write_link_and_note (writer, span);
    }

  write_unknown (writer);
}

/* NAME.txt holds the text exactly (UTF-8, no byte order mark: brat counts
 * code points from the first byte) and NAME.ann the spans. */
GlossExport *
gloss_brat_export (GlossDocument             *document,
                   const GlossFormatOptions  *options,
                   GError                   **error)
{
  g_auto(Writer) writer = { 0 };
  g_autoptr(GlossExport) export = gloss_export_new (TRUE);
  g_autofree char *stem = gloss_formats_article_stem (document);
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  const char *text = gloss_document_get_text (document);
  g_autoptr(GBytes) txt = g_bytes_new (text, strlen (text));
  g_autoptr(GBytes) ann = NULL;

  writer.document = document;
  writer.export = export;
  writer.index = gloss_document_get_text_index (document);
  writer.brat_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer.spans_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  writer.unknown = g_ptr_array_new_with_free_func (g_free);
  writer.reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.out = g_string_new (NULL);

  read_sidecar (&writer);
  collect_spans (&writer);
  reserve_kept_ids (&writer);
  number_spans (&writer);
  write_ann (&writer);

  ann = g_string_free_to_bytes (g_steal_pointer (&writer.out));
  gloss_export_add_file (export, txt_name, txt);
  gloss_export_add_file (export, ann_name, ann);

  return g_steal_pointer (&export);
}
