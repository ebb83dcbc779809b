/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-claim-editor.h"
#include "gloss-document-buffer.h"
#include "gloss-window.h"
#include "ui-test-util.h"

/* An article written for these tests: "Brandt" occurs three times. */
static const char article_text[] =
  "Mayor Ilse Brandt opened the bridge on Monday.\n"
  "\n"
  "Brandt said the bridge cost 40 million euros. Critics of Brandt disagree.\n";

typedef UiTestWindow Fixture;

static void
fixture_open (Fixture *fixture)
{
  fixture->window = ui_test_open_window (fixture->article);
}

static void
fixture_close (Fixture *fixture)
{
  ui_test_close_window (fixture->window);
  fixture->window = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ui_test_window_set_up (fixture, "bridge.txt", article_text);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_window_tear_down (fixture);
}

static GtkTextBuffer *
buffer_of (Fixture *fixture)
{
  return gloss_window_get_buffer (fixture->window);
}

static void
select_offsets (Fixture *fixture,
                int      start,
                int      end)
{
  ui_test_select_range (fixture->window, start, end);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, parameter));
}

static GlossAnnotation *
annotation_at (Fixture *fixture,
               guint    position)
{
  GListModel *annotations = gloss_document_get_annotations (gloss_window_get_document (fixture->window));
  g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, position);

  return annotation;
}

static guint
n_annotations (Fixture *fixture)
{
  return g_list_model_get_n_items (gloss_document_get_annotations (gloss_window_get_document (fixture->window)));
}

static char *
buffer_text (Fixture *fixture)
{
  return ui_test_buffer_text (fixture->window);
}

static void
insert_at (Fixture    *fixture,
           int         offset,
           const char *text)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer_of (fixture), &iter, offset);
  gtk_text_buffer_insert_interactive (buffer_of (fixture), &iter, text, -1, TRUE);
}

static void
delete_between (Fixture *fixture,
                int      start,
                int      end)
{
  GtkTextIter iter_start, iter_end;

  gtk_text_buffer_get_iter_at_offset (buffer_of (fixture), &iter_start, start);
  gtk_text_buffer_get_iter_at_offset (buffer_of (fixture), &iter_end, end);
  gtk_text_buffer_delete_interactive (buffer_of (fixture), &iter_start, &iter_end, TRUE);
}

static void
sync_model (Fixture *fixture)
{
  gloss_document_buffer_sync (GLOSS_DOCUMENT_BUFFER (buffer_of (fixture)));
}

/* What a text view does with a key: one user action that replaces the
 * selection, if there is one, with the key's text. */
static void
type_key (Fixture    *fixture,
          const char *key)
{
  GtkTextBuffer *buffer = buffer_of (fixture);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, key, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
type_keys (Fixture    *fixture,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char key[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), key);
      type_key (fixture, key);
    }
}

static void
add_note_through_dialog (Fixture    *fixture,
                         int         start,
                         int         end,
                         const char *text)
{
  AdwMessageDialog *dialog;

  select_offsets (fixture, start, end);
  activate (fixture, "win.add-note", NULL);
  dialog = ui_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), text);
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_window_tag_by_key (Fixture       *fixture,
                        gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (fixture->window);
  GlossAnnotation *mention;
  g_autoptr(GlossEntity) entity = NULL;

  /* "Ilse Brandt" with a trailing space, as a drag often selects it. */
  select_offsets (fixture, 6, 18);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));

  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  mention = annotation_at (fixture, 0);
  g_assert_cmpint (gloss_annotation_get_kind (mention), ==, GLOSS_ANNOTATION_ENTITY);
  g_assert_cmpint (gloss_annotation_get_start (mention), ==, 6);
  g_assert_cmpint (gloss_annotation_get_end (mention), ==, 17);
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Ilse Brandt");
  g_assert_cmpstr (gloss_annotation_get_label (mention), ==, "person");

  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_entities (document)), ==, 1);
  entity = g_list_model_get_item (gloss_document_get_entities (document), 0);
  g_assert_cmpstr (gloss_entity_get_name (entity), ==, "Ilse Brandt");
  g_assert_cmpstr (gloss_annotation_get_entity (mention), ==, gloss_entity_get_id (entity));
  g_assert_true (gloss_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "• "));
}

