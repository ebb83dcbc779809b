/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation.h"
#include "gloss-core-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_NOTE,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_LABEL,
  PROP_ENTITY,
  PROP_CLAIMANT,
  PROP_REVIEWER,
  PROP_REVIEWED,
  /* the string properties end here */
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_ANCHOR_STATE,
  PROP_TAGS,
  PROP_STATUS,
  PROP_VERDICT,
  PROP_SOURCES,
  N_PROPS
};

#define N_STRINGS PROP_KIND

G_STATIC_ASSERT ((int) PROP_QUOTE == (int) GLOSS_ANNOTATION_FIELD_QUOTE);
G_STATIC_ASSERT ((int) PROP_REVIEWED == (int) GLOSS_ANNOTATION_FIELD_REVIEWED);

struct _GlossAnnotation
{
  GObject              parent_instance;

  char                *strings[N_STRINGS];
  GlossAnnotationKind  kind;
  gint64               start;
  gint64               end;
  GlossAnchorState     anchor_state;
  char               **tags;
  GlossClaimStatus     status;
  GlossVerdict         verdict;
  char               **sources;
  JsonObject          *extra;
  JsonObject          *review_extra;
};

G_DEFINE_FINAL_TYPE (GlossAnnotation, gloss_annotation, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char * const string_property_names[N_STRINGS] = {
  NULL, "id", "quote", "prefix", "suffix", "note", "author", "created",
  "modified", "label", "entity", "claimant", "reviewer", "reviewed",
};

G_DEFINE_ENUM_TYPE (GlossAnnotationKind, gloss_annotation_kind,
  G_DEFINE_ENUM_VALUE (GLOSS_ANNOTATION_ENTITY, "entity"),
  G_DEFINE_ENUM_VALUE (GLOSS_ANNOTATION_CLAIM, "claim"),
  G_DEFINE_ENUM_VALUE (GLOSS_ANNOTATION_NOTE, "note"))

G_DEFINE_ENUM_TYPE (GlossClaimStatus, gloss_claim_status,
  G_DEFINE_ENUM_VALUE (GLOSS_CLAIM_UNREVIEWED, "unreviewed"),
  G_DEFINE_ENUM_VALUE (GLOSS_CLAIM_IN_REVIEW, "in-review"),
  G_DEFINE_ENUM_VALUE (GLOSS_CLAIM_REVIEWED, "reviewed"),
  G_DEFINE_ENUM_VALUE (GLOSS_CLAIM_DISMISSED, "dismissed"))

G_DEFINE_ENUM_TYPE (GlossVerdict, gloss_verdict,
  G_DEFINE_ENUM_VALUE (GLOSS_VERDICT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (GLOSS_VERDICT_TRUE, "true"),
  G_DEFINE_ENUM_VALUE (GLOSS_VERDICT_MOSTLY_TRUE, "mostly-true"),
  G_DEFINE_ENUM_VALUE (GLOSS_VERDICT_MIXED, "mixed"),
  G_DEFINE_ENUM_VALUE (GLOSS_VERDICT_MOSTLY_FALSE, "mostly-false"),
  G_DEFINE_ENUM_VALUE (GLOSS_VERDICT_FALSE, "false"),
  G_DEFINE_ENUM_VALUE (GLOSS_VERDICT_MISLEADING, "misleading"),
  G_DEFINE_ENUM_VALUE (GLOSS_VERDICT_UNVERIFIABLE, "unverifiable"))

typedef struct
{
  const char *string;
  const char *context;
  const char *display;
} EnumName;

static const EnumName kind_names[] = {
  { "entity", "annotation kind", NC_("annotation kind", "Entity") },
  { "claim", "annotation kind", NC_("annotation kind", "Claim") },
  { "note", "annotation kind", NC_("annotation kind", "Note") },
};

static const EnumName status_names[] = {
  { "unreviewed", "claim status", NC_("claim status", "Unreviewed") },
  { "in-review", "claim status", NC_("claim status", "In review") },
  { "reviewed", "claim status", NC_("claim status", "Reviewed") },
  { "dismissed", "claim status", NC_("claim status", "Dismissed") },
};

/* GLOSS_VERDICT_NONE is null in the sidecar, so it has no string. */
static const EnumName verdict_names[] = {
  { NULL, "verdict", NC_("verdict", "No verdict") },
  { "true", "verdict", NC_("verdict", "True") },
  { "mostly-true", "verdict", NC_("verdict", "Mostly true") },
  { "mixed", "verdict", NC_("verdict", "Mixed") },
  { "mostly-false", "verdict", NC_("verdict", "Mostly false") },
  { "false", "verdict", NC_("verdict", "False") },
  { "misleading", "verdict", NC_("verdict", "Misleading") },
  { "unverifiable", "verdict", NC_("verdict", "Unverifiable") },
};

static const EnumName anchor_state_names[] = {
  { "exact", "anchor state", NC_("anchor state", "Exact") },
  { "moved", "anchor state", NC_("anchor state", "Moved") },
  { "fuzzy", "anchor state", NC_("anchor state", "Approximate") },
  { "orphaned", "anchor state", NC_("anchor state", "Orphaned") },
};

static gboolean
enum_from_string (const EnumName *names,
                  guint           n_names,
                  const char     *string,
                  int            *value)
{
  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i].string, string) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
enum_display_name (const EnumName *names,
                   guint           n_names,
                   guint           value)
{
  g_return_val_if_fail (value < n_names, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, names[value].context, names[value].display);
}

const char *
gloss_annotation_kind_to_string (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind].string;
}

