/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-entity"

#include "config.h"

#include "gloss-entity.h"
#include "gloss-core-private.h"

struct _GlossEntity
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *label;
  char      **aliases;
  char       *link;
  char       *note;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (GlossEntity, gloss_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LABEL,
  PROP_ALIASES,
  PROP_LINK,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_entity_finalize (GObject *object)
{
  GlossEntity *self = GLOSS_ENTITY (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->label);
  g_strfreev (self->aliases);
  g_free (self->link);
  g_free (self->note);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_entity_parent_class)->finalize (object);
}

static void
gloss_entity_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossEntity *self = GLOSS_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;
    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossEntity *self = GLOSS_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      gloss_entity_set_name (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      gloss_entity_set_label (self, g_value_get_string (value));
      break;
    case PROP_ALIASES:
      gloss_entity_set_aliases (self, g_value_get_boxed (value));
      break;
    case PROP_LINK:
      gloss_entity_set_link (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      gloss_entity_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_class_init (GlossEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_entity_finalize;
  object_class->get_property = gloss_entity_get_property;
  object_class->set_property = gloss_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LINK] = g_param_spec_string ("link", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_entity_init (GlossEntity *self)
{
}

/**
 * gloss_entity_new:
 * @id: unique in the document
 * @name: the entity's canonical name
 * @label: (nullable): the id of its label (entity type)
 *
 * Returns: (transfer full): a new entity
 */
GlossEntity *
gloss_entity_new (const char *id,
                  const char *name,
                  const char *label)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (GLOSS_TYPE_ENTITY, "id", id, "name", name, "label", label, NULL);
}

const char *
gloss_entity_get_id (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), NULL);

  return self->id;
}

const char *
gloss_entity_get_name (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), NULL);

  return self->name;
}

void
gloss_entity_set_name (GlossEntity *self,
                       const char  *name)
{
  g_return_if_fail (GLOSS_IS_ENTITY (self));

  if (gloss_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
gloss_entity_get_label (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), NULL);

  return self->label;
}

void
gloss_entity_set_label (GlossEntity *self,
                        const char  *label)
{
  g_return_if_fail (GLOSS_IS_ENTITY (self));

  if (gloss_set_optional_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * gloss_entity_get_aliases:
 *
 * Returns: (transfer none) (nullable): other names of the entity
 */
const char * const *
gloss_entity_get_aliases (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), NULL);

  return (const char * const *) self->aliases;
}

void
gloss_entity_set_aliases (GlossEntity        *self,
                          const char * const *aliases)
{
  g_return_if_fail (GLOSS_IS_ENTITY (self));

  if (gloss_set_strv (&self->aliases, aliases))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

gboolean
gloss_entity_has_alias (GlossEntity *self,
                        const char  *alias)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), FALSE);

  return self->aliases != NULL && alias != NULL &&
         g_strv_contains ((const char * const *) self->aliases, alias);
}

const char *
gloss_entity_get_link (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), NULL);

  return self->link;
}

void
gloss_entity_set_link (GlossEntity *self,
                       const char  *link)
{
  g_return_if_fail (GLOSS_IS_ENTITY (self));

  if (gloss_set_optional_str (&self->link, link))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
}

const char *
gloss_entity_get_note (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), NULL);

  return self->note;
}

void
gloss_entity_set_note (GlossEntity *self,
                       const char  *note)
{
  g_return_if_fail (GLOSS_IS_ENTITY (self));

  if (gloss_set_optional_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

JsonObject *
gloss_entity_get_extra (GlossEntity *self)
{
  return self->extra;
}

void
gloss_entity_set_extra (GlossEntity *self,
                        JsonObject  *extra)
{
  gloss_set_json_object (&self->extra, extra);
}