/* The same key again changes nothing; another type's key retypes the
 * mention (one step to undo) and links it to that type's entity of the
 * name, never stacking a second mention on the same words. */
static void
test_window_tag_again_retypes (Fixture       *fixture,
                               gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (fixture->window);
  GListModel *entities = gloss_document_get_entities (document);
  GlossHistory *history = gloss_document_get_history (document);
  GlossEntity *organization;
  GlossAnnotation *mention;

  select_offsets (fixture, 6, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, 1);

  activate (fixture, "win.tag-label", g_variant_new_uint32 (2));
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  mention = annotation_at (fixture, 0);
  g_assert_cmpstr (gloss_annotation_get_label (mention), ==, "organization");
  /* The person entity, left without mentions, went with it. */
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, 1);
  organization = gloss_document_lookup_entity (document, gloss_annotation_get_entity (mention));
  g_assert_nonnull (organization);
  g_assert_cmpstr (gloss_entity_get_name (organization), ==, "Ilse Brandt");
  g_assert_cmpstr (gloss_entity_get_label (organization), ==, "organization");

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_label (annotation_at (fixture, 0)), ==, "person");
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, 1);
}

static void
test_window_tag_every_occurrence (Fixture       *fixture,
                                  gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (fixture->window);

  select_offsets (fixture, 11, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  g_assert_cmpuint (n_annotations (fixture), ==, 1);

  activate (fixture, "win.tag-every", NULL);
  g_assert_cmpuint (n_annotations (fixture), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GlossAnnotation *mention = annotation_at (fixture, i);

      g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Brandt");
      g_assert_cmpstr (gloss_annotation_get_entity (mention), ==,
                       gloss_annotation_get_entity (annotation_at (fixture, 0)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_entities (document)), ==, 1);

  /* One step to undo. */
  activate (fixture, "win.undo", NULL);
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
}

static void
test_window_edits_move_spans (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *text = NULL;
  GlossAnnotation *mention;

  select_offsets (fixture, 6, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  mention = annotation_at (fixture, 0);

  /* Before the span: it moves. At its start: it does not grow. */
  insert_at (fixture, 0, "The ");
  insert_at (fixture, 10, "Dr ");
  sync_model (fixture);
  g_assert_cmpint (gloss_annotation_get_start (mention), ==, 13);
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Ilse Brandt");

  /* Inside the span: it grows. */
  insert_at (fixture, 18, "M. ");
  sync_model (fixture);
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Ilse M. Brandt");

  /* Undo goes back through text edits and the tagging, in order. */
  activate (fixture, "win.undo", NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Ilse Brandt");
  activate (fixture, "win.undo", NULL);
  activate (fixture, "win.undo", NULL);
  text = buffer_text (fixture);
  g_assert_cmpstr (text, ==, article_text);
  g_assert_cmpint (gloss_annotation_get_start (mention), ==, 6);
  activate (fixture, "win.undo", NULL);
  g_assert_cmpuint (n_annotations (fixture), ==, 0);

  activate (fixture, "win.redo", NULL);
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  activate (fixture, "win.redo", NULL);
  g_clear_pointer (&text, g_free);
  text = buffer_text (fixture);
  g_assert_true (g_str_has_prefix (text, "The Mayor"));
}

static void
test_window_deleted_text_detaches (Fixture       *fixture,
                                   gconstpointer  data)
{
  GlossAnnotation *mention;

  select_offsets (fixture, 6, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  mention = g_object_ref (annotation_at (fixture, 0));

  delete_between (fixture, 0, 18);
  sync_model (fixture);
  g_assert_true (gloss_annotation_is_orphaned (mention));
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Ilse Brandt");

  activate (fixture, "win.undo", NULL);
  g_assert_false (gloss_annotation_is_orphaned (mention));
  g_assert_cmpint (gloss_annotation_get_start (mention), ==, 6);
  g_assert_cmpint (gloss_annotation_get_end (mention), ==, 17);
  g_object_unref (mention);
}

static void
test_window_typing_over_selection (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GlossAnnotation) mention = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *redone = NULL;

  select_offsets (fixture, 11, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  mention = g_object_ref (annotation_at (fixture, 0));

  /* The tagged "Brandt" is replaced by the key typed over it. */
  select_offsets (fixture, 11, 17);
  type_key (fixture, "x");
  sync_model (fixture);
  replaced = buffer_text (fixture);
  g_assert_true (g_str_has_prefix (replaced, "Mayor Ilse x opened"));
  g_assert_true (gloss_annotation_is_orphaned (mention));
  g_assert_cmpuint (n_annotations (fixture), ==, 1);

  /* One undo brings the word back, and the mention on it. */
  activate (fixture, "win.undo", NULL);
  restored = buffer_text (fixture);
  g_assert_cmpstr (restored, ==, article_text);
  g_assert_false (gloss_annotation_is_orphaned (mention));
  g_assert_cmpint (gloss_annotation_get_start (mention), ==, 11);
  g_assert_cmpint (gloss_annotation_get_end (mention), ==, 17);

  /* One redo replaces it again; the step before it is the tagging. */
  activate (fixture, "win.redo", NULL);
  redone = buffer_text (fixture);
  g_assert_cmpstr (redone, ==, replaced);
  g_assert_true (gloss_annotation_is_orphaned (mention));
  activate (fixture, "win.undo", NULL);
  activate (fixture, "win.undo", NULL);
  g_assert_cmpuint (n_annotations (fixture), ==, 0);
}

static void
test_window_typed_word_is_one_step (Fixture       *fixture,
                                    gconstpointer  data)
{
  GlossHistory *history = gloss_document_get_history (gloss_window_get_document (fixture->window));
  g_autofree char *typed = NULL;
  g_autofree char *undone = NULL;

  select_offsets (fixture, 6, 6);
  type_keys (fixture, "Dr");
  type_key (fixture, " ");
  typed = buffer_text (fixture);
  g_assert_true (g_str_has_prefix (typed, "Mayor Dr Ilse"));

  /* The space is a step of its own, the word one step. */
  activate (fixture, "win.undo", NULL);
  activate (fixture, "win.undo", NULL);
  undone = buffer_text (fixture);
  g_assert_cmpstr (undone, ==, article_text);
  g_assert_false (gloss_history_get_can_undo (history));
}

static JsonObject *
read_sidecar (Fixture    *fixture,
              JsonParser *parser)
{
  g_autofree char *path = g_strconcat (g_file_peek_path (fixture->article), ".gloss.json", NULL);

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_window_save_and_reopen (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *saved_text = NULL;
  GlossAnnotation *note;
  JsonObject *root;
  JsonArray *annotations;

  select_offsets (fixture, 0, 5);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (2));
  add_note_through_dialog (fixture, 48, 93, "Check the figure");
  insert_at (fixture, 0, "Update: ");
  activate (fixture, "win.save", NULL);
  ui_test_wait_until_idle (fixture->window);
  g_assert_false (gloss_document_get_modified (gloss_window_get_document (fixture->window)));

  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->article), &saved_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (saved_text, "Update: Mayor Ilse"));

  root = read_sidecar (fixture, parser);
  annotations = json_object_get_array_member (root, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (annotations, 0), "quote"),
                   ==, "Mayor");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (annotations, 0), "start"),
                   ==, 8);

  fixture_close (fixture);
  fixture_open (fixture);
  g_assert_cmpuint (n_annotations (fixture), ==, 2);
  note = annotation_at (fixture, 1);
  g_assert_cmpint (gloss_annotation_get_kind (note), ==, GLOSS_ANNOTATION_NOTE);
  g_assert_cmpstr (gloss_annotation_get_note (note), ==, "Check the figure");
  g_assert_cmpstr (gloss_annotation_get_quote (note), ==, "Brandt said the bridge cost 40 million euros.");
}