gboolean
gloss_annotation_kind_from_string (const char          *string,
                                   GlossAnnotationKind *kind)
{
  int value;

  if (!enum_from_string (kind_names, G_N_ELEMENTS (kind_names), string, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

const char *
gloss_annotation_kind_get_display_name (GlossAnnotationKind kind)
{
  return enum_display_name (kind_names, G_N_ELEMENTS (kind_names), kind);
}

const char *
gloss_claim_status_to_string (GlossClaimStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status].string;
}

gboolean
gloss_claim_status_from_string (const char       *string,
                                GlossClaimStatus *status)
{
  int value;

  if (!enum_from_string (status_names, G_N_ELEMENTS (status_names), string, &value))
    return FALSE;

  *status = value;
  return TRUE;
}

const char *
gloss_claim_status_get_display_name (GlossClaimStatus status)
{
  return enum_display_name (status_names, G_N_ELEMENTS (status_names), status);
}

/**
 * gloss_verdict_to_string:
 *
 * Returns: (nullable): the sidecar spelling, %NULL for %GLOSS_VERDICT_NONE
 */
const char *
gloss_verdict_to_string (GlossVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdict_names), NULL);

  return verdict_names[verdict].string;
}

/**
 * gloss_verdict_from_string:
 * @string: (nullable): a sidecar spelling; %NULL gives %GLOSS_VERDICT_NONE
 */
gboolean
gloss_verdict_from_string (const char   *string,
                           GlossVerdict *verdict)
{
  int value;

  if (string == NULL)
    {
      *verdict = GLOSS_VERDICT_NONE;
      return TRUE;
    }

  if (!enum_from_string (verdict_names, G_N_ELEMENTS (verdict_names), string, &value))
    return FALSE;

  *verdict = value;
  return TRUE;
}

const char *
gloss_verdict_get_display_name (GlossVerdict verdict)
{
  return enum_display_name (verdict_names, G_N_ELEMENTS (verdict_names), verdict);
}

const char *
gloss_anchor_state_get_display_name (GlossAnchorState state)
{
  return enum_display_name (anchor_state_names, G_N_ELEMENTS (anchor_state_names), state);
}

static void
gloss_annotation_finalize (GObject *object)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);
  g_strfreev (self->tags);
  g_strfreev (self->sources);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->review_extra, json_object_unref);

  G_OBJECT_CLASS (gloss_annotation_parent_class)->finalize (object);
}

