/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-test-util.h"
#include "gloss-core-private.h"

static const char *text =
  "The harbour board met on Monday. Mayor Ilse Brandt spoke first.\n"
  "Brandt said the bridge would open in 2028.\n";

/* Copies the project's fixture pair into @dir and returns the article. */
static GFile *
copy_fixture (const char *dir)
{
  const char *data = g_getenv ("GLOSS_TEST_DATA");
  const char *names[] = { "report.txt", "report.txt.gloss.json" };
  g_autofree char *article = NULL;

  g_assert_nonnull (data);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (data, "sidecar", names[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (from, &contents, NULL, &error);
      g_assert_no_error (error);
      g_object_unref (test_write (dir, names[i], contents));
    }

  article = g_build_filename (dir, "report.txt", NULL);
  return g_file_new_for_path (article);
}

static void
test_roundtrip_fixture (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GFile) article = copy_fixture (dir);
  g_autofree char *before = test_read_path (dir, "report.txt.gloss.json");
  g_autoptr(GlossDocument) document = test_load (article);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const GlossAnchorReport *report = gloss_document_get_load_report (document);

  g_assert_null (gloss_document_get_sidecar_error (document));
  g_assert_false (gloss_document_get_read_only (document));
  g_assert_false (gloss_document_get_modified (document));
  g_assert_cmpuint (report->counts[GLOSS_ANCHOR_EXACT], ==, 7);
  g_assert_cmpuint (report->counts[GLOSS_ANCHOR_ORPHANED], ==, 1);
  g_assert_cmpstr (report->orphaned[0], ==, "a9000001");
  g_assert_false (report->text_changed);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 8);
  g_assert_cmpuint (gloss_document_get_n_unknown_annotations (document), ==, 1);

  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  after = test_read_path (dir, "report.txt.gloss.json");
  g_assert_cmpstr (before, ==, after);

  test_remove_tree (dir);
}

static void
test_roundtrip_fixture_fields (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GFile) article = copy_fixture (dir);
  g_autoptr(GlossDocument) document = test_load (article);
  GlossSource *source = gloss_document_get_source (document);
  GlossAnnotation *claim = gloss_document_lookup_annotation (document, "a3000001");
  GlossEntity *brandt = gloss_document_lookup_entity (document, "e0000001");

  g_assert_cmpstr (gloss_source_get_publisher (source), ==, "Lowmoor Gazette");
  g_assert_cmpstr (gloss_source_get_tags (source)[1], ==, "transport");
  g_assert_cmpstr (gloss_document_get_display_name (document), ==,
                   "Council Approves Harbour Bridge Study");
  g_assert_nonnull (claim);
  g_assert_cmpint (gloss_annotation_get_kind (claim), ==, GLOSS_ANNOTATION_CLAIM);
  g_assert_cmpint (gloss_annotation_get_status (claim), ==, GLOSS_CLAIM_IN_REVIEW);
  g_assert_cmpint (gloss_annotation_get_verdict (claim), ==, GLOSS_VERDICT_MOSTLY_TRUE);
  g_assert_cmpstr (gloss_annotation_get_claimant (claim), ==, "e0000001");
  g_assert_cmpstr (gloss_annotation_get_sources (claim)[1], ==, "Lowmoor Gazette, 12 May");
  g_assert_cmpstr (gloss_annotation_get_reviewer (claim), ==, "Ben Okafor");
  g_assert_nonnull (brandt);
  g_assert_true (gloss_entity_has_alias (brandt, "Mayor Brandt"));
  g_assert_cmpstr (gloss_entity_get_link (brandt), ==, "https://example.org/people/ilse-brandt");
  g_assert_true (gloss_annotation_is_orphaned (gloss_document_lookup_annotation (document, "a9000001")));

  test_remove_tree (dir);
}

