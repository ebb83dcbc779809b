/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-test-util.h"

static const char text[] =
  "Mayor Ilse Brandt opened the harbour bridge on Friday. "
  "Brandt said it cost €12 million, less than planned.\n"
  "Piet de Vries said the council approved it in March. "
  "Critics called the bridge a waste of money.\n";

/* A claim of @text at its first occurrence of @quote, in code points. */
static char *
claim_json (const char *id,
            const char *quote,
            const char *review)
{
  const char *found = strstr (text, quote);
  glong start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  return g_strdup_printf ("{\"id\": \"%s\", \"kind\": \"claim\", \"start\": %ld, \"end\": %ld, "
                          "\"quote\": \"%s\", \"review\": %s}",
                          id, start, start + g_utf8_strlen (quote, -1), quote, review);
}

/* Four claims, one of each status, written in no particular order. */
static char *
write_article (const char *dir)
{
  g_autofree char *c1 = claim_json ("c1", "Brandt said it cost €12 million, less than planned.",
    "{\"status\": \"reviewed\", \"verdict\": \"mostly-false\", \"claimant\": \"e1\","
    " \"sources\": [\"https://council.example.org/minutes\", \"Council minutes, 3 March, p. 4\"],"
    " \"reviewer\": \"Ana Ruiz\", \"reviewed\": \"2026-05-18T12:00:00Z\"}, "
    "\"note\": \"The minutes give €14 million.\\nAsk the treasurer.\"");
  g_autofree char *c2 = claim_json ("c2", "Piet de Vries said the council approved it in March.",
    "{\"status\": \"in-review\", \"verdict\": null, \"claimant\": \"The council press office\"}");
  g_autofree char *c3 = claim_json ("c3", "Critics called the bridge a waste of money.",
    "{\"status\": \"unreviewed\", \"verdict\": null}");
  g_autofree char *c4 = claim_json ("c4", "opened the harbour bridge on Friday",
    "{\"status\": \"dismissed\", \"verdict\": \"true\"}");
  g_autofree char *annotations = g_strdup_printf ("[%s, %s, %s, %s]", c3, c1, c4, c2);
  g_autofree char *json = test_sidecar_json (text,
    "[{\"id\": \"e1\", \"name\": \"Ilse Brandt\", \"label\": \"person\","
    "  \"aliases\": [\"Brandt\"]}]",
    annotations);

  g_object_unref (test_write (dir, "bridge.txt", text));
  g_object_unref (test_write (dir, "bridge.txt.gloss.json", json));

  return g_build_filename (dir, "bridge.txt", NULL);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in:\n%s", needle, haystack);
}

static void
test_report (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = write_article (dir);
  g_auto(TestRun) run = { 0, };
  const char *first, *second, *third;

  test_run_cli (&run, "claims", article, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "4 claims: 1 unreviewed, 1 in review, 1 reviewed, "
                                             "1 dismissed\n\n1. "));
  assert_contains (run.out,
                   "1. “opened the harbour bridge on Friday”\n"
                   "   Status:    Dismissed\n"
                   "   Verdict:   True\n"
                   "   Position:  18–53 (id c4)\n");
  assert_contains (run.out,
                   "2. “Brandt said it cost €12 million, less than planned.”\n"
                   "   Status:    Reviewed\n"
                   "   Verdict:   Mostly false\n"
                   "   Claimant:  Ilse Brandt\n"
                   "   Reviewed:  Ana Ruiz, 18 May 2026\n"
                   "   Sources:   https://council.example.org/minutes\n"
                   "              Council minutes, 3 March, p. 4\n"
                   "   Note:      The minutes give €14 million.\n"
                   "              Ask the treasurer.\n"
                   "   Position:  55–106 (id c1)\n");
  assert_contains (run.out,
                   "3. “Piet de Vries said the council approved it in March.”\n"
                   "   Status:    In review\n"
                   "   Verdict:   No verdict\n"
                   "   Claimant:  The council press office\n"
                   "   Position:  107–159 (id c2)\n");
  assert_contains (run.out, "4. “Critics called the bridge a waste of money.”\n");

  /* in the order of the text */
  first = strstr (run.out, "(id c4)");
  second = strstr (run.out, "(id c1)");
  third = strstr (run.out, "(id c2)");
  g_assert_true (first < second && second < third && third < strstr (run.out, "(id c3)"));

  test_remove_tree (dir);
}