static void
gloss_annotation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  if (prop_id > PROP_0 && prop_id < N_STRINGS)
    {
      g_value_set_string (value, self->strings[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case PROP_ANCHOR_STATE:
      g_value_set_enum (value, self->anchor_state);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (GlossAnnotation *self,
            guint            prop_id,
            const char      *value)
{
  if (gloss_set_optional_str (&self->strings[prop_id], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
gloss_annotation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  if (prop_id > PROP_0 && prop_id < N_STRINGS)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_START:
      gloss_annotation_set_range (self, g_value_get_int64 (value), self->end);
      break;
    case PROP_END:
      gloss_annotation_set_range (self, self->start, g_value_get_int64 (value));
      break;
    case PROP_ANCHOR_STATE:
      gloss_annotation_set_anchor_state (self, g_value_get_enum (value));
      break;
    case PROP_TAGS:
      gloss_annotation_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      gloss_annotation_set_status (self, g_value_get_enum (value));
      break;
    case PROP_VERDICT:
      gloss_annotation_set_verdict (self, g_value_get_enum (value));
      break;
    case PROP_SOURCES:
      gloss_annotation_set_sources (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_class_init (GlossAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_annotation_finalize;
  object_class->get_property = gloss_annotation_get_property;
  object_class->set_property = gloss_annotation_set_property;

  for (guint i = PROP_ID; i < N_STRINGS; i++)
    properties[i] = g_param_spec_string (string_property_names[i], NULL, NULL, NULL,
                                         i == PROP_ID ? construct : flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, GLOSS_TYPE_ANNOTATION_KIND,
                       GLOSS_ANNOTATION_NOTE, construct);
  properties[PROP_START] = g_param_spec_int64 ("start", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_END] = g_param_spec_int64 ("end", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ANCHOR_STATE] =
    g_param_spec_enum ("anchor-state", NULL, NULL, GLOSS_TYPE_ANCHOR_STATE,
                       GLOSS_ANCHOR_EXACT, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, GLOSS_TYPE_CLAIM_STATUS,
                       GLOSS_CLAIM_UNREVIEWED, flags);
  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL, GLOSS_TYPE_VERDICT, GLOSS_VERDICT_NONE, flags);
  properties[PROP_SOURCES] = g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_init (GlossAnnotation *self)
{
}

/**
 * gloss_annotation_new:
 * @id: unique in the document
 * @kind: what the annotation is
 *
 * Returns: (transfer full): an annotation of the empty range 0–0
 */
GlossAnnotation *
gloss_annotation_new (const char          *id,
                      GlossAnnotationKind  kind)
{
  GlossAnnotation *self;

  g_return_val_if_fail (id != NULL, NULL);

  /* set directly: construct properties cost too much for 10,000 at once */
  self = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);
  self->strings[PROP_ID] = g_strdup (id);
  self->kind = kind;

  return self;
}

/* Sets a field of an annotation nobody watches yet, taking @value. */
void
gloss_annotation_take_string (GlossAnnotation       *self,
                              GlossAnnotationString  field,
                              char                  *value)
{
  g_assert (field >= GLOSS_ANNOTATION_FIELD_QUOTE && field <= GLOSS_ANNOTATION_FIELD_REVIEWED);

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  g_free (self->strings[field]);
  self->strings[field] = value;
}

void
gloss_annotation_init_range (GlossAnnotation *self,
                             gint64           start,
                             gint64           end)
{
  self->start = start;
  self->end = end;
}

const char *
gloss_annotation_get_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->strings[PROP_ID];
}

GlossAnnotationKind
gloss_annotation_get_kind (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_ANNOTATION_NOTE);

  return self->kind;
}

gint64
gloss_annotation_get_start (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->start;
}

gint64
gloss_annotation_get_end (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->end;
}

void
gloss_annotation_set_range (GlossAnnotation *self,
                            gint64           start,
                            gint64           end)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (start >= 0 && start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * gloss_annotation_get_quote:
 *
 * Returns: (not nullable): the text the annotation covers, "" if none
 */
const char *
gloss_annotation_get_quote (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->strings[PROP_QUOTE] != NULL ? self->strings[PROP_QUOTE] : "";
}

void
gloss_annotation_set_selector (GlossAnnotation *self,
                               const char      *quote,
                               const char      *prefix,
                               const char      *suffix)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, PROP_QUOTE, quote);
  set_string (self, PROP_PREFIX, prefix);
  set_string (self, PROP_SUFFIX, suffix);
  g_object_thaw_notify (G_OBJECT (self));
}

GlossAnchorState
gloss_annotation_get_anchor_state (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_ANCHOR_EXACT);

  return self->anchor_state;
}

void
gloss_annotation_set_anchor_state (GlossAnnotation  *self,
                                   GlossAnchorState  state)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (self->anchor_state == state)
    return;

  self->anchor_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANCHOR_STATE]);
}

gboolean
gloss_annotation_is_orphaned (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);

  return self->anchor_state == GLOSS_ANCHOR_ORPHANED;
}

