/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-w3c-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-formats-private.h"
#include "gloss-import-private.h"
#include "gloss-json-scanner.h"
#include "gloss-w3c-private.h"

#define GLOSS_W3C_KEY "w3c"

typedef struct
{
  const char         *name;
  const char         *contents;
  const char         *cursor;
  guint               cursor_line;
  GlossTextIndex     *index;
  GlossImport        *import;
  GlossImportArticle *article;
  guint               n_placed[GLOSS_ANCHOR_ORPHANED + 1];
  guint               n_left_out;
} Reader;

typedef struct
{
  JsonObject *object;
  guint       number;
  guint       line;
  const char *id;
} Source;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->index, gloss_text_index_unref);
  g_clear_pointer (&reader->import, gloss_import_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A property that may hold one value or an array of them. */
static gboolean
has_value (JsonObject *object,
           const char *name,
           const char *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_str_equal (json_node_get_string (node), value);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);

      if (json_node_get_value_type (element) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (element), value))
        return TRUE;
    }

  return FALSE;
}

/* JSON parsers keep no positions, so the line is where the annotation's
 * id first appears in the file. Annotations come in file order, so the
 * search goes on from the last one found. */
static guint
line_of (Reader     *reader,
         const char *id)
{
  g_autofree char *needle = NULL;
  const char *found;

  if (id == NULL)
    return 0;

  needle = g_strdup_printf ("\"%s\"", id);
  found = strstr (reader->cursor, needle);
  if (found == NULL)
    {
      reader->cursor = reader->contents;
      reader->cursor_line = 1;
      found = strstr (reader->cursor, needle);
    }
  if (found == NULL)
    return 0;

  for (const char *p = reader->cursor; p < found; p++)
    reader->cursor_line += *p == '\n';
  reader->cursor = found;

  return reader->cursor_line;
}

static void
set_source_error (GError          **error,
                  GlossFormatError  code,
                  Reader           *reader,
                  Source           *source,
                  const char       *message)
{
  if (source->id != NULL)
    gloss_formats_set_line_error (error, code, reader->name, source->line,
                                  _("annotation %u (%s): %s"), source->number, source->id, message);
  else
    gloss_formats_set_line_error (error, code, reader->name, source->line,
                                  _("annotation %u: %s"), source->number, message);
}

typedef struct
{
  const char *quote;
  const char *prefix;
  const char *suffix;
  gint64      start;
  gint64      end;
  gboolean    has_position;
} Selectors;

static void
read_selector (JsonNode  *node,
               Selectors *selectors)
{
  JsonObject *selector = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *start, *end;

  if (has_value (selector, "type", "TextQuoteSelector") && string_member (selector, "exact"))
    {
      selectors->quote = string_member (selector, "exact");
      selectors->prefix = string_member (selector, "prefix");
      selectors->suffix = string_member (selector, "suffix");
    }
  else if (has_value (selector, "type", "TextPositionSelector"))
    {
      start = json_object_get_member (selector, "start");
      end = json_object_get_member (selector, "end");
      if (start == NULL || end == NULL || json_node_get_value_type (start) != G_TYPE_INT64 ||
          json_node_get_value_type (end) != G_TYPE_INT64)
        return;
      selectors->start = json_node_get_int (start);
      selectors->end = json_node_get_int (end);
      selectors->has_position = TRUE;
    }
}

static gboolean
read_target (JsonNode  *node,
             Selectors *selectors)
{
  JsonObject *target;
  JsonNode *selector;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        if (read_target (json_array_get_element (json_node_get_array (node), i), selectors))
          return TRUE;
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  target = json_node_get_object (node);
  selector = json_object_get_member (target, "selector");
  if (selector != NULL && JSON_NODE_HOLDS_ARRAY (selector))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (selector)); i++)
      read_selector (json_array_get_element (json_node_get_array (selector), i), selectors);
  else if (selector != NULL)
    read_selector (selector, selectors);

  return selectors->quote != NULL || selectors->has_position;
}

/* Where the annotation goes: its position if the text there is its quote,
 * else where the quote is found, as when the article was edited. */