/* Unknown keys at every level stay where they were, after the known ones. */
static void
test_unknown_keys (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *annotations = g_strdup_printf (
    "[{\"id\": \"a1\", \"kind\": \"claim\", \"start\": 39, \"end\": 50, \"quote\": \"Ilse Brandt\","
    "  \"x-weight\": 2, \"review\": {\"status\": \"reviewed\", \"verdict\": \"false\", \"x-panel\": [1, 2]},"
    "  \"x-after\": null}]");
  g_autofree char *json = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *out = NULL;
  g_autofree char *with_top = NULL;
  g_autofree char *with_extra = NULL;
  g_autoptr(GRegex) length_key = g_regex_new ("\"length\"", 0, 0, NULL);
  char *x_weight, *x_after, *x_panel, *verdict;

  json = test_sidecar_json (text, "[{\"id\": \"e1\", \"name\": \"Ilse Brandt\", \"x-born\": 1970}]",
                            annotations);
  /* a top-level key and a source key the program does not know */
  with_top = g_strconcat ("{\"x-top\": {\"a\": [true, false]},", json + 1, NULL);
  with_extra = g_regex_replace_literal (length_key, with_top, -1, 0,
                                        "\"x-origin\": \"scan\", \"length\"", 0, NULL);
  document = test_load_article (dir, text, with_extra);
  bytes = gloss_document_save_sidecar_to_bytes (document);
  out = test_bytes_to_string (bytes);

  g_assert_null (gloss_document_get_sidecar_error (document));
  g_assert_nonnull (strstr (out, "\n  \"x-top\": {\n    \"a\": [\n      true,\n      false\n    ]\n  }\n}\n"));
  g_assert_nonnull (strstr (out, "    \"x-origin\": \"scan\"\n  },"));
  g_assert_nonnull (strstr (out, "      \"x-born\": 1970\n"));
  x_weight = strstr (out, "\"x-weight\": 2");
  x_after = strstr (out, "\"x-after\": null");
  x_panel = strstr (out, "\"x-panel\": [\n          1,\n          2\n        ]");
  verdict = strstr (out, "\"verdict\": \"false\"");
  g_assert_nonnull (x_weight);
  g_assert_nonnull (x_after);
  g_assert_nonnull (x_panel);
  /* known keys first (review included), then unknown in reading order */
  g_assert_true (verdict < x_panel && x_panel < x_weight && x_weight < x_after);

  test_remove_tree (dir);
}

static void
test_writer_format (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *out = NULL;

  json_parser_load_from_data (parser,
                              "{\"s\": \"a/b \\\"q\\\" \\\\ \\t\\n\\u0001 é 😀\", \"e\": [], \"o\": {},"
                              " \"d\": 0.1, \"big\": 1e300, \"whole\": 2.0, \"neg\": -5, \"n\": null}",
                              -1, &error);
  g_assert_no_error (error);
  bytes = gloss_json_node_to_bytes (json_parser_get_root (parser));
  out = test_bytes_to_string (bytes);

  g_assert_cmpstr (out, ==,
                   "{\n"
                   "  \"s\": \"a/b \\\"q\\\" \\\\ \\t\\n\\u0001 é 😀\",\n"
                   "  \"e\": [],\n"
                   "  \"o\": {},\n"
                   "  \"d\": 0.1,\n"
                   "  \"big\": 1e+300,\n"
                   "  \"whole\": 2.0,\n"
                   "  \"neg\": -5,\n"
                   "  \"n\": null\n"
                   "}\n");
}

/* The same content gives the same bytes whatever the order of operations. */
static void
test_deterministic (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = test_load_article (dir, text, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autofree char *out = NULL;
  GlossAnnotation *late, *early;

  late = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 64, 70, NULL, NULL, &error);
  early = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 4, 11, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);

  first = gloss_document_save_sidecar_to_bytes (document);
  out = test_bytes_to_string (first);
  g_assert_true (strstr (out, gloss_annotation_get_id (early)) < strstr (out, gloss_annotation_get_id (late)));
  g_assert_true (g_str_has_suffix (out, "]\n}\n"));

  reloaded = test_load (gloss_document_get_file (document));
  second = gloss_document_save_sidecar_to_bytes (reloaded);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_false (gloss_document_get_modified (reloaded));

  test_remove_tree (dir);
}

