/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-w3c-export"

#include "config.h"

#include <string.h>

#include "gloss-formats-private.h"
#include "gloss-sidecar-writer.h"
#include "gloss-text-file.h"
#include "gloss-w3c-private.h"

/* RFC 4122's namespace for names that are URLs. */
static const guint8 url_namespace[16] = {
  0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
  0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
};

/* A name-based (version 5) UUID: the same article and annotation always
 * get the same IRI, so exports are reproducible. */
static char *
name_uuid (const char *name)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;
  GString *out = g_string_new ("urn:uuid:");

  g_checksum_update (checksum, url_namespace, sizeof url_namespace);
  g_checksum_update (checksum, (const guchar *) name, strlen (name));
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        g_string_append_c (out, '-');
      g_string_append_printf (out, "%02x", digest[i]);
    }

  return g_string_free (out, FALSE);
}

/* RFC 6920 names content by its hash: "ni:///sha-256;" and the digest in
 * unpadded base64url. Used when the article has no URL. */
static char *
text_iri (const char *text)
{
  g_autofree char *hex = gloss_text_compute_sha256 (text, -1);
  g_autofree char *base64 = NULL;
  guint8 digest[32];
  GString *out;

  for (guint i = 0; i < 32; i++)
    digest[i] = g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]);
  base64 = g_base64_encode (digest, sizeof digest);

  out = g_string_new ("ni:///sha-256;");
  for (const char *p = base64; *p != '\0' && *p != '='; p++)
    g_string_append_c (out, *p == '+' ? '-' : *p == '/' ? '_' : *p);

  return g_string_free (out, FALSE);
}

char *
gloss_w3c_source_iri (GlossDocument *document)
{
  const char *url = gloss_source_get_url (gloss_document_get_source (document));

  if (url != NULL && g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return g_strdup (url);

  return text_iri (gloss_document_get_text (document));
}

static JsonNode *
context_node (void)
{
  JsonArray *context = json_array_new ();
  JsonObject *terms = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_string_element (context, GLOSS_W3C_CONTEXT);
  json_object_set_string_member (terms, GLOSS_W3C_PREFIX, GLOSS_W3C_NAMESPACE);
  json_array_add_object_element (context, terms);
  json_node_take_array (node, context);

  return node;
}

static void
add_textual_body (JsonArray  *bodies,
                  const char *purpose,
                  const char *value)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "type", "TextualBody");
  json_object_set_string_member (body, "purpose", purpose);
  json_object_set_string_member (body, "value", value);
  json_object_set_string_member (body, "format", "text/plain");
  json_array_add_object_element (bodies, body);
}

/* A resource the body points to; text that is not an IRI becomes a
 * textual body with the same purpose. */
static void
add_resource_body (JsonArray  *bodies,
                   const char *purpose,
                   const char *iri)
{
  JsonObject *body;

  if (!g_uri_is_valid (iri, G_URI_FLAGS_NONE, NULL))
    {
      add_textual_body (bodies, purpose, iri);
      return;
    }

  body = json_object_new ();
  json_object_set_string_member (body, "type", "SpecificResource");
  json_object_set_string_member (body, "purpose", purpose);
  json_object_set_string_member (body, "source", iri);
  json_array_add_object_element (bodies, body);
}

static const char *
add_entity_bodies (JsonArray       *bodies,
                   GlossDocument   *document,
                   GlossAnnotation *annotation)
{
  GlossEntity *entity = gloss_formats_get_entity (document, annotation);
  const char *link = entity != NULL ? gloss_entity_get_link (entity) : NULL;

  add_textual_body (bodies, "classifying", gloss_formats_type_name (document, annotation));
  if (entity == NULL)
    return "classifying";

  add_textual_body (bodies, "identifying", gloss_entity_get_name (entity));
  if (link == NULL)
    return "classifying";

  add_resource_body (bodies, "identifying", link);
  return "identifying";
}

static const char *
add_claim_bodies (JsonArray       *bodies,
                  JsonObject      *object,
                  GlossDocument   *document,
                  GlossAnnotation *claim)
{
  const char *verdict = gloss_verdict_to_string (gloss_annotation_get_verdict (claim));
  const char * const *sources = gloss_annotation_get_sources (claim);
  const char *claimant = gloss_formats_claimant_name (document, claim);

  if (verdict != NULL)
    add_textual_body (bodies, "assessing", verdict);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    add_resource_body (bodies, "linking", sources[i]);

  json_object_set_string_member (object, GLOSS_W3C_STATUS,
                                 gloss_claim_status_to_string (gloss_annotation_get_status (claim)));
  if (claimant != NULL)
    json_object_set_string_member (object, GLOSS_W3C_CLAIMANT, claimant);
  if (gloss_annotation_get_reviewer (claim) != NULL)
    json_object_set_string_member (object, GLOSS_W3C_REVIEWER, gloss_annotation_get_reviewer (claim));
  if (gloss_annotation_get_reviewed (claim) != NULL)
    json_object_set_string_member (object, GLOSS_W3C_REVIEWED, gloss_annotation_get_reviewed (claim));

  return verdict != NULL ? "assessing" : "questioning";
}

static JsonArray *
bodies_for (JsonObject      *object,
            GlossDocument   *document,
            GlossAnnotation *annotation,
            const char     **motivation)
{
  JsonArray *bodies = json_array_new ();
  const char * const *tags = gloss_annotation_get_tags (annotation);
  const char *note = gloss_annotation_get_note (annotation);

  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_ANNOTATION_ENTITY:
      *motivation = add_entity_bodies (bodies, document, annotation);
      break;
    case GLOSS_ANNOTATION_CLAIM:
      *motivation = add_claim_bodies (bodies, object, document, annotation);
      break;
    case GLOSS_ANNOTATION_NOTE:
    default:
      *motivation = "commenting";
      break;
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    add_textual_body (bodies, "tagging", tags[i]);
  if (note != NULL)
    add_textual_body (bodies, "commenting", note);

  return bodies;
}

