/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "test-run.h"
#include "web-test-util.h"

static void
assert_usage_error (TestRun    *run,
                    const char *in_message)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "gloss-cli: "));
  if (strstr (run->err, in_message) == NULL)
    g_error ("“%s” should mention “%s”", run->err, in_message);
}

static void
test_extract_json (void)
{
  g_autofree char *page = web_test_data_path ("article-tag.html");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  TestRun run = { 0, };
  JsonObject *object;

  test_run_cli (&run, "extract", page, "--url", "https://coastal.example/news/today", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   "Harbour council approves new flood barrier");
  g_assert_cmpstr (json_object_get_string_member (object, "author"), ==, "Maria Lund");
  g_assert_cmpstr (json_object_get_string_member (object, "publisher"), ==, "Coastal Herald");
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "en-GB");
  g_assert_cmpstr (json_object_get_string_member (object, "url"), ==,
                   "https://coastal.example/news/2024/harbour-flood-barrier");
  g_assert_true (json_object_get_null_member (object, "published"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "text"),
                                   "The harbour council voted"));
  test_run_clear (&run);
}

static void
test_extract_text (void)
{
  g_autofree char *page = web_test_data_path ("open-graph.html");
  TestRun run = { 0, };

  test_run_cli (&run, "extract", page, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Marché de Noël : les artisans reviennent sur la place\n\n"
                                            "Le marché de Noël ouvre ses portes samedi"));
  test_run_clear (&run);
}

static void
test_extract_save (void)
{
  g_autofree char *page = web_test_data_path ("json-ld-graph.html");
  g_autofree char *dir = g_dir_make_tmp ("gloss-cli-web-XXXXXX", NULL);
  g_autofree char *expected = g_build_filename (dir, "a-lighthouse-keeper-s-last-winter.txt\n", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "a-lighthouse-keeper-s-last-winter.txt.gloss.json", NULL);
  TestRun run = { 0, };

  test_run_cli (&run, "extract", page, "-o", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_REGULAR));
  test_remove_tree (dir);
  test_run_clear (&run);
}

static void
test_extract_errors (void)
{
  g_autofree char *page = web_test_data_path ("article-tag.html");
  g_autofree char *no_article = web_test_data_path ("no-article.html");
  TestRun run = { 0, };

  test_run_cli (&run, "extract", page, "--json", "-o", "out", NULL);
  assert_usage_error (&run, "--json");
  test_run_cli (&run, "extract", NULL);
  assert_usage_error (&run, "PAGE");
  test_run_cli (&run, "extract", "/nonexistent/page.html", NULL);
  assert_usage_error (&run, "/nonexistent/page.html");
  test_run_cli (&run, "extract", no_article, NULL);
  assert_usage_error (&run, "No article text");
  test_run_clear (&run);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  const char *story = user_data;

  if (g_str_equal (path, "/story"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                        story, strlen (story));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
assert_fetched_sidecar (const char *text_path,
                        const char *url)
{
  g_autofree char *sidecar = g_strconcat (text_path, ".gloss.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *source;

  json_parser_load_from_file (parser, sidecar, &error);
  g_assert_no_error (error);
  source = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "source");
  g_assert_cmpstr (json_object_get_string_member (source, "url"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (source, "author"), ==, "Maria Lund");
  g_assert_true (json_object_has_member (source, "fetched"));
}

static void
test_fetch (void)
{
  g_autofree char *page = web_test_data_path ("article-tag.html");
  g_autofree char *story = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-cli-web-XXXXXX", NULL);
  g_autofree char *saved = g_build_filename (dir, "harbour-council-approves-new-flood-barrier.txt", NULL);
  g_autofree char *expected = g_strconcat (saved, "\n", NULL);
  TestRun run = { 0, };

  g_assert_true (g_file_get_contents (page, &story, NULL, NULL));
  base = web_test_start_server (&server, server_cb, story);
  url = g_strconcat (base, "/story", NULL);
  missing = g_strconcat (base, "/gone", NULL);

  test_run_cli (&run, "fetch", url, "-o", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  assert_fetched_sidecar (saved, url);

  test_run_cli (&run, "fetch", missing, "-o", dir, NULL);
  assert_usage_error (&run, "404");
  test_run_cli (&run, "fetch", "ftp://127.0.0.1/story", NULL);
  assert_usage_error (&run, "ftp");

  soup_server_disconnect (server);
  test_remove_tree (dir);
  test_run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/web/cli/extract-json", test_extract_json);
  g_test_add_func ("/gloss/web/cli/extract-text", test_extract_text);
  g_test_add_func ("/gloss/web/cli/extract-save", test_extract_save);
  g_test_add_func ("/gloss/web/cli/extract-errors", test_extract_errors);
  g_test_add_func ("/gloss/web/cli/fetch", test_fetch);

  return g_test_run ();
}
