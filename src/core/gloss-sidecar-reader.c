/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-sidecar-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-sidecar-reader.h"
#include "gloss-annotation.h"
#include "gloss-core-private.h"
#include "gloss-core-types.h"
#include "gloss-entity.h"
#include "gloss-json-scanner.h"
#include "gloss-problem.h"

/* The sidecar is read in one pass with a pull scanner that builds the
 * model directly; only values this program does not know become JsonNodes
 * (kept verbatim for the writer). */

typedef struct
{
  const char       *display_name;
  GlossSidecar     *sidecar;
  GHashTable       *annotation_ids;
  GHashTable       *entity_ids;
  GlossJsonScanner  scanner;
  GError           *invalid;
} Reader;

/* What a message is about, translated only when a problem is reported:
 * gettext is too slow to call for each of 10,000 annotations. */
typedef struct
{
  const char *format;
  const char *id;
} What;

typedef void (*StringSetter) (gpointer object, const char *value);

/* A string member and where it goes: a setter, or for annotations the
 * field that takes the string as it is read. */
typedef struct
{
  const char            *name;
  StringSetter           set;
  GlossAnnotationString  field;
} StringField;

#define reader_problem(reader, subject, ...) \
  g_ptr_array_add ((reader)->sidecar->problems, gloss_problem_newf ((subject), __VA_ARGS__))

/* The first defect that makes the file unusable as a sidecar. */
static void
reader_invalid (Reader     *reader,
                const char *message)
{
  if (reader->invalid == NULL)
    g_set_error (&reader->invalid, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                 "%s: %s", reader->display_name, message);
}

static void
keep_node (JsonObject **extra,
           const char  *name,
           JsonNode    *node)
{
  if (node == NULL)
    return;
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, name, node);
}

static void
keep_unknown (Reader      *reader,
              JsonObject **extra,
              const char  *name)
{
  keep_node (extra, name, gloss_json_scanner_read_node (&reader->scanner));
}

/* Members the writer always writes from the model (or writes whenever the
 * model has a value, as it has for these after loading): a value of the
 * wrong type could not be kept, as the model's value takes its place. */
static const char * const replaced_members[] = {
  "id", "name", "file", "sha256", "length", "start", "end", "quote", "prefix",
  "suffix", "orphaned", "status", "verdict",
  /* a wrong-typed "kind" before a proper one: the annotation is read with
   * the proper kind, which the writer writes in its place */
  "kind", NULL
};

static void
ignore_wrong_type (Reader      *reader,
                   const What  *what,
                   const char  *name,
                   const char  *expected)
{
  g_autofree char *about = g_strdup_printf (_(what->format), what->id != NULL ? what->id : "?");

  reader_problem (reader, what->id, _("%s: “%s” should be %s; ignored"),
                  about, name, _(expected));
  reader->sidecar->n_repairs++;
  gloss_json_scanner_skip (&reader->scanner);
}

/* A member with a value of the wrong type is kept verbatim with the
 * unknown members and reported, so that nothing is lost on save; one the
 * writer replaces is reported as ignored, as it is. */
static void
keep_wrong_type (Reader      *reader,
                 JsonObject **extra,
                 const What  *what,
                 const char  *name,
                 const char  *expected)
{
  g_autofree char *about = NULL;

  if (g_strv_contains (replaced_members, name))
    {
      ignore_wrong_type (reader, what, name, expected);
      return;
    }

  about = g_strdup_printf (_(what->format), what->id != NULL ? what->id : "?");
  reader_problem (reader, what->id, _("%s: “%s” should be %s; kept as it is"),
                  about, name, _(expected));
  keep_unknown (reader, extra, name);
}

/* Reads a string value; null counts as absent; anything else is kept. */
static char *
take_string (Reader      *reader,
             const char  *name,
             JsonObject **extra,
             const What  *what)
{
  char c = gloss_json_scanner_peek (&reader->scanner);

  if (c == '"')
    return gloss_json_scanner_read_string (&reader->scanner);
  if (c == 'n')
    gloss_json_scanner_read_null (&reader->scanner);
  else
    keep_wrong_type (reader, extra, what, name, N_("text"));

  return NULL;
}

