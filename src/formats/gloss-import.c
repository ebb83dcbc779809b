/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-import.h"
#include "gloss-anchor.h"
#include "gloss-formats-private.h"
#include "gloss-import-private.h"
#include "gloss-label-set.h"
#include "gloss-sidecar-reader.h"
#include "gloss-sidecar-writer.h"
#include "gloss-text-file.h"

struct _GlossImport
{
  GPtrArray *articles;
  GPtrArray *notes;
  guint      n_taken[GLOSS_ANNOTATION_NOTE + 1];
  guint      n_kept;
  guint      n_present;
};

/* New entity types get GNOME palette colours the defaults do not use. */
static const char *palette[] = {
  "#2190a4", "#c061cb", "#865e3c", "#26a269",
  "#e5a50a", "#1a5fb4", "#c01c28", "#613583",
};

static void
gloss_import_item_free (GlossImportItem *item)
{
  g_free (item->label);
  g_free (item->entity);
  g_free (item->link);
  g_strfreev (item->tags);
  g_free (item->note);
  g_free (item->author);
  g_free (item->created);
  g_free (item->modified);
  g_free (item->claimant);
  g_strfreev (item->sources);
  g_free (item->reviewer);
  g_free (item->reviewed);
  g_clear_pointer (&item->extra, json_object_unref);
  g_free (item);
}

static void
gloss_import_article_free (GlossImportArticle *article)
{
  g_object_unref (article->article);
  g_free (article->text);
  g_ptr_array_unref (article->items);
  g_free (article->kept_key);
  json_array_unref (article->kept);
  g_free (article);
}

GlossImport *
gloss_import_new (void)
{
  GlossImport *self = g_new0 (GlossImport, 1);

  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_import_article_free);
  self->notes = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  return self;
}

void
gloss_import_free (GlossImport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->articles);
  g_ptr_array_unref (self->notes);
  g_free (self);
}

/**
 * gloss_import_add_article:
 * @text: the article's text; the offsets of its items count in it
 * @create: %TRUE when the import brings the text and the file is to be
 *   written
 * @kept_key: the sidecar member that keeps what Gloss has no place for
 *
 * Returns: (transfer none): the new article
 */
GlossImportArticle *
gloss_import_add_article (GlossImport *self,
                          GFile       *article,
                          const char  *text,
                          gboolean     create,
                          const char  *kept_key)
{
  GlossImportArticle *entry = g_new0 (GlossImportArticle, 1);

  entry->article = g_object_ref (article);
  entry->text = g_strdup (text);
  entry->create = create;
  entry->items = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_import_item_free);
  entry->kept_key = g_strdup (kept_key);
  entry->kept = json_array_new ();
  g_ptr_array_add (self->articles, entry);

  return entry;
}

/**
 * gloss_import_article_add_item:
 *
 * Returns: (transfer none): a new item for @article to fill in
 */
GlossImportItem *
gloss_import_article_add_item (GlossImport         *self,
                               GlossImportArticle  *article,
                               GlossAnnotationKind  kind,
                               gint64               start,
                               gint64               end)
{
  GlossImportItem *item = g_new0 (GlossImportItem, 1);

  item->kind = kind;
  item->start = start;
  item->end = end;
  g_ptr_array_add (article->items, item);
  self->n_taken[kind]++;

  return item;
}

/* @value is taken over. */
void
gloss_import_article_keep (GlossImport        *self,
                           GlossImportArticle *article,
                           JsonNode           *value)
{
  json_array_add_element (article->kept, value);
  self->n_kept++;
}

void
gloss_import_add_note (GlossImport *self,
                       const char  *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

void
gloss_import_item_add_tag (GlossImportItem *item,
                           const char      *tag)
{
  guint n = item->tags != NULL ? g_strv_length (item->tags) : 0;

  if (item->tags != NULL && g_strv_contains ((const char * const *) item->tags, tag))
    return;

  item->tags = g_renew (char *, item->tags, n + 2);
  item->tags[n] = g_strdup (tag);
  item->tags[n + 1] = NULL;
}

guint
gloss_import_get_n_articles (GlossImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->articles->len;
}

/**
 * gloss_import_get_article:
 *
 * Returns: (transfer none): the article file the import writes to
 */
GFile *
gloss_import_get_article (GlossImport *self,
                          guint        index)
{
  GlossImportArticle *article;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->articles->len, NULL);

  article = g_ptr_array_index (self->articles, index);
  return article->article;
}