static void
test_missing_sidecar (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = test_load_article (dir, text, NULL);
  GlossLabelSet *labels = gloss_document_get_labels (document);
  g_autofree char *sidecar = g_build_filename (dir, "article.txt.gloss.json", NULL);

  g_assert_null (gloss_document_get_sidecar_error (document));
  g_assert_false (gloss_document_get_read_only (document));
  g_assert_false (gloss_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (labels)), ==, 7);
  g_assert_cmpstr (gloss_label_get_id (gloss_label_set_get_label (labels, 0)), ==, "person");
  g_assert_cmpstr (gloss_label_get_id (gloss_label_set_get_label (labels, 6)), ==, "other");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 0);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  test_remove_tree (dir);
}

/* Saving is refused and the file left exactly as it was. */
static void
assert_save_refused (GlossDocument *document,
                     const char    *dir,
                     const char    *original)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (gloss_document_get_read_only (document));
  g_assert_nonnull (gloss_document_get_read_only_reason (document));
  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 0, 3,
                                                NULL, NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_READ_ONLY);

  after = test_read_path (dir, "article.txt.gloss.json");
  g_assert_cmpstr (after, ==, original);
}

static void
test_broken_json (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *broken = "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n  \"annotations\": [\n    {\"id\": \"a1\",, }\n  ]\n}\n";
  g_autoptr(GlossDocument) document = test_load_article (dir, text, broken);
  const GError *error = gloss_document_get_sidecar_error (document);

  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "article.txt.gloss.json: line 5, column "));
  g_assert_cmpstr (gloss_document_get_text (document), ==, text);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 0);
  g_assert_nonnull (strstr (gloss_document_get_read_only_reason (document), "line 5"));
  assert_save_refused (document, dir, broken);

  test_remove_tree (dir);
}

static void
test_not_a_sidecar (void)
{
  const char *cases[] = {
    "[1, 2, 3]\n",
    "{\"format\": \"other\", \"version\": 1}\n",
    "{\"format\": \"gloss\", \"version\": \"1\"}\n",
    "{\"format\": \"gloss\", \"version\": 1, \"annotations\": {}}\n",
    "{\"format\": \"gloss\", \"version\": 1, \"entities\": [3]}\n",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = test_make_dir ();
      g_autoptr(GlossDocument) document = test_load_article (dir, text, cases[i]);
      const GError *error = gloss_document_get_sidecar_error (document);

      g_assert_nonnull (error);
      g_assert_true (error->code == GLOSS_CORE_ERROR_INVALID || error->code == GLOSS_CORE_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "article.txt.gloss.json"));
      assert_save_refused (document, dir, cases[i]);
      test_remove_tree (dir);
    }
}

static void
test_newer_version (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = test_sidecar_json (text, NULL,
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 4, \"end\": 11, \"quote\": \"harbour\","
    "  \"anchor\": {\"type\": \"xpath\"}}]");
  g_autofree char *newer = NULL;
  g_autoptr(GlossDocument) document = NULL;
  const GError *error;

  newer = g_strdup (json);
  memcpy (strstr (newer, "\"version\": 1"), "\"version\": 7", 12);
  document = test_load_article (dir, text, newer);
  error = gloss_document_get_sidecar_error (document);

  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Gloss"));
  g_assert_nonnull (strstr (error->message, "version 7"));
  /* what can be read is shown */
  g_assert_nonnull (gloss_document_lookup_annotation (document, "a1"));
  assert_save_refused (document, dir, newer);

  test_remove_tree (dir);
}

static void
test_unreadable_sidecar (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *sidecar = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autoptr(GFile) article = test_write (dir, "article.txt", text);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sidecar, 0700), ==, 0);
  document = test_load (article);
  g_assert_nonnull (gloss_document_get_sidecar_error (document));
  g_assert_true (gloss_document_get_read_only (document));
  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_READ_ONLY);
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_DIR));

  test_remove_tree (dir);
}

