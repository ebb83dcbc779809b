/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-test-util.h"
#include "gloss-core-private.h"

static const char *text =
  "Putin met Xi in Beijing. Putin said the talks went well. Vladimir Putin left on Friday.\n"
  "Putinism was not discussed. The Kremlin said Putin would return.\n";

typedef struct
{
  char          *dir;
  GlossDocument *document;
  GlossHistory  *history;
  GListModel    *annotations;
  GListModel    *entities;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_dir ();
  fixture->document = test_load_article (fixture->dir, text, NULL);
  fixture->history = gloss_document_get_history (fixture->document);
  fixture->annotations = gloss_document_get_annotations (fixture->document);
  fixture->entities = gloss_document_get_entities (fixture->document);
  gloss_document_set_author (fixture->document, "Ana Ruiz");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
test_add_remove (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *first, *second;
  int changes = 0;

  g_signal_connect (fixture->annotations, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  second = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 25, 30, NULL, NULL, &error);
  first = gloss_document_add_annotation (document, GLOSS_ANNOTATION_CLAIM, 0, 24, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changes, ==, 2);
  g_assert_true (gloss_document_get_modified (document));

  g_assert_true (test_annotation_at (document, 0) == first);
  g_assert_cmpstr (gloss_annotation_get_quote (first), ==, "Putin met Xi in Beijing.");
  g_assert_null (gloss_annotation_get_prefix (first));
  g_assert_cmpstr (gloss_annotation_get_suffix (first), ==, " Putin said the talks went well.");
  g_assert_cmpstr (gloss_annotation_get_author (first), ==, "Ana Ruiz");
  g_assert_true (gloss_time_is_valid (gloss_annotation_get_created (first)));
  g_assert_cmpstr (gloss_annotation_get_created (first), ==, gloss_annotation_get_modified (first));
  g_assert_true (g_str_has_prefix (gloss_annotation_get_id (first), "a"));
  g_assert_cmpuint (strlen (gloss_annotation_get_id (first)), ==, 9);
  g_assert_cmpstr (gloss_annotation_get_id (first), !=, gloss_annotation_get_id (second));

  g_assert_true (gloss_document_remove_annotation (document, first, &error));
  g_assert_cmpuint (n_items (fixture->annotations), ==, 1);
  g_assert_null (gloss_document_lookup_annotation (document, gloss_annotation_get_id (first)));
  g_assert_false (gloss_document_remove_annotation (document, first, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (n_items (fixture->annotations), ==, 2);
  g_assert_true (test_annotation_at (document, 0) == first);
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (n_items (fixture->annotations), ==, 0);
  g_assert_false (gloss_document_get_modified (document));
  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_true (test_annotation_at (document, 0) == second);
  g_assert_true (gloss_document_get_modified (document));

  /* bad ranges are refused */
  g_assert_null (gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 5, 5, NULL, NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 100, 900, NULL, NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gloss_document_add_annotation (document, GLOSS_ANNOTATION_ENTITY, 0, 5, "planet", NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_FOUND);
}

static void
changed_cb (GlossDocument   *document,
            GlossAnnotation *annotation,
            gpointer         user_data)
{
  (*(int *) user_data)++;
}

static void
test_edit_fields (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "follow-up", "quote", NULL };
  GlossAnnotation *mention;
  g_autofree char *created = NULL;
  int changed = 0;

  mention = gloss_document_add_annotation (document, GLOSS_ANNOTATION_ENTITY, 10, 12, "person", NULL, &error);
  g_assert_no_error (error);
  created = g_strdup (gloss_annotation_get_created (mention));
  g_signal_connect (document, "annotation-changed", G_CALLBACK (changed_cb), &changed);

  g_assert_true (gloss_document_set_annotation_note (document, mention, "Xi Jinping", &error));
  g_assert_true (gloss_document_set_annotation_tags (document, mention, tags, &error));
  g_assert_true (gloss_document_set_annotation_label (document, mention, "organization", &error));
  g_assert_true (gloss_document_set_annotation_range (document, mention, 16, 23, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 4);
  g_assert_cmpstr (gloss_annotation_get_note (mention), ==, "Xi Jinping");
  g_assert_true (gloss_annotation_has_tag (mention, "quote"));
  g_assert_cmpstr (gloss_annotation_get_label (mention), ==, "organization");
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Beijing");
  g_assert_cmpstr (gloss_annotation_get_created (mention), ==, created);

  /* the same value again is no step */
  g_assert_true (gloss_document_set_annotation_note (document, mention, "Xi Jinping", &error));
  g_assert_cmpstr (gloss_history_get_undo_label (fixture->history), ==, "Change annotation span");

  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Xi");
  g_assert_cmpint (gloss_annotation_get_start (mention), ==, 10);
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpstr (gloss_annotation_get_label (mention), ==, "person");
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_null (gloss_annotation_get_tags (mention));
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_null (gloss_annotation_get_note (mention));
  g_assert_cmpstr (gloss_annotation_get_modified (mention), ==, created);
  while (gloss_history_redo (fixture->history))
    ;
  g_assert_cmpstr (gloss_annotation_get_quote (mention), ==, "Beijing");
  g_assert_cmpstr (gloss_annotation_get_note (mention), ==, "Xi Jinping");

  /* a note has no entity type */
  g_assert_false (gloss_document_set_annotation_label (document,
                    gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 0, 5, NULL, NULL, NULL),
                    "person", &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
}

static void
test_entities (Fixture       *fixture,
               gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  GlossEntity *putin;
  GlossAnnotation *mention, *claim;
  const char *id;

  putin = gloss_document_create_entity (document, "Vladimir Putin", "person", &error);
  g_assert_no_error (error);
  id = gloss_entity_get_id (putin);
  g_assert_true (g_str_has_prefix (id, "e"));
  g_assert_cmpuint (n_items (fixture->entities), ==, 1);
  mention = gloss_document_add_annotation (document, GLOSS_ANNOTATION_ENTITY, 0, 5, NULL, id, &error);
  g_assert_cmpstr (gloss_annotation_get_label (mention), ==, "person");
  claim = gloss_document_add_annotation (document, GLOSS_ANNOTATION_CLAIM, 25, 55, NULL, NULL, &error);
  g_assert_true (gloss_document_set_claim_claimant (document, claim, id, &error));

  g_assert_true (gloss_document_rename_entity (document, putin, "Putin", &error));
  g_assert_cmpstr (gloss_entity_get_name (putin), ==, "Putin");
  g_assert_false (gloss_document_rename_entity (document, putin, "  ", &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* retyping: the mentions follow, one step */
  g_assert_true (gloss_document_set_entity_label (document, putin, "other", &error));
  g_assert_cmpstr (gloss_annotation_get_label (mention), ==, "other");
  gloss_history_undo (fixture->history);
  g_assert_cmpstr (gloss_entity_get_label (putin), ==, "person");
  g_assert_cmpstr (gloss_annotation_get_label (mention), ==, "person");
  gloss_history_undo (fixture->history);
  g_assert_cmpstr (gloss_entity_get_name (putin), ==, "Vladimir Putin");

  /* deleting removes the mentions; the claimant keeps the name */
  g_assert_true (gloss_document_delete_entity (document, putin, &error));
  g_assert_cmpuint (n_items (fixture->entities), ==, 0);
  g_assert_cmpuint (n_items (fixture->annotations), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_claimant (claim), ==, "Vladimir Putin");
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (n_items (fixture->entities), ==, 1);
  g_assert_cmpuint (n_items (fixture->annotations), ==, 2);
  g_assert_true (gloss_document_lookup_entity (document, id) == putin);
  g_assert_cmpstr (gloss_annotation_get_claimant (claim), ==, id);
  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_null (gloss_document_lookup_entity (document, id));
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  const char *aliases[] = { "V. Putin", NULL };
  GlossEntity *a, *b;
  GlossAnnotation *m1, *m2, *claim;
  g_autofree char *b_id = NULL;

  a = gloss_document_create_entity (document, "Vladimir Putin", "person", &error);
  b = gloss_document_create_entity (document, "Putin", "organization", &error);
  b_id = g_strdup (gloss_entity_get_id (b));
  gloss_document_set_entity_aliases (document, b, aliases, &error);
  gloss_document_set_entity_link (document, b, "https://example.org/putin", &error);
  m1 = gloss_document_add_annotation (document, GLOSS_ANNOTATION_ENTITY, 57, 71, NULL,
                                      gloss_entity_get_id (a), &error);
  m2 = gloss_document_add_annotation (document, GLOSS_ANNOTATION_ENTITY, 0, 5, NULL, b_id, &error);
  claim = gloss_document_add_annotation (document, GLOSS_ANNOTATION_CLAIM, 25, 55, NULL, NULL, &error);
  gloss_document_set_claim_claimant (document, claim, b_id, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_document_merge_entities (document, a, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (fixture->entities), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_entity (m2), ==, gloss_entity_get_id (a));
  g_assert_cmpstr (gloss_annotation_get_label (m2), ==, "person");
  g_assert_cmpstr (gloss_annotation_get_entity (m1), ==, gloss_entity_get_id (a));
  g_assert_cmpstr (gloss_annotation_get_claimant (claim), ==, gloss_entity_get_id (a));
  g_assert_cmpuint (g_strv_length ((char **) gloss_entity_get_aliases (a)), ==, 2);
  g_assert_cmpstr (gloss_entity_get_aliases (a)[0], ==, "Putin");
  g_assert_cmpstr (gloss_entity_get_aliases (a)[1], ==, "V. Putin");
  g_assert_cmpstr (gloss_entity_get_link (a), ==, "https://example.org/putin");
  g_autoptr(GPtrArray) mentions = gloss_document_get_mentions (document, a);
  g_assert_cmpuint (mentions->len, ==, 2);

  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (n_items (fixture->entities), ==, 2);
  g_assert_cmpstr (gloss_annotation_get_entity (m2), ==, b_id);
  g_assert_cmpstr (gloss_annotation_get_label (m2), ==, "organization");
  g_assert_cmpstr (gloss_annotation_get_claimant (claim), ==, b_id);
  g_assert_null (gloss_entity_get_aliases (a));
  g_assert_null (gloss_entity_get_link (a));
  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_cmpuint (n_items (fixture->entities), ==, 1);
}

static void
test_tag_every_occurrence (Fixture       *fixture,
                           gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  GlossEntity *putin;
  guint added = 99;

  putin = gloss_document_create_entity (document, "Vladimir Putin", "person", &error);
  /* "Vladimir Putin" is already tagged with the entity: its "Putin" is skipped */
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_ENTITY, 57, 71, NULL,
                                 gloss_entity_get_id (putin), &error);
  g_assert_no_error (error);

  g_assert_true (gloss_document_tag_every_occurrence (document, "Putin", NULL,
                                                      gloss_entity_get_id (putin), &added, &error));
  g_assert_no_error (error);
  /* 0, 25 and 107 ("Putinism" is not a whole word; 66 is inside the existing mention) */
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (n_items (fixture->annotations), ==, 4);
  g_assert_cmpint (gloss_annotation_get_start (test_annotation_at (document, 0)), ==, 0);
  g_assert_cmpint (gloss_annotation_get_start (test_annotation_at (document, 1)), ==, 25);
  g_assert_cmpint (gloss_annotation_get_start (test_annotation_at (document, 2)), ==, 57);
  g_assert_cmpint (gloss_annotation_get_start (test_annotation_at (document, 3)), ==, 133);
  g_assert_cmpstr (gloss_annotation_get_label (test_annotation_at (document, 3)), ==, "person");
  g_assert_cmpstr (gloss_history_get_undo_label (fixture->history), ==, "Tag every occurrence");

  /* again: nothing new, no step */
  g_assert_true (gloss_document_tag_every_occurrence (document, "Putin", NULL,
                                                      gloss_entity_get_id (putin), &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpstr (gloss_history_get_undo_label (fixture->history), ==, "Tag every occurrence");

  /* case-sensitive, and one undo step for all */
  g_assert_true (gloss_document_tag_every_occurrence (document, "putin", "person", NULL, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (n_items (fixture->annotations), ==, 1);

  /* a label without entity; the text of the tag may hold spaces */
  g_assert_true (gloss_document_tag_every_occurrence (document, "the Kremlin", "organization", NULL,
                                                      &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_true (gloss_document_tag_every_occurrence (document, "The Kremlin", "organization", NULL,
                                                      &added, &error));
  g_assert_cmpuint (added, ==, 1);
  g_assert_false (gloss_document_tag_every_occurrence (document, "", "organization", NULL, &added, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
}

static void
test_claim_review (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  const char *sources[] = { "https://example.org/transcript", NULL };
  GlossAnnotation *claim, *note;

  claim = gloss_document_add_annotation (document, GLOSS_ANNOTATION_CLAIM, 25, 55, NULL, NULL, &error);
  g_assert_cmpint (gloss_annotation_get_status (claim), ==, GLOSS_CLAIM_UNREVIEWED);
  g_assert_cmpint (gloss_annotation_get_verdict (claim), ==, GLOSS_VERDICT_NONE);

  g_assert_true (gloss_document_set_claim_status (document, claim, GLOSS_CLAIM_IN_REVIEW, &error));
  g_assert_null (gloss_annotation_get_reviewer (claim));
  g_assert_true (gloss_document_set_claim_verdict (document, claim, GLOSS_VERDICT_MOSTLY_FALSE, &error));
  g_assert_true (gloss_document_set_claim_sources (document, claim, sources, &error));
  g_assert_true (gloss_document_set_claim_claimant (document, claim, "Kremlin spokesman", &error));
  gloss_document_set_author (document, "Ben Okafor");
  g_assert_true (gloss_document_set_claim_status (document, claim, GLOSS_CLAIM_REVIEWED, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_reviewer (claim), ==, "Ben Okafor");
  g_assert_true (gloss_time_is_valid (gloss_annotation_get_reviewed (claim)));
  g_assert_cmpstr (gloss_annotation_get_sources (claim)[0], ==, "https://example.org/transcript");

  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpint (gloss_annotation_get_status (claim), ==, GLOSS_CLAIM_IN_REVIEW);
  g_assert_null (gloss_annotation_get_reviewer (claim));
  g_assert_null (gloss_annotation_get_reviewed (claim));
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_null (gloss_annotation_get_claimant (claim));
  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_cmpstr (gloss_annotation_get_reviewer (claim), ==, "Ben Okafor");

  g_assert_true (gloss_document_set_claim_reviewer (document, claim, "Ana Ruiz", &error));
  g_assert_cmpstr (gloss_annotation_get_reviewer (claim), ==, "Ana Ruiz");

  note = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 0, 5, NULL, NULL, &error);
  g_assert_false (gloss_document_set_claim_verdict (document, note, GLOSS_VERDICT_TRUE, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
}

static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  GlossLabelSet *labels = gloss_document_get_labels (document);
  g_autoptr(GError) error = NULL;
  GlossLabel *vessel, *person;

  vessel = gloss_document_add_label (document, "Vessel name", "#1c71d8", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_id (vessel), ==, "vessel-name");
  g_assert_true (gloss_label_set_get_label (labels, 7) == vessel);
  g_assert_null (gloss_document_add_label (document, "Ship", "blue", &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gloss_document_move_label (document, vessel, 0, &error));
  g_assert_true (gloss_label_set_get_label (labels, 0) == vessel);
  g_assert_true (gloss_document_rename_label (document, vessel, "Ship", &error));
  g_assert_true (gloss_document_recolor_label (document, vessel, "#26a269", &error));
  g_assert_cmpstr (gloss_label_get_color (vessel), ==, "#26a269");

  gloss_history_undo (fixture->history);
  gloss_history_undo (fixture->history);
  g_assert_cmpstr (gloss_label_get_name (vessel), ==, "Vessel name");
  g_assert_cmpstr (gloss_label_get_color (vessel), ==, "#1c71d8");
  gloss_history_undo (fixture->history);
  g_assert_true (gloss_label_set_get_label (labels, 7) == vessel);
  gloss_history_undo (fixture->history);
  g_assert_null (gloss_label_set_lookup (labels, "vessel-name"));
  gloss_history_redo (fixture->history);
  g_assert_true (gloss_label_set_lookup (labels, "vessel-name") == vessel);

  /* a label in use stays */
  person = gloss_label_set_lookup (labels, "person");
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_ENTITY, 0, 5, "person", NULL, &error);
  g_assert_false (gloss_document_remove_label (document, person, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gloss_document_remove_label (document, vessel, &error));
  g_assert_null (gloss_label_set_lookup (labels, "vessel-name"));
  gloss_history_undo (fixture->history);
  g_assert_true (gloss_label_set_get_label (labels, 7) == vessel);
}

/* Operations, saved and reloaded, keep what they did. */
static void
test_saved (Fixture       *fixture,
            gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  GlossAnnotation *claim;
  GlossEntity *entity;

  entity = gloss_document_create_entity (document, "Xi Jinping", "person", &error);
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_ENTITY, 10, 12, NULL,
                                 gloss_entity_get_id (entity), &error);
  claim = gloss_document_add_annotation (document, GLOSS_ANNOTATION_CLAIM, 25, 55, NULL, NULL, &error);
  gloss_document_set_claim_verdict (document, claim, GLOSS_VERDICT_UNVERIFIABLE, &error);
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_document_get_modified (document));

  reloaded = test_load (gloss_document_get_file (document));
  claim = gloss_document_lookup_annotation (reloaded, gloss_annotation_get_id (claim));
  g_assert_cmpint (gloss_annotation_get_verdict (claim), ==, GLOSS_VERDICT_UNVERIFIABLE);
  g_assert_cmpstr (gloss_entity_get_name (gloss_document_lookup_entity (reloaded, gloss_entity_get_id (entity))),
                   ==, "Xi Jinping");

  /* undo after a save makes the document modified again */
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_true (gloss_document_get_modified (document));
  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_false (gloss_document_get_modified (document));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gloss/core/operations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-remove", test_add_remove);
  ADD ("edit-fields", test_edit_fields);
  ADD ("entities", test_entities);
  ADD ("merge", test_merge);
  ADD ("tag-every-occurrence", test_tag_every_occurrence);
  ADD ("claim-review", test_claim_review);
  ADD ("labels", test_labels);
  ADD ("saved", test_saved);
#undef ADD

  return g_test_run ();
}
