/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss-claim-editor.h"
#include "ui-test-util.h"

/* An article written for these tests: Ilse Brandt (also "Brandt") makes
 * the claim, Piet de Vries disputes it. */
static const char article_text[] =
  "Mayor Ilse Brandt opened the Harbour Bridge on Monday. "
  "Brandt said the bridge cost 40 million euros.\n"
  "\n"
  "Piet de Vries, the council treasurer, put the cost at 52 million.\n";

static const char claim_text[] = "Brandt said the bridge cost 40 million euros.";

typedef struct
{
  char             *folder;
  GFile            *article;
  GlossDocument    *document;
  GlossHistory     *history;
  GlossEntity      *brandt;
  GlossEntity      *vries;
  GlossAnnotation  *claim;
  GtkWindow        *window;
  GlossClaimEditor *editor;
  guint             n_failures;
} Fixture;

static GlossEntity *
add_entity (GlossDocument *document,
            const char    *name)
{
  g_autoptr(GError) error = NULL;
  GlossEntity *entity = gloss_document_create_entity (document, name, "person", &error);

  g_assert_no_error (error);
  return entity;
}

static GlossAnnotation *
add_claim (GlossDocument *document,
           const char    *text)
{
  g_autoptr(GError) error = NULL;
  gint64 start = strstr (article_text, text) - article_text;
  GlossAnnotation *claim;

  /* The article is ASCII: bytes are code points. */
  claim = gloss_document_add_annotation (document, GLOSS_ANNOTATION_CLAIM, start,
                                         start + strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  return claim;
}

static void
fill_document (Fixture *fixture)
{
  const char *aliases[] = { "Brandt", "Mayor Brandt", NULL };
  g_autoptr(GError) error = NULL;

  gloss_document_set_author (fixture->document, "Ana Ruiz");
  fixture->brandt = add_entity (fixture->document, "Ilse Brandt");
  fixture->vries = add_entity (fixture->document, "Piet de Vries");
  g_assert_true (gloss_document_set_entity_aliases (fixture->document, fixture->brandt, aliases,
                                                    &error));
  g_assert_no_error (error);
  fixture->claim = add_claim (fixture->document, claim_text);

  /* What the tests do starts from here. */
  gloss_history_clear (fixture->history);
}

static void
edit_failed_cb (GlossClaimEditor *editor,
                const GError     *error,
                Fixture          *fixture)
{
  fixture->n_failures++;
}

static void
show_editor (Fixture *fixture)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->editor = GLOSS_CLAIM_EDITOR (gloss_claim_editor_new ());
  g_signal_connect (fixture->editor, "edit-failed", G_CALLBACK (edit_failed_cb), fixture);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->editor));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 420, 900);
  gtk_window_set_child (fixture->window, scrolled);
  gtk_window_present (fixture->window);
  ui_test_drain ();
}

static GlossDocument *
load (GFile *article)
{
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_document_load (article, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("gloss-claim-editor-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->article = ui_test_write_article (fixture->folder, "bridge.txt", article_text);
  fixture->document = load (fixture->article);
  fixture->history = gloss_document_get_history (fixture->document);
  fill_document (fixture);

  show_editor (fixture);
  gloss_claim_editor_set_claim (fixture->editor, fixture->document, fixture->claim);
  ui_test_drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  gtk_window_destroy (fixture->window);
  ui_test_drain ();
  g_clear_object (&fixture->document);

  test_remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_clear_object (&fixture->article);
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->editor), GLOSS_TYPE_CLAIM_EDITOR,
                                        name);
}

static AdwComboRow *
combo (Fixture    *fixture,
       const char *name)
{
  return ADW_COMBO_ROW (child (fixture, name));
}

static GtkEditable *
claimant_entry (Fixture *fixture)
{
  return GTK_EDITABLE (child (fixture, "claimant_entry"));
}

static GtkTextBuffer *
note_buffer (Fixture *fixture)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture, "note_view")));
}

static char *
note_shown (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (note_buffer (fixture), &start, &end);
  return gtk_text_buffer_get_text (note_buffer (fixture), &start, &end, FALSE);
}

