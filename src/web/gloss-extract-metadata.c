/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-metadata"

#include "config.h"

#include "gloss-web-private.h"
#include "gloss-json-scanner.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

/* schema.org types whose object describes the article itself. */
static const char * const article_types[] = {
  "Article", "NewsArticle", "AdvertiserContentArticle", "AnalysisNewsArticle",
  "AskPublicNewsArticle", "BackgroundNewsArticle", "BlogPosting",
  "DiscussionForumPosting", "LiveBlogPosting", "OpinionNewsArticle",
  "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
  "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting",
  "TechArticle", NULL,
};

/* What the page's head says, before choosing among the sources. */
typedef struct
{
  GHashTable        *meta;
  char              *html_lang;
  char              *canonical;
  char              *title;
  char              *time_published;
  GlossPageMetadata  ld;
  gboolean           ld_found;
  GHashTable        *ld_ids;
} PageFacts;

void
gloss_page_metadata_clear (GlossPageMetadata *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->author, g_free);
  g_clear_pointer (&meta->published, g_free);
  g_clear_pointer (&meta->publisher, g_free);
  g_clear_pointer (&meta->language, g_free);
  g_clear_pointer (&meta->canonical_url, g_free);
  g_clear_pointer (&meta->description, g_free);
}

static char *
collapse_spaces (const char *value)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      g_string_append_c (out, *p);
      space = FALSE;
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Collapses white space and decodes entities that a page escaped twice. */
static char *
clean_value (const char *value)
{
  g_autofree char *valid = NULL;
  xmlDoc *doc;
  char *text;

  if (value == NULL)
    return NULL;
  /* json-glib reads a lone surrogate escape as bytes that are not UTF-8. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  if (strpbrk (value, "&<") == NULL)
    return collapse_spaces (value);
  doc = gloss_html_parse (value, -1, NULL);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  text = gloss_html_collapsed_text (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
add_meta_key (PageFacts  *facts,
              const char *key,
              const char *content)
{
  g_autofree char *lower = g_ascii_strdown (key, -1);

  /* dc.title and dc:title, dcterms.created and dcterms:created. */
  if (g_str_has_prefix (lower, "dc.") || g_str_has_prefix (lower, "dcterms."))
    *strchr (lower, '.') = ':';
  if (!g_hash_table_contains (facts->meta, lower))
    g_hash_table_insert (facts->meta, g_steal_pointer (&lower), g_strdup (content));
}

static void
read_meta (PageFacts *facts,
           xmlNode   *node)
{
  static const char * const key_attrs[] = { "property", "name", "itemprop", "http-equiv" };
  const char *content = gloss_html_peek_attr (node, "content");

  if (content == NULL || *content == '\0')
    return;
  for (guint i = 0; i < G_N_ELEMENTS (key_attrs); i++)
    {
      const char *keys = gloss_html_peek_attr (node, key_attrs[i]);
      g_auto(GStrv) split = NULL;

      if (keys == NULL)
        continue;
      split = g_strsplit_set (keys, " \t\n", -1);
      for (guint k = 0; split[k] != NULL; k++)
        if (*split[k] != '\0')
          add_meta_key (facts, split[k], content);
    }
}

static void
read_link (PageFacts *facts,
           xmlNode   *node)
{
  const char *rel = gloss_html_peek_attr (node, "rel");
  const char *href = gloss_html_peek_attr (node, "href");

  if (facts->canonical == NULL && rel != NULL && href != NULL && *href != '\0' &&
      g_ascii_strcasecmp (rel, "canonical") == 0)
    facts->canonical = g_strstrip (g_strdup (href));
}

static void
read_time (PageFacts *facts,
           xmlNode   *node)
{
  const char *itemprop = gloss_html_peek_attr (node, "itemprop");
  const char *datetime = gloss_html_peek_attr (node, "datetime");

  if (facts->time_published != NULL || datetime == NULL)
    return;
  if ((itemprop != NULL && strstr (itemprop, "datePublished") != NULL) ||
      gloss_html_peek_attr (node, "pubdate") != NULL)
    facts->time_published = g_strdup (datetime);
}