/**
 * gloss_annotation_get_tags:
 *
 * Returns: (transfer none) (nullable): the tags
 */
const char * const *
gloss_annotation_get_tags (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return (const char * const *) self->tags;
}

void
gloss_annotation_set_tags (GlossAnnotation    *self,
                           const char * const *tags)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (gloss_set_strv (&self->tags, tags))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
gloss_annotation_has_tag (GlossAnnotation *self,
                          const char      *tag)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);

  return self->tags != NULL && tag != NULL &&
         g_strv_contains ((const char * const *) self->tags, tag);
}

#define STRING_ACCESSORS(name, PROP)                                     \
const char *                                                             \
gloss_annotation_get_##name (GlossAnnotation *self)                      \
{                                                                        \
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);               \
  return self->strings[PROP];                                            \
}                                                                        \
                                                                         \
void                                                                     \
gloss_annotation_set_##name (GlossAnnotation *self,                      \
                             const char      *value)                     \
{                                                                        \
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));                         \
  set_string (self, PROP, value);                                        \
}

STRING_ACCESSORS (note, PROP_NOTE)
STRING_ACCESSORS (author, PROP_AUTHOR)
STRING_ACCESSORS (created, PROP_CREATED)
STRING_ACCESSORS (modified, PROP_MODIFIED)
STRING_ACCESSORS (label, PROP_LABEL)
STRING_ACCESSORS (entity, PROP_ENTITY)
STRING_ACCESSORS (claimant, PROP_CLAIMANT)
STRING_ACCESSORS (reviewer, PROP_REVIEWER)
STRING_ACCESSORS (reviewed, PROP_REVIEWED)

const char *
gloss_annotation_get_prefix (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->strings[PROP_PREFIX];
}

const char *
gloss_annotation_get_suffix (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->strings[PROP_SUFFIX];
}

GlossClaimStatus
gloss_annotation_get_status (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_CLAIM_UNREVIEWED);

  return self->status;
}

void
gloss_annotation_set_status (GlossAnnotation  *self,
                             GlossClaimStatus  status)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

GlossVerdict
gloss_annotation_get_verdict (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_VERDICT_NONE);

  return self->verdict;
}

void
gloss_annotation_set_verdict (GlossAnnotation *self,
                              GlossVerdict     verdict)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (self->verdict == verdict)
    return;

  self->verdict = verdict;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
}

/**
 * gloss_annotation_get_sources:
 *
 * Returns: (transfer none) (nullable): URLs or citations backing the review
 */
const char * const *
gloss_annotation_get_sources (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return (const char * const *) self->sources;
}

void
gloss_annotation_set_sources (GlossAnnotation    *self,
                              const char * const *sources)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (gloss_set_strv (&self->sources, sources))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES]);
}

/**
 * gloss_annotation_compare:
 *
 * Orders annotations by start, then end, then id, as the sidecar and the
 * document's list do.
 */
int
gloss_annotation_compare (GlossAnnotation *a,
                          GlossAnnotation *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;

  return g_strcmp0 (a->strings[PROP_ID], b->strings[PROP_ID]);
}

/**
 * gloss_annotation_dup_review_day:
 * @self: a claim
 *
 * Returns: (transfer full) (nullable): the day the claim was reviewed, in
 *   the user's time zone and as people write it, the stored text when it
 *   is not a time, or %NULL before any review
 */
char *
gloss_annotation_dup_review_day (GlossAnnotation *self)
{
  const char *reviewed = gloss_annotation_get_reviewed (self);
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (reviewed == NULL)
    return NULL;

  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (reviewed, utc);
  if (time == NULL)
    return g_strdup (reviewed);

  local = g_date_time_to_local (time);
  /* Translators: the day a claim was reviewed, in g_date_time_format() codes */
  return g_date_time_format (local, C_("review date", "%-d %B %Y"));
}

JsonObject *
gloss_annotation_get_extra (GlossAnnotation *self)
{
  return self->extra;
}

void
gloss_annotation_set_extra (GlossAnnotation *self,
                            JsonObject      *extra)
{
  gloss_set_json_object (&self->extra, extra);
}

JsonObject *
gloss_annotation_get_review_extra (GlossAnnotation *self)
{
  return self->review_extra;
}

void
gloss_annotation_set_review_extra (GlossAnnotation *self,
                                   JsonObject      *extra)
{
  gloss_set_json_object (&self->review_extra, extra);
}