static gboolean
read_string_field (Reader            *reader,
                   gpointer           object,
                   const StringField *fields,
                   guint              n_fields,
                   const char        *name,
                   JsonObject       **extra,
                   const What        *what)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;

      if (!g_str_equal (fields[i].name, name))
        continue;

      value = take_string (reader, name, extra, what);
      if (fields[i].set == NULL)
        gloss_annotation_take_string (object, fields[i].field, g_steal_pointer (&value));
      else if (value != NULL)
        fields[i].set (object, value);
      return TRUE;
    }

  return FALSE;
}

/* Reads a list of strings; anything else is kept as it is. */
static char **
take_strv (Reader      *reader,
           const char  *name,
           JsonObject **extra,
           const What  *what)
{
  GlossJsonScanner *scanner = &reader->scanner;
  GlossJsonMark mark = gloss_json_scanner_mark (scanner);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char c = gloss_json_scanner_peek (scanner);

  if (c == 'n')
    {
      gloss_json_scanner_read_null (scanner);
      return NULL;
    }

  if (c == '[' && gloss_json_scanner_enter_array (scanner))
    {
      while (gloss_json_scanner_next_element (scanner))
        {
          g_autofree char *item = NULL;

          if (gloss_json_scanner_peek (scanner) != '"')
            break;
          item = gloss_json_scanner_read_string (scanner);
          g_strv_builder_add (builder, item);
        }
      if (!gloss_json_scanner_failed (scanner) && scanner->p[-1] == ']')
        return g_strv_builder_end (builder);
      scanner->depth--;
    }

  gloss_json_scanner_rewind (scanner, mark);
  keep_wrong_type (reader, extra, what, name, N_("a list of texts"));
  return NULL;
}

static char *
fresh_id (GHashTable *used,
          char        prefix)
{
  char *id;

  do
    id = gloss_make_id (prefix);
  while (g_hash_table_contains (used, id));

  return id;
}

/* The id the object will have: its own if usable, else a fresh one. */
static char *
resolve_id (Reader     *reader,
            const char *id,
            GHashTable *used,
            char        prefix,
            const char *what,
            guint       index)
{
  char *new_id;

  if (id != NULL && *id != '\0' && !g_hash_table_contains (used, id))
    {
      g_hash_table_add (used, g_strdup (id));
      return g_strdup (id);
    }

  new_id = fresh_id (used, prefix);
  g_hash_table_add (used, g_strdup (new_id));
  reader->sidecar->n_repairs++;
  if (id == NULL || *id == '\0')
    reader_problem (reader, new_id, _("%s %u has no id; it is now “%s”"), _(what), index + 1, new_id);
  else
    reader_problem (reader, new_id, _("the id “%s” is used twice; the %s at position %u is now “%s”"),
                    id, _(what), index + 1, new_id);

  return new_id;
}

/* Looks ahead into the object that follows for its "id" and "kind"
 * strings, then rewinds. */
static void
peek_id_and_kind (Reader  *reader,
                  char   **id,
                  char   **kind)
{
  GlossJsonScanner *scanner = &reader->scanner;
  GlossJsonMark mark = gloss_json_scanner_mark (scanner);
  guint depth = scanner->depth;
  const char *name;

  *id = *kind = NULL;
  if (gloss_json_scanner_enter_object (scanner))
    while (gloss_json_scanner_next_member (scanner, &name))
      {
        char **target = g_str_equal (name, "id") ? id : g_str_equal (name, "kind") ? kind : NULL;

        /* A member given twice counts with its last value, as every
         * other member does and as the JsonObject that keeps an
         * annotation of unknown kind holds it; taking the first made
         * such an annotation change kind on the next load. */
        if (target != NULL)
          g_clear_pointer (target, g_free);
        if (target != NULL && gloss_json_scanner_peek (scanner) == '"')
          *target = gloss_json_scanner_read_string (scanner);
        else
          gloss_json_scanner_skip (scanner);
      }

  gloss_json_scanner_rewind (scanner, mark);
  scanner->depth = depth;
}

/* Source */

static const StringField source_fields[] = {
  { "file", (StringSetter) gloss_source_set_file },
  { "sha256", (StringSetter) gloss_source_set_sha256 },
  { "url", (StringSetter) gloss_source_set_url },
  { "title", (StringSetter) gloss_source_set_title },
  { "publisher", (StringSetter) gloss_source_set_publisher },
  { "author", (StringSetter) gloss_source_set_author },
  { "published", (StringSetter) gloss_source_set_published },
  { "fetched", (StringSetter) gloss_source_set_fetched },
  { "language", (StringSetter) gloss_source_set_language },
};