static void
test_offsets_out_of_range (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = test_sidecar_json (text, NULL,
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 900, \"end\": 906, \"quote\": \"Brandt\","
    "  \"prefix\": \"Mayor Ilse \", \"suffix\": \" spoke first\"}]");
  g_autoptr(GlossDocument) document = test_load_article (dir, text, json);
  GlossAnnotation *note = gloss_document_lookup_annotation (document, "a1");

  g_assert_nonnull (note);
  g_assert_cmpint (gloss_annotation_get_start (note), ==, 44);
  g_assert_cmpint (gloss_annotation_get_end (note), ==, 50);
  g_assert_cmpint (gloss_annotation_get_anchor_state (note), ==, GLOSS_ANCHOR_MOVED);
  g_assert_true (test_has_problem (document, "a1", "past the end of the text"));
  g_assert_true (gloss_document_get_modified (document));

  test_remove_tree (dir);
}

static void
test_offsets_reversed (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = test_sidecar_json (text, NULL,
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 50, \"end\": 44, \"quote\": \"Brandt\","
    "  \"prefix\": \"Mayor Ilse \"},"
    " {\"id\": \"a2\", \"kind\": \"note\", \"start\": -3, \"end\": 2, \"quote\": \"bridge\"},"
    " {\"id\": \"a3\", \"kind\": \"note\", \"end\": 2, \"quote\": \"board\"}]");
  g_autoptr(GlossDocument) document = test_load_article (dir, text, json);
  GlossAnnotation *a1 = gloss_document_lookup_annotation (document, "a1");
  GlossAnnotation *a2 = gloss_document_lookup_annotation (document, "a2");
  GlossAnnotation *a3 = gloss_document_lookup_annotation (document, "a3");

  g_assert_cmpint (gloss_annotation_get_start (a1), ==, 44);
  g_assert_cmpint (gloss_annotation_get_end (a1), ==, 50);
  g_assert_cmpint (gloss_annotation_get_start (a2), ==, 80);
  g_assert_cmpint (gloss_annotation_get_start (a3), ==, 12);
  g_assert_true (test_has_problem (document, "a1", "ends before it starts"));
  g_assert_true (test_has_problem (document, "a2", "negative"));
  g_assert_true (test_has_problem (document, "a3", "no usable position"));

  test_remove_tree (dir);
}

static void
test_duplicate_ids (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = test_sidecar_json (text,
    "[{\"id\": \"e1\", \"name\": \"Ilse Brandt\"}, {\"id\": \"e1\", \"name\": \"Harbour board\"}]",
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 4, \"end\": 11, \"quote\": \"harbour\"},"
    " {\"id\": \"a1\", \"kind\": \"note\", \"start\": 44, \"end\": 50, \"quote\": \"Brandt\"}]");
  g_autoptr(GlossDocument) document = test_load_article (dir, text, json);
  GListModel *annotations = gloss_document_get_annotations (document);
  GListModel *entities = gloss_document_get_entities (document);
  GlossAnnotation *second;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, 2);
  g_assert_cmpstr (gloss_annotation_get_id (test_annotation_at (document, 0)), ==, "a1");
  second = test_annotation_at (document, 1);
  g_assert_cmpstr (gloss_annotation_get_id (second), !=, "a1");
  g_assert_cmpstr (gloss_annotation_get_quote (second), ==, "Brandt");
  g_assert_true (test_has_problem (document, gloss_annotation_get_id (second), "“a1” is used twice"));
  g_assert_true (gloss_document_get_modified (document));

  /* the fresh id is kept on save */
  g_assert_true (gloss_document_save (document, NULL, &error));
  reloaded = test_load (gloss_document_get_file (document));
  g_assert_nonnull (gloss_document_lookup_annotation (reloaded, gloss_annotation_get_id (second)));
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);

  test_remove_tree (dir);
}

