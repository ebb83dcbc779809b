/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document-private.h"

/* One command type covers adding, removing and moving a label: each is
 * the label leaving one position of the set and arriving at another
 * (G_MAXUINT standing for "not in the set"). */
typedef struct
{
  GlossDocument *document;
  GlossLabel    *label;
  guint          from;
  guint          to;
} LabelMove;

static void
label_move_free (LabelMove *move)
{
  g_object_unref (move->label);
  g_free (move);
}

static void
label_move_apply (LabelMove *move,
                  guint      from,
                  guint      to)
{
  GlossLabelSet *labels = move->document->labels;

  if (from == G_MAXUINT)
    gloss_label_set_insert (labels, to, move->label);
  else if (to == G_MAXUINT)
    gloss_label_set_remove (labels, gloss_label_get_id (move->label));
  else
    gloss_label_set_move (labels, from, to);
}

static void
label_move_undo (gpointer data)
{
  LabelMove *move = data;

  label_move_apply (move, move->to, move->from);
}

static void
label_move_redo (gpointer data)
{
  LabelMove *move = data;

  label_move_apply (move, move->from, move->to);
}

static void
record_label_move (GlossDocument *self,
                   GlossLabel    *label,
                   guint          from,
                   guint          to,
                   const char    *history_label)
{
  LabelMove *move = g_new0 (LabelMove, 1);

  move->document = self;
  move->label = g_object_ref (label);
  move->from = from;
  move->to = to;

  label_move_redo (move);
  gloss_history_push (self->history, history_label, label_move_undo, label_move_redo,
                      move, (GDestroyNotify) label_move_free);
}

static gboolean
check_label_color (const char  *color,
                   GError     **error)
{
  if (gloss_label_color_is_valid (color))
    return TRUE;

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
               _("“%s” is not a colour: write it as # and six hex digits, like #3584e4"),
               color != NULL ? color : "");
  return FALSE;
}

static gboolean
check_label_in_set (GlossDocument  *self,
                    GlossLabel     *label,
                    guint          *position,
                    GError        **error)
{
  if (gloss_label_set_find (self->labels, gloss_label_get_id (label), position) &&
      gloss_label_set_get_label (self->labels, *position) == label)
    return gloss_document_check_writable (self, error);

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_FOUND,
               _("The entity type “%s” is not in this document"), gloss_label_get_name (label));
  return FALSE;
}

/**
 * gloss_document_add_label:
 * @name: the name of the new entity type
 * @color: "#rrggbb"
 *
 * Adds a label at the end of the set, with an id made from @name.
 *
 * Returns: (transfer none) (nullable): the new label
 */
GlossLabel *
gloss_document_add_label (GlossDocument  *self,
                          const char     *name,
                          const char     *color,
                          GError        **error)
{
  g_autoptr(GlossLabel) label = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (!gloss_document_check_writable (self, error) || !check_label_color (color, error))
    return NULL;
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("The name of the entity type cannot be empty"));
      return NULL;
    }

  id = gloss_label_set_make_id (self->labels, name);
  label = gloss_label_new (id, name, color);
  record_label_move (self, label, G_MAXUINT,
                     g_list_model_get_n_items (G_LIST_MODEL (self->labels)), _("Add entity type"));

  return label;
}

static gboolean
set_label_string (GlossDocument  *self,
                  GlossLabel     *label,
                  const char     *property,
                  const char     *value,
                  const char     *history_label,
                  GError        **error)
{
  GlossPropertyChange *change;
  guint position;

  if (!check_label_in_set (self, label, &position, error))
    return FALSE;

  change = gloss_property_change_new (self, label);
  gloss_property_change_set_string (change, property, value);
  gloss_property_change_commit (change, history_label);

  return TRUE;
}

gboolean
gloss_document_rename_label (GlossDocument  *self,
                             GlossLabel     *label,
                             const char     *name,
                             GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("The name of the entity type cannot be empty"));
      return FALSE;
    }

  return set_label_string (self, label, "name", name, _("Rename entity type"), error);
}

gboolean
gloss_document_recolor_label (GlossDocument  *self,
                              GlossLabel     *label,
                              const char     *color,
                              GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  return check_label_color (color, error) &&
         set_label_string (self, label, "color", color, _("Change colour"), error);
}

/**
 * gloss_document_move_label:
 * @position: the new position; position + 1 is the number key that tags
 *   with the label
 */
gboolean
gloss_document_move_label (GlossDocument  *self,
                           GlossLabel     *label,
                           guint           position,
                           GError        **error)
{
  guint n, from;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label_in_set (self, label, &from, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  position = MIN (position, n - 1);
  if (position != from)
    record_label_move (self, label, from, position, _("Move entity type"));

  return TRUE;
}

static guint
count_label_uses (GlossDocument *self,
                  const char    *id)
{
  GListModel *lists[] = { G_LIST_MODEL (self->entities), G_LIST_MODEL (self->annotations) };
  guint uses = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_autofree char *label = NULL;

        g_object_get (item, "label", &label, NULL);
        uses += g_strcmp0 (label, id) == 0;
      }

  return uses;
}

/**
 * gloss_document_remove_label:
 *
 * Removes an entity type that nothing uses any more.
 */
gboolean
gloss_document_remove_label (GlossDocument  *self,
                             GlossLabel     *label,
                             GError        **error)
{
  guint position, uses;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label_in_set (self, label, &position, error))
    return FALSE;

  uses = count_label_uses (self, gloss_label_get_id (label));
  if (uses > 0)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The entity type “%s” is still used once; change that first",
                                "The entity type “%s” is still used %u times; change those first",
                                uses),
                   gloss_label_get_display_name (label), uses);
      return FALSE;
    }

  record_label_move (self, label, position, G_MAXUINT, _("Remove entity type"));
  return TRUE;
}