static void
read_source_member (Reader      *reader,
                    GlossSource *source,
                    const char  *name,
                    JsonObject **extra)
{
  const What what[] = { { N_("source"), NULL } };
  g_auto(GStrv) tags = NULL;
  gint64 length;

  if (read_string_field (reader, source, source_fields, G_N_ELEMENTS (source_fields),
                         name, extra, what))
    return;

  if (g_str_equal (name, "length"))
    {
      if (gloss_json_scanner_read_int (&reader->scanner, &length) && length >= 0)
        gloss_source_set_length (source, length);
      else if (!gloss_json_scanner_failed (&reader->scanner))
        keep_wrong_type (reader, extra, what, name, N_("a whole number"));
    }
  else if (g_str_equal (name, "tags"))
    {
      tags = take_strv (reader, name, extra, what);
      gloss_source_set_tags (reader->sidecar->source, (const char * const *) tags);
    }
  else
    keep_unknown (reader, extra, name);
}

static void
read_source (Reader *reader)
{
  g_autoptr(JsonObject) extra = NULL;
  const char *name;

  if (gloss_json_scanner_peek (&reader->scanner) != '{')
    {
      reader_invalid (reader, _("“source” should be an object"));
      gloss_json_scanner_skip (&reader->scanner);
      return;
    }

  gloss_json_scanner_enter_object (&reader->scanner);
  while (gloss_json_scanner_next_member (&reader->scanner, &name))
    {
      read_source_member (reader, reader->sidecar->source, name, &extra);
    }

  gloss_source_set_extra (reader->sidecar->source, extra);
}

/* Labels */

typedef struct
{
  char       *id;
  char       *name;
  char       *color;
  JsonObject *extra;
} LabelFields;

static void
read_label_member (Reader      *reader,
                   LabelFields *fields,
                   const char  *name)
{
  char **target = NULL;

  if (g_str_equal (name, "id"))
    target = &fields->id;
  else if (g_str_equal (name, "name"))
    target = &fields->name;
  else if (g_str_equal (name, "color"))
    target = &fields->color;

  if (target == NULL)
    keep_unknown (reader, &fields->extra, name);
  else
    {
      What what = { N_("label “%s”"), fields->id };
      /* Read before the old value is freed: a second "id" of the wrong
       * type is reported under the first one, which @what points to. */
      char *value = take_string (reader, name, &fields->extra, &what);

      g_free (*target);
      *target = value;
    }
}

static GlossLabel *
make_label (Reader      *reader,
            LabelFields *fields,
            guint        index)
{
  GlossLabelSet *labels = reader->sidecar->labels;
  g_autofree char *id = NULL;
  g_autofree char *what = NULL;
  GlossLabel *label;

  if (fields->id == NULL || *fields->id == '\0' || gloss_label_set_find (labels, fields->id, NULL))
    {
      id = gloss_label_set_make_id (labels, fields->name != NULL ? fields->name : fields->id);
      reader->sidecar->n_repairs++;
      if (fields->id == NULL || *fields->id == '\0')
        reader_problem (reader, id, _("label %u has no id; it is now “%s”"), index + 1, id);
      else
        reader_problem (reader, id, _("label “%s” appears twice; the second is now “%s”"),
                        fields->id, id);
    }
  else
    id = g_strdup (fields->id);

  label = gloss_label_new (id, fields->name, fields->color);
  what = g_strdup_printf (_("label “%s”"), id);
  if (fields->name == NULL)
    {
      reader->sidecar->n_repairs++;
      reader_problem (reader, id, _("%s has no name; named after its id"), what);
      gloss_label_set_name (label, id);
    }
  if (!gloss_label_color_is_valid (fields->color))
    reader_problem (reader, id, _("%s: the colour should look like “#3584e4”"), what);
  gloss_label_set_extra (label, fields->extra);

  return label;
}