static void read_json_ld (PageFacts  *facts,
                          const char *text);

static void
read_script (PageFacts *facts,
             xmlNode   *node)
{
  const char *type = gloss_html_peek_attr (node, "type");
  g_autofree char *text = NULL;

  if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0 ||
      facts->ld_found)
    return;
  text = (char *) xmlNodeGetContent (node);
  if (text != NULL)
    read_json_ld (facts, text);
}

static void
read_element (PageFacts *facts,
              xmlNode   *node)
{
  const char *tag = (const char *) node->name;

  if (g_str_equal (tag, "meta"))
    read_meta (facts, node);
  else if (g_str_equal (tag, "link"))
    read_link (facts, node);
  else if (g_str_equal (tag, "time"))
    read_time (facts, node);
  else if (g_str_equal (tag, "script"))
    read_script (facts, node);
  else if (g_str_equal (tag, "title") && facts->title == NULL)
    facts->title = gloss_html_collapsed_text (node);
}

static void
read_facts (PageFacts *facts,
            xmlDoc    *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  const char *lang;

  if (root == NULL)
    return;
  lang = gloss_html_peek_attr (root, "lang");
  if (lang == NULL)
    lang = gloss_html_peek_attr (root, "xml:lang");
  if (lang != NULL && *lang != '\0')
    facts->html_lang = g_strstrip (g_strdup (lang));
  for (xmlNode *node = gloss_html_first_element (root->children);
       node != NULL;
       node = gloss_html_next_node (node, root, FALSE))
    read_element (facts, node);
}

/* The string a node holds, or NULL: json-glib's getters complain about
 * nodes of other types, which a page may give anywhere. */
static const char *
node_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static void
index_json_ids (GHashTable *ids,
                JsonNode   *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        index_json_ids (ids, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *id = node_string (json_object_get_member (object, "@id"));
      GList *members = json_object_get_values (object);

      if (id != NULL && json_object_get_size (object) > 1 && !g_hash_table_contains (ids, id))
        g_hash_table_insert (ids, g_strdup (id), object);
      for (GList *l = members; l != NULL; l = l->next)
        index_json_ids (ids, l->data);
      g_list_free (members);
    }
}

static gboolean
has_article_type (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type))
    return g_strv_contains (article_types, json_node_get_string (type) ?: "");
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types); i++)
        if (g_strv_contains (article_types,
                             node_string (json_array_get_element (types, i)) ?: ""))
          return TRUE;
    }
  return FALSE;
}

static JsonObject *
find_article (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *found = find_article (json_array_get_element (array, i));

          if (found != NULL)
            return found;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (has_article_type (object))
        return object;
      if (json_object_has_member (object, "@graph"))
        return find_article (json_object_get_member (object, "@graph"));
    }
  return NULL;
}

/* A string, or the name of an object given inline or by its @id. Only
 * @hops more @ids are followed: a page may make them refer to each other
 * in a circle. */
static const char *
json_name_within (PageFacts  *facts,
                  JsonNode   *node,
                  const char *key,
                  guint       hops)
{
  JsonObject *object;
  const char *id;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (json_object_has_member (object, key))
    return json_name_within (facts, json_object_get_member (object, key), key, hops);
  id = node_string (json_object_get_member (object, "@id"));
  object = id != NULL && hops > 0 ? g_hash_table_lookup (facts->ld_ids, id) : NULL;
  if (object != NULL && json_object_has_member (object, key))
    return json_name_within (facts, json_object_get_member (object, key), key, hops - 1);
  return NULL;
}

static const char *
json_name (PageFacts  *facts,
           JsonNode   *node,
           const char *key)
{
  return json_name_within (facts, node, key, 4);
}

static char *
json_names (PageFacts *facts,
            JsonNode  *node)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (json_name (facts, node, "name"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_name (facts, json_array_get_element (array, i), "name");

      if (name != NULL && *name != '\0')
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  return names->len > 1 ? g_strjoinv (", ", (char **) names->pdata) : NULL;
}

static char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return clean_value (json_node_get_string (node));
}