guint
gloss_import_get_n_taken (GlossImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_taken[GLOSS_ANNOTATION_ENTITY] + self->n_taken[GLOSS_ANNOTATION_CLAIM] +
         self->n_taken[GLOSS_ANNOTATION_NOTE];
}

guint
gloss_import_get_n_kept (GlossImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_kept;
}

/**
 * gloss_import_get_notes:
 *
 * Returns: (transfer none) (array zero-terminated=1): what the import
 *   kept aside or changed, and why, one sentence each
 */
const char * const *
gloss_import_get_notes (GlossImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->notes->pdata;
}

/**
 * gloss_import_dup_summary:
 *
 * Returns: (transfer full): what was taken and what was kept aside, for
 *   people, one statement a line
 */
char *
gloss_import_dup_summary (GlossImport *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, _("Articles: %u\n"), self->articles->len);
  g_string_append_printf (out, _("Taken: %u entity mentions, %u claims, %u notes\n"),
                          self->n_taken[GLOSS_ANNOTATION_ENTITY],
                          self->n_taken[GLOSS_ANNOTATION_CLAIM],
                          self->n_taken[GLOSS_ANNOTATION_NOTE]);
  if (self->n_present > 0)
    g_string_append_printf (out, _("Already there, not added again: %u\n"), self->n_present);
  g_string_append_printf (out, _("Kept aside as unknown data in the sidecar: %u\n"),
                          self->n_kept);
  for (guint i = 0; i < self->notes->len; i++)
    g_string_append_printf (out, "  %s\n", (const char *) g_ptr_array_index (self->notes, i));

  return g_string_free (out, FALSE);
}

typedef struct
{
  JsonNode       *root_node;
  JsonObject     *root;
  JsonArray      *labels;
  JsonArray      *entities;
  JsonArray      *annotations;
  GlossLabelSet  *label_set;
  GHashTable     *label_ids;
  GHashTable     *entity_ids;
  GHashTable     *entity_names;
  GHashTable     *ids;
  GHashTable     *spans;
  GlossTextIndex *index;
  char           *now;
} Merge;

static void
merge_clear (Merge *merge)
{
  g_clear_pointer (&merge->root_node, json_node_unref);
  g_clear_object (&merge->label_set);
  g_clear_pointer (&merge->label_ids, g_hash_table_unref);
  g_clear_pointer (&merge->entity_ids, g_hash_table_unref);
  g_clear_pointer (&merge->entity_names, g_hash_table_unref);
  g_clear_pointer (&merge->ids, g_hash_table_unref);
  g_clear_pointer (&merge->spans, g_hash_table_unref);
  g_clear_pointer (&merge->index, gloss_text_index_unref);
  g_clear_pointer (&merge->now, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Merge, merge_clear)

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
ensure_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    json_object_set_array_member (object, name, json_array_new ());

  return json_object_get_array_member (object, name);
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
fold (const char *string)
{
  return g_utf8_casefold (string != NULL ? string : "", -1);
}

static char *
entity_key (const char *label_id,
            const char *kind,
            const char *value)
{
  g_autofree char *folded = fold (value);

  return g_strdup_printf ("%s\x1f%s\x1f%s", label_id != NULL ? label_id : "", kind, folded);
}

static char *
span_key (const char *kind,
          gint64      start,
          gint64      end,
          const char *label,
          const char *entity)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s:%s", kind, start, end,
                          label != NULL ? label : "", entity != NULL ? entity : "");
}

static void
index_labels (Merge *merge)
{
  for (guint i = 0; i < json_array_get_length (merge->labels); i++)
    {
      JsonObject *label = array_object (merge->labels, i);
      const char *id = label != NULL ? member_string (label, "id") : NULL;
      const char *name = label != NULL ? member_string (label, "name") : NULL;
      g_autoptr(GlossLabel) known = NULL;

      if (id == NULL)
        continue;

      known = gloss_label_new (id, name != NULL ? name : id, "#77767b");
      gloss_label_set_append (merge->label_set, known);
      g_hash_table_insert (merge->label_ids, fold (id), g_strdup (id));
      if (name != NULL)
        g_hash_table_insert (merge->label_ids, fold (name), g_strdup (id));
    }
}

