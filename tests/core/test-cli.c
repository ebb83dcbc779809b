/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-test-util.h"

static const char *text =
  "Mayor Ilse Brandt opened the harbour bridge on Friday. "
  "Brandt said it cost €12 million, less than planned.\n";

/* An article with a valid sidecar: a mention, a claim and a note. */
static char *
write_article (const char *dir,
               const char *article_text)
{
  g_autofree char *json = test_sidecar_json (text,
    "[{\"id\": \"e1\", \"name\": \"Ilse Brandt\", \"label\": \"person\"}]",
    "[{\"id\": \"m1\", \"kind\": \"entity\", \"start\": 6, \"end\": 17, \"quote\": \"Ilse Brandt\","
    "  \"prefix\": \"Mayor \", \"suffix\": \" opened the harbour bridge on Fr\", \"label\": \"person\", \"entity\": \"e1\"},"
    " {\"id\": \"c1\", \"kind\": \"claim\", \"start\": 67, \"end\": 105,"
    "  \"quote\": \"it cost €12 million, less than planned\", \"prefix\": \"r bridge on Friday. Brandt said \","
    "  \"suffix\": \".\\n\", \"review\": {\"status\": \"in-review\", \"verdict\": null}},"
    " {\"id\": \"n1\", \"kind\": \"note\", \"start\": 29, \"end\": 43, \"quote\": \"harbour bridge\","
    "  \"prefix\": \"Mayor Ilse Brandt opened the \", \"suffix\": \" on Friday. Brandt said it cost \"}]");

  g_object_unref (test_write (dir, "article.txt", article_text));
  g_object_unref (test_write (dir, "article.txt.gloss.json", json));

  return g_build_filename (dir, "article.txt", NULL);
}

static void
test_info (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = write_article (dir, text);
  g_auto(TestRun) run = { 0, };

  test_run_cli (&run, "info", article, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Article:     article.txt\n"));
  g_assert_nonnull (strstr (run.out, "Annotations: 3 (1 entity mentions, 1 claims, 1 notes)\n"));
  g_assert_nonnull (strstr (run.out, "  Person           1\n"));
  g_assert_nonnull (strstr (run.out, "  In review        1\n"));
  g_assert_nonnull (strstr (run.out, "Anchoring:   3 exact, 0 moved, 0 approximate, 0 orphaned\n"));
  g_assert_nonnull (strstr (run.out, "  c1         claim   exact     67–105        “it cost €12 million, less than planned”\n"));

  test_remove_tree (dir);
}

static void
test_info_json (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *edited = g_strconcat ("UPDATE: ", text, NULL);
  g_autofree char *article = write_article (dir, edited);
  g_auto(TestRun) run = { 0, };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *kinds, *anchors;
  JsonArray *annotations;

  test_run_cli (&run, "info", "--json", article, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = test_parse_object (run.out);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (root, "source"),
                                                 "text_changed"));
  kinds = json_object_get_object_member (root, "kinds");
  g_assert_cmpint (json_object_get_int_member (kinds, "entity"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (kinds, "claim"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "labels"), "person"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "status"), "in-review"), ==, 1);
  anchors = json_object_get_object_member (root, "anchors");
  g_assert_cmpint (json_object_get_int_member (anchors, "moved"), ==, 3);
  annotations = json_object_get_array_member (root, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (annotations, 0), "start"), ==, 14);

  test_remove_tree (dir);
}

static void
test_check_clean (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = write_article (dir, text);
  g_auto(TestRun) run = { 0, };

  test_run_cli (&run, "check", article, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "article.txt.gloss.json: no problems\n");
  g_assert_cmpstr (run.err, ==, "");

  test_remove_tree (dir);
}