static JsonObject *
target_for (GlossAnnotation *annotation,
            const char      *source)
{
  JsonObject *target = json_object_new ();
  JsonArray *selectors = json_array_new ();
  JsonObject *quote = json_object_new ();
  const char *prefix = gloss_annotation_get_prefix (annotation);
  const char *suffix = gloss_annotation_get_suffix (annotation);

  json_object_set_string_member (quote, "type", "TextQuoteSelector");
  json_object_set_string_member (quote, "exact", gloss_annotation_get_quote (annotation));
  json_object_set_string_member (quote, "prefix", prefix != NULL ? prefix : "");
  json_object_set_string_member (quote, "suffix", suffix != NULL ? suffix : "");
  json_array_add_object_element (selectors, quote);

  /* An orphaned annotation's last position no longer holds its quote. */
  if (!gloss_annotation_is_orphaned (annotation))
    {
      JsonObject *position = json_object_new ();

      json_object_set_string_member (position, "type", "TextPositionSelector");
      json_object_set_int_member (position, "start", gloss_annotation_get_start (annotation));
      json_object_set_int_member (position, "end", gloss_annotation_get_end (annotation));
      json_array_add_object_element (selectors, position);
    }

  json_object_set_string_member (target, "type", "SpecificResource");
  json_object_set_string_member (target, "source", source);
  json_object_set_array_member (target, "selector", selectors);

  return target;
}

static void
set_creator (JsonObject *object,
             const char *author)
{
  JsonObject *creator;

  if (author == NULL)
    return;

  creator = json_object_new ();
  json_object_set_string_member (creator, "type", "Person");
  json_object_set_string_member (creator, "name", author);
  json_object_set_object_member (object, "creator", creator);
}

static JsonObject *
annotation_to_json (GlossDocument   *document,
                    GlossAnnotation *annotation,
                    const char      *source)
{
  JsonObject *object = json_object_new ();
  JsonObject *extension = json_object_new ();
  g_autofree char *name = g_strconcat (source, "#", gloss_annotation_get_id (annotation), NULL);
  g_autofree char *id = name_uuid (name);
  const char *motivation = NULL;
  JsonArray *bodies = bodies_for (extension, document, annotation, &motivation);
  g_autoptr(GList) members = json_object_get_members (extension);

  json_object_set_member (object, "@context", context_node ());
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "type", "Annotation");
  json_object_set_string_member (object, "motivation", motivation);
  set_creator (object, gloss_annotation_get_author (annotation));
  if (gloss_annotation_get_created (annotation) != NULL)
    json_object_set_string_member (object, "created", gloss_annotation_get_created (annotation));
  if (gloss_annotation_get_modified (annotation) != NULL)
    json_object_set_string_member (object, "modified", gloss_annotation_get_modified (annotation));
  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data,
                            json_node_copy (json_object_get_member (extension, l->data)));
  if (json_array_get_length (bodies) > 0)
    json_object_set_array_member (object, "body", bodies);
  else
    json_array_unref (bodies);
  json_object_set_object_member (object, "target", target_for (annotation, source));
  json_object_unref (extension);

  return object;
}

static const char *
collection_label (GlossDocument *document)
{
  const char *title = gloss_source_get_title (gloss_document_get_source (document));

  return title != NULL ? title : gloss_document_get_display_name (document);
}

static JsonObject *
page_for (GlossDocument *document,
          const char    *source)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);
  JsonObject *page = json_object_new ();
  JsonArray *items = json_array_new ();
  g_autofree char *name = g_strconcat (source, "#page-1", NULL);
  g_autofree char *id = name_uuid (name);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      json_array_add_object_element (items, annotation_to_json (document, annotation, source));
    }

  json_object_set_string_member (page, "id", id);
  json_object_set_string_member (page, "type", "AnnotationPage");
  json_object_set_int_member (page, "startIndex", 0);
  json_object_set_array_member (page, "items", items);

  return page;
}

/* One AnnotationCollection with its one page embedded. Each annotation
 * carries its own @context so that it stands alone when taken out. */
GlossExport *
gloss_w3c_export (GlossDocument             *document,
                  const GlossFormatOptions  *options,
                  GError                   **error)
{
  g_autofree char *source = gloss_w3c_source_iri (document);
  g_autofree char *name = g_strconcat (source, "#collection", NULL);
  g_autofree char *id = name_uuid (name);
  g_autofree char *stem = gloss_formats_article_stem (document);
  g_autofree char *file_name = g_strconcat (stem, ".jsonld", NULL);
  guint n = g_list_model_get_n_items (gloss_document_get_annotations (document));
  g_autoptr(GlossExport) export = gloss_export_new (FALSE);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *collection = json_object_new ();

  json_object_set_member (collection, "@context", context_node ());
  json_object_set_string_member (collection, "id", id);
  json_object_set_string_member (collection, "type", "AnnotationCollection");
  json_object_set_string_member (collection, "label", collection_label (document));
  json_object_set_int_member (collection, "total", n);
  if (n > 0)
    json_object_set_object_member (collection, "first", page_for (document, source));
  json_node_take_object (root, collection);

  bytes = gloss_json_node_to_bytes (root);
  gloss_export_add_file (export, file_name, bytes);

  return g_steal_pointer (&export);
}