static void
index_entity (Merge      *merge,
              JsonObject *entity)
{
  const char *id = member_string (entity, "id");
  const char *label = member_string (entity, "label");
  const char *link = member_string (entity, "link");
  const char *name = member_string (entity, "name");
  JsonNode *aliases = json_object_get_member (entity, "aliases");

  g_hash_table_add (merge->ids, g_strdup (id));
  if (name != NULL)
    {
      g_hash_table_insert (merge->entity_ids, entity_key (label, "name", name), g_strdup (id));
      g_hash_table_insert (merge->entity_names, fold (name), g_strdup (id));
    }
  if (link != NULL)
    g_hash_table_insert (merge->entity_ids, entity_key (label, "link", link), g_strdup (id));
  if (aliases == NULL || !JSON_NODE_HOLDS_ARRAY (aliases))
    return;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (aliases)); i++)
    {
      JsonNode *alias = json_array_get_element (json_node_get_array (aliases), i);

      if (json_node_get_value_type (alias) == G_TYPE_STRING)
        g_hash_table_insert (merge->entity_ids,
                             entity_key (label, "name", json_node_get_string (alias)),
                             g_strdup (id));
    }
}

static void
index_annotations (Merge *merge)
{
  for (guint i = 0; i < json_array_get_length (merge->annotations); i++)
    {
      JsonObject *annotation = array_object (merge->annotations, i);
      const char *id = annotation != NULL ? member_string (annotation, "id") : NULL;

      if (id == NULL)
        continue;

      g_hash_table_add (merge->ids, g_strdup (id));
      if (!json_object_has_member (annotation, "start") ||
          !json_object_has_member (annotation, "end"))
        continue;

      g_hash_table_add (merge->spans,
                        span_key (member_string (annotation, "kind"),
                                  json_object_get_int_member (annotation, "start"),
                                  json_object_get_int_member (annotation, "end"),
                                  member_string (annotation, "label"),
                                  member_string (annotation, "entity")));
    }
}

static gboolean
merge_init (Merge       *merge,
            GBytes      *base,
            const char  *text,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gsize size;
  const char *data = g_bytes_get_data (base, &size);

  if (!json_parser_load_from_data (parser, data, size, error))
    return FALSE;

  merge->root_node = json_node_copy (json_parser_get_root (parser));
  if (!JSON_NODE_HOLDS_OBJECT (merge->root_node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_CONFLICT,
                   _("The article’s annotations are not a Gloss sidecar"));
      return FALSE;
    }

  merge->root = json_node_get_object (merge->root_node);
  merge->labels = ensure_array (merge->root, "labels");
  merge->entities = ensure_array (merge->root, "entities");
  merge->annotations = ensure_array (merge->root, "annotations");
  merge->label_set = gloss_label_set_new ();
  merge->label_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge->entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge->entity_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge->spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge->index = gloss_text_index_new (text, -1);
  merge->now = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  index_labels (merge);
  for (guint i = 0; i < json_array_get_length (merge->entities); i++)
    if (array_object (merge->entities, i) != NULL &&
        member_string (array_object (merge->entities, i), "id") != NULL)
      index_entity (merge, array_object (merge->entities, i));
  index_annotations (merge);

  return TRUE;
}

/* Ids like the core's: a letter and 8 hex digits of a random UUID. */
static const char *
fresh_id (Merge *merge,
          char   prefix)
{
  for (;;)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char *id = g_strdup_printf ("%c%.8s", prefix, uuid);

      if (!g_hash_table_contains (merge->ids, id))
        {
          g_hash_table_add (merge->ids, id);
          return id;
        }
      g_free (id);
    }
}

static const char *
resolve_label (Merge      *merge,
               const char *name)
{
  g_autofree char *folded = fold (name);
  g_autofree char *id = NULL;
  g_autoptr(GlossLabel) added = NULL;
  const char *color;
  JsonObject *label;
  guint n;

  if (g_hash_table_contains (merge->label_ids, folded))
    return g_hash_table_lookup (merge->label_ids, folded);

  n = g_list_model_get_n_items (G_LIST_MODEL (merge->label_set));
  color = palette[n % G_N_ELEMENTS (palette)];
  id = gloss_label_set_make_id (merge->label_set, name);
  added = gloss_label_new (id, name, color);
  gloss_label_set_append (merge->label_set, added);

  label = json_object_new ();
  json_object_set_string_member (label, "id", id);
  json_object_set_string_member (label, "name", name);
  json_object_set_string_member (label, "color", color);
  json_array_add_object_element (merge->labels, label);
  g_hash_table_insert (merge->label_ids, g_strdup (folded), g_strdup (id));

  return g_hash_table_lookup (merge->label_ids, folded);
}