static void
test_window_broken_sidecar_untouched (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = g_strconcat (g_file_peek_path (fixture->article), ".gloss.json", NULL);
  static const char broken[] = "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n  \"annotations\": [\n";
  g_autofree char *after = NULL;

  fixture_close (fixture);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  fixture_open (fixture);

  g_assert_cmpstr (gloss_window_get_visible_page (fixture->window), ==, "article");
  g_assert_nonnull (gloss_document_get_sidecar_error (gloss_window_get_document (fixture->window)));
  g_assert_true (gloss_document_get_read_only (gloss_window_get_document (fixture->window)));

  select_offsets (fixture, 0, 5);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (2));
  gloss_window_save (fixture->window);
  ui_test_wait_until_idle (fixture->window);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);
}

static gboolean
draft_exists (gpointer      fixture,
              gconstpointer data)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "gloss", "drafts", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) != NULL;
}

static void
test_window_restores_draft_after_crash (Fixture       *fixture,
                                        gconstpointer  data)
{
  GlossWindow *crashed = fixture->window;
  AdwMessageDialog *dialog;

  select_offsets (fixture, 6, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  ui_test_wait_for (draft_exists, NULL, NULL);

  /* The window goes away without saving or discarding, as in a crash. */
  gtk_window_destroy (GTK_WINDOW (crashed));
  fixture_open (fixture);

  g_assert_cmpuint (n_annotations (fixture), ==, 0);
  dialog = ui_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation_at (fixture, 0)), ==, "Ilse Brandt");
  g_assert_true (gloss_document_get_modified (gloss_window_get_document (fixture->window)));

  /* Saving throws the draft away. */
  activate (fixture, "win.save", NULL);
  ui_test_wait_until_idle (fixture->window);
  g_assert_false (draft_exists (NULL, NULL));
}