static const char *
review_shown (Fixture *fixture)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child (fixture, "status_row")));
}

/* The first widget of @type below @widget (itself included) for which
 * @match holds. */
static GtkWidget *
find_widget (GtkWidget     *widget,
             GType          type,
             gboolean     (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer  data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
button_targets (GtkWidget     *button,
                gconstpointer  data)
{
  const char * const *action_and_target = data;
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                    action_and_target[0]) == 0 &&
         target != NULL && g_str_equal (g_variant_get_string (target, NULL), action_and_target[1]);
}

/* The button of a source's row that activates @action for it. */
static GtkWidget *
source_button (Fixture    *fixture,
               const char *action,
               const char *source)
{
  g_autofree char *detailed = g_strconcat ("claim-editor.", action, NULL);
  const char *action_and_target[] = { detailed, source };

  return find_widget (child (fixture, "source_list"), GTK_TYPE_BUTTON, button_targets,
                      action_and_target);
}

static guint
n_source_rows (Fixture *fixture)
{
  GtkWidget *list = child (fixture, "source_list");
  guint n = 0;

  if (!gtk_widget_get_visible (list))
    return 0;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += ADW_IS_ACTION_ROW (row);

  return n;
}

/* What Enter does in the text field of @entry: GtkText binds it to "activate". */
static void
press_enter (GtkWidget *entry)
{
  GtkWidget *text = find_widget (entry, GTK_TYPE_TEXT, NULL, NULL);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

/* Types @text into the claimant entry, as a person would, and presses Enter. */
static void
enter_claimant (Fixture    *fixture,
                const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (claimant_entry (fixture)));
  gtk_editable_set_text (claimant_entry (fixture), "");
  gtk_editable_insert_text (claimant_entry (fixture), text, -1, &(int) { 0 });
  press_enter (GTK_WIDGET (claimant_entry (fixture)));
}

/* Types @text into the source row and presses Enter in it. */
static void
enter_source (Fixture    *fixture,
              const char *text)
{
  GtkWidget *row = child (fixture, "source_entry");

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  press_enter (row);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Types @text at the end of the note. */
static void
type_note (Fixture    *fixture,
           const char *text)
{
  GtkTextIter end;

  gtk_widget_grab_focus (child (fixture, "note_view"));
  gtk_text_buffer_get_end_iter (note_buffer (fixture), &end);
  gtk_text_buffer_insert_interactive (note_buffer (fixture), &end, text, -1, TRUE);
}

static void
leave_note (Fixture *fixture)
{
  gtk_widget_grab_focus (GTK_WIDGET (combo (fixture, "verdict_row")));
}

static gboolean
note_is (gpointer      data,
         gconstpointer note)
{
  Fixture *fixture = data;

  return g_strcmp0 (gloss_annotation_get_note (fixture->claim), note) == 0;
}

static void
assert_undo_label (Fixture    *fixture,
                   const char *label)
{
  g_assert_cmpstr (gloss_history_get_undo_label (fixture->history), ==, label);
}

static void
test_shows_claim (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", claim_text);
  g_autofree char *note = note_shown (fixture);
  AdwComboRow *verdicts;

  g_assert_true (gloss_claim_editor_get_claim (fixture->editor) == fixture->claim);
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "quote_label")), ==, quoted);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (fixture, "status_row")), ==,
                    GLOSS_CLAIM_UNREVIEWED);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (fixture, "verdict_row")), ==,
                    GLOSS_VERDICT_NONE);
  verdicts = combo (fixture, "verdict_row");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (verdicts)), ==,
                   "No verdict");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (verdicts)), ==, 8);
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "");
  g_assert_cmpstr (note, ==, "");
  g_assert_cmpuint (n_source_rows (fixture), ==, 0);
  g_assert_cmpstr (review_shown (fixture), ==, "");
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "status_row")));
  /* showing the claim is not an edit */
  g_assert_false (gloss_history_get_can_undo (fixture->history));
}