static gboolean
place (Reader     *reader,
       Source     *source,
       Selectors  *selectors,
       GlossAnchor *anchor,
       GError    **error)
{
  gint64 length = gloss_text_index_get_length (reader->index);
  GlossSelector selector = { 0 };
  g_autofree char *slice = NULL;

  if (selectors->has_position && selectors->start >= 0 && selectors->start < selectors->end &&
      selectors->end <= length)
    slice = gloss_text_index_dup_slice (reader->index, selectors->start, selectors->end);
  if (slice != NULL && (selectors->quote == NULL || g_str_equal (slice, selectors->quote)))
    {
      *anchor = (GlossAnchor) { GLOSS_ANCHOR_EXACT, selectors->start, selectors->end };
      return TRUE;
    }

  if (selectors->quote == NULL || selectors->quote[0] == '\0')
    {
      set_source_error (error, GLOSS_FORMAT_ERROR_MISMATCH, reader, source,
                        _("its position is outside the text and it has no quote to find"));
      return FALSE;
    }

  selector.start = selectors->has_position ? selectors->start : 0;
  selector.end = selectors->has_position ? selectors->end : 0;
  selector.quote = selectors->quote;
  selector.prefix = selectors->prefix;
  selector.suffix = selectors->suffix;
  gloss_text_index_anchor (reader->index, &selector, 1, anchor);
  if (anchor->state != GLOSS_ANCHOR_ORPHANED)
    return TRUE;

  {
    g_autofree char *message = g_strdup_printf (_("its quote “%s” is not in the article"),
                                                selectors->quote);

    set_source_error (error, GLOSS_FORMAT_ERROR_MISMATCH, reader, source, message);
  }
  return FALSE;
}

/* What the bodies say, before the annotation's kind is known. */
typedef struct
{
  const char   *label;
  const char   *entity;
  const char   *link;
  GPtrArray    *tags;
  GPtrArray    *sources;
  GPtrArray    *resources;
  GString      *note;
  GlossVerdict  verdict;
  guint         left_out;
} Content;

static void
content_clear (Content *content)
{
  g_clear_pointer (&content->tags, g_ptr_array_unref);
  g_clear_pointer (&content->sources, g_ptr_array_unref);
  g_clear_pointer (&content->resources, g_ptr_array_unref);
  if (content->note != NULL)
    g_string_free (content->note, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Content, content_clear)

static void
add_note (Content    *content,
          const char *text)
{
  if (content->note->len > 0)
    g_string_append (content->note, "\n\n");
  g_string_append (content->note, text);
}

static void
read_textual_body (Content    *content,
                   const char *purpose,
                   const char *value)
{
  GlossVerdict verdict;

  if (g_strcmp0 (purpose, "classifying") == 0 && content->label == NULL)
    content->label = value;
  else if (g_strcmp0 (purpose, "identifying") == 0 && content->entity == NULL)
    content->entity = value;
  else if (g_strcmp0 (purpose, "tagging") == 0)
    g_ptr_array_add (content->tags, (gpointer) value);
  else if (g_strcmp0 (purpose, "assessing") == 0 && gloss_verdict_from_string (value, &verdict))
    content->verdict = verdict;
  else if (g_strcmp0 (purpose, "linking") == 0)
    g_ptr_array_add (content->sources, (gpointer) value);
  else
    add_note (content, value);
}

static void
read_resource_body (Content    *content,
                    const char *purpose,
                    const char *iri)
{
  if (g_strcmp0 (purpose, "identifying") == 0 && content->link == NULL)
    content->link = iri;
  else if (g_strcmp0 (purpose, "linking") == 0)
    g_ptr_array_add (content->sources, (gpointer) iri);
  else
    g_ptr_array_add (content->resources, (gpointer) iri);
}

static const char *
first_purpose (JsonObject *body)
{
  JsonNode *node = json_object_get_member (body, "purpose");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING
    ? json_node_get_string (node) : NULL;
}

static void
read_body (Content  *content,
           JsonNode *node)
{
  JsonObject *body;
  const char *iri;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_ptr_array_add (content->resources, (gpointer) json_node_get_string (node));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      content->left_out++;
      return;
    }

  body = json_node_get_object (node);
  iri = string_member (body, "source") != NULL ? string_member (body, "source")
                                               : string_member (body, "id");
  if (string_member (body, "value") != NULL)
    read_textual_body (content, first_purpose (body), string_member (body, "value"));
  else if (iri != NULL)
    read_resource_body (content, first_purpose (body), iri);
  else
    content->left_out++;
}

static void
read_bodies (Content    *content,
             JsonObject *annotation)
{
  JsonNode *bodies = json_object_get_member (annotation, "body");

  content->tags = g_ptr_array_new ();
  content->sources = g_ptr_array_new ();
  content->resources = g_ptr_array_new ();
  content->note = g_string_new (NULL);
  if (string_member (annotation, "bodyValue") != NULL)
    add_note (content, string_member (annotation, "bodyValue"));

  if (bodies != NULL && JSON_NODE_HOLDS_ARRAY (bodies))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (bodies)); i++)
      read_body (content, json_array_get_element (json_node_get_array (bodies), i));
  else if (bodies != NULL)
    read_body (content, bodies);
}