static void
read_article_object (PageFacts  *facts,
                     JsonObject *article)
{
  g_autofree char *author = json_names (facts, json_object_get_member (article, "author"));
  const char *publisher = json_name (facts, json_object_get_member (article, "publisher"), "name");
  const char *url = json_name (facts, json_object_get_member (article, "mainEntityOfPage"), "@id");

  facts->ld.title = json_string (article, "headline");
  if (facts->ld.title == NULL)
    facts->ld.title = json_string (article, "name");
  facts->ld.author = clean_value (author);
  facts->ld.publisher = clean_value (publisher);
  facts->ld.published = json_string (article, "datePublished");
  facts->ld.description = json_string (article, "description");
  facts->ld.language = json_string (article, "inLanguage");
  facts->ld.canonical_url = json_string (article, "url");
  if (facts->ld.canonical_url == NULL && url != NULL)
    facts->ld.canonical_url = g_utf8_make_valid (url, -1);
}

/* Finds the JSON in a script's text, which some pages wrap in CDATA or
 * comment markers. */
static gboolean
find_json (const char  *text,
           const char **start,
           const char **end)
{
  const char *begin = text, *stop = text + strlen (text), *marker;

  if ((marker = strstr (text, "<![CDATA[")) != NULL)
    begin = marker + strlen ("<![CDATA[");
  if ((marker = g_strrstr (begin, "]]>")) != NULL)
    stop = marker;
  for (*start = begin; *start < stop && **start != '{' && **start != '['; (*start)++)
    ;
  for (*end = stop; *end > *start && (*end)[-1] != '}' && (*end)[-1] != ']'; (*end)--)
    ;
  return *end > *start;
}