static void
test_status_and_verdict (Fixture       *fixture,
                         gconstpointer  data)
{
  adw_combo_row_set_selected (combo (fixture, "status_row"), GLOSS_CLAIM_IN_REVIEW);
  g_assert_cmpint (gloss_annotation_get_status (fixture->claim), ==, GLOSS_CLAIM_IN_REVIEW);
  assert_undo_label (fixture, "Change claim status");
  g_assert_null (gloss_annotation_get_reviewer (fixture->claim));

  adw_combo_row_set_selected (combo (fixture, "verdict_row"), GLOSS_VERDICT_MOSTLY_FALSE);
  g_assert_cmpint (gloss_annotation_get_verdict (fixture->claim), ==, GLOSS_VERDICT_MOSTLY_FALSE);
  assert_undo_label (fixture, "Change verdict");

  adw_combo_row_set_selected (combo (fixture, "status_row"), GLOSS_CLAIM_REVIEWED);
  g_assert_cmpint (gloss_annotation_get_status (fixture->claim), ==, GLOSS_CLAIM_REVIEWED);
  g_assert_cmpstr (gloss_annotation_get_reviewer (fixture->claim), ==, "Ana Ruiz");
  g_assert_nonnull (gloss_annotation_get_reviewed (fixture->claim));
  g_assert_true (g_str_has_prefix (review_shown (fixture), "Reviewed by Ana Ruiz on "));

  /* each change one step, nothing fed back */
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (adw_combo_row_get_selected (combo (fixture, "status_row")), ==,
                    GLOSS_CLAIM_IN_REVIEW);
  g_assert_cmpstr (review_shown (fixture), ==, "");
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (adw_combo_row_get_selected (combo (fixture, "verdict_row")), ==,
                    GLOSS_VERDICT_NONE);
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (adw_combo_row_get_selected (combo (fixture, "status_row")), ==,
                    GLOSS_CLAIM_UNREVIEWED);
  g_assert_false (gloss_history_get_can_undo (fixture->history));
  g_assert_cmpint (gloss_annotation_get_status (fixture->claim), ==, GLOSS_CLAIM_UNREVIEWED);

  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_cmpuint (adw_combo_row_get_selected (combo (fixture, "verdict_row")), ==,
                    GLOSS_VERDICT_MOSTLY_FALSE);
  g_assert_true (gloss_history_get_can_redo (fixture->history));
}

static void
test_review_date (Fixture       *fixture,
                  gconstpointer  data)
{
  /* as a sidecar written elsewhere would have it */
  gloss_annotation_set_reviewer (fixture->claim, "Ana Ruiz");
  gloss_annotation_set_reviewed (fixture->claim, "2026-05-18T12:00:00Z");
  g_assert_cmpstr (review_shown (fixture), ==, "Reviewed by Ana Ruiz on 18 May 2026");

  gloss_annotation_set_reviewer (fixture->claim, NULL);
  g_assert_cmpstr (review_shown (fixture), ==, "Reviewed on 18 May 2026");
  gloss_annotation_set_reviewer (fixture->claim, "Lena Ortiz");
  gloss_annotation_set_reviewed (fixture->claim, NULL);
  g_assert_cmpstr (review_shown (fixture), ==, "Reviewed by Lena Ortiz");
}