static void
read_label (Reader *reader,
            guint   index)
{
  LabelFields fields = { NULL, };
  g_autoptr(GlossLabel) label = NULL;
  const char *name;

  gloss_json_scanner_enter_object (&reader->scanner);
  while (gloss_json_scanner_next_member (&reader->scanner, &name))
    {
      read_label_member (reader, &fields, name);
    }

  label = make_label (reader, &fields, index);
  gloss_label_set_append (reader->sidecar->labels, label);

  g_free (fields.id);
  g_free (fields.name);
  g_free (fields.color);
  g_clear_pointer (&fields.extra, json_object_unref);
}

/* Entities */

static const StringField entity_fields[] = {
  { "name", (StringSetter) gloss_entity_set_name },
  { "label", (StringSetter) gloss_entity_set_label },
  { "link", (StringSetter) gloss_entity_set_link },
  { "note", (StringSetter) gloss_entity_set_note },
};

static void
read_entity_member (Reader      *reader,
                    GlossEntity *entity,
                    const char  *name,
                    JsonObject **extra,
                    const What  *what)
{
  g_auto(GStrv) aliases = NULL;

  if (g_str_equal (name, "id"))
    {
      if (gloss_json_scanner_peek (&reader->scanner) == '"')
        gloss_json_scanner_skip (&reader->scanner);
      else
        keep_wrong_type (reader, extra, what, name, N_("text"));
    }
  else if (read_string_field (reader, entity, entity_fields, G_N_ELEMENTS (entity_fields),
                              name, extra, what))
    return;
  else if (g_str_equal (name, "aliases"))
    {
      aliases = take_strv (reader, name, extra, what);
      gloss_entity_set_aliases (entity, (const char * const *) aliases);
    }
  else
    keep_unknown (reader, extra, name);
}

static void
read_entity (Reader *reader,
             guint   index)
{
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *given_id = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *id = NULL;
  GlossEntity *entity;
  What what;
  const char *name;

  peek_id_and_kind (reader, &given_id, &ignored);
  id = resolve_id (reader, given_id, reader->entity_ids, 'e', N_("entity"), index);
  what = (What) { N_("entity %s"), id };
  entity = gloss_entity_new (id, NULL, NULL);

  gloss_json_scanner_enter_object (&reader->scanner);
  while (gloss_json_scanner_next_member (&reader->scanner, &name))
    {
      read_entity_member (reader, entity, name, &extra, &what);
    }

  if (gloss_entity_get_name (entity) == NULL)
    {
      reader->sidecar->n_repairs++;
      reader_problem (reader, id, _("entity %s has no name; named after its id"), id);
      gloss_entity_set_name (entity, id);
    }
  gloss_entity_set_extra (entity, extra);
  g_ptr_array_add (reader->sidecar->entities, entity);
}

/* Annotations */

typedef struct
{
  gboolean  has_start;
  gboolean  has_end;
  gint64    start;
  gint64    end;
  char     *quote;
  char     *prefix;
  char     *suffix;
} Placement;

static const StringField annotation_fields[] = {
  { "label", NULL, GLOSS_ANNOTATION_FIELD_LABEL },
  { "entity", NULL, GLOSS_ANNOTATION_FIELD_ENTITY_ID },
  { "note", NULL, GLOSS_ANNOTATION_FIELD_NOTE },
  { "author", NULL, GLOSS_ANNOTATION_FIELD_AUTHOR },
  { "created", NULL, GLOSS_ANNOTATION_FIELD_CREATED },
  { "modified", NULL, GLOSS_ANNOTATION_FIELD_MODIFIED },
};

static const StringField review_fields[] = {
  { "claimant", NULL, GLOSS_ANNOTATION_FIELD_CLAIMANT },
  { "reviewer", NULL, GLOSS_ANNOTATION_FIELD_REVIEWER },
  { "reviewed", NULL, GLOSS_ANNOTATION_FIELD_REVIEWED },
};

/* An enum value: a string it knows; anything else is kept as it is. */
static gboolean
read_enum (Reader      *reader,
           const char  *name,
           JsonObject **extra,
           const What  *what,
           gboolean   (*from_string) (const char *, int *),
           int         *value,
           const char  *expected)
{
  GlossJsonMark mark = gloss_json_scanner_mark (&reader->scanner);
  g_autofree char *string = NULL;

  if (gloss_json_scanner_peek (&reader->scanner) == '"')
    {
      string = gloss_json_scanner_read_string (&reader->scanner);
      if (from_string (string, value))
        return TRUE;
      gloss_json_scanner_rewind (&reader->scanner, mark);
    }

  keep_wrong_type (reader, extra, what, name, expected);
  return FALSE;
}