static void
test_check_problems (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = test_sidecar_json (text, NULL,
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 6, \"end\": 17, \"quote\": \"Ilse Brandt\", \"created\": \"yesterday\"},"
    " {\"id\": \"a1\", \"kind\": \"note\", \"start\": 400, \"end\": 406, \"quote\": \"Brandt\"},"
    " {\"id\": \"a3\", \"kind\": \"entity\", \"start\": 29, \"end\": 36, \"quote\": \"harbour\", \"entity\": \"e9\"},"
    " {\"id\": \"a4\", \"kind\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"Mayor\","
    "  \"review\": {\"status\": \"done\"}}]");
  g_autoptr(GFile) article = test_write (dir, "article.txt", text);
  g_autoptr(GFile) sidecar = test_write (dir, "article.txt.gloss.json", json);
  g_autofree char *path = g_file_get_path (article);
  g_auto(TestRun) human = { 0, };
  g_auto(TestRun) machine = { 0, };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *problems;
  g_autofree char *after = NULL;

  test_run_cli (&human, "check", path, NULL);
  g_assert_cmpint (human.status, ==, 1);
  g_assert_true (g_str_has_prefix (human.out, "article.txt.gloss.json: 6 problems\n"));
  g_assert_nonnull (strstr (human.out, "\na1\tannotation a1: “created” is “yesterday”"));
  g_assert_nonnull (strstr (human.out, "past the end of the text"));
  g_assert_nonnull (strstr (human.out, "\na3\tannotation a3 refers to the entity “e9”"));
  g_assert_nonnull (strstr (human.out, "\na4\tannotation a4, review: “status” should be one of"));

  test_run_cli (&machine, "check", "--json", path, NULL);
  g_assert_cmpint (machine.status, ==, 1);
  root = test_parse_object (machine.out);
  g_assert_false (json_object_get_boolean_member (root, "valid"));
  problems = json_object_get_array_member (root, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (problems, 0), "id"),
                   !=, NULL);

  /* check never writes */
  after = test_read_path (dir, "article.txt.gloss.json");
  g_assert_cmpstr (after, ==, json);

  test_remove_tree (dir);
}

static void
test_check_broken (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GFile) article = test_write (dir, "article.txt", text);
  g_autoptr(GFile) sidecar = test_write (dir, "article.txt.gloss.json", "{\n  \"format\": \"gloss\"\n  \"version\": 1\n}\n");
  g_autofree char *path = g_file_get_path (article);
  g_auto(TestRun) check = { 0, };
  g_auto(TestRun) info = { 0, };
  g_auto(TestRun) reanchor = { 0, };
  g_auto(TestRun) nothing = { 0, };
  g_autoptr(GFile) bare_file = NULL;
  g_autofree char *bare = NULL;

  test_run_cli (&check, "check", path, NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.out, "-\tarticle.txt.gloss.json: line 3, column 3: expected “,” or “}” after a member\n"));

  test_run_cli (&info, "info", path, NULL);
  g_assert_cmpint (info.status, ==, 2);
  g_assert_true (g_str_has_prefix (info.err, "gloss-cli: article.txt.gloss.json: line 3, column 3: expected “,” or “}” after a member\n"));
  g_assert_cmpstr (info.out, ==, "");

  test_run_cli (&reanchor, "reanchor", path, NULL);
  g_assert_cmpint (reanchor.status, ==, 2);
  g_assert_true (g_str_has_prefix (reanchor.err, "gloss-cli: "));

  /* no sidecar at all is fine */
  bare_file = test_write (dir, "bare.txt", text);
  bare = g_file_get_path (bare_file);
  test_run_cli (&nothing, "check", bare, NULL);
  g_assert_cmpint (nothing.status, ==, 0);
  g_assert_nonnull (strstr (nothing.out, "nothing to check"));

  test_remove_tree (dir);
}