static const char *
lookup_entity (Merge           *merge,
               GlossImportItem *item,
               const char      *label_id)
{
  g_autofree char *by_link = item->link != NULL
    ? entity_key (label_id, "link", item->link) : NULL;
  g_autofree char *by_name = entity_key (label_id, "name", item->entity);

  if (by_link != NULL && g_hash_table_contains (merge->entity_ids, by_link))
    return g_hash_table_lookup (merge->entity_ids, by_link);

  return g_hash_table_lookup (merge->entity_ids, by_name);
}

static const char *
resolve_entity (Merge           *merge,
                GlossImportItem *item,
                const char      *label_id)
{
  const char *found = lookup_entity (merge, item, label_id);
  JsonObject *entity;

  if (found != NULL)
    return found;

  entity = json_object_new ();
  json_object_set_string_member (entity, "id", fresh_id (merge, 'e'));
  json_object_set_string_member (entity, "name", item->entity);
  json_object_set_string_member (entity, "label", label_id);
  if (item->link != NULL)
    json_object_set_string_member (entity, "link", item->link);
  json_array_add_object_element (merge->entities, entity);
  index_entity (merge, entity);

  return lookup_entity (merge, item, label_id);
}

static void
set_optional (JsonObject *object,
              const char *name,
              const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, name, value);
}