static gboolean
changed_on_disk (gpointer      window,
                 gconstpointer data)
{
  return gloss_window_get_changed_on_disk (window);
}

static void
test_window_notices_external_change (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char changed[] = "Update: Mayor Ilse Brandt opened the new bridge on Monday.\n";
  g_autoptr(GlossDocument) document = g_object_ref (gloss_window_get_document (fixture->window));
  g_autofree char *text = NULL;
  GlossAnnotation *mention;

  select_offsets (fixture, 6, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  g_assert_false (gloss_window_get_changed_on_disk (fixture->window));

  g_assert_true (g_file_set_contents (g_file_peek_path (fixture->article), changed, -1, NULL));
  ui_test_wait_for (changed_on_disk, fixture->window, NULL);

  /* Reloading reads the files in the background, then takes the new
   * text and keeps the annotation made here. */
  activate (fixture, "win.reload", NULL);
  g_assert_true (gloss_window_is_busy (fixture->window));
  g_assert_true (gloss_window_get_document (fixture->window) == document);
  ui_test_wait_until_idle (fixture->window);
  g_assert_false (gloss_window_get_document (fixture->window) == document);
  text = buffer_text (fixture);
  g_assert_cmpstr (text, ==, changed);
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  mention = annotation_at (fixture, 0);
  g_assert_cmpint (gloss_annotation_get_start (mention), ==, 14);
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Ilse Brandt");
  g_assert_false (gloss_window_get_changed_on_disk (fixture->window));
}

static void
test_window_notices_external_annotations_change (Fixture       *fixture,
                                                 gconstpointer  data)
{
  g_autofree char *path = g_strconcat (g_file_peek_path (fixture->article), ".gloss.json", NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *edited = NULL;

  select_offsets (fixture, 6, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  activate (fixture, "win.save", NULL);
  ui_test_wait_until_idle (fixture->window);
  document = g_object_ref (gloss_window_get_document (fixture->window));

  /* Another program rewrites the annotations file. */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  edited = g_strconcat (saved, "\n", NULL);
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  ui_test_wait_for (changed_on_disk, fixture->window, NULL);

  /* The article is the same: reloading opens it again from disk. */
  activate (fixture, "win.reload", NULL);
  ui_test_wait_until_idle (fixture->window);
  g_assert_false (gloss_window_get_document (fixture->window) == document);
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation_at (fixture, 0)), ==, "Ilse Brandt");
  g_assert_false (gloss_window_get_changed_on_disk (fixture->window));
}

static GlossWindow *find_other_window (GlossWindow *window);

/* Reloading an annotations file another program changed would throw
 * away unsaved work here: the user is asked, in this window. */
static void
test_window_reload_asks_before_discarding (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autofree char *path = g_strconcat (g_file_peek_path (fixture->article), ".gloss.json", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *edited = NULL;
  AdwMessageDialog *dialog;

  select_offsets (fixture, 6, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  activate (fixture, "win.save", NULL);
  ui_test_wait_until_idle (fixture->window);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  edited = g_strconcat (saved, "\n", NULL);
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  ui_test_wait_for (changed_on_disk, fixture->window, NULL);
  select_offsets (fixture, 0, 5);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (2));

  for (guint round = 0; round < 2; round++)
    {
      activate (fixture, "win.reload", NULL);
      ui_test_wait_until_idle (fixture->window);
      g_assert_null (find_other_window (fixture->window));
      dialog = ui_test_find_message_dialog (GTK_WINDOW (fixture->window));
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Unsaved Changes?");
      adw_message_dialog_response (dialog, round == 0 ? "cancel" : "reload");
      gtk_window_destroy (GTK_WINDOW (dialog));
      ui_test_drain ();
      /* Kept on Cancel; as on disk after Discard and Reload. */
      g_assert_cmpuint (n_annotations (fixture), ==, round == 0 ? 2 : 1);
      g_assert_true (gloss_document_get_modified (gloss_window_get_document (fixture->window)) == (round == 0));
    }
}

/* A note typed in the claim editor while the files are read is carried
 * over to the reloaded document. */
static void
test_window_reload_keeps_typed_note (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *changed = g_strconcat (article_text, "A new line.\n", NULL);
  GtkWidget *note_view;

  select_offsets (fixture, 0, 46);
  activate (fixture, "win.mark-claim", NULL);
  select_offsets (fixture, 6, 10);
  activate (fixture, "win.review-claim", NULL);
  ui_test_drain ();
  note_view = ui_test_find_widget (ui_test_find_widget (GTK_WIDGET (fixture->window),
                                                        GLOSS_TYPE_CLAIM_EDITOR),
                                   GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (note_view);

  g_assert_true (g_file_set_contents (g_file_peek_path (fixture->article), changed, -1, NULL));
  activate (fixture, "win.reload", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note_view)), "Asked the council.", -1);
  ui_test_wait_until_idle (fixture->window);

  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_note (annotation_at (fixture, 0)), ==, "Asked the council.");
}