static void
test_claimant (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* an alias, in other case, names the entity: stored as its id, shown by name */
  enter_claimant (fixture, "mayor brandt");
  g_assert_cmpstr (gloss_annotation_get_claimant (fixture->claim), ==,
                   gloss_entity_get_id (fixture->brandt));
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "Ilse Brandt");
  assert_undo_label (fixture, "Change claimant");

  enter_claimant (fixture, "  Piet de Vries ");
  g_assert_cmpstr (gloss_annotation_get_claimant (fixture->claim), ==,
                   gloss_entity_get_id (fixture->vries));

  /* anyone else is kept as typed */
  enter_claimant (fixture, "The harbour authority");
  g_assert_cmpstr (gloss_annotation_get_claimant (fixture->claim), ==, "The harbour authority");
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "The harbour authority");

  /* leaving the entry saves too */
  gtk_widget_grab_focus (GTK_WIDGET (claimant_entry (fixture)));
  gtk_editable_set_text (claimant_entry (fixture), "Ilse Brandt");
  g_assert_cmpstr (gloss_annotation_get_claimant (fixture->claim), ==, "The harbour authority");
  gtk_widget_grab_focus (child (fixture, "note_view"));
  g_assert_cmpstr (gloss_annotation_get_claimant (fixture->claim), ==,
                   gloss_entity_get_id (fixture->brandt));

  /* renaming the entity shows at once */
  g_assert_true (gloss_document_rename_entity (fixture->document, fixture->brandt,
                                               "Ilse Brandt-Kohl", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "Ilse Brandt-Kohl");

  /* undo of the rename and of the claimant, through the editor's view */
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "Ilse Brandt");
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "The harbour authority");
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "Ilse Brandt");
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "");
  g_assert_null (gloss_annotation_get_claimant (fixture->claim));
  g_assert_false (gloss_history_get_can_undo (fixture->history));

  /* clearing the entry clears the claimant */
  enter_claimant (fixture, "Piet de Vries");
  enter_claimant (fixture, "");
  g_assert_null (gloss_annotation_get_claimant (fixture->claim));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_claimant_completion (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkEntryCompletion *completion = gtk_entry_get_completion (GTK_ENTRY (claimant_entry (fixture)));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkTreeIter iter, alias;
  GtkTreeModel *model;
  gboolean handled = FALSE;

  /* the names and aliases of the entities, taken when the entry is entered */
  g_assert_nonnull (completion);
  gtk_widget_grab_focus (GTK_WIDGET (claimant_entry (fixture)));
  model = gtk_entry_completion_get_model (completion);
  for (gboolean valid = gtk_tree_model_get_iter_first (model, &iter); valid;
       valid = gtk_tree_model_iter_next (model, &iter))
    {
      char *name = NULL;

      gtk_tree_model_get (model, &iter, 0, &name, -1);
      if (g_str_equal (name, "Brandt"))
        alias = iter;
      g_ptr_array_add (names, name);
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  g_assert_cmpstrv ((char **) names->pdata,
                    ((const char *[]) { "Brandt", "Ilse Brandt", "Mayor Brandt", "Piet de Vries",
                                        NULL }));

  /* picking "Brandt" from the list names Ilse Brandt */
  g_signal_emit_by_name (completion, "match-selected", model, &alias, &handled);
  g_assert_true (handled);
  g_assert_cmpstr (gloss_annotation_get_claimant (fixture->claim), ==,
                   gloss_entity_get_id (fixture->brandt));
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "Ilse Brandt");
}