static GlossAnnotationKind
kind_for (JsonObject *annotation,
          Content    *content)
{
  if (has_value (annotation, "motivation", "assessing") ||
      has_value (annotation, "motivation", "questioning") ||
      string_member (annotation, GLOSS_W3C_STATUS) != NULL ||
      content->verdict != GLOSS_VERDICT_NONE)
    return GLOSS_ANNOTATION_CLAIM;

  if (has_value (annotation, "motivation", "classifying") ||
      has_value (annotation, "motivation", "identifying") || content->label != NULL)
    return GLOSS_ANNOTATION_ENTITY;

  return GLOSS_ANNOTATION_NOTE;
}

static char **
strv_from (GPtrArray *array)
{
  char **strv = g_new0 (char *, array->len + 1);

  for (guint i = 0; i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));

  return strv;
}

static const char *
creator_name (JsonObject *annotation)
{
  JsonNode *node = json_object_get_member (annotation, "creator");
  JsonObject *creator;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  creator = json_node_get_object (node);
  return string_member (creator, "name") != NULL ? string_member (creator, "name")
                                                 : string_member (creator, "nickname");
}

static char *
valid_time (JsonObject *annotation,
            const char *name)
{
  const char *time = string_member (annotation, name);
  g_autoptr(GDateTime) parsed = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;

  return parsed != NULL ? g_strdup (time) : NULL;
}

static void
fill_claim (GlossImportItem *item,
            JsonObject      *annotation,
            Content         *content)
{
  const char *status = string_member (annotation, GLOSS_W3C_STATUS);

  for (guint i = 0; i < content->resources->len; i++)
    g_ptr_array_add (content->sources, g_ptr_array_index (content->resources, i));
  g_ptr_array_set_size (content->resources, 0);

  item->verdict = content->verdict;
  if (status == NULL || !gloss_claim_status_from_string (status, &item->status))
    item->status = content->verdict != GLOSS_VERDICT_NONE ? GLOSS_CLAIM_REVIEWED
                                                          : GLOSS_CLAIM_UNREVIEWED;
  item->claimant = g_strdup (string_member (annotation, GLOSS_W3C_CLAIMANT));
  item->reviewer = g_strdup (string_member (annotation, GLOSS_W3C_REVIEWER));
  item->reviewed = valid_time (annotation, GLOSS_W3C_REVIEWED);
  if (content->sources->len > 0)
    item->sources = strv_from (content->sources);
}

static void
fill_item (GlossImportItem *item,
           JsonObject      *annotation,
           Content         *content)
{
  if (item->kind == GLOSS_ANNOTATION_ENTITY)
    {
      item->label = g_strdup (content->label != NULL ? content->label : "Other");
      item->entity = g_strdup (content->entity);
      item->link = g_strdup (content->link != NULL ? content->link
                             : content->resources->len > 0
                             ? g_ptr_array_index (content->resources, 0) : NULL);
      if (item->link != NULL && content->link == NULL)
        g_ptr_array_remove_index (content->resources, 0);
    }
  if (item->kind == GLOSS_ANNOTATION_CLAIM)
    fill_claim (item, annotation, content);

  for (guint i = 0; i < content->tags->len; i++)
    gloss_import_item_add_tag (item, g_ptr_array_index (content->tags, i));
  item->note = content->note->len > 0 ? g_strdup (content->note->str) : NULL;
  item->author = g_strdup (creator_name (annotation));
  item->created = valid_time (annotation, "created");
  item->modified = valid_time (annotation, "modified");
}

static void
keep_aside (Reader     *reader,
            Source     *source,
            const char *why)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, source->object);
  gloss_import_article_keep (reader->import, reader->article, node);
  if (source->id != NULL)
    gloss_import_add_note (reader->import, _("%s:%u: annotation %u (%s) %s; kept aside as "
                                             "unknown data in the sidecar"),
                           reader->name, source->line, source->number, source->id, why);
  else
    gloss_import_add_note (reader->import, _("%s: annotation %u %s; kept aside as unknown data "
                                             "in the sidecar"), reader->name, source->number, why);
}

static gboolean
read_annotation (Reader      *reader,
                 Source      *source,
                 GError     **error)
{
  g_auto(Content) content = { 0 };
  Selectors selectors = { 0 };
  JsonNode *target = json_object_get_member (source->object, "target");
  GlossAnchor anchor;
  GlossImportItem *item;

  if (target == NULL || !read_target (target, &selectors))
    {
      keep_aside (reader, source, _("has no text selector"));
      return TRUE;
    }
  if (!place (reader, source, &selectors, &anchor, error))
    return FALSE;

  read_bodies (&content, source->object);
  reader->n_placed[anchor.state]++;
  reader->n_left_out += content.left_out;
  item = gloss_import_article_add_item (reader->import, reader->article,
                                        kind_for (source->object, &content),
                                        anchor.start, anchor.end);
  fill_item (item, source->object, &content);
  reader->n_left_out += content.resources->len;

  return TRUE;
}

