/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-draft"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-draft.h"

/**
 * GlossDraft:
 *
 * Unsaved work on one article, kept so that it can be offered back after
 * a crash: the article's URI, when the draft was saved, the text of the
 * article view and the sidecar bytes of its annotations.
 *
 * A draft also knows when the article was last modified on disk as it was
 * looked up; a draft older than that is still a draft, and the user decides
 * whether to restore it.
 */
struct _GlossDraft
{
  GObject    parent_instance;

  char      *uri;
  GDateTime *saved;
  GDateTime *article_modified;
  char      *text;
  GBytes    *sidecar;
};

G_DEFINE_FINAL_TYPE (GlossDraft, gloss_draft, G_TYPE_OBJECT)

static void
gloss_draft_finalize (GObject *object)
{
  GlossDraft *self = GLOSS_DRAFT (object);

  g_free (self->uri);
  g_clear_pointer (&self->saved, g_date_time_unref);
  g_clear_pointer (&self->article_modified, g_date_time_unref);
  g_free (self->text);
  g_clear_pointer (&self->sidecar, g_bytes_unref);

  G_OBJECT_CLASS (gloss_draft_parent_class)->finalize (object);
}

static void
gloss_draft_class_init (GlossDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_draft_finalize;
}

static void
gloss_draft_init (GlossDraft *self)
{
}

/**
 * gloss_draft_new:
 * @uri: the URI of the article the draft belongs to
 * @saved: (nullable): when the draft was taken; %NULL means now
 * @text: the article's text, UTF-8
 * @sidecar: (nullable): the sidecar bytes of the annotations, UTF-8 JSON
 *
 * Returns: (transfer full): a new draft holding copies of @text and a
 *   reference to @sidecar
 */
GlossDraft *
gloss_draft_new (const char *uri,
                 GDateTime  *saved,
                 const char *text,
                 GBytes     *sidecar)
{
  GlossDraft *self;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_DRAFT, NULL);
  self->uri = g_strdup (uri);
  self->saved = saved != NULL ? g_date_time_to_utc (saved) : g_date_time_new_now_utc ();
  self->text = g_strdup (text);
  self->sidecar = sidecar != NULL ? g_bytes_ref (sidecar) : NULL;

  return self;
}

/* A member that is there and is a string, or NULL. */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
check_header (JsonObject  *object,
              GError     **error)
{
  JsonNode *version = json_object_get_member (object, "version");

  if (g_strcmp0 (member_string (object, "format"), "gloss-draft") != 0)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("it is not a Gloss draft (“format” is not “gloss-draft”)"));
      return FALSE;
    }

  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("its “version” is missing or not a positive number"));
      return FALSE;
    }

  if (json_node_get_int (version) > GLOSS_DRAFT_VERSION)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION,
                   _("it was written by a newer version of Gloss"));
      return FALSE;
    }

  return TRUE;
}

static GlossDraft *
draft_from_object (JsonObject  *object,
                   GError     **error)
{
  const char *uri = member_string (object, "article");
  const char *saved_string = member_string (object, "saved");
  const char *text = member_string (object, "text");
  const char *sidecar = member_string (object, "sidecar");
  g_autoptr(GDateTime) saved = NULL;
  g_autoptr(GBytes) sidecar_bytes = NULL;
  const char *missing = NULL;

  if (saved_string != NULL)
    saved = g_date_time_new_from_iso8601 (saved_string, NULL);

  if (uri == NULL)
    missing = "article";
  else if (saved == NULL)
    missing = "saved";
  else if (text == NULL)
    missing = "text";
  else if (sidecar == NULL && json_object_has_member (object, "sidecar"))
    missing = "sidecar";

  if (missing != NULL)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("its “%s” is missing or not valid"), missing);
      return NULL;
    }

  if (sidecar != NULL)
    sidecar_bytes = g_bytes_new (sidecar, strlen (sidecar));

  return gloss_draft_new (uri, saved, text, sidecar_bytes);
}