static void
test_note (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *shown = NULL;

  /* saved after a pause, and the pauses of one stretch are one step */
  type_note (fixture, "Minutes of 3 March");
  g_assert_null (gloss_annotation_get_note (fixture->claim));
  ui_test_wait_for (note_is, fixture, "Minutes of 3 March");
  type_note (fixture, " give 52 million.");
  ui_test_wait_for (note_is, fixture, "Minutes of 3 March give 52 million.");
  leave_note (fixture);
  assert_undo_label (fixture, "Edit note");
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_false (gloss_history_get_can_undo (fixture->history));
  g_assert_null (gloss_annotation_get_note (fixture->claim));
  shown = note_shown (fixture);
  g_assert_cmpstr (shown, ==, "");
  g_clear_pointer (&shown, g_free);

  g_assert_true (gloss_history_redo (fixture->history));
  shown = note_shown (fixture);
  g_assert_cmpstr (shown, ==, "Minutes of 3 March give 52 million.");

  /* leaving saves at once; a new stretch is a new step */
  type_note (fixture, "\nAsk the treasurer.");
  leave_note (fixture);
  g_assert_cmpstr (gloss_annotation_get_note (fixture->claim), ==,
                   "Minutes of 3 March give 52 million.\nAsk the treasurer.");
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpstr (gloss_annotation_get_note (fixture->claim), ==,
                   "Minutes of 3 March give 52 million.");
  g_assert_true (gloss_history_get_can_undo (fixture->history));

  /* a save of the document ends the stretch: what was saved stays a step */
  type_note (fixture, " Checked.");
  gloss_claim_editor_commit (fixture->editor);
  g_assert_true (gloss_document_save (fixture->document, NULL, NULL));
  type_note (fixture, " Twice.");
  leave_note (fixture);
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpstr (gloss_annotation_get_note (fixture->claim), ==,
                   "Minutes of 3 March give 52 million. Checked.");
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  const char *url = "https://council.example.org/minutes/2026-03-03";
  const char *citation = "Council minutes, 3 March 2026, p. 4";
  GtkWidget *add_button = child (fixture, "add_button");
  const char * const *sources;

  g_assert_false (gtk_widget_is_sensitive (add_button));
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "source_entry")), "  ");
  g_assert_false (gtk_widget_is_sensitive (add_button));

  /* typed and added with the button */
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "source_entry")), url);
  click (add_button);
  sources = gloss_annotation_get_sources (fixture->claim);
  g_assert_cmpstrv (sources, ((const char *[]) { url, NULL }));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "source_entry"))), ==, "");
  assert_undo_label (fixture, "Change sources");

  /* typed and entered, trimmed; a repeat is not added twice */
  enter_source (fixture, "  Council minutes, 3 March 2026, p. 4 ");
  enter_source (fixture, url);
  sources = gloss_annotation_get_sources (fixture->claim);
  g_assert_cmpstrv (sources, ((const char *[]) { url, citation, NULL }));
  g_assert_cmpuint (n_source_rows (fixture), ==, 2);

  /* web addresses open in the browser; citations cannot */
  g_assert_nonnull (source_button (fixture, "open-source", url));
  g_assert_null (source_button (fixture, "open-source", citation));

  click (source_button (fixture, "remove-source", url));
  sources = gloss_annotation_get_sources (fixture->claim);
  g_assert_cmpstrv (sources, ((const char *[]) { citation, NULL }));
  g_assert_cmpuint (n_source_rows (fixture), ==, 1);

  /* undo follows in the list */
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (n_source_rows (fixture), ==, 2);
  g_assert_nonnull (source_button (fixture, "remove-source", url));
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (n_source_rows (fixture), ==, 0);
  g_assert_false (gloss_history_get_can_undo (fixture->history));
}

/* Every field through the widgets, saved, read back from disk. */
static void
test_save_and_reload (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *claim;
  g_autofree char *shown = NULL;

  adw_combo_row_set_selected (combo (fixture, "status_row"), GLOSS_CLAIM_REVIEWED);
  adw_combo_row_set_selected (combo (fixture, "verdict_row"), GLOSS_VERDICT_MISLEADING);
  enter_claimant (fixture, "Brandt");
  type_note (fixture, "The minutes say 52 million.");
  enter_source (fixture, "https://council.example.org/minutes");
  enter_source (fixture, "Interview with the treasurer");
  g_assert_true (gloss_document_save (fixture->document, NULL, &error));
  g_assert_no_error (error);

  reloaded = load (fixture->article);
  claim = gloss_document_lookup_annotation (reloaded, gloss_annotation_get_id (fixture->claim));
  g_assert_nonnull (claim);
  g_assert_cmpint (gloss_annotation_get_status (claim), ==, GLOSS_CLAIM_REVIEWED);
  g_assert_cmpint (gloss_annotation_get_verdict (claim), ==, GLOSS_VERDICT_MISLEADING);
  g_assert_cmpstr (gloss_annotation_get_claimant (claim), ==,
                   gloss_entity_get_id (fixture->brandt));
  g_assert_cmpstr (gloss_annotation_get_note (claim), ==, "The minutes say 52 million.");
  g_assert_cmpstrv (gloss_annotation_get_sources (claim),
                    ((const char *[]) { "https://council.example.org/minutes",
                                        "Interview with the treasurer", NULL }));
  g_assert_cmpstr (gloss_annotation_get_reviewer (claim), ==, "Ana Ruiz");
  g_assert_cmpstr (gloss_annotation_get_reviewed (claim), ==,
                   gloss_annotation_get_reviewed (fixture->claim));

  /* and the editor shows the reloaded claim the same way */
  gloss_claim_editor_set_claim (fixture->editor, reloaded, claim);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (fixture, "verdict_row")), ==,
                    GLOSS_VERDICT_MISLEADING);
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "Ilse Brandt");
  shown = note_shown (fixture);
  g_assert_cmpstr (shown, ==, "The minutes say 52 million.");
  g_assert_cmpuint (n_source_rows (fixture), ==, 2);
  g_assert_true (g_str_has_prefix (review_shown (fixture), "Reviewed by Ana Ruiz on "));
  g_assert_false (gloss_history_get_can_undo (gloss_document_get_history (reloaded)));
  gloss_claim_editor_set_claim (fixture->editor, NULL, NULL);
}

