/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-label"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-label.h"
#include "gloss-core-private.h"

struct _GlossLabel
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *color;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (GlossLabel, gloss_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The default labels are stored untranslated and shown translated. */
static const char * const default_names[] = {
  N_("Person"), N_("Organization"), N_("Place"), N_("Date"),
  N_("Event"), N_("Quantity"), N_("Other"),
};

static void
gloss_label_finalize (GObject *object)
{
  GlossLabel *self = GLOSS_LABEL (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->color);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_label_parent_class)->finalize (object);
}

static void
gloss_label_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      gloss_label_set_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      gloss_label_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_class_init (GlossLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_label_finalize;
  object_class->get_property = gloss_label_get_property;
  object_class->set_property = gloss_label_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_label_init (GlossLabel *self)
{
}

/**
 * gloss_label_new:
 * @id: a stable identifier, unique in its label set
 * @name: the name people see
 * @color: "#rrggbb"
 *
 * Returns: (transfer full): a new label
 */
GlossLabel *
gloss_label_new (const char *id,
                 const char *name,
                 const char *color)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (GLOSS_TYPE_LABEL, "id", id, "name", name, "color", color, NULL);
}

const char *
gloss_label_get_id (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->id;
}

const char *
gloss_label_get_name (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->name;
}

void
gloss_label_set_name (GlossLabel *self,
                      const char *name)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (gloss_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
gloss_label_get_color (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->color;
}

void
gloss_label_set_color (GlossLabel *self,
                       const char *color)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (gloss_set_str (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/**
 * gloss_label_get_display_name:
 *
 * The name to show: translated when it is one of the default names.
 */
const char *
gloss_label_get_display_name (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  if (self->name == NULL)
    return self->id;

  for (guint i = 0; i < G_N_ELEMENTS (default_names); i++)
    if (g_str_equal (self->name, default_names[i]))
      return _(default_names[i]);

  return self->name;
}

/**
 * gloss_label_color_is_valid:
 * @color: (nullable): a string
 *
 * Returns: %TRUE if @color has the form "#rrggbb" (hex digits, any case)
 */
gboolean
gloss_label_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

JsonObject *
gloss_label_get_extra (GlossLabel *self)
{
  return self->extra;
}

void
gloss_label_set_extra (GlossLabel *self,
                       JsonObject *extra)
{
  gloss_set_json_object (&self->extra, extra);
}