/**
 * gloss_draft_new_from_bytes:
 * @bytes: the content of a draft file
 *
 * Reads a draft written by gloss_draft_to_bytes(). Errors are
 * %GLOSS_CORE_ERROR_PARSE (not JSON), %GLOSS_CORE_ERROR_INVALID (JSON, but
 * not a complete draft) and %GLOSS_CORE_ERROR_NEWER_VERSION; their messages
 * say what is wrong with the draft and are meant to follow a sentence that
 * names it.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL with @error set
 */
GlossDraft *
gloss_draft_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, NULL))
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_PARSE,
                   _("it is damaged (not valid JSON)"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("it is not a Gloss draft (no JSON object)"));
      return NULL;
    }

  if (!check_header (json_node_get_object (root), error))
    return NULL;

  return draft_from_object (json_node_get_object (root), error);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * gloss_draft_to_bytes:
 *
 * The draft as a JSON document: `format` ("gloss-draft"), `version`,
 * `article` (the URI), `saved` (ISO 8601, UTC, to the microsecond), `text`
 * and, when there is one, `sidecar` (the sidecar's JSON as a string, so
 * that it comes back byte for byte).
 *
 * Returns: (transfer full): the bytes of a draft file
 */
GBytes *
gloss_draft_to_bytes (GlossDraft *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *saved = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_DRAFT (self), NULL);

  saved = g_date_time_format_iso8601 (self->saved);

  json_builder_begin_object (builder);
  add_string_member (builder, "format", "gloss-draft");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, GLOSS_DRAFT_VERSION);
  add_string_member (builder, "article", self->uri);
  add_string_member (builder, "saved", saved);
  add_string_member (builder, "text", self->text);
  if (self->sidecar != NULL)
    {
      gsize size;
      const char *sidecar = g_bytes_get_data (self->sidecar, &size);
      g_autofree char *string = g_strndup (sidecar, size);

      add_string_member (builder, "sidecar", string);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

const char *
gloss_draft_get_uri (GlossDraft *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT (self), NULL);

  return self->uri;
}

/**
 * gloss_draft_dup_article:
 *
 * Returns: (transfer full): the article the draft belongs to
 */
GFile *
gloss_draft_dup_article (GlossDraft *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT (self), NULL);

  return g_file_new_for_uri (self->uri);
}

/**
 * gloss_draft_get_saved:
 *
 * Returns: (transfer none): when the draft was taken, in UTC
 */
GDateTime *
gloss_draft_get_saved (GlossDraft *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT (self), NULL);

  return self->saved;
}

/**
 * gloss_draft_get_article_modified:
 *
 * Returns: (transfer none) (nullable): when the article was last modified
 *   on disk as the draft was looked up; %NULL if the article was not there
 */
GDateTime *
gloss_draft_get_article_modified (GlossDraft *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT (self), NULL);

  return self->article_modified;
}

/**
 * gloss_draft_set_article_modified:
 * @modified: (nullable): when the article was last modified on disk
 *
 * Set by the draft store as it looks the draft up, before handing it on.
 */
void
gloss_draft_set_article_modified (GlossDraft *self,
                                  GDateTime  *modified)
{
  g_return_if_fail (GLOSS_IS_DRAFT (self));

  if (modified != NULL)
    g_date_time_ref (modified);
  g_clear_pointer (&self->article_modified, g_date_time_unref);
  self->article_modified = modified;
}

/**
 * gloss_draft_get_older_than_article:
 *
 * Returns: %TRUE if the article was modified on disk after the draft was
 *   taken, so restoring it would bring back an older state of the text
 */
gboolean
gloss_draft_get_older_than_article (GlossDraft *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT (self), FALSE);

  return self->article_modified != NULL &&
         g_date_time_compare (self->article_modified, self->saved) > 0;
}

const char *
gloss_draft_get_text (GlossDraft *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT (self), NULL);

  return self->text;
}

/**
 * gloss_draft_get_sidecar:
 *
 * Returns: (transfer none) (nullable): the sidecar bytes of the annotations
 */
GBytes *
gloss_draft_get_sidecar (GlossDraft *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT (self), NULL);

  return self->sidecar;
}