static void
test_dangling_entity (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = test_sidecar_json (text, NULL,
    "[{\"id\": \"a1\", \"kind\": \"entity\", \"start\": 44, \"end\": 50, \"quote\": \"Brandt\","
    "  \"label\": \"person\", \"entity\": \"e-gone\"},"
    " {\"id\": \"a2\", \"kind\": \"entity\", \"start\": 4, \"end\": 11, \"quote\": \"harbour\","
    "  \"label\": \"vessel\"}]");
  g_autoptr(GlossDocument) document = test_load_article (dir, text, json);
  GlossAnnotation *a1 = gloss_document_lookup_annotation (document, "a1");
  g_autoptr(GBytes) bytes = gloss_document_save_sidecar_to_bytes (document);
  g_autofree char *out = test_bytes_to_string (bytes);

  g_assert_cmpstr (gloss_annotation_get_entity (a1), ==, "e-gone");
  g_assert_true (test_has_problem (document, "a1", "“e-gone”, which does not exist"));
  g_assert_true (test_has_problem (document, "a2", "“vessel”, which is not defined"));
  g_assert_nonnull (strstr (out, "\"entity\": \"e-gone\""));
  g_assert_nonnull (strstr (out, "\"label\": \"vessel\""));

  test_remove_tree (dir);
}

static void
test_unknown_kind (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *relation =
    "{\n"
    "      \"id\": \"r1\",\n"
    "      \"kind\": \"relation\",\n"
    "      \"start\": 44,\n"
    "      \"end\": 50,\n"
    "      \"from\": \"a1\",\n"
    "      \"weights\": [\n"
    "        0.5,\n"
    "        1\n"
    "      ],\n"
    "      \"quote\": \"Brandt\"\n"
    "    }";
  g_autofree char *array = g_strdup_printf (
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 4, \"end\": 11, \"quote\": \"harbour\"}, %s,"
    " {\"id\": \"a2\", \"kind\": \"note\", \"start\": 51, \"end\": 56, \"quote\": \"spoke\"}]", relation);
  g_autofree char *json = test_sidecar_json (text, NULL, array);
  g_autoptr(GlossDocument) document = test_load_article (dir, text, json);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 2);
  g_assert_cmpuint (gloss_document_get_n_unknown_annotations (document), ==, 1);
  g_assert_null (gloss_document_lookup_annotation (document, "r1"));
  g_assert_true (test_has_problem (document, "r1", "“relation”"));

  /* verbatim, and in its place by start */
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 0, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  bytes = gloss_document_save_sidecar_to_bytes (document);
  out = test_bytes_to_string (bytes);
  g_assert_nonnull (strstr (out, relation));
  g_assert_true (strstr (out, "\"a1\"") < strstr (out, relation));
  g_assert_true (strstr (out, relation) < strstr (out, "\"a2\""));

  test_remove_tree (dir);
}

