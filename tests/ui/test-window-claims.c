/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ui-test-util.h"

/* A fact-checker's keys: mark claims, widen them to whole sentences
 * (also where a scraper glued sentences together), and walk from one
 * claim to review to the next. */

static const char article_text[] =
  "The council voted on Tuesday.The bridge will cost 40 million euros. Critics disagree.\n"
  "\n"
  "The mayor said traffic would fall by a third.\n";

typedef struct
{
  char        *folder;
  GlossWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) article = NULL;

  fixture->folder = g_dir_make_tmp ("gloss-claims-XXXXXX", NULL);
  article = ui_test_write_article (fixture->folder, "vote.txt", article_text);
  fixture->window = ui_test_open_window (article);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_close_window (fixture->window);
  test_remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static void
select_text (Fixture    *fixture,
             const char *text)
{
  ui_test_select_text (fixture->window, text);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
}

static GListModel *
annotations_of (Fixture *fixture)
{
  return gloss_document_get_annotations (gloss_window_get_document (fixture->window));
}

static GlossAnnotation *
claim_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(GlossAnnotation) claim = g_list_model_get_item (annotations_of (fixture), position);

  g_assert_cmpint (gloss_annotation_get_kind (claim), ==, GLOSS_ANNOTATION_CLAIM);
  return claim;
}

static char *
selected_text (Fixture *fixture)
{
  GtkTextBuffer *buffer = gloss_window_get_buffer (fixture->window);
  GtkTextIter start, end;

  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  return gtk_text_iter_get_text (&start, &end);
}

static void
test_claims_mark_by_key (Fixture       *fixture,
                         gconstpointer  data)
{
  GlossAnnotation *claim;

  select_text (fixture, "40 million euros");
  activate (fixture, "win.mark-claim");

  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (fixture)), ==, 1);
  claim = claim_at (fixture, 0);
  g_assert_cmpstr (gloss_annotation_get_quote (claim), ==, "40 million euros");
  g_assert_cmpint (gloss_annotation_get_status (claim), ==, GLOSS_CLAIM_UNREVIEWED);
  g_assert_cmpint (gloss_annotation_get_verdict (claim), ==, GLOSS_VERDICT_NONE);

  activate (fixture, "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (fixture)), ==, 0);
}

static void
test_claims_widen_to_sentence (Fixture       *fixture,
                               gconstpointer  data)
{
  select_text (fixture, "40 million");
  activate (fixture, "win.mark-claim-sentence");
  g_assert_cmpstr (gloss_annotation_get_quote (claim_at (fixture, 0)), ==,
                   "The bridge will cost 40 million euros.");

  select_text (fixture, "traffic");
  activate (fixture, "win.mark-claim-sentence");
  g_assert_cmpstr (gloss_annotation_get_quote (claim_at (fixture, 1)), ==,
                   "The mayor said traffic would fall by a third.");
}

static void
test_claims_widen_across_glued_sentences (Fixture       *fixture,
                                          gconstpointer  data)
{
  select_text (fixture, "voted");
  activate (fixture, "win.mark-claim-sentence");
  g_assert_cmpstr (gloss_annotation_get_quote (claim_at (fixture, 0)), ==,
                   "The council voted on Tuesday.");
}

static void
test_claims_next_to_review (Fixture       *fixture,
                            gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (fixture->window);
  GtkTextBuffer *buffer = gloss_window_get_buffer (fixture->window);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  GtkTextIter start;

  select_text (fixture, "40 million euros");
  activate (fixture, "win.mark-claim");
  select_text (fixture, "fall by a third");
  activate (fixture, "win.mark-claim");

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  activate (fixture, "win.next-claim");
  first = selected_text (fixture);
  g_assert_cmpstr (first, ==, "40 million euros");

  g_assert_true (gloss_document_set_claim_status (document, claim_at (fixture, 0),
                                                  GLOSS_CLAIM_REVIEWED, NULL));
  activate (fixture, "win.next-claim");
  second = selected_text (fixture);
  g_assert_cmpstr (second, ==, "fall by a third");

  /* The reviewed claim is passed over when the search wraps around. */
  activate (fixture, "win.next-claim");
  again = selected_text (fixture);
  g_assert_cmpstr (again, ==, "fall by a third");
}

static void
test_claims_review_by_keyboard (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *focus;

  select_text (fixture, "40 million euros");
  activate (fixture, "win.mark-claim");
  activate (fixture, "win.review-claim");

  /* Focus has moved into the claim editor of the side panel. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, g_type_from_name ("GlossClaimEditor")));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gloss/ui/claims/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("mark-by-key", test_claims_mark_by_key);
  ADD ("widen-to-sentence", test_claims_widen_to_sentence);
  ADD ("widen-across-glued-sentences", test_claims_widen_across_glued_sentences);
  ADD ("next-to-review", test_claims_next_to_review);
  ADD ("review-by-keyboard", test_claims_review_by_keyboard);

#undef ADD

  return g_test_run ();
}