static void
test_switch_claims (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossAnnotation *other = add_claim (fixture->document, "Piet de Vries, the council treasurer");
  g_autofree char *shown = NULL;

  /* what was typed belongs to the claim it was typed for */
  type_note (fixture, "Typed for the first claim");
  gloss_claim_editor_set_claim (fixture->editor, fixture->document, other);
  g_assert_cmpstr (gloss_annotation_get_note (fixture->claim), ==, "Typed for the first claim");
  g_assert_null (gloss_annotation_get_note (other));
  shown = note_shown (fixture);
  g_assert_cmpstr (shown, ==, "");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (child (fixture, "quote_label")),
                                   "“Piet de Vries"));

  /* a claim changed while another is shown does not reach the editor */
  adw_combo_row_set_selected (combo (fixture, "verdict_row"), GLOSS_VERDICT_TRUE);
  g_assert_cmpint (gloss_annotation_get_verdict (other), ==, GLOSS_VERDICT_TRUE);
  g_assert_cmpint (gloss_annotation_get_verdict (fixture->claim), ==, GLOSS_VERDICT_NONE);
  gloss_annotation_set_verdict (fixture->claim, GLOSS_VERDICT_FALSE);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (fixture, "verdict_row")), ==,
                    GLOSS_VERDICT_TRUE);
}

static gboolean
editor_is_empty (gpointer      data,
                 gconstpointer unused)
{
  Fixture *fixture = data;

  return gloss_claim_editor_get_claim (fixture->editor) == NULL;
}

static void
test_empty_and_removed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  enter_claimant (fixture, "Brandt");
  gloss_claim_editor_set_claim (fixture->editor, NULL, NULL);
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "fields_box")));
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "quote_label")), ==, "No claim selected");
  g_assert_cmpstr (gtk_editable_get_text (claimant_entry (fixture)), ==, "");

  /* a claim deleted elsewhere leaves the editor; what was typed goes nowhere */
  gloss_claim_editor_set_claim (fixture->editor, fixture->document, fixture->claim);
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "fields_box")));
  type_note (fixture, "Never saved");
  g_assert_true (gloss_document_remove_annotation (fixture->document, fixture->claim, &error));
  g_assert_no_error (error);
  ui_test_wait_for (editor_is_empty, fixture, NULL);
  shown = note_shown (fixture);
  g_assert_cmpstr (shown, ==, "");
  g_assert_null (gloss_annotation_get_note (fixture->claim));
  assert_undo_label (fixture, "Remove annotation");

  /* a claim that only moves stays */
  g_assert_true (gloss_history_undo (fixture->history));
  gloss_claim_editor_set_claim (fixture->editor, fixture->document, fixture->claim);
  g_assert_true (gloss_document_set_annotation_range (fixture->document, fixture->claim, 0, 54,
                                                      &error));
  g_assert_no_error (error);
  ui_test_drain ();
  g_assert_true (gloss_claim_editor_get_claim (fixture->editor) == fixture->claim);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (child (fixture, "quote_label")),
                                   "“Mayor Ilse"));
}