static void
read_review_member (Reader          *reader,
                    GlossAnnotation *claim,
                    const char      *name,
                    JsonObject     **extra,
                    const What      *what)
{
  g_auto(GStrv) sources = NULL;
  int value;

  if (read_string_field (reader, claim, review_fields, G_N_ELEMENTS (review_fields),
                         name, extra, what))
    return;

  if (g_str_equal (name, "status"))
    {
      if (read_enum (reader, name, extra, what,
                     (gpointer) gloss_claim_status_from_string, &value,
                     N_("one of unreviewed, in-review, reviewed, dismissed")))
        gloss_annotation_set_status (claim, value);
    }
  else if (g_str_equal (name, "verdict"))
    {
      if (gloss_json_scanner_read_null (&reader->scanner))
        gloss_annotation_set_verdict (claim, GLOSS_VERDICT_NONE);
      else if (read_enum (reader, name, extra, what,
                          (gpointer) gloss_verdict_from_string, &value,
                          N_("null or one of true, mostly-true, mixed, mostly-false, false, misleading, unverifiable")))
        gloss_annotation_set_verdict (claim, value);
    }
  else if (g_str_equal (name, "sources"))
    {
      sources = take_strv (reader, name, extra, what);
      gloss_annotation_set_sources (claim, (const char * const *) sources);
    }
  else
    keep_unknown (reader, extra, name);
}

static void
read_review (Reader          *reader,
             GlossAnnotation *claim)
{
  g_autoptr(JsonObject) extra = NULL;
  What what = { N_("annotation %s, review"), gloss_annotation_get_id (claim) };
  const char *name;

  gloss_json_scanner_enter_object (&reader->scanner);
  while (gloss_json_scanner_next_member (&reader->scanner, &name))
    {
      read_review_member (reader, claim, name, &extra, &what);
    }

  gloss_annotation_set_review_extra (claim, extra);
}

static gboolean
read_placement_member (Reader      *reader,
                       Placement   *placement,
                       const char  *name,
                       JsonObject **extra,
                       const What  *what)
{
  char **selector = NULL;

  if (g_str_equal (name, "start") || g_str_equal (name, "end"))
    {
      gboolean is_start = g_str_equal (name, "start");

      if (gloss_json_scanner_read_int (&reader->scanner, is_start ? &placement->start : &placement->end))
        *(is_start ? &placement->has_start : &placement->has_end) = TRUE;
      else
        keep_wrong_type (reader, extra, what, name, N_("a whole number"));
      return TRUE;
    }

  if (g_str_equal (name, "quote"))
    selector = &placement->quote;
  else if (g_str_equal (name, "prefix"))
    selector = &placement->prefix;
  else if (g_str_equal (name, "suffix"))
    selector = &placement->suffix;
  else
    return FALSE;

  g_free (*selector);
  *selector = take_string (reader, name, extra, what);
  return TRUE;
}

static void
read_annotation_member (Reader          *reader,
                        GlossAnnotation *annotation,
                        Placement       *placement,
                        const char      *name,
                        JsonObject     **extra,
                        const What      *what)
{
  GlossJsonScanner *scanner = &reader->scanner;
  g_auto(GStrv) tags = NULL;
  char c = gloss_json_scanner_peek (scanner);
  gboolean orphaned;

  if (g_str_equal (name, "id") || g_str_equal (name, "kind"))
    {
      if (c == '"')
        gloss_json_scanner_skip (scanner);
      else
        keep_wrong_type (reader, extra, what, name, N_("text"));
    }
  else if (read_placement_member (reader, placement, name, extra, what) ||
           read_string_field (reader, annotation, annotation_fields,
                              G_N_ELEMENTS (annotation_fields), name, extra, what))
    return;
  else if (g_str_equal (name, "orphaned") && (c == 't' || c == 'f'))
    {
      gloss_json_scanner_read_boolean (scanner, &orphaned);
      if (orphaned)
        gloss_annotation_set_anchor_state (annotation, GLOSS_ANCHOR_ORPHANED);
    }
  else if (g_str_equal (name, "tags"))
    {
      tags = take_strv (reader, name, extra, what);
      gloss_annotation_set_tags (annotation, (const char * const *) tags);
    }
  else if (g_str_equal (name, "review") && c == '{' &&
           gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_CLAIM)
    read_review (reader, annotation);
  else if (g_str_equal (name, "review") &&
           gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_CLAIM)
    ignore_wrong_type (reader, what, name, N_("an object"));
  else if (g_str_equal (name, "orphaned") || g_str_equal (name, "review"))
    keep_wrong_type (reader, extra, what, name,
                     g_str_equal (name, "orphaned") ? N_("true or false") : N_("an object, on a claim"));
  else
    keep_unknown (reader, extra, name);
}

