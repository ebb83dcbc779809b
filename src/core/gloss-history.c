/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-history"

#include "config.h"

#include "gloss-history.h"

/* Serials identify commands so that the clean state survives undo and
 * redo: the history is clean when the top of the undo stack is the
 * command that was on top when it was saved. */
#define NEVER_CLEAN G_MAXUINT64

typedef struct
{
  char             *label;
  guint64           serial;
  GlossHistoryFunc  undo;
  GlossHistoryFunc  redo;
  gpointer          data;
  GDestroyNotify    free_data;
  GPtrArray        *children;
} Command;

struct _GlossHistory
{
  GObject    parent_instance;

  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  Command   *group;
  guint      group_depth;
  guint64    last_serial;
  guint64    clean_serial;
  gboolean   busy;

  /* what was last notified */
  gboolean   can_undo;
  gboolean   can_redo;
  gboolean   clean;
};

G_DEFINE_FINAL_TYPE (GlossHistory, gloss_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CLEAN,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (Command *command)
{
  if (command->free_data != NULL)
    command->free_data (command->data);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command->label);
  g_free (command);
}

static Command *
command_new (const char *label)
{
  Command *command = g_new0 (Command, 1);

  command->label = g_strdup (label);

  return command;
}

static void
command_undo (Command *command)
{
  if (command->children != NULL)
    {
      for (guint i = command->children->len; i > 0; i--)
        command_undo (g_ptr_array_index (command->children, i - 1));
    }
  else
    command->undo (command->data);
}

static void
command_redo (Command *command)
{
  if (command->children != NULL)
    {
      for (guint i = 0; i < command->children->len; i++)
        command_redo (g_ptr_array_index (command->children, i));
    }
  else
    command->redo (command->data);
}

static Command *
top_of (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

static void
update_state (GlossHistory *self)
{
  gboolean can_undo = gloss_history_get_can_undo (self);
  gboolean can_redo = gloss_history_get_can_redo (self);
  gboolean clean = gloss_history_get_clean (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (can_undo != self->can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (can_redo != self->can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (clean != self->clean)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));

  self->can_undo = can_undo;
  self->can_redo = can_redo;
  self->clean = clean;
}

static void
gloss_history_finalize (GObject *object)
{
  GlossHistory *self = GLOSS_HISTORY (object);

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);
  g_clear_pointer (&self->group, command_free);

  G_OBJECT_CLASS (gloss_history_parent_class)->finalize (object);
}

static void
gloss_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossHistory *self = GLOSS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_history_get_can_redo (self));
      break;
    case PROP_CLEAN:
      g_value_set_boolean (value, gloss_history_get_clean (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, gloss_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, gloss_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_history_class_init (GlossHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_history_finalize;
  object_class->get_property = gloss_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_CLEAN] = g_param_spec_boolean ("clean", NULL, NULL, TRUE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_history_init (GlossHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->clean = TRUE;
}

/**
 * gloss_history_new:
 *
 * Returns: (transfer full): an empty, clean history
 */
GlossHistory *
gloss_history_new (void)
{
  return g_object_new (GLOSS_TYPE_HISTORY, NULL);
}

/**
 * gloss_history_push:
 * @label: (nullable): what the command did, for "Undo …" menu items
 * @undo: reverts the command
 * @redo: performs it again
 * @data: (transfer full): passed to @undo and @redo
 * @free_data: (nullable): frees @data when the command is dropped
 *
 * Records a command that has just been performed. It goes into the open
 * group if there is one. Anything that could be redone is dropped.
 */
void
gloss_history_push (GlossHistory     *self,
                    const char       *label,
                    GlossHistoryFunc  undo,
                    GlossHistoryFunc  redo,
                    gpointer          data,
                    GDestroyNotify    free_data)
{
  Command *command;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (undo != NULL && redo != NULL);

  if (self->busy)
    {
      if (free_data != NULL)
        free_data (data);
      return;
    }

  command = command_new (label);
  command->undo = undo;
  command->redo = redo;
  command->data = data;
  command->free_data = free_data;

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, command);
      return;
    }

  command->serial = ++self->last_serial;
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, command);
  update_state (self);
}

