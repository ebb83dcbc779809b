/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-label-set"

#include "config.h"

#include "gloss-label-set.h"

struct _GlossLabelSet
{
  GObject    parent_instance;

  GPtrArray *labels;
};

static void gloss_label_set_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossLabelSet, gloss_label_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gloss_label_set_list_model_init))

/* Mid-tone colours from the GNOME palette: they stay legible as a
 * highlight under dark text in the light style and light text in the dark. */
static const struct {
  const char *id;
  const char *name;
  const char *color;
} defaults[] = {
  { "person", "Person", "#3584e4" },
  { "organization", "Organization", "#e66100" },
  { "place", "Place", "#2ec27e" },
  { "date", "Date", "#9141ac" },
  { "event", "Event", "#e01b24" },
  { "quantity", "Quantity", "#c88800" },
  { "other", "Other", "#77767b" },
};

static GType
gloss_label_set_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_LABEL;
}

static guint
gloss_label_set_get_n_items (GListModel *model)
{
  return GLOSS_LABEL_SET (model)->labels->len;
}

static gpointer
gloss_label_set_get_item (GListModel *model,
                          guint       position)
{
  GlossLabelSet *self = GLOSS_LABEL_SET (model);

  if (position >= self->labels->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->labels, position));
}

static void
gloss_label_set_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_label_set_get_item_type;
  iface->get_n_items = gloss_label_set_get_n_items;
  iface->get_item = gloss_label_set_get_item;
}

static void
gloss_label_set_finalize (GObject *object)
{
  GlossLabelSet *self = GLOSS_LABEL_SET (object);

  g_ptr_array_unref (self->labels);

  G_OBJECT_CLASS (gloss_label_set_parent_class)->finalize (object);
}

static void
gloss_label_set_class_init (GlossLabelSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_label_set_finalize;
}

static void
gloss_label_set_init (GlossLabelSet *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * gloss_label_set_new:
 *
 * Returns: (transfer full): an empty label set
 */
GlossLabelSet *
gloss_label_set_new (void)
{
  return g_object_new (GLOSS_TYPE_LABEL_SET, NULL);
}

/**
 * gloss_label_set_new_default:
 *
 * Returns: (transfer full): the seven default labels, Person to Other
 */
GlossLabelSet *
gloss_label_set_new_default (void)
{
  GlossLabelSet *self = gloss_label_set_new ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    g_ptr_array_add (self->labels,
                     gloss_label_new (defaults[i].id, defaults[i].name, defaults[i].color));

  return self;
}

/**
 * gloss_label_set_get_label:
 *
 * Returns: (transfer none) (nullable): the label at @position; position + 1
 *   is the number key that tags with it
 */
GlossLabel *
gloss_label_set_get_label (GlossLabelSet *self,
                           guint          position)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  if (position >= self->labels->len)
    return NULL;

  return g_ptr_array_index (self->labels, position);
}

gboolean
gloss_label_set_find (GlossLabelSet *self,
                      const char    *id,
                      guint         *position)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < self->labels->len; i++)
    {
      if (g_str_equal (gloss_label_get_id (g_ptr_array_index (self->labels, i)), id))
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * gloss_label_set_lookup:
 *
 * Returns: (transfer none) (nullable): the label with @id
 */
GlossLabel *
gloss_label_set_lookup (GlossLabelSet *self,
                        const char    *id)
{
  guint position;

  if (!gloss_label_set_find (self, id, &position))
    return NULL;

  return g_ptr_array_index (self->labels, position);
}

/**
 * gloss_label_set_insert:
 *
 * Returns: %FALSE (and does nothing) if a label with the same id is there
 */
gboolean
gloss_label_set_insert (GlossLabelSet *self,
                        guint          position,
                        GlossLabel    *label)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (gloss_label_set_find (self, gloss_label_get_id (label), NULL))
    return FALSE;

  position = MIN (position, self->labels->len);
  g_ptr_array_insert (self->labels, position, g_object_ref (label));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return TRUE;
}

gboolean
gloss_label_set_append (GlossLabelSet *self,
                        GlossLabel    *label)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);

  return gloss_label_set_insert (self, self->labels->len, label);
}

gboolean
gloss_label_set_remove (GlossLabelSet *self,
                        const char    *id)
{
  guint position;

  if (!gloss_label_set_find (self, id, &position))
    return FALSE;

  g_ptr_array_remove_index (self->labels, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  return TRUE;
}

void
gloss_label_set_move (GlossLabelSet *self,
                      guint          from,
                      guint          to)
{
  GlossLabel *label;

  g_return_if_fail (GLOSS_IS_LABEL_SET (self));
  g_return_if_fail (from < self->labels->len);

  to = MIN (to, self->labels->len - 1);
  if (from == to)
    return;

  label = g_ptr_array_steal_index (self->labels, from);
  g_ptr_array_insert (self->labels, to, label);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to),
                              ABS ((int) from - (int) to) + 1,
                              ABS ((int) from - (int) to) + 1);
}

/**
 * gloss_label_set_make_id:
 * @name: the label's name
 *
 * Returns: (transfer full): an id made of @name's letters and digits,
 *   lower-case ASCII, that no label of the set has yet
 */
char *
gloss_label_set_make_id (GlossLabelSet *self,
                         const char    *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", NULL);
  g_autoptr(GString) slug = g_string_new (NULL);
  char *id;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_assign (slug, "label");

  id = g_strdup (slug->str);
  for (guint n = 2; gloss_label_set_find (self, id, NULL); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", slug->str, n);
    }

  return id;
}