static void
check_placement (Reader          *reader,
                 GlossAnnotation *annotation,
                 Placement       *placement)
{
  const char *id = gloss_annotation_get_id (annotation);

  gloss_annotation_take_string (annotation, GLOSS_ANNOTATION_FIELD_QUOTE, g_steal_pointer (&placement->quote));
  gloss_annotation_take_string (annotation, GLOSS_ANNOTATION_FIELD_PREFIX, g_steal_pointer (&placement->prefix));
  gloss_annotation_take_string (annotation, GLOSS_ANNOTATION_FIELD_SUFFIX, g_steal_pointer (&placement->suffix));

  if (!placement->has_start || !placement->has_end)
    reader_problem (reader, id, _("annotation %s has no usable position; placed by its quote"), id);
  else if (placement->start < 0 || placement->end < 0)
    reader_problem (reader, id, _("annotation %s has a negative offset (%lld–%lld); placed by its quote"),
                    id, (long long) placement->start, (long long) placement->end);
  else if (placement->start > placement->end)
    reader_problem (reader, id, _("annotation %s ends before it starts (%lld–%lld); placed by its quote"),
                    id, (long long) placement->start, (long long) placement->end);
  else
    {
      gloss_annotation_init_range (annotation, placement->start, placement->end);
      return;
    }

  g_ptr_array_add (reader->sidecar->needs_anchor, g_object_ref (annotation));
}

static void
keep_unknown_annotation (Reader     *reader,
                         const char *id,
                         const char *kind,
                         gboolean    is_object,
                         guint       index)
{
  JsonNode *node = gloss_json_scanner_read_node (&reader->scanner);
  g_autofree char *fresh = NULL;

  if (node == NULL)
    return;
  /* An id read before is replaced here too, not only in the annotation
   * of a known kind that comes later: the writer sorts both together, so
   * which of the two kept the id would change from one load to the next. */
  if (id != NULL && *id != '\0' && g_hash_table_contains (reader->annotation_ids, id))
    {
      fresh = resolve_id (reader, id, reader->annotation_ids, 'a', N_("annotation"), index);
      json_object_set_string_member (json_node_get_object (node), "id", fresh);
      id = fresh;
    }
  else if (id != NULL)
    g_hash_table_add (reader->annotation_ids, g_strdup (id));

  if (!is_object)
    reader_problem (reader, NULL, _("annotation %u is not an object; kept as it is"), index + 1);
  else if (kind != NULL)
    reader_problem (reader, id, _("annotation %s has a kind this version does not know (“%s”); kept as it is"),
                    id != NULL ? id : "?", kind);
  else
    reader_problem (reader, id, _("annotation %s has no kind; kept as it is"), id != NULL ? id : "?");

  g_ptr_array_add (reader->sidecar->unknown, node);
}

static void
read_annotation (Reader *reader,
                 guint   index)
{
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *given_id = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *id = NULL;
  Placement placement = { 0, };
  GlossAnnotationKind kind;
  What what;
  const char *name;

  if (gloss_json_scanner_peek (&reader->scanner) != '{')
    {
      keep_unknown_annotation (reader, NULL, NULL, FALSE, index);
      return;
    }

  peek_id_and_kind (reader, &given_id, &kind_name);
  if (!gloss_annotation_kind_from_string (kind_name, &kind))
    {
      keep_unknown_annotation (reader, given_id, kind_name, TRUE, index);
      return;
    }

  id = resolve_id (reader, given_id, reader->annotation_ids, 'a', N_("annotation"), index);
  what = (What) { N_("annotation %s"), id };
  annotation = gloss_annotation_new (id, kind);

  gloss_json_scanner_enter_object (&reader->scanner);
  while (gloss_json_scanner_next_member (&reader->scanner, &name))
    {
      read_annotation_member (reader, annotation, &placement, name, &extra, &what);
    }

  check_placement (reader, annotation, &placement);
  gloss_annotation_set_extra (annotation, extra);
  g_ptr_array_add (reader->sidecar->annotations, g_steal_pointer (&annotation));
}

