/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * GlossHistoryFunc:
 * @data: the command's data, as given to gloss_history_push()
 *
 * Undoes or redoes one command. It must not push commands itself:
 * while it runs, gloss_history_is_busy() is %TRUE and pushes are ignored.
 */
typedef void (*GlossHistoryFunc) (gpointer data);

#define GLOSS_TYPE_HISTORY (gloss_history_get_type ())

G_DECLARE_FINAL_TYPE (GlossHistory, gloss_history, GLOSS, HISTORY, GObject)

GlossHistory *gloss_history_new                (void);
void          gloss_history_push               (GlossHistory     *self,
                                                const char       *label,
                                                GlossHistoryFunc  undo,
                                                GlossHistoryFunc  redo,
                                                gpointer          data,
                                                GDestroyNotify    free_data);
gpointer      gloss_history_peek_undo_data     (GlossHistory     *self,
                                                GlossHistoryFunc  undo);
void          gloss_history_begin_group        (GlossHistory     *self,
                                                const char       *label);
void          gloss_history_end_group          (GlossHistory     *self);
gboolean      gloss_history_undo               (GlossHistory     *self);
gboolean      gloss_history_redo               (GlossHistory     *self);
gboolean      gloss_history_get_can_undo       (GlossHistory     *self);
gboolean      gloss_history_get_can_redo       (GlossHistory     *self);
const char   *gloss_history_get_undo_label     (GlossHistory     *self);
const char   *gloss_history_get_redo_label     (GlossHistory     *self);
gboolean      gloss_history_is_busy            (GlossHistory     *self);
gboolean      gloss_history_get_clean          (GlossHistory     *self);
void          gloss_history_set_clean          (GlossHistory     *self);
guint64       gloss_history_get_checkpoint     (GlossHistory     *self);
void          gloss_history_set_clean_at       (GlossHistory     *self,
                                                guint64           checkpoint);
void          gloss_history_clear              (GlossHistory     *self);

G_END_DECLS