static void
set_strv (JsonObject         *object,
          const char         *name,
          const char * const *strv)
{
  JsonArray *array;

  if (strv == NULL || strv[0] == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_object_set_array_member (object, name, array);
}

static JsonObject *
review_to_json (Merge           *merge,
                GlossImportItem *item)
{
  JsonObject *review = json_object_new ();
  const char *verdict = gloss_verdict_to_string (item->verdict);
  const char *claimant = item->claimant;
  g_autofree char *folded = fold (claimant);

  if (claimant != NULL && g_hash_table_contains (merge->entity_names, folded))
    claimant = g_hash_table_lookup (merge->entity_names, folded);

  json_object_set_string_member (review, "status", gloss_claim_status_to_string (item->status));
  if (verdict != NULL)
    json_object_set_string_member (review, "verdict", verdict);
  else
    json_object_set_null_member (review, "verdict");
  set_optional (review, "claimant", claimant);
  set_strv (review, "sources", (const char * const *) item->sources);
  set_optional (review, "reviewer", item->reviewer);
  set_optional (review, "reviewed", item->reviewed);

  return review;
}

static void
add_extra (JsonObject *object,
           JsonObject *extra)
{
  g_autoptr(GList) names = extra != NULL ? json_object_get_members (extra) : NULL;

  for (const GList *l = names; l != NULL; l = l->next)
    if (!json_object_has_member (object, l->data))
      json_object_set_member (object, l->data,
                              json_node_copy (json_object_get_member (extra, l->data)));
}

static JsonObject *
item_to_json (Merge           *merge,
              GlossImportItem *item,
              const char      *label_id,
              const char      *entity_id)
{
  JsonObject *annotation = json_object_new ();
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  gloss_text_index_describe (merge->index, item->start, item->end, &quote, &prefix, &suffix);
  json_object_set_string_member (annotation, "id", fresh_id (merge, 'a'));
  json_object_set_string_member (annotation, "kind", gloss_annotation_kind_to_string (item->kind));
  json_object_set_int_member (annotation, "start", item->start);
  json_object_set_int_member (annotation, "end", item->end);
  json_object_set_string_member (annotation, "quote", quote);
  set_optional (annotation, "prefix", prefix);
  set_optional (annotation, "suffix", suffix);
  set_optional (annotation, "label", label_id);
  set_optional (annotation, "entity", entity_id);
  set_strv (annotation, "tags", (const char * const *) item->tags);
  set_optional (annotation, "note", item->note);
  set_optional (annotation, "author", item->author);
  set_optional (annotation, "created", item->created != NULL ? item->created : merge->now);
  set_optional (annotation, "modified", item->modified != NULL ? item->modified
                : item->created != NULL ? item->created : merge->now);
  if (item->kind == GLOSS_ANNOTATION_CLAIM)
    json_object_set_object_member (annotation, "review", review_to_json (merge, item));
  add_extra (annotation, item->extra);

  return annotation;
}

static gboolean
merge_item (Merge           *merge,
            GlossImportItem *item)
{
  const char *label_id = NULL;
  const char *entity_id = NULL;
  g_autofree char *key = NULL;

  if (item->kind == GLOSS_ANNOTATION_ENTITY)
    {
      label_id = resolve_label (merge, item->label != NULL ? item->label : "Other");
      if (item->entity == NULL)
        item->entity = gloss_text_index_dup_slice (merge->index, item->start, item->end);
      entity_id = resolve_entity (merge, item, label_id);
    }

  key = span_key (gloss_annotation_kind_to_string (item->kind), item->start, item->end,
                  label_id, entity_id);
  if (!g_hash_table_add (merge->spans, g_steal_pointer (&key)))
    return FALSE;

  json_array_add_object_element (merge->annotations,
                                 item_to_json (merge, item, label_id, entity_id));
  return TRUE;
}

static void
merge_kept (Merge              *merge,
            GlossImportArticle *article)
{
  g_autoptr(GHashTable) present = NULL;
  JsonNode *node;
  JsonArray *unknown;

  if (json_array_get_length (article->kept) == 0)
    return;

  node = json_object_get_member (merge->root, article->kept_key);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    json_object_set_object_member (merge->root, article->kept_key, json_object_new ());
  unknown = ensure_array (json_object_get_object_member (merge->root, article->kept_key),
                          "unknown");

  present = g_hash_table_new (json_node_hash, json_node_equal);
  for (guint i = 0; i < json_array_get_length (unknown); i++)
    g_hash_table_add (present, json_array_get_element (unknown, i));

  for (guint i = 0; i < json_array_get_length (article->kept); i++)
    {
      JsonNode *value = json_array_get_element (article->kept, i);

      if (g_hash_table_add (present, value))
        json_array_add_element (unknown, json_node_copy (value));
    }
}

/**
 * gloss_import_merge:
 * @base: the sidecar the article has now
 * @n_present: (inout): incremented for each item that was already there
 *
 * Returns: (transfer full): @base with the article's items added; the
 *   bytes are JSON, not yet in the sidecar's own layout
 */
GBytes *
gloss_import_merge (GlossImportArticle  *article,
                    GBytes              *base,
                    guint               *n_present,
                    GError             **error)
{
  g_auto(Merge) merge = { 0 };
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *data;

  if (!merge_init (&merge, base, article->text, error))
    return NULL;

  for (guint i = 0; i < article->items->len; i++)
    if (!merge_item (&merge, g_ptr_array_index (article->items, i)))
      (*n_present)++;
  merge_kept (&merge, article);

  json_generator_set_root (generator, merge.root_node);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* A new article's sidecar before the import: the default entity types and
 * the record of the text. */
static GBytes *
new_sidecar (GlossImportArticle *article)
{
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ();
  g_autofree char *name = g_file_get_basename (article->article);
  g_autofree char *sha256 = gloss_text_compute_sha256 (article->text, -1);

  g_clear_object (&sidecar->labels);
  sidecar->labels = gloss_label_set_new_default ();
  gloss_source_set_file (sidecar->source, name);
  gloss_source_set_sha256 (sidecar->source, sha256);
  gloss_source_set_length (sidecar->source, g_utf8_strlen (article->text, -1));

  return gloss_sidecar_write (sidecar);
}

/* Through the reader and writer, so a new sidecar is laid out as Gloss
 * lays out its own. */
static GBytes *
normalize_sidecar (GBytes      *bytes,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) newer = NULL;

  sidecar = gloss_sidecar_read (bytes, name, &newer, error);
  if (sidecar == NULL)
    return NULL;

  return gloss_sidecar_write (sidecar);
}

typedef struct
{
  GlossImportArticle *article;
  GlossDocument      *document;
  GBytes             *sidecar;
} Plan;

static void
plan_free (Plan *plan)
{
  g_clear_object (&plan->document);
  g_clear_pointer (&plan->sidecar, g_bytes_unref);
  g_free (plan);
}

static gboolean
check_document (GlossDocument       *document,
                GlossImportArticle  *article,
                GError             **error)
{
  g_autofree char *name = g_file_get_basename (article->article);

  if (gloss_document_get_read_only (document))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_CONFLICT,
                   _("%s: its annotations cannot be changed: %s"), name,
                   gloss_document_get_read_only_reason (document));
      return FALSE;
    }

  if (g_strcmp0 (gloss_document_get_text (document), article->text) != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_CONFLICT,
                   _("%s already exists with a different text; move it away or import "
                     "into another folder"), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
merge_into_document (GlossImport         *self,
                     GlossImportArticle  *article,
                     GlossDocument       *document,
                     GError             **error)
{
  g_autoptr(GBytes) base = gloss_document_save_sidecar_to_bytes (document);
  g_autoptr(GBytes) merged = NULL;

  merged = gloss_import_merge (article, base, &self->n_present, error);
  if (merged == NULL)
    return FALSE;

  return gloss_document_restore (document, article->text, merged, error);
}

static Plan *
plan_article (GlossImport         *self,
              GlossImportArticle  *article,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autofree char *name = g_file_get_basename (article->article);
  Plan *plan = g_new0 (Plan, 1);

  plan->article = article;
  if (!article->create || g_file_query_exists (article->article, cancellable))
    {
      plan->document = gloss_document_load (article->article, cancellable, error);
      if (plan->document == NULL ||
          !check_document (plan->document, article, error) ||
          !merge_into_document (self, article, plan->document, error))
        return (plan_free (plan), NULL);
      return plan;
    }

  base = new_sidecar (article);
  merged = gloss_import_merge (article, base, &self->n_present, error);
  if (merged != NULL)
    plan->sidecar = normalize_sidecar (merged, name, error);
  if (plan->sidecar == NULL)
    return (plan_free (plan), NULL);

  return plan;
}

static gboolean
replace_contents (GFile         *file,
                  const char    *data,
                  gsize          size,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}

static gboolean
write_plan (Plan          *plan,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (plan->article->article);
  g_autoptr(GFile) sidecar_file = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *text = plan->article->text;
  gsize size;
  const char *data;

  if (plan->document != NULL)
    return gloss_document_save (plan->document, cancellable, error);

  if (!g_file_make_directory_with_parents (folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  sidecar_file = gloss_document_get_sidecar_file_for (plan->article->article);
  data = g_bytes_get_data (plan->sidecar, &size);

  return replace_contents (plan->article->article, text, strlen (text), cancellable, error) &&
         replace_contents (sidecar_file, data, size, cancellable, error);
}

/**
 * gloss_import_save:
 *
 * Merges every article's annotations into its sidecar and writes the
 * articles the import brings. Every article is loaded and merged in memory
 * first, so a conflict found in any of them writes nothing.
 */
gboolean
gloss_import_save (GlossImport   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_free);

  g_return_val_if_fail (self != NULL, FALSE);

  self->n_present = 0;
  for (guint i = 0; i < self->articles->len; i++)
    {
      Plan *plan = plan_article (self, g_ptr_array_index (self->articles, i), cancellable, error);

      if (plan == NULL)
        return FALSE;
      g_ptr_array_add (plans, plan);
    }

  for (guint i = 0; i < plans->len; i++)
    if (!write_plan (g_ptr_array_index (plans, i), cancellable, error))
      return FALSE;

  return TRUE;
}

/**
 * gloss_import_apply:
 * @document: an open document, the article of one of the import's
 *   articles
 *
 * Merges that article's annotations into @document, which then has
 * unsaved changes. Its text must be the one the import was read against
 * (see #GlossFormatOptions.article_text).
 */
gboolean
gloss_import_apply (GlossImport    *self,
                    GlossDocument  *document,
                    GError        **error)
{
  GFile *file;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  file = gloss_document_get_file (document);
  for (guint i = 0; i < self->articles->len; i++)
    {
      GlossImportArticle *article = g_ptr_array_index (self->articles, i);

      if (file != NULL && g_file_equal (article->article, file))
        return check_document (document, article, error) &&
               merge_into_document (self, article, document, error);
    }

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_NOT_SUPPORTED,
               _("The import does not concern the open article"));
  return FALSE;
}
