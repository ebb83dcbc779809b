/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-claimreview-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-formats-private.h"
#include "gloss-sidecar-writer.h"

/* The verdicts on a scale from false (1) to true (5); misleading and
 * unverifiable are not on it and give only a name. */
static int
rating_value (GlossVerdict verdict)
{
  switch (verdict)
    {
    case GLOSS_VERDICT_TRUE: return 5;
    case GLOSS_VERDICT_MOSTLY_TRUE: return 4;
    case GLOSS_VERDICT_MIXED: return 3;
    case GLOSS_VERDICT_MOSTLY_FALSE: return 2;
    case GLOSS_VERDICT_FALSE: return 1;
    case GLOSS_VERDICT_NONE:
    case GLOSS_VERDICT_MISLEADING:
    case GLOSS_VERDICT_UNVERIFIABLE:
    default:
      return 0;
    }
}

static JsonObject *
thing (const char *type,
       const char *name)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "@type", type);
  json_object_set_string_member (object, "name", name);

  return object;
}

static void
set_optional (JsonObject *object,
              const char *name,
              const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static JsonObject *
rating_for (GlossVerdict verdict)
{
  JsonObject *rating = json_object_new ();
  int value = rating_value (verdict);

  json_object_set_string_member (rating, "@type", "Rating");
  if (value > 0)
    {
      json_object_set_int_member (rating, "ratingValue", value);
      json_object_set_int_member (rating, "bestRating", 5);
      json_object_set_int_member (rating, "worstRating", 1);
    }
  json_object_set_string_member (rating, "alternateName", gloss_verdict_get_display_name (verdict));

  return rating;
}

/* Where the claim was made: the article. */
static JsonObject *
appearance_for (GlossDocument *document)
{
  GlossSource *source = gloss_document_get_source (document);
  JsonObject *appearance = json_object_new ();
  g_autofree char *published = gloss_formats_date_part (gloss_source_get_published (source));

  json_object_set_string_member (appearance, "@type", "NewsArticle");
  set_optional (appearance, "url", gloss_source_get_url (source));
  set_optional (appearance, "headline", gloss_source_get_title (source));
  set_optional (appearance, "datePublished", published);
  if (gloss_source_get_author (source) != NULL)
    json_object_set_object_member (appearance, "author",
                                   thing ("Person", gloss_source_get_author (source)));
  if (gloss_source_get_publisher (source) != NULL)
    json_object_set_object_member (appearance, "publisher",
                                   thing ("Organization", gloss_source_get_publisher (source)));

  return appearance;
}

/* The claimant, as an Organization when it is an entity of that type. */
static JsonObject *
claimant_for (GlossDocument   *document,
              GlossAnnotation *claim)
{
  GlossEntity *entity = gloss_formats_claimant_entity (document, claim);
  const char *name = gloss_formats_claimant_name (document, claim);
  gboolean organization;
  JsonObject *author;

  if (name == NULL)
    return NULL;

  organization = entity != NULL && g_strcmp0 (gloss_entity_get_label (entity), "organization") == 0;
  author = thing (organization ? "Organization" : "Person", name);
  if (entity != NULL && gloss_entity_get_link (entity) != NULL)
    json_object_set_string_member (author, "sameAs", gloss_entity_get_link (entity));

  return author;
}

static JsonObject *
item_reviewed_for (GlossDocument   *document,
                   GlossAnnotation *claim)
{
  JsonObject *item = json_object_new ();
  JsonObject *author = claimant_for (document, claim);
  g_autofree char *published = gloss_formats_date_part (
    gloss_source_get_published (gloss_document_get_source (document)));

  json_object_set_string_member (item, "@type", "Claim");
  if (author != NULL)
    json_object_set_object_member (item, "author", author);
  set_optional (item, "datePublished", published);
  json_object_set_object_member (item, "appearance", appearance_for (document));

  return item;
}

static void
set_citations (JsonObject      *review,
               GlossAnnotation *claim)
{
  const char * const *sources = gloss_annotation_get_sources (claim);
  JsonArray *citations;

  if (sources == NULL || sources[0] == NULL)
    return;

  citations = json_array_new ();
  for (guint i = 0; sources[i] != NULL; i++)
    json_array_add_string_element (citations, sources[i]);
  json_object_set_array_member (review, "citation", citations);
}

static JsonObject *
review_for (GlossDocument            *document,
            GlossAnnotation          *claim,
            const GlossFormatOptions *options,
            guint                     n_reviews)
{
  JsonObject *review = json_object_new ();
  const char *reviewer = gloss_annotation_get_reviewer (claim);
  g_autofree char *reviewed = gloss_formats_date_part (gloss_annotation_get_reviewed (claim));
  g_autofree char *url = NULL;

  if (options->review_url != NULL)
    url = n_reviews > 1
      ? g_strconcat (options->review_url, "#", gloss_annotation_get_id (claim), NULL)
      : g_strdup (options->review_url);

  json_object_set_string_member (review, "@context", "https://schema.org");
  json_object_set_string_member (review, "@type", "ClaimReview");
  set_optional (review, "url", url);
  json_object_set_string_member (review, "claimReviewed", gloss_annotation_get_quote (claim));
  set_optional (review, "datePublished", reviewed);
  if (reviewer != NULL)
    json_object_set_object_member (review, "author", thing ("Person", reviewer));
  json_object_set_object_member (review, "reviewRating",
                                 rating_for (gloss_annotation_get_verdict (claim)));
  json_object_set_object_member (review, "itemReviewed", item_reviewed_for (document, claim));
  set_citations (review, claim);

  return review;
}

static gboolean
is_published (GlossDocument   *document,
              GlossAnnotation *annotation,
              GlossExport     *export)
{
  if (gloss_annotation_get_kind (annotation) != GLOSS_ANNOTATION_CLAIM ||
      gloss_annotation_get_status (annotation) != GLOSS_CLAIM_REVIEWED)
    return FALSE;

  if (gloss_annotation_get_verdict (annotation) == GLOSS_VERDICT_NONE)
    {
      gloss_export_add_warning (export, _("Claim %s is reviewed but has no verdict, so it was "
                                          "left out"), gloss_annotation_get_id (annotation));
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
published_claims (GlossDocument *document,
                  GlossExport   *export)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (is_published (document, annotation, export))
        g_ptr_array_add (claims, g_steal_pointer (&annotation));
    }

  return claims;
}

/* A JSON array of ClaimReview items, one per reviewed claim with a
 * verdict, each with its own @context as search engines read them. */
GlossExport *
gloss_claimreview_export (GlossDocument             *document,
                          const GlossFormatOptions  *options,
                          GError                   **error)
{
  g_autoptr(GlossExport) export = gloss_export_new (FALSE);
  g_autoptr(GPtrArray) claims = published_claims (document, export);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *stem = gloss_formats_article_stem (document);
  g_autofree char *name = g_strconcat (stem, ".claimreview.jsonld", NULL);
  g_autoptr(GBytes) bytes = NULL;
  JsonArray *reviews = json_array_new ();

  for (guint i = 0; i < claims->len; i++)
    json_array_add_object_element (reviews, review_for (document, g_ptr_array_index (claims, i),
                                                        options, claims->len));
  json_node_take_array (root, reviews);

  if (claims->len == 0)
    gloss_export_add_warning (export, _("No claim is reviewed with a verdict yet: there is "
                                        "nothing to publish"));
  if (claims->len > 0 && options->review_url == NULL)
    gloss_export_add_warning (export, _("ClaimReview needs the address of the page that "
                                        "publishes the reviews (its “url”), and none was "
                                        "given"));

  bytes = gloss_json_node_to_bytes (root);
  gloss_export_add_file (export, name, bytes);

  return g_steal_pointer (&export);
}
