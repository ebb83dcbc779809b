/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include "gloss-source.h"
#include "gloss-core-private.h"

enum {
  PROP_0,
  PROP_FILE,
  PROP_SHA256,
  PROP_URL,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_FETCHED,
  PROP_LANGUAGE,
  /* the string properties end here */
  PROP_LENGTH,
  PROP_TAGS,
  N_PROPS
};

struct _GlossSource
{
  GObject     parent_instance;

  char       *strings[PROP_LENGTH];
  gint64      length;
  char      **tags;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (GlossSource, gloss_source, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
gloss_source_finalize (GObject *object)
{
  GlossSource *self = GLOSS_SOURCE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  g_strfreev (self->tags);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_source_parent_class)->finalize (object);
}

static void
gloss_source_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossSource *self = GLOSS_SOURCE (object);

  if (prop_id > PROP_0 && prop_id < PROP_LENGTH)
    g_value_set_string (value, self->strings[prop_id]);
  else if (prop_id == PROP_LENGTH)
    g_value_set_int64 (value, self->length);
  else if (prop_id == PROP_TAGS)
    g_value_set_boxed (value, self->tags);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
set_string (GlossSource *self,
            guint        prop_id,
            const char  *value)
{
  if (gloss_set_optional_str (&self->strings[prop_id], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
gloss_source_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossSource *self = GLOSS_SOURCE (object);

  if (prop_id > PROP_0 && prop_id < PROP_LENGTH)
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_LENGTH)
    gloss_source_set_length (self, g_value_get_int64 (value));
  else if (prop_id == PROP_TAGS)
    gloss_source_set_tags (self, g_value_get_boxed (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gloss_source_class_init (GlossSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const names[] = {
    NULL, "file", "sha256", "url", "title", "publisher", "author",
    "published", "fetched", "language",
  };

  object_class->finalize = gloss_source_finalize;
  object_class->get_property = gloss_source_get_property;
  object_class->set_property = gloss_source_set_property;

  for (guint i = PROP_FILE; i < PROP_LENGTH; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL, flags);
  properties[PROP_LENGTH] =
    g_param_spec_int64 ("length", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_source_init (GlossSource *self)
{
}

/**
 * gloss_source_new:
 *
 * Returns: (transfer full): an empty source record
 */
GlossSource *
gloss_source_new (void)
{
  return g_object_new (GLOSS_TYPE_SOURCE, NULL);
}

#define STRING_ACCESSORS(name, PROP)                                     \
const char *                                                             \
gloss_source_get_##name (GlossSource *self)                              \
{                                                                        \
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);                   \
  return self->strings[PROP];                                            \
}                                                                        \
                                                                         \
void                                                                     \
gloss_source_set_##name (GlossSource *self,                              \
                         const char  *value)                             \
{                                                                        \
  g_return_if_fail (GLOSS_IS_SOURCE (self));                             \
  set_string (self, PROP, value);                                        \
}

STRING_ACCESSORS (file, PROP_FILE)
STRING_ACCESSORS (sha256, PROP_SHA256)
STRING_ACCESSORS (url, PROP_URL)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (publisher, PROP_PUBLISHER)
STRING_ACCESSORS (author, PROP_AUTHOR)
STRING_ACCESSORS (published, PROP_PUBLISHED)
STRING_ACCESSORS (fetched, PROP_FETCHED)
STRING_ACCESSORS (language, PROP_LANGUAGE)

gint64
gloss_source_get_length (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return self->length;
}

void
gloss_source_set_length (GlossSource *self,
                         gint64       length)
{
  g_return_if_fail (GLOSS_IS_SOURCE (self));

  if (self->length == length)
    return;

  self->length = length;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH]);
}

/**
 * gloss_source_get_tags:
 *
 * Returns: (transfer none) (nullable): the article's tags
 */
const char * const *
gloss_source_get_tags (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return (const char * const *) self->tags;
}

void
gloss_source_set_tags (GlossSource        *self,
                       const char * const *tags)
{
  g_return_if_fail (GLOSS_IS_SOURCE (self));

  if (gloss_set_strv (&self->tags, tags))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

JsonObject *
gloss_source_get_extra (GlossSource *self)
{
  return self->extra;
}

void
gloss_source_set_extra (GlossSource *self,
                        JsonObject  *extra)
{
  gloss_set_json_object (&self->extra, extra);
}