static void
test_reanchor (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *edited = g_strconcat ("Lowmoor, 18 May. ", text, NULL);
  g_autofree char *article = write_article (dir, edited);
  g_autofree char *before = test_read_path (dir, "article.txt.gloss.json");
  g_auto(TestRun) dry = { 0, };
  g_auto(TestRun) real = { 0, };
  g_auto(TestRun) check = { 0, };
  g_autofree char *after_dry = NULL;
  g_autofree char *after = NULL;

  test_run_cli (&dry, "reanchor", "--dry-run", article, NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_cmpstr (dry.out, ==, "0 exact, 3 moved, 0 approximate, 0 orphaned\n"
                                "dry run: article.txt.gloss.json not changed\n");
  after_dry = test_read_path (dir, "article.txt.gloss.json");
  g_assert_cmpstr (after_dry, ==, before);

  test_run_cli (&real, "reanchor", article, NULL);
  g_assert_cmpint (real.status, ==, 0);
  g_assert_cmpstr (real.out, ==, "0 exact, 3 moved, 0 approximate, 0 orphaned\n"
                                 "saved article.txt.gloss.json\n");
  after = test_read_path (dir, "article.txt.gloss.json");
  g_assert_nonnull (strstr (after, "\"start\": 23"));

  test_run_cli (&check, "check", article, NULL);
  g_assert_cmpint (check.status, ==, 0);

  test_remove_tree (dir);
}

static void
test_reanchor_orphaned (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = write_article (dir, "Mayor Ilse Brandt opened the harbour bridge on Friday.\n");
  g_auto(TestRun) run = { 0, };
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *saved = NULL;
  JsonArray *orphaned;

  test_run_cli (&run, "reanchor", "--json", article, NULL);
  g_assert_cmpint (run.status, ==, 1);
  root = test_parse_object (run.out);
  orphaned = json_object_get_array_member (root, "orphaned");
  g_assert_cmpuint (json_array_get_length (orphaned), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (orphaned, 0), ==, "c1");
  g_assert_true (json_object_get_boolean_member (root, "saved"));
  saved = test_read_path (dir, "article.txt.gloss.json");
  g_assert_nonnull (strstr (saved, "\"orphaned\": true"));

  test_remove_tree (dir);
}

static void
test_usage (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = write_article (dir, text);
  g_autoptr(GFile) binary = NULL;
  g_autofree char *binary_path = NULL;
  const char *commands[] = { "info", "check", "reanchor" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(TestRun) unknown = { 0, };
      g_auto(TestRun) missing = { 0, };
      g_auto(TestRun) extra = { 0, };
      g_auto(TestRun) help = { 0, };
      g_auto(TestRun) absent = { 0, };

      test_run_cli (&unknown, commands[i], "--frobnicate", article, NULL);
      g_assert_cmpint (unknown.status, ==, 2);
      g_assert_true (g_str_has_prefix (unknown.err, "gloss-cli: "));
      g_assert_nonnull (strstr (unknown.err, "--frobnicate"));

      test_run_cli (&missing, commands[i], NULL);
      g_assert_cmpint (missing.status, ==, 2);
      g_assert_true (g_str_has_prefix (missing.err, "gloss-cli: "));

      test_run_cli (&extra, commands[i], article, article, NULL);
      g_assert_cmpint (extra.status, ==, 2);

      test_run_cli (&help, commands[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_nonnull (strstr (help.out, "--json"));

      test_run_cli (&absent, commands[i], "/nonexistent/gloss/article.txt", NULL);
      g_assert_cmpint (absent.status, ==, 2);
      g_assert_true (g_str_has_prefix (absent.err, "gloss-cli: "));
      g_assert_nonnull (strstr (absent.err, "article.txt"));
    }

  binary = test_write (dir, "photo.txt", "\x89PNG\r\n\x1a\n");
  g_file_replace_contents (binary, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, NULL);
  binary_path = g_file_get_path (binary);
  {
    g_auto(TestRun) run = { 0, };

    test_run_cli (&run, "info", binary_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "photo.txt"));
  }
  {
    g_auto(TestRun) run = { 0, };

    test_run_cli (&run, "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "gloss-cli: "));
  }

  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/cli/info", test_info);
  g_test_add_func ("/gloss/core/cli/info-json", test_info_json);
  g_test_add_func ("/gloss/core/cli/check-clean", test_check_clean);
  g_test_add_func ("/gloss/core/cli/check-problems", test_check_problems);
  g_test_add_func ("/gloss/core/cli/check-broken", test_check_broken);
  g_test_add_func ("/gloss/core/cli/reanchor", test_reanchor);
  g_test_add_func ("/gloss/core/cli/reanchor-orphaned", test_reanchor_orphaned);
  g_test_add_func ("/gloss/core/cli/usage", test_usage);

  return g_test_run ();
}