/**
 * gloss_history_peek_undo_data:
 * @undo: the undo function the caller's commands use
 *
 * Lets a caller fold a new change into its previous command (typing one
 * character after another, say) instead of pushing a new one. Coalescing
 * never reaches past a save or into a group.
 *
 * Returns: (transfer none) (nullable): the data of the command on top of
 *   the undo stack if it was pushed with @undo, no group is open, nothing
 *   can be redone and the history is not clean
 */
gpointer
gloss_history_peek_undo_data (GlossHistory     *self,
                              GlossHistoryFunc  undo)
{
  Command *top;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  top = top_of (self->undo_stack);
  if (top == NULL || top->undo != undo || self->group != NULL ||
      self->redo_stack->len > 0 || top->serial == self->clean_serial)
    return NULL;

  return top->data;
}

/**
 * gloss_history_begin_group:
 * @label: (nullable): the label of the whole group
 *
 * Commands pushed until the matching gloss_history_end_group() are undone
 * and redone as one step. Groups nest; only the outermost counts.
 */
void
gloss_history_begin_group (GlossHistory *self,
                           const char   *label)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  if (self->group_depth++ > 0)
    return;

  self->group = command_new (label);
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
}

void
gloss_history_end_group (GlossHistory *self)
{
  Command *group;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    {
      command_free (group);
      return;
    }

  group->serial = ++self->last_serial;
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, group);
  update_state (self);
}

static gboolean
move_top (GlossHistory *self,
          GPtrArray    *from,
          GPtrArray    *to,
          gboolean      undo)
{
  Command *command;

  g_return_val_if_fail (self->group == NULL, FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (from->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (from, from->len - 1);
  self->busy = TRUE;
  if (undo)
    command_undo (command);
  else
    command_redo (command);
  self->busy = FALSE;
  g_ptr_array_add (to, command);
  update_state (self);

  return TRUE;
}

/**
 * gloss_history_undo:
 *
 * Returns: %TRUE if a command was undone
 */
gboolean
gloss_history_undo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return move_top (self, self->undo_stack, self->redo_stack, TRUE);
}

/**
 * gloss_history_redo:
 *
 * Returns: %TRUE if a command was redone
 */
gboolean
gloss_history_redo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return move_top (self, self->redo_stack, self->undo_stack, FALSE);
}

gboolean
gloss_history_get_can_undo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
gloss_history_get_can_redo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * gloss_history_get_undo_label:
 *
 * Returns: (nullable): the label of the command undo would revert
 */
const char *
gloss_history_get_undo_label (GlossHistory *self)
{
  Command *top;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  top = top_of (self->undo_stack);
  return top != NULL ? top->label : NULL;
}

/**
 * gloss_history_get_redo_label:
 *
 * Returns: (nullable): the label of the command redo would perform
 */
const char *
gloss_history_get_redo_label (GlossHistory *self)
{
  Command *top;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  top = top_of (self->redo_stack);
  return top != NULL ? top->label : NULL;
}

/**
 * gloss_history_is_busy:
 *
 * Returns: %TRUE while a command is being undone or redone
 */
gboolean
gloss_history_is_busy (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->busy;
}

/**
 * gloss_history_get_checkpoint:
 *
 * Returns: a value naming the current state, for gloss_history_set_clean_at()
 */
guint64
gloss_history_get_checkpoint (GlossHistory *self)
{
  Command *top;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), 0);

  top = top_of (self->undo_stack);
  return top != NULL ? top->serial : 0;
}

/**
 * gloss_history_get_clean:
 *
 * Returns: %TRUE if the history is in the state last marked clean (saved)
 */
gboolean
gloss_history_get_clean (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return gloss_history_get_checkpoint (self) == self->clean_serial;
}

/**
 * gloss_history_set_clean_at:
 * @checkpoint: from gloss_history_get_checkpoint()
 *
 * Marks the state of @checkpoint as saved, for saves that finish after
 * further edits were made.
 */
void
gloss_history_set_clean_at (GlossHistory *self,
                            guint64       checkpoint)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  self->clean_serial = checkpoint;
  update_state (self);
}

void
gloss_history_set_clean (GlossHistory *self)
{
  gloss_history_set_clean_at (self, gloss_history_get_checkpoint (self));
}

/**
 * gloss_history_clear:
 *
 * Forgets every command, keeping whether the current state is clean.
 */
void
gloss_history_clear (GlossHistory *self)
{
  gboolean clean;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL && !self->busy);

  clean = gloss_history_get_clean (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->clean_serial = clean ? 0 : NEVER_CLEAN;
  update_state (self);
}