/* The value of the escape \uXXXX at @p, or -1. */
static int
unicode_escape_at (const char *p)
{
  int value = 0;

  if (p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* Past the escape at @p: a surrogate escape that is not half of a pair
 * becomes U+FFFD, in place, as the same number of bytes. */
static char *
tame_escape (char *p)
{
  int value = unicode_escape_at (p);
  int low = value >= 0xD800 && value <= 0xDBFF ? unicode_escape_at (p + 6) : -1;

  if (value < 0)
    return p + 1;
  if (low >= 0xDC00 && low <= 0xDFFF)
    return p + 11;
  if (value >= 0xD800 && value <= 0xDFFF)
    memcpy (p + 2, "fffd", 4);
  return p + 5;
}

/* What pages write that JSON forbids, made JSON: line breaks and other
 * control characters inside strings become spaces, lone surrogate
 * escapes U+FFFD. */
static void
tame_json (char *json)
{
  gboolean in_string = FALSE;

  for (char *p = json; *p != '\0'; p++)
    {
      if (in_string && *p == '\\' && p[1] != '\0')
        p = tame_escape (p);
      else if (*p == '"')
        in_string = !in_string;
      else if (in_string && (guchar) *p < 0x20)
        *p = ' ';
    }
}

/* Gloss's own JSON reader, not json-glib's parser: version 1.6 of that
 * overflows the stack on deep nesting and leaks on some broken input. */
static JsonNode *
parse_json_ld (const char *start,
               const char *end)
{
  JsonNode *root = gloss_json_scanner_parse (start, end - start, NULL);
  g_autofree char *tamed = NULL;

  if (root != NULL)
    return root;

  tamed = g_strndup (start, end - start);
  tame_json (tamed);
  return gloss_json_scanner_parse (tamed, strlen (tamed), NULL);
}

static void
read_json_ld (PageFacts  *facts,
              const char *text)
{
  g_autoptr(JsonNode) root = NULL;
  const char *start, *end;
  JsonObject *article;

  if (!find_json (text, &start, &end) || (root = parse_json_ld (start, end)) == NULL)
    return;
  article = find_article (root);
  if (article == NULL)
    return;
  facts->ld_found = TRUE;
  facts->ld_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_json_ids (facts->ld_ids, root);
  read_article_object (facts, article);
  g_clear_pointer (&facts->ld_ids, g_hash_table_unref);
}

static gboolean
has_time_zone (const char *text)
{
  const char *t = strchr (text, 'T');
  size_t len = strlen (text);

  if (t == NULL)
    return FALSE;
  return text[len - 1] == 'Z' || text[len - 1] == 'z' ||
         strchr (t, '+') != NULL || strchr (t, '-') != NULL;
}

/* GLib wants the seconds that "2018-04-05T06:00" leaves out. */
static void
add_missing_seconds (char **iso)
{
  char *t = strchr (*iso, 'T');
  char *fixed;

  if (t == NULL || strlen (t) < 6 || t[3] != ':' ||
      (t[6] != '\0' && strchr ("+-Zz", t[6]) == NULL))
    return;
  fixed = g_strdup_printf ("%.*s:00%s", (int) (t + 6 - *iso), *iso, t + 6);
  g_free (*iso);
  *iso = fixed;
}

static char *
normalise_iso_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = g_strdup (text);

  /* "2017-11-03 03:01:00" is ISO 8601 written the way SQL prints it. */
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if (strlen (iso) == 10)
    {
      g_autofree char *midnight = g_strconcat (iso, "T00:00:00Z", NULL);

      date = g_date_time_new_from_iso8601 (midnight, NULL);
      return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;
    }
  add_missing_seconds (&iso);
  date = g_date_time_new_from_iso8601 (iso, utc);
  if (date == NULL)
    return NULL;
  return g_date_time_format (date, has_time_zone (iso) ? "%Y-%m-%dT%H:%M:%S%:z"
                                                       : "%Y-%m-%dT%H:%M:%S");
}

/**
 * gloss_web_normalise_date:
 * @text: a date as a page writes it
 *
 * Returns: (transfer full) (nullable): @text in ISO 8601 (a date, or a date
 *   and time with its offset when the page gave one), or %NULL when it is
 *   not a date this understands
 */
char *
gloss_web_normalise_date (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GDateTime) http = NULL;
  char *iso;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return NULL;
  if ((iso = normalise_iso_date (trimmed)) != NULL)
    return iso;
  /* Dates in the format of HTTP and e-mail headers. */
  http = soup_date_time_new_from_http_string (trimmed);
  return http != NULL ? g_date_time_format (http, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static const char *
fact (PageFacts  *facts,
      const char *key)
{
  const char *value = g_hash_table_lookup (facts->meta, key);

  return value != NULL && *value != '\0' ? value : NULL;
}

static char *
first_fact (PageFacts          *facts,
            const char         *known,
            const char * const *keys)
{
  if (known != NULL)
    return clean_value (known);
  for (guint i = 0; keys[i] != NULL; i++)
    if (fact (facts, keys[i]) != NULL)
      return clean_value (fact (facts, keys[i]));
  return NULL;
}

static gboolean
is_url (const char *text)
{
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://");
}

/* Removes " | Site", " - Site" and the like from the end of @title, or
 * "Site: " from its start, when Site is the publisher's name. */
static void
trim_site_name (char       *title,
                const char *site)
{
  static const char * const separators[] = {
    " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", ": ",
  };
  gsize title_len = strlen (title), site_len = strlen (site);

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize sep_len = strlen (separators[i]);

      if (title_len <= site_len + sep_len)
        continue;
      if (g_ascii_strcasecmp (title + title_len - site_len, site) == 0 &&
          strncmp (title + title_len - site_len - sep_len, separators[i], sep_len) == 0)
        {
          title[title_len - site_len - sep_len] = '\0';
          return;
        }
      if (g_ascii_strncasecmp (title, site, site_len) == 0 &&
          strncmp (title + site_len, separators[i], sep_len) == 0)
        {
          memmove (title, title + site_len + sep_len, title_len - site_len - sep_len + 1);
          return;
        }
    }
}

static void
choose_title (GlossPageMetadata *meta,
              PageFacts         *facts)
{
  static const char * const keys[] = {
    "og:title", "twitter:title", "dc:title", "dcterms:title", "title", NULL,
  };

  meta->title = first_fact (facts, facts->ld.title, keys);
  if (meta->title == NULL)
    meta->title = clean_value (facts->title);
  if (meta->title != NULL && meta->publisher != NULL)
    trim_site_name (meta->title, meta->publisher);
}

static void
choose_author (GlossPageMetadata *meta,
               PageFacts         *facts)
{
  static const char * const keys[] = {
    "author", "dc:creator", "dcterms:creator", "og:article:author", "parsely-author",
    "sailthru.author", "byl", NULL,
  };
  const char *article_author = fact (facts, "article:author");

  meta->author = first_fact (facts, facts->ld.author, keys);
  if (meta->author == NULL && article_author != NULL && !is_url (article_author))
    meta->author = clean_value (article_author);
}

static void
choose_published (GlossPageMetadata *meta,
                  PageFacts         *facts)
{
  static const char * const keys[] = {
    "article:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "dc:date", "dcterms:created",
    "dcterms:date", "date", "pubdate", "publishdate", NULL,
  };

  if ((meta->published = gloss_web_normalise_date (facts->ld.published)) != NULL)
    return;
  for (guint i = 0; keys[i] != NULL; i++)
    if ((meta->published = gloss_web_normalise_date (fact (facts, keys[i]))) != NULL)
      return;
  meta->published = gloss_web_normalise_date (facts->time_published);
}

static void
choose_language (GlossPageMetadata *meta,
                 PageFacts         *facts)
{
  static const char * const keys[] = {
    "content-language", "language", "dc:language", "og:locale", NULL,
  };
  char *lang = first_fact (facts, facts->html_lang ? facts->html_lang : facts->ld.language, keys);

  /* og:locale writes en_GB for en-GB. */
  if (lang != NULL)
    g_strdelimit (lang, "_", '-');
  meta->language = lang;
}

static void
choose_canonical (GlossPageMetadata *meta,
                  PageFacts         *facts,
                  const char        *base_url)
{
  const char *url = facts->canonical ?: fact (facts, "og:url") ?: facts->ld.canonical_url;

  if (url == NULL)
    url = base_url;
  if (url == NULL)
    return;
  if (base_url != NULL)
    meta->canonical_url = g_uri_resolve_relative (base_url, url, G_URI_FLAGS_NONE, NULL);
  if (meta->canonical_url == NULL && g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    meta->canonical_url = g_strdup (url);
}

/**
 * gloss_page_metadata_read:
 * @meta: (out caller-allocates): where to store what is found
 * @doc: a parsed page, before its content is extracted
 * @base_url: (nullable): the page's address
 *
 * Reads the article's metadata from JSON-LD (an Article of schema.org, also
 * inside @graph), then Open Graph, then other meta tags, then the page's
 * own <title>, <html lang> and <link rel=canonical>.
 */
void
gloss_page_metadata_read (GlossPageMetadata *meta,
                          xmlDoc            *doc,
                          const char        *base_url)
{
  static const char * const publisher_keys[] = {
    "og:site_name", "application-name", "dc:publisher", "publisher", NULL,
  };
  static const char * const description_keys[] = {
    "og:description", "description", "twitter:description", "dc:description", NULL,
  };
  PageFacts facts = { 0, };

  facts.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  read_facts (&facts, doc);

  meta->publisher = first_fact (&facts, facts.ld.publisher, publisher_keys);
  choose_title (meta, &facts);
  choose_author (meta, &facts);
  choose_published (meta, &facts);
  choose_language (meta, &facts);
  choose_canonical (meta, &facts, base_url);
  meta->description = first_fact (&facts, facts.ld.description, description_keys);

  g_hash_table_unref (facts.meta);
  g_free (facts.html_lang);
  g_free (facts.canonical);
  g_free (facts.title);
  g_free (facts.time_published);
  gloss_page_metadata_clear (&facts.ld);
}