/* Lists: labels and entities must hold objects; annotations may hold
 * anything (what is not understood is kept). */
static void
read_list (Reader     *reader,
           const char *name,
           void      (*read_item) (Reader *, guint),
           gboolean    objects_only)
{
  GlossJsonScanner *scanner = &reader->scanner;
  g_autofree char *message = NULL;
  guint index = 0;

  if (gloss_json_scanner_peek (scanner) != '[')
    {
      message = g_strdup_printf (_("“%s” should be a list"), name);
      reader_invalid (reader, message);
      gloss_json_scanner_skip (scanner);
      return;
    }

  gloss_json_scanner_enter_array (scanner);
  while (gloss_json_scanner_next_element (scanner))
    {
      if (objects_only && gloss_json_scanner_peek (scanner) != '{')
        {
          g_free (message);
          message = g_strdup_printf (_("item %u of “%s” should be an object"), index + 1, name);
          reader_invalid (reader, message);
          gloss_json_scanner_skip (scanner);
        }
      else
        read_item (reader, index);
      index++;
    }
}

static void
read_labels (Reader *reader,
             guint   index)
{
  read_label (reader, index);
}

/* References are checked once everything is read. */
static void
check_references (Reader *reader)
{
  GlossSidecar *sidecar = reader->sidecar;

  for (guint i = 0; i < sidecar->entities->len; i++)
    {
      GlossEntity *entity = g_ptr_array_index (sidecar->entities, i);
      const char *label = gloss_entity_get_label (entity);

      if (label != NULL && gloss_label_set_lookup (sidecar->labels, label) == NULL)
        reader_problem (reader, gloss_entity_get_id (entity),
                        _("entity %s has the label “%s”, which is not defined; kept as it is"),
                        gloss_entity_get_id (entity), label);
    }

  for (guint i = 0; i < sidecar->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (sidecar->annotations, i);
      const char *id = gloss_annotation_get_id (annotation);
      const char *entity = gloss_annotation_get_entity (annotation);
      const char *label = gloss_annotation_get_label (annotation);

      if (entity != NULL && !g_hash_table_contains (reader->entity_ids, entity))
        reader_problem (reader, id, _("annotation %s refers to the entity “%s”, which does not exist; kept as it is"),
                        id, entity);
      if (label != NULL && gloss_label_set_lookup (sidecar->labels, label) == NULL)
        reader_problem (reader, id, _("annotation %s has the label “%s”, which is not defined; kept as it is"),
                        id, label);
    }
}

static int
entity_compare (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (gloss_entity_get_id (*(GlossEntity **) a),
                    gloss_entity_get_id (*(GlossEntity **) b));
}

typedef struct
{
  char     *format;
  gint64    version;
  gboolean  has_version;
  gboolean  has_labels;
} Header;

static void
read_top_member (Reader     *reader,
                 Header     *header,
                 const char *name)
{
  GlossJsonScanner *scanner = &reader->scanner;

  if (g_str_equal (name, "format"))
    {
      g_free (header->format);
      header->format = gloss_json_scanner_peek (scanner) == '"'
        ? gloss_json_scanner_read_string (scanner) : NULL;
      if (header->format == NULL)
        gloss_json_scanner_skip (scanner);
    }
  else if (g_str_equal (name, "version"))
    {
      header->has_version = gloss_json_scanner_read_int (scanner, &header->version);
      if (!header->has_version)
        gloss_json_scanner_skip (scanner);
    }
  else if (g_str_equal (name, "source"))
    read_source (reader);
  else if (g_str_equal (name, "labels"))
    {
      header->has_labels = TRUE;
      read_list (reader, name, read_labels, TRUE);
    }
  else if (g_str_equal (name, "entities"))
    read_list (reader, name, read_entity, TRUE);
  else if (g_str_equal (name, "annotations"))
    read_list (reader, name, read_annotation, FALSE);
  else
    keep_unknown (reader, &reader->sidecar->extra, name);
}

