/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-history.h"

/* A command that appends or removes a letter of a string. */
typedef struct
{
  GString *target;
  char     letter;
  int     *freed;
} Letter;

static void
letter_undo (gpointer data)
{
  Letter *letter = data;

  g_assert_cmpint (letter->target->str[letter->target->len - 1], ==, letter->letter);
  g_string_truncate (letter->target, letter->target->len - 1);
}

static void
letter_redo (gpointer data)
{
  Letter *letter = data;

  g_string_append_c (letter->target, letter->letter);
}

static void
letter_free (gpointer data)
{
  Letter *letter = data;

  if (letter->freed != NULL)
    (*letter->freed)++;
  g_free (letter);
}

static void
type (GlossHistory *history,
      GString      *target,
      char          c,
      int          *freed)
{
  Letter *letter = g_new0 (Letter, 1);
  g_autofree char *label = g_strdup_printf ("Type %c", c);

  letter->target = target;
  letter->letter = c;
  letter->freed = freed;
  letter_redo (letter);
  gloss_history_push (history, label, letter_undo, letter_redo, letter, letter_free);
}

static void
test_undo_redo (void)
{
  g_autoptr(GlossHistory) history = gloss_history_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  int freed = 0;

  g_assert_false (gloss_history_get_can_undo (history));
  g_assert_false (gloss_history_undo (history));
  type (history, text, 'a', &freed);
  type (history, text, 'b', &freed);
  g_assert_cmpstr (text->str, ==, "ab");
  g_assert_cmpstr (gloss_history_get_undo_label (history), ==, "Type b");

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpstr (text->str, ==, "a");
  g_assert_true (gloss_history_get_can_redo (history));
  g_assert_cmpstr (gloss_history_get_redo_label (history), ==, "Type b");
  g_assert_true (gloss_history_redo (history));
  g_assert_cmpstr (text->str, ==, "ab");
  g_assert_false (gloss_history_redo (history));

  /* a new command drops what could be redone */
  gloss_history_undo (history);
  type (history, text, 'c', &freed);
  g_assert_cmpint (freed, ==, 1);
  g_assert_false (gloss_history_get_can_redo (history));
  g_assert_cmpstr (text->str, ==, "ac");
}

static void
test_groups (void)
{
  g_autoptr(GlossHistory) history = gloss_history_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  gloss_history_begin_group (history, "Word");
  type (history, text, 'x', NULL);
  gloss_history_begin_group (history, "Inner");
  type (history, text, 'y', NULL);
  gloss_history_end_group (history);
  g_assert_false (gloss_history_get_can_undo (history));
  type (history, text, 'z', NULL);
  gloss_history_end_group (history);

  g_assert_cmpstr (gloss_history_get_undo_label (history), ==, "Word");
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpstr (text->str, ==, "");
  g_assert_false (gloss_history_get_can_undo (history));
  g_assert_true (gloss_history_redo (history));
  g_assert_cmpstr (text->str, ==, "xyz");

  /* an empty group leaves no step */
  gloss_history_begin_group (history, "Nothing");
  gloss_history_end_group (history);
  g_assert_cmpstr (gloss_history_get_undo_label (history), ==, "Word");
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
test_clean (void)
{
  g_autoptr(GlossHistory) history = gloss_history_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint64 checkpoint;
  int notified = 0;

  g_signal_connect (history, "notify::clean", G_CALLBACK (notify_cb), &notified);
  g_assert_true (gloss_history_get_clean (history));
  type (history, text, 'a', NULL);
  g_assert_false (gloss_history_get_clean (history));
  g_assert_cmpint (notified, ==, 1);
  gloss_history_set_clean (history);
  g_assert_true (gloss_history_get_clean (history));
  g_assert_cmpint (notified, ==, 2);

  type (history, text, 'b', NULL);
  g_assert_false (gloss_history_get_clean (history));
  gloss_history_undo (history);
  g_assert_true (gloss_history_get_clean (history));
  gloss_history_undo (history);
  g_assert_false (gloss_history_get_clean (history));
  gloss_history_redo (history);
  g_assert_true (gloss_history_get_clean (history));

  /* a save that finishes after a later edit marks the state it saved */
  checkpoint = gloss_history_get_checkpoint (history);
  type (history, text, 'c', NULL);
  gloss_history_set_clean_at (history, checkpoint);
  g_assert_false (gloss_history_get_clean (history));
  gloss_history_undo (history);
  g_assert_true (gloss_history_get_clean (history));

  /* once the saved state is dropped from redo, it cannot come back */
  type (history, text, 'd', NULL);
  gloss_history_undo (history);
  gloss_history_undo (history);
  g_assert_false (gloss_history_get_clean (history));
  type (history, text, 'e', NULL);
  g_assert_false (gloss_history_get_clean (history));

  gloss_history_clear (history);
  g_assert_false (gloss_history_get_can_undo (history));
  g_assert_false (gloss_history_get_clean (history));
  gloss_history_set_clean (history);
  gloss_history_clear (history);
  g_assert_true (gloss_history_get_clean (history));
}

static void
test_coalesce (void)
{
  g_autoptr(GlossHistory) history = gloss_history_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_null (gloss_history_peek_undo_data (history, letter_undo));
  type (history, text, 'a', NULL);
  g_assert_nonnull (gloss_history_peek_undo_data (history, letter_undo));
  g_assert_null (gloss_history_peek_undo_data (history, letter_redo));

  gloss_history_set_clean (history);
  g_assert_null (gloss_history_peek_undo_data (history, letter_undo));
  type (history, text, 'b', NULL);
  gloss_history_undo (history);
  g_assert_null (gloss_history_peek_undo_data (history, letter_undo));
}

typedef struct
{
  GlossHistory *history;
  GString      *text;
  int           freed;
} Reentrant;

static void
reentrant_do (gpointer data)
{
  Reentrant *reentrant = data;

  g_assert_true (gloss_history_is_busy (reentrant->history));
  /* pushes while undoing are ignored, and their data freed */
  type (reentrant->history, reentrant->text, 'q', &reentrant->freed);
}

static void
test_busy (void)
{
  g_autoptr(GlossHistory) history = gloss_history_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  Reentrant reentrant = { history, text, 0 };

  gloss_history_push (history, "R", reentrant_do, reentrant_do, &reentrant, NULL);
  g_assert_false (gloss_history_is_busy (history));
  gloss_history_undo (history);
  g_assert_cmpint (reentrant.freed, ==, 1);
  g_assert_false (gloss_history_get_can_undo (history));
  g_assert_true (gloss_history_get_can_redo (history));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/history/undo-redo", test_undo_redo);
  g_test_add_func ("/gloss/core/history/groups", test_groups);
  g_test_add_func ("/gloss/core/history/clean", test_clean);
  g_test_add_func ("/gloss/core/history/coalesce", test_coalesce);
  g_test_add_func ("/gloss/core/history/busy", test_busy);

  return g_test_run ();
}