/* A sidecar from a newer Gloss opens read-only: the claim is shown, not editable. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) json = NULL;
  g_autoptr(GlossDocument) newer = NULL;
  g_autofree char *path = g_strconcat (g_file_peek_path (fixture->article), ".gloss.json", NULL);
  GlossAnnotation *claim;

  enter_source (fixture, "https://council.example.org/minutes");
  bytes = gloss_document_save_sidecar_to_bytes (fixture->document);
  json = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (json, "\"version\": 1", "\"version\": 99", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));

  newer = load (fixture->article);
  g_assert_true (gloss_document_get_read_only (newer));
  claim = gloss_document_lookup_annotation (newer, gloss_annotation_get_id (fixture->claim));
  gloss_claim_editor_set_claim (fixture->editor, newer, claim);
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "fields_box")));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "status_row")));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "verdict_row")));
  g_assert_false (gtk_editable_get_editable (claimant_entry (fixture)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (child (fixture, "note_view"))));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "source_entry")));
  g_assert_false (gtk_widget_is_sensitive (source_button (fixture, "remove-source",
                                                          "https://council.example.org/minutes")));
  /* the source can still be opened */
  g_assert_true (gtk_widget_is_sensitive (source_button (fixture, "open-source",
                                                         "https://council.example.org/minutes")));
  gloss_claim_editor_set_claim (fixture->editor, NULL, NULL);
}

static gboolean
has_mnemonic (GtkWidget     *label,
              gconstpointer  data)
{
  return gtk_label_get_mnemonic_keyval (GTK_LABEL (label)) != GDK_KEY_VoidSymbol;
}

/* Tab reaches every control, in reading order. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  const char *url = "https://council.example.org/minutes";
  GtkWidget *expected[6];
  GtkWidget *title;
  GtkLabel *heading;
  guint next = 0;

  enter_source (fixture, url);
  expected[0] = child (fixture, "status_row");
  expected[1] = child (fixture, "verdict_row");
  expected[2] = GTK_WIDGET (claimant_entry (fixture));
  expected[3] = child (fixture, "note_view");
  expected[4] = source_button (fixture, "remove-source", url);
  expected[5] = child (fixture, "add_button");
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "source_entry")), "Minutes");

  gtk_window_set_focus (fixture->window, NULL);
  for (guint i = 0; i < 40 && next < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
      focus = gtk_window_get_focus (fixture->window);
      if (focus == expected[next] || gtk_widget_is_ancestor (focus, expected[next]))
        next++;
    }
  g_assert_cmpuint (next, ==, G_N_ELEMENTS (expected));

  /* Tab in the note moves on rather than typing a tab */
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (child (fixture, "note_view"))));
  /* labels with mnemonics, and names for screen readers */
  heading = child (fixture, "note_heading");
  g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (heading)), ==, GDK_KEY_n);
  g_assert_true (gtk_widget_mnemonic_activate (GTK_WIDGET (heading), FALSE));
  g_assert_true (gtk_widget_has_focus (child (fixture, "note_view")));
  title = find_widget (child (fixture, "claimant_row"), GTK_TYPE_LABEL, has_mnemonic, NULL);
  g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (title))), ==,
                    GDK_KEY_c);
  g_assert_true (gtk_widget_mnemonic_activate (title, FALSE));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (fixture->window),
                                         GTK_WIDGET (claimant_entry (fixture))));
  g_assert_true (adw_preferences_row_get_use_underline (child (fixture, "status_row")));
  g_assert_true (adw_preferences_row_get_use_underline (child (fixture, "verdict_row")));
  g_assert_true (adw_preferences_row_get_use_underline (child (fixture, "claimant_row")));
  g_assert_true (adw_preferences_row_get_use_underline (child (fixture, "source_entry")));
}

int
main (int   argc,
      char *argv[])
{
  /* Month names and review days as the assertions spell them. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gloss/ui/claim-editor/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("shows-claim", test_shows_claim);
  ADD ("status-and-verdict", test_status_and_verdict);
  ADD ("review-date", test_review_date);
  ADD ("claimant", test_claimant);
  ADD ("claimant-completion", test_claimant_completion);
  ADD ("note", test_note);
  ADD ("sources", test_sources);
  ADD ("save-and-reload", test_save_and_reload);
  ADD ("switch-claims", test_switch_claims);
  ADD ("empty-and-removed", test_empty_and_removed);
  ADD ("read-only", test_read_only);
  ADD ("keyboard", test_keyboard);

  return g_test_run ();
}