static gboolean
check_header (Reader      *reader,
              Header      *header,
              GError     **newer_version,
              GError     **error)
{
  GlossSidecar *sidecar = reader->sidecar;

  if (g_strcmp0 (header->format, "gloss") != 0)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("%s is not a Gloss sidecar: “format” should be “gloss”"), reader->display_name);
      return FALSE;
    }
  if (!header->has_version || header->version < 1)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("%s: “version” should be a whole number from 1 up"), reader->display_name);
      return FALSE;
    }
  if (reader->invalid != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->invalid));
      return FALSE;
    }

  sidecar->version = header->version;
  if (sidecar->version > GLOSS_SIDECAR_VERSION)
    g_set_error (newer_version, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION,
                 _("%s was written by a newer version of Gloss (format version %lld"
                   "; this one reads version %d). It is opened read-only so that nothing in it is lost."),
                 reader->display_name, (long long) sidecar->version, GLOSS_SIDECAR_VERSION);

  return TRUE;
}

/* A syntax error or a file that is not an object at all. */
static gboolean
check_syntax (Reader  *reader,
              GError **error)
{
  GlossJsonScanner *scanner = &reader->scanner;

  if (!gloss_json_scanner_failed (scanner))
    return TRUE;

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_PARSE, "%s: %s",
               reader->display_name, scanner->error->message);
  return FALSE;
}

static gboolean
check_text (const char  *data,
            gsize        size,
            const char  *display_name,
            GError     **error)
{
  const char *bad;
  guint line = 1;
  const char *line_start = data;

  if (g_utf8_validate_len (data, size, &bad))
    return TRUE;

  for (const char *p = data; p < bad; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_PARSE,
               _("%s: line %u, column %ld: the file is not valid UTF-8 text"),
               display_name, line, g_utf8_strlen (line_start, bad - line_start) + 1);
  return FALSE;
}

static gboolean
read_root (Reader  *reader,
           Header  *header,
           GError **error)
{
  GlossJsonScanner *scanner = &reader->scanner;
  char c = gloss_json_scanner_peek (scanner);
  const char *name;

  if (c == 0)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_PARSE, _("%s is empty"),
                   reader->display_name);
      return FALSE;
    }
  if (c != '{')
    {
      gloss_json_scanner_skip (scanner);
      gloss_json_scanner_finish (scanner);
      if (check_syntax (reader, error))
        g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                     _("%s is not a Gloss sidecar: it does not hold a JSON object"),
                     reader->display_name);
      return FALSE;
    }

  gloss_json_scanner_enter_object (scanner);
  while (gloss_json_scanner_next_member (scanner, &name))
    {
      read_top_member (reader, header, name);
    }
  gloss_json_scanner_finish (scanner);

  return check_syntax (reader, error);
}

/**
 * gloss_sidecar_read:
 * @bytes: the file's content
 * @display_name: the file's name, to start messages with
 * @newer_version: (out) (optional): set if the file is of a newer version
 * @error: set if the bytes are not a Gloss sidecar
 *
 * Returns: (transfer full) (nullable): the content, or %NULL on error
 */
GlossSidecar *
gloss_sidecar_read (GBytes      *bytes,
                    const char  *display_name,
                    GError     **newer_version,
                    GError     **error)
{
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ();
  g_autoptr(GHashTable) annotation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { display_name, sidecar, annotation_ids, entity_ids, { 0, }, NULL };
  Header header = { NULL, 0, FALSE, FALSE };
  gsize size;
  const char *data;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!check_text (data != NULL ? data : "", size, display_name, error))
    return NULL;

  gloss_json_scanner_init (&reader.scanner, data != NULL ? data : "", size);
  ok = read_root (&reader, &header, error) &&
       check_header (&reader, &header, newer_version, error);
  gloss_json_scanner_clear (&reader.scanner);
  g_clear_error (&reader.invalid);
  g_free (header.format);
  if (!ok)
    return NULL;

  if (!header.has_labels)
    {
      g_object_unref (sidecar->labels);
      sidecar->labels = gloss_label_set_new_default ();
    }
  g_ptr_array_sort (sidecar->entities, entity_compare);
  check_references (&reader);

  return g_steal_pointer (&sidecar);
}