/* Saving waits for a reload under way, which would replace what it saves. */
static void
test_window_save_waits_for_reload (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char theirs[] = "Theirs: Mayor Ilse Brandt opened the bridge on Monday.\n";
  g_autofree char *on_disk = NULL;

  insert_at (fixture, 0, "Ours. ");
  g_assert_true (g_file_set_contents (g_file_peek_path (fixture->article), theirs, -1, NULL));
  activate (fixture, "win.reload", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  ui_test_wait_until_idle (fixture->window);

  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->article), &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_false (gloss_window_get_changed_on_disk (fixture->window));
}

static GlossWindow *
find_other_window (GlossWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_WINDOW (toplevel) && toplevel != GTK_WINDOW (window))
        return GLOSS_WINDOW (toplevel);
    }

  return NULL;
}

static void
test_window_keeps_unsaved_work_when_opening (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "other.txt", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (path);
  GlossDocument *document;
  GlossWindow *other;

  select_offsets (fixture, 6, 17);
  activate (fixture, "win.tag-label", g_variant_new_uint32 (1));
  document = gloss_window_get_document (fixture->window);
  g_assert_true (g_file_set_contents (path, "Another article.\n", -1, NULL));

  gloss_window_open_file (fixture->window, other_file);
  other = find_other_window (fixture->window);
  g_assert_nonnull (other);
  ui_test_wait_until_idle (other);

  g_assert_true (gloss_window_get_document (fixture->window) == document);
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  g_assert_cmpstr (gloss_window_get_visible_page (fixture->window), ==, "article");
  g_assert_true (g_file_equal (gloss_document_get_file (gloss_window_get_document (other)), other_file));
  gtk_window_destroy (GTK_WINDOW (other));
}