static void
test_wrong_types (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = test_sidecar_json (text, "[{\"id\": \"e1\", \"name\": 12}]",
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": \"4\", \"end\": 11, \"quote\": \"harbour\","
    "  \"note\": 5, \"tags\": \"urgent\"},"
    " {\"id\": \"a2\", \"kind\": \"claim\", \"start\": 44, \"end\": 50, \"quote\": \"Brandt\","
    "  \"review\": {\"status\": \"approved\", \"verdict\": 3, \"sources\": [\"x\", 4]}},"
    " {\"id\": 17, \"kind\": \"note\", \"start\": 51, \"end\": 56, \"quote\": \"spoke\"}]");
  g_autoptr(GlossDocument) document = test_load_article (dir, text, json);
  GlossAnnotation *a1 = gloss_document_lookup_annotation (document, "a1");
  g_autoptr(GBytes) bytes = gloss_document_save_sidecar_to_bytes (document);
  g_autofree char *out = test_bytes_to_string (bytes);

  g_assert_null (gloss_document_get_sidecar_error (document));
  g_assert_cmpint (gloss_annotation_get_start (a1), ==, 4);
  g_assert_null (gloss_annotation_get_note (a1));
  g_assert_null (gloss_annotation_get_tags (a1));
  g_assert_true (test_has_problem (document, "a1", "“start” should be a whole number"));
  g_assert_true (test_has_problem (document, "a1", "“note” should be text"));
  g_assert_true (test_has_problem (document, "a1", "“tags” should be a list of texts"));
  g_assert_true (test_has_problem (document, "a2", "“status” should be one of"));
  g_assert_true (test_has_problem (document, "a2", "“verdict” should be null or one of"));
  g_assert_true (test_has_problem (document, "a2", "“sources” should be a list"));
  g_assert_true (test_has_problem (document, "e1", "“name” should be text"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 3);
  /* values of the wrong type are written back, not lost */
  g_assert_nonnull (strstr (out, "\"note\": 5"));
  g_assert_nonnull (strstr (out, "\"tags\": \"urgent\""));
  g_assert_nonnull (strstr (out, "\"sources\": [\n          \"x\",\n          4\n        ]"));

  test_remove_tree (dir);
}

static void
test_missing_quote (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = test_sidecar_json (text, NULL,
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 4, \"end\": 11}]");
  g_autoptr(GlossDocument) document = test_load_article (dir, text, json);
  GlossAnnotation *a1 = gloss_document_lookup_annotation (document, "a1");

  g_assert_cmpstr (gloss_annotation_get_quote (a1), ==, "harbour");
  g_assert_cmpstr (gloss_annotation_get_prefix (a1), ==, "The ");
  g_assert_true (test_has_problem (document, "a1", "no quote"));

  test_remove_tree (dir);
}

/* A save leaves the sidecar and no temporary file behind. */
static void
test_atomic_save (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = test_load_article (dir, text, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 4, 11, NULL, NULL, &error);
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  test_remove_tree (dir);
}

static void
test_read_api (void)
{
  const char *json = "{\"format\": \"gloss\", \"version\": 2}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) newer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_read (bytes, "x.gloss.json", &newer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sidecar);
  g_assert_error (newer, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION);
  g_assert_cmpint (sidecar->version, ==, 2);
  /* no labels given: the defaults */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sidecar->labels)), ==, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/sidecar/roundtrip", test_roundtrip_fixture);
  g_test_add_func ("/gloss/core/sidecar/roundtrip-fields", test_roundtrip_fixture_fields);
  g_test_add_func ("/gloss/core/sidecar/unknown-keys", test_unknown_keys);
  g_test_add_func ("/gloss/core/sidecar/writer-format", test_writer_format);
  g_test_add_func ("/gloss/core/sidecar/deterministic", test_deterministic);
  g_test_add_func ("/gloss/core/sidecar/missing", test_missing_sidecar);
  g_test_add_func ("/gloss/core/sidecar/broken-json", test_broken_json);
  g_test_add_func ("/gloss/core/sidecar/not-a-sidecar", test_not_a_sidecar);
  g_test_add_func ("/gloss/core/sidecar/newer-version", test_newer_version);
  g_test_add_func ("/gloss/core/sidecar/unreadable", test_unreadable_sidecar);
  g_test_add_func ("/gloss/core/sidecar/offsets-out-of-range", test_offsets_out_of_range);
  g_test_add_func ("/gloss/core/sidecar/offsets-reversed", test_offsets_reversed);
  g_test_add_func ("/gloss/core/sidecar/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/gloss/core/sidecar/dangling-entity", test_dangling_entity);
  g_test_add_func ("/gloss/core/sidecar/unknown-kind", test_unknown_kind);
  g_test_add_func ("/gloss/core/sidecar/wrong-types", test_wrong_types);
  g_test_add_func ("/gloss/core/sidecar/missing-quote", test_missing_quote);
  g_test_add_func ("/gloss/core/sidecar/atomic-save", test_atomic_save);
  g_test_add_func ("/gloss/core/sidecar/read", test_read_api);

  return g_test_run ();
}