static void
test_filter (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = write_article (dir);
  g_auto(TestRun) open = { 0, };
  g_auto(TestRun) verdict = { 0, };
  g_auto(TestRun) nothing = { 0, };

  /* what is left to do, for the morning */
  test_run_cli (&open, "claims", "--status", "unreviewed, in-review", article, NULL);
  g_assert_cmpint (open.status, ==, 0);
  g_assert_true (g_str_has_prefix (open.out,
                                   "4 claims: 1 unreviewed, 1 in review, 1 reviewed, 1 dismissed\n"
                                   "Showing 2 of them.\n\n"
                                   "1. “Piet de Vries"));
  assert_contains (open.out, "\n2. “Critics called");
  g_assert_null (strstr (open.out, "\n3. "));

  test_run_cli (&verdict, "claims", "--verdict=mostly-false,false", article, NULL);
  g_assert_cmpint (verdict.status, ==, 0);
  assert_contains (verdict.out, "Showing 1 of them.\n\n1. “Brandt said");
  g_assert_null (strstr (verdict.out, "\n2. "));

  test_run_cli (&nothing, "claims", "--verdict", "none", "--status", "reviewed", article, NULL);
  g_assert_cmpint (nothing.status, ==, 0);
  assert_contains (nothing.out, "Showing 0 of them.\n");
  g_assert_null (strstr (nothing.out, "1. "));

  test_remove_tree (dir);
}

static void
test_bad_values (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = write_article (dir);
  g_auto(TestRun) status = { 0, };
  g_auto(TestRun) verdict = { 0, };
  g_auto(TestRun) empty = { 0, };

  test_run_cli (&status, "claims", "--status", "reviewed,done", article, NULL);
  g_assert_cmpint (status.status, ==, 2);
  g_assert_cmpstr (status.out, ==, "");
  g_assert_cmpstr (status.err, ==, "gloss-cli: --status: “done” is not one of: "
                                   "unreviewed, in-review, reviewed, dismissed\n");

  test_run_cli (&verdict, "claims", "--verdict", "Mostly false", article, NULL);
  g_assert_cmpint (verdict.status, ==, 2);
  g_assert_cmpstr (verdict.err, ==, "gloss-cli: --verdict: “Mostly false” is not one of: none, "
                                    "true, mostly-true, mixed, mostly-false, false, misleading, "
                                    "unverifiable\n");

  test_run_cli (&empty, "claims", "--status=", article, NULL);
  g_assert_cmpint (empty.status, ==, 2);
  assert_contains (empty.err, "“” is not one of");

  test_remove_tree (dir);
}

static JsonObject *
claim_at (JsonArray *claims,
          guint      index)
{
  return json_array_get_object_element (claims, index);
}