static void
test_window_refuses_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/gloss/missing.txt");
  GlossWindow *window = gloss_window_new (NULL);
  AdwMessageDialog *dialog;

  g_assert_cmpstr (gloss_window_get_visible_page (window), ==, "empty");
  gloss_window_open_file (window, file);
  ui_test_wait_until_idle (window);

  g_assert_null (gloss_window_get_document (window));
  g_assert_cmpstr (gloss_window_get_visible_page (window), ==, "empty");

  dialog = ui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “missing.txt”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "missing.txt"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An article in a legacy encoding says so when it opens, and again when
 * new text no longer fits it and it is saved in UTF-8. */
static void
test_window_legacy_encoding (void)
{
  g_autofree char *folder = test_make_dir ();
  g_autofree char *path = g_build_filename (folder, "cafe.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  GlossWindow *window;
  GtkTextIter start;

  g_assert_true (g_file_set_contents (path, "Caf\xe9 owners met the mayor.\n", -1, NULL));
  window = ui_test_open_window (file);
  g_assert_cmpstr (ui_test_toast_title (window), ==,
                   "The article is not UTF-8: read as Windows-1252, and saved in it");
  ui_test_dismiss_toast (window);

  gtk_text_buffer_get_start_iter (gloss_window_get_buffer (window), &start);
  gtk_text_buffer_insert_interactive (gloss_window_get_buffer (window), &start, "\xe2\x86\x92 ", -1, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_test_wait_until_idle (window);
  g_assert_cmpstr (ui_test_toast_title (window), ==, "Saved in UTF-8: Windows-1252 cannot hold the new text");
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, "\xe2\x86\x92 Caf\xc3\xa9 owners met the mayor.\n");

  ui_test_close_window (window);
  test_remove_tree (folder);
}

static void
test_window_opens_article (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *shown = buffer_text (fixture);

  g_assert_cmpstr (shown, ==, article_text);
  g_assert_cmpstr (gloss_window_get_visible_page (fixture->window), ==, "article");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "bridge.txt");
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gloss/ui/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/gloss/ui/window/refuses-missing-file", test_window_refuses_missing_file);
  g_test_add_func ("/gloss/ui/window/legacy-encoding", test_window_legacy_encoding);
  ADD ("opens-article", test_window_opens_article);
  ADD ("tag-by-key", test_window_tag_by_key);
  ADD ("tag-again-retypes", test_window_tag_again_retypes);
  ADD ("tag-every-occurrence", test_window_tag_every_occurrence);
  ADD ("edits-move-spans", test_window_edits_move_spans);
  ADD ("deleted-text-detaches", test_window_deleted_text_detaches);
  ADD ("typing-over-selection", test_window_typing_over_selection);
  ADD ("typed-word-is-one-step", test_window_typed_word_is_one_step);
  ADD ("save-and-reopen", test_window_save_and_reopen);
  ADD ("broken-sidecar-untouched", test_window_broken_sidecar_untouched);
  ADD ("restores-draft-after-crash", test_window_restores_draft_after_crash);
  ADD ("notices-external-change", test_window_notices_external_change);
  ADD ("notices-external-annotations-change", test_window_notices_external_annotations_change);
  ADD ("keeps-unsaved-work-when-opening", test_window_keeps_unsaved_work_when_opening);
  ADD ("reload-asks-before-discarding", test_window_reload_asks_before_discarding);
  ADD ("reload-keeps-typed-note", test_window_reload_keeps_typed_note);
  ADD ("save-waits-for-reload", test_window_save_waits_for_reload);

#undef ADD

  return g_test_run ();
}
