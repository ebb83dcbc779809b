/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-entity-item"

#include "config.h"

#include "gloss-entity-item.h"

/**
 * GlossEntityItem:
 *
 * One entity as the side panel lists it: the entity, its label looked up
 * in the document's label set, and how many annotations mention it.
 *
 * The item follows its entity and its label, so a row bound to it only
 * has to watch the item; the mention count is set by whoever counts.
 */
struct _GlossEntityItem
{
  GObject        parent_instance;

  GlossEntity   *entity;
  GlossLabelSet *labels;
  GlossLabel    *label;
  guint          n_mentions;
};

G_DEFINE_FINAL_TYPE (GlossEntityItem, gloss_entity_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_NAME,
  PROP_ALIASES,
  PROP_LABEL,
  PROP_N_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_entity_item_label_notify_cb (GlossEntityItem *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static void
gloss_entity_item_set_label (GlossEntityItem *self,
                             GlossLabel      *label)
{
  if (self->label == label)
    return;

  if (self->label != NULL)
    g_signal_handlers_disconnect_by_data (self->label, self);
  g_set_object (&self->label, label);
  if (label != NULL)
    g_signal_connect_object (label, "notify", G_CALLBACK (gloss_entity_item_label_notify_cb),
                             self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * gloss_entity_item_update_label:
 *
 * Looks the entity's label up again, for when the label set changed.
 */
void
gloss_entity_item_update_label (GlossEntityItem *self)
{
  const char *id;

  g_return_if_fail (GLOSS_IS_ENTITY_ITEM (self));

  id = gloss_entity_get_label (self->entity);
  gloss_entity_item_set_label (self, id != NULL ? gloss_label_set_lookup (self->labels, id) : NULL);
}

static void
gloss_entity_item_entity_notify_cb (GlossEntityItem *self,
                                    GParamSpec      *pspec)
{
  if (g_str_equal (pspec->name, "name"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  else if (g_str_equal (pspec->name, "aliases"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
  else if (g_str_equal (pspec->name, "label"))
    gloss_entity_item_update_label (self);
}

static void
gloss_entity_item_dispose (GObject *object)
{
  GlossEntityItem *self = GLOSS_ENTITY_ITEM (object);

  gloss_entity_item_set_label (self, NULL);
  g_clear_object (&self->entity);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (gloss_entity_item_parent_class)->dispose (object);
}

static void
gloss_entity_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossEntityItem *self = GLOSS_ENTITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;
    case PROP_NAME:
      g_value_set_string (value, gloss_entity_item_get_name (self));
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, gloss_entity_get_aliases (self->entity));
      break;
    case PROP_LABEL:
      g_value_set_object (value, self->label);
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, self->n_mentions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossEntityItem *self = GLOSS_ENTITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_N_MENTIONS:
      gloss_entity_item_set_n_mentions (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_item_class_init (GlossEntityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_entity_item_dispose;
  object_class->get_property = gloss_entity_item_get_property;
  object_class->set_property = gloss_entity_item_set_property;

  properties[PROP_ENTITY] = g_param_spec_object ("entity", NULL, NULL, GLOSS_TYPE_ENTITY, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LABEL] = g_param_spec_object ("label", NULL, NULL, GLOSS_TYPE_LABEL, flags);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_entity_item_init (GlossEntityItem *self)
{
}

/**
 * gloss_entity_item_new:
 * @entity: an entity of a document
 * @labels: the document's label set, where the entity's label is looked up
 *
 * Returns: (transfer full): a new item
 */
GlossEntityItem *
gloss_entity_item_new (GlossEntity   *entity,
                       GlossLabelSet *labels)
{
  GlossEntityItem *self;

  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (labels), NULL);

  self = g_object_new (GLOSS_TYPE_ENTITY_ITEM, NULL);
  self->entity = g_object_ref (entity);
  self->labels = g_object_ref (labels);
  gloss_entity_item_update_label (self);
  g_signal_connect_object (entity, "notify", G_CALLBACK (gloss_entity_item_entity_notify_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

GlossEntity *
gloss_entity_item_get_entity (GlossEntityItem *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_ITEM (self), NULL);

  return self->entity;
}

const char *
gloss_entity_item_get_name (GlossEntityItem *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_ITEM (self), NULL);

  return gloss_entity_get_name (self->entity);
}

/**
 * gloss_entity_item_get_label:
 *
 * Returns: (transfer none) (nullable): the entity's label, if the label
 *   set has it
 */
GlossLabel *
gloss_entity_item_get_label (GlossEntityItem *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_ITEM (self), NULL);

  return self->label;
}

guint
gloss_entity_item_get_n_mentions (GlossEntityItem *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_ITEM (self), 0);

  return self->n_mentions;
}

void
gloss_entity_item_set_n_mentions (GlossEntityItem *self,
                                  guint            n_mentions)
{
  g_return_if_fail (GLOSS_IS_ENTITY_ITEM (self));

  if (self->n_mentions == n_mentions)
    return;

  self->n_mentions = n_mentions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
}