static gboolean collect (Reader     *reader,
                         JsonNode   *node,
                         GPtrArray  *found,
                         GError    **error);

static gboolean
not_annotations (Reader  *reader,
                 GError **error)
{
  gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, 0,
                                _("expected W3C annotations: an Annotation, an AnnotationPage, or "
                                  "an AnnotationCollection with its first page in the file"));
  return FALSE;
}

/* An Annotation, an AnnotationPage's items, an AnnotationCollection's
 * embedded first page, or an array of any of them. */
static gboolean
collect_object (Reader     *reader,
                JsonObject *object,
                GPtrArray  *found,
                GError    **error)
{
  JsonNode *items = json_object_get_member (object, "items");
  JsonNode *first = json_object_get_member (object, "first");

  if (has_value (object, "type", "Annotation"))
    {
      g_ptr_array_add (found, object);
      return TRUE;
    }
  if (has_value (object, "type", "AnnotationPage") && items != NULL)
    return collect (reader, items, found, error);
  if (has_value (object, "type", "AnnotationCollection") && first != NULL &&
      JSON_NODE_HOLDS_OBJECT (first))
    return collect (reader, first, found, error);
  if (has_value (object, "type", "AnnotationCollection") && first == NULL)
    return TRUE;

  return not_annotations (reader, error);
}

static gboolean
collect (Reader    *reader,
         JsonNode  *node,
         GPtrArray *found,
         GError   **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return collect_object (reader, json_node_get_object (node), found, error);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!collect (reader, json_array_get_element (array, i), found, error))
          return FALSE;
      return TRUE;
    }

  return not_annotations (reader, error);
}

static void
note_placement (Reader *reader)
{
  guint moved = reader->n_placed[GLOSS_ANCHOR_MOVED] + reader->n_placed[GLOSS_ANCHOR_FUZZY];

  if (moved > 0)
    gloss_import_add_note (reader->import, _("%s: %u annotations were placed by their quote "
                                             "because their position no longer held it (%u "
                                             "moved, %u approximate)"),
                           reader->name, moved, reader->n_placed[GLOSS_ANCHOR_MOVED],
                           reader->n_placed[GLOSS_ANCHOR_FUZZY]);
  if (reader->n_left_out > 0)
    gloss_import_add_note (reader->import, _("%s: %u bodies that were neither text nor a link "
                                             "Gloss can hold were left out"),
                           reader->name, reader->n_left_out);
}

/* The core's JSON reader, not json-glib's: see gloss_json_scanner_parse(). */
static JsonNode *
parse (Reader      *reader,
       gsize        length,
       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root = gloss_json_scanner_parse (reader->contents, length, &local_error);

  if (root != NULL)
    return root;

  gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, 0,
                                "%s", local_error->message);
  return NULL;
}

/* Annotations with a TextQuoteSelector or TextPositionSelector are merged
 * into @target, placed by position where it still holds the quote and by
 * the quote elsewhere; the others are kept verbatim in the sidecar. */
GlossImport *
gloss_w3c_import (GFile                     *input,
                  GFile                     *target,
                  const GlossFormatOptions  *options,
                  GCancellable              *cancellable,
                  GError                   **error)
{
  g_auto(Reader) reader = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *name = g_file_get_basename (input);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length;

  reader.name = name;
  if (!gloss_formats_read_utf8 (input, cancellable, &contents, &length, error))
    return NULL;
  reader.contents = contents;
  reader.cursor = contents;
  reader.cursor_line = 1;
  root = parse (&reader, length, error);
  if (root == NULL || !collect (&reader, root, found, error))
    return NULL;
  text = gloss_formats_read_article (target, options, cancellable, error);
  if (text == NULL)
    return NULL;

  reader.index = gloss_text_index_new (text, -1);
  reader.import = gloss_import_new ();
  reader.article = gloss_import_add_article (reader.import, target, text, FALSE, GLOSS_W3C_KEY);
  for (guint i = 0; i < found->len; i++)
    {
      Source source = { g_ptr_array_index (found, i), i + 1, 0, NULL };

      source.id = string_member (source.object, "id");
      source.line = line_of (&reader, source.id);
      if (!read_annotation (&reader, &source, error))
        return NULL;
    }
  note_placement (&reader);

  return g_steal_pointer (&reader.import);
}