static void
test_json (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *article = write_article (dir);
  g_auto(TestRun) run = { 0, };
  g_auto(TestRun) filtered = { 0, };
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) some = NULL;
  JsonObject *counts, *reviewed, *claimant;
  JsonArray *claims, *sources;

  test_run_cli (&run, "claims", "--json", article, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = test_parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "article"), ==, "bridge.txt");
  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "total"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (counts, "in-review"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "dismissed"), ==, 1);
  claims = json_object_get_array_member (root, "claims");
  g_assert_cmpuint (json_array_get_length (claims), ==, 4);

  reviewed = claim_at (claims, 1);
  g_assert_cmpstr (json_object_get_string_member (reviewed, "id"), ==, "c1");
  g_assert_cmpint (json_object_get_int_member (reviewed, "start"), ==, 55);
  g_assert_cmpint (json_object_get_int_member (reviewed, "end"), ==, 106);
  g_assert_cmpstr (json_object_get_string_member (reviewed, "anchor"), ==, "exact");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "quote"), ==,
                   "Brandt said it cost €12 million, less than planned.");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "status"), ==, "reviewed");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "verdict"), ==, "mostly-false");
  claimant = json_object_get_object_member (reviewed, "claimant");
  g_assert_cmpstr (json_object_get_string_member (claimant, "name"), ==, "Ilse Brandt");
  g_assert_cmpstr (json_object_get_string_member (claimant, "entity"), ==, "e1");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "reviewer"), ==, "Ana Ruiz");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "reviewed"), ==,
                   "2026-05-18T12:00:00Z");
  sources = json_object_get_array_member (reviewed, "sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (sources, 1), ==,
                   "Council minutes, 3 March, p. 4");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "note"), ==,
                   "The minutes give €14 million.\nAsk the treasurer.");

  /* free text is a name without an entity; what is not there is null */
  claimant = json_object_get_object_member (claim_at (claims, 2), "claimant");
  g_assert_cmpstr (json_object_get_string_member (claimant, "name"), ==,
                   "The council press office");
  g_assert_true (json_object_get_null_member (claimant, "entity"));
  g_assert_true (json_object_get_null_member (claim_at (claims, 2), "verdict"));
  g_assert_true (json_object_get_null_member (claim_at (claims, 3), "claimant"));
  g_assert_true (json_object_get_null_member (claim_at (claims, 3), "reviewer"));
  sources = json_object_get_array_member (claim_at (claims, 3), "sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 0);

  /* a filter lists fewer, and counts stay whole */
  test_run_cli (&filtered, "claims", "--json", "--status=dismissed", article, NULL);
  some = test_parse_object (filtered.out);
  counts = json_object_get_object_member (some, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "total"), ==, 4);
  claims = json_object_get_array_member (some, "claims");
  g_assert_cmpuint (json_array_get_length (claims), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (claim_at (claims, 0), "id"), ==, "c4");

  test_remove_tree (dir);
}

static void
test_unusual_articles (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GFile) bare = test_write (dir, "bare.txt", text);
  g_autoptr(GFile) broken = test_write (dir, "broken.txt", text);
  g_autoptr(GFile) sidecar = test_write (dir, "broken.txt.gloss.json", "{\"format\": \"gloss\",\n");
  g_auto(TestRun) none = { 0, };
  g_auto(TestRun) none_json = { 0, };
  g_auto(TestRun) unreadable = { 0, };
  g_auto(TestRun) missing = { 0, };
  g_autoptr(JsonObject) root = NULL;

  test_run_cli (&none, "claims", g_file_peek_path (bare), NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "No claims.\n");

  test_run_cli (&none_json, "claims", "--json", g_file_peek_path (bare), NULL);
  g_assert_cmpint (none_json.status, ==, 0);
  root = test_parse_object (none_json.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claims")), ==, 0);

  /* broken annotations are no evidence of no claims */
  test_run_cli (&unreadable, "claims", g_file_peek_path (broken), NULL);
  g_assert_cmpint (unreadable.status, ==, 2);
  g_assert_cmpstr (unreadable.out, ==, "");
  assert_contains (unreadable.err, "gloss-cli: the annotations cannot be read, "
                                   "so the claims cannot be listed: ");
  assert_contains (unreadable.err, "broken.txt.gloss.json: line ");

  test_run_cli (&missing, "claims", "/nonexistent/gloss/bridge.txt", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  assert_contains (missing.err, "bridge.txt");

  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  /* Month names and review days as the assertions spell them. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/cli/claims/report", test_report);
  g_test_add_func ("/gloss/core/cli/claims/filter", test_filter);
  g_test_add_func ("/gloss/core/cli/claims/bad-values", test_bad_values);
  g_test_add_func ("/gloss/core/cli/claims/json", test_json);
  g_test_add_func ("/gloss/core/cli/claims/unusual-articles", test_unusual_articles);

  return g_test_run ();
}
