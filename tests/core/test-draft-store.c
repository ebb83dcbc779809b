/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "gloss-draft-store.h"
#include "gloss-test-util.h"

typedef struct
{
  char            *dir;
  GFile           *folder;
  GlossDraftStore *store;
} Fixture;

static const char sidecar_json[] =
  "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n  \"annotations\": []\n}\n";

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = test_make_dir ();
  fixture->folder = g_file_new_build_filename (fixture->dir, "drafts", NULL);
  fixture->store = gloss_draft_store_new_for_folder (fixture->folder);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->folder);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* An article file at @relative_path under the fixture's folder. */
static GFile *
make_article (Fixture    *fixture,
              const char *relative_path)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative_path, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, "The text as saved.\n", -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GBytes *
sidecar_bytes (void)
{
  return g_bytes_new_static (sidecar_json, strlen (sidecar_json));
}

static void
save_ok (Fixture    *fixture,
         GFile      *article,
         const char *text,
         GBytes     *sidecar)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_draft_store_save (fixture->store, article, text, sidecar, &error));
  g_assert_no_error (error);
}

static GlossDraft *
lookup_ok (Fixture *fixture,
           GFile   *article)
{
  g_autoptr(GError) error = NULL;
  GlossDraft *draft = gloss_draft_store_lookup (fixture->store, article, &error);

  g_assert_no_error (error);
  return draft;
}

/* The names in the drafts folder, sorted, joined by spaces. */
static char *
folder_listing (Fixture *fixture)
{
  g_autofree char *path = g_file_get_path (fixture->folder);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
draft_file_name (Fixture *fixture,
                 GFile   *article)
{
  g_autoptr(GFile) file = gloss_draft_store_dup_draft_file (fixture->store, article);

  return g_file_get_basename (file);
}

/* The drafts folder holds the draft of @article and nothing else: no
 * temporary file was left behind. */
static void
assert_folder_holds_only (Fixture *fixture,
                          GFile   *article)
{
  g_autofree char *expected = draft_file_name (fixture, article);
  g_autofree char *listing = folder_listing (fixture);

  g_assert_cmpstr (listing, ==, expected);
}

static void
write_draft_file (Fixture    *fixture,
                  GFile      *article,
                  const char *contents)
{
  g_autoptr(GFile) file = gloss_draft_store_dup_draft_file (fixture->store, article);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (fixture->folder), 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_draft (GlossDraft *draft,
              GFile      *article,
              const char *text,
              GBytes     *sidecar)
{
  g_autofree char *uri = g_file_get_uri (article);
  g_autoptr(GFile) draft_article = NULL;

  g_assert_nonnull (draft);
  g_assert_cmpstr (gloss_draft_get_uri (draft), ==, uri);
  draft_article = gloss_draft_dup_article (draft);
  g_assert_true (g_file_equal (draft_article, article));
  g_assert_cmpstr (gloss_draft_get_text (draft), ==, text);
  if (sidecar == NULL)
    g_assert_null (gloss_draft_get_sidecar (draft));
  else
    g_assert_true (g_bytes_equal (gloss_draft_get_sidecar (draft), sidecar));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "news/report.txt");
  g_autoptr(GBytes) sidecar = sidecar_bytes ();
  g_autoptr(GlossDraft) draft = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Überschrift\nChina.The visit \"quoted\" \\ and a tab\tend — ✓\n";
  GStatBuf st;

  save_ok (fixture, article, text, sidecar);
  after = g_date_time_new_now_utc ();

  draft = lookup_ok (fixture, article);
  assert_draft (draft, article, text, sidecar);
  g_assert_cmpint (g_date_time_compare (gloss_draft_get_saved (draft), before), >=, 0);
  g_assert_cmpint (g_date_time_compare (gloss_draft_get_saved (draft), after), <=, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (gloss_draft_get_saved (draft)), ==, 0);

  /* Drafts hold the user's text: nobody else may read them. */
  file = gloss_draft_store_dup_draft_file (fixture->store, article);
  g_assert_cmpint (g_stat (g_file_peek_path (file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  drafts = gloss_draft_store_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  assert_draft (g_ptr_array_index (drafts, 0), article, text, sidecar);

  g_assert_true (gloss_draft_store_discard (fixture->store, article, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_null (lookup_ok (fixture, article));

  /* Discarding what is not there is not a failure. */
  g_assert_true (gloss_draft_store_discard (fixture->store, article, &error));
  g_assert_no_error (error);
}

static void
test_without_sidecar (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "plain.txt");
  g_autoptr(GlossDraft) draft = NULL;

  save_ok (fixture, article, "", NULL);
  draft = lookup_ok (fixture, article);
  assert_draft (draft, article, "", NULL);
}

static void
test_no_draft (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  /* The folder does not exist until the first save. */
  g_assert_false (g_file_query_exists (fixture->folder, NULL));
  g_assert_null (lookup_ok (fixture, article));

  drafts = gloss_draft_store_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (drafts);
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
test_same_basename (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) first = make_article (fixture, "monday/report.txt");
  g_autoptr(GFile) second = make_article (fixture, "tuesday/report.txt");
  g_autoptr(GlossDraft) first_draft = NULL;
  g_autoptr(GlossDraft) second_draft = NULL;
  g_autoptr(GlossDraft) again = NULL;
  g_autofree char *first_name = draft_file_name (fixture, first);
  g_autofree char *second_name = draft_file_name (fixture, second);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (first_name, !=, second_name);

  save_ok (fixture, first, "Monday's edits", NULL);
  save_ok (fixture, second, "Tuesday's edits", NULL);

  first_draft = lookup_ok (fixture, first);
  second_draft = lookup_ok (fixture, second);
  assert_draft (first_draft, first, "Monday's edits", NULL);
  assert_draft (second_draft, second, "Tuesday's edits", NULL);

  g_assert_true (gloss_draft_store_discard (fixture->store, first, &error));
  g_assert_no_error (error);
  g_assert_null (lookup_ok (fixture, first));
  again = lookup_ok (fixture, second);
  assert_draft (again, second, "Tuesday's edits", NULL);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GlossDraft) draft = NULL;

  save_ok (fixture, article, "first edit", NULL);
  save_ok (fixture, article, "second edit", NULL);

  draft = lookup_ok (fixture, article);
  assert_draft (draft, article, "second edit", NULL);

  /* One file per article. */
  assert_folder_holds_only (fixture, article);
}

static void
test_list_newest_first (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) older = make_article (fixture, "a/older.txt");
  g_autoptr(GFile) newer = make_article (fixture, "b/newer.txt");
  g_autoptr(GFile) broken = make_article (fixture, "c/broken.txt");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stray_path = NULL;

  save_ok (fixture, older, "older", NULL);
  g_usleep (2000);
  save_ok (fixture, newer, "newer", NULL);
  write_draft_file (fixture, broken, "{ not json");
  stray_path = g_build_filename (g_file_peek_path (fixture->folder), "notes.txt", NULL);
  g_assert_true (g_file_set_contents (stray_path, "not a draft", -1, NULL));

  drafts = gloss_draft_store_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 2);
  assert_draft (g_ptr_array_index (drafts, 0), newer, "newer", NULL);
  assert_draft (g_ptr_array_index (drafts, 1), older, "older", NULL);
}

static void
assert_lookup_fails (Fixture    *fixture,
                     GFile      *article,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDraft) draft = gloss_draft_store_lookup (fixture->store, article, &error);
  g_autoptr(GFile) file = gloss_draft_store_dup_draft_file (fixture->store, article);
  g_autofree char *basename = g_file_get_basename (article);

  g_assert_null (draft);
  g_assert_error (error, GLOSS_CORE_ERROR, code);
  /* The message names the article and where its draft is. */
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
  /* The damaged draft is left for the user to decide about. */
  g_assert_true (g_file_query_exists (file, NULL));
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GFile) other = make_article (fixture, "other/report.txt");
  g_autoptr(GFile) other_file = NULL;
  g_autofree char *other_contents = NULL;

  write_draft_file (fixture, article, "{ \"format\": \"gloss-draft\", \"text\": ");
  assert_lookup_fails (fixture, article, GLOSS_CORE_ERROR_PARSE);

  write_draft_file (fixture, article, "");
  assert_lookup_fails (fixture, article, GLOSS_CORE_ERROR_INVALID);

  write_draft_file (fixture, article, "[1, 2, 3]");
  assert_lookup_fails (fixture, article, GLOSS_CORE_ERROR_INVALID);

  write_draft_file (fixture, article,
                    "{ \"format\": \"gloss-draft\", \"version\": 1, \"article\": \"file:///x\","
                    " \"saved\": \"2026-05-18T09:30:00Z\" }");
  assert_lookup_fails (fixture, article, GLOSS_CORE_ERROR_INVALID);

  write_draft_file (fixture, article,
                    "{ \"format\": \"gloss-draft\", \"version\": 1, \"article\": \"file:///x\","
                    " \"saved\": \"yesterday\", \"text\": \"t\" }");
  assert_lookup_fails (fixture, article, GLOSS_CORE_ERROR_INVALID);

  write_draft_file (fixture, article,
                    "{ \"format\": \"gloss-draft\", \"version\": 7, \"article\": \"file:///x\","
                    " \"saved\": \"2026-05-18T09:30:00Z\", \"text\": \"t\" }");
  assert_lookup_fails (fixture, article, GLOSS_CORE_ERROR_NEWER_VERSION);

  /* A whole, valid draft under the wrong name belongs to another article. */
  save_ok (fixture, other, "the other article's edits", NULL);
  other_file = gloss_draft_store_dup_draft_file (fixture->store, other);
  g_assert_true (g_file_load_contents (other_file, NULL, &other_contents, NULL, NULL, NULL));
  write_draft_file (fixture, article, other_contents);
  assert_lookup_fails (fixture, article, GLOSS_CORE_ERROR_INVALID);
}

static void
test_refuses_invalid_utf8 (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GBytes) bad_sidecar = g_bytes_new_static ("{\"a\": \"\xff\"}", 10);
  g_autoptr(GlossDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (fixture, article, "kept", NULL);

  g_assert_false (gloss_draft_store_save (fixture->store, article, "caf\xe9", NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "report.txt"));
  g_clear_error (&error);

  g_assert_false (gloss_draft_store_save (fixture->store, article, "fine", bad_sidecar, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);

  draft = lookup_ok (fixture, article);
  assert_draft (draft, article, "kept", NULL);
}

/* Writes fail past the size limit; the process is not killed for it. */
static void
limit_file_size (rlim_t         limit,
                 struct rlimit *saved)
{
  struct rlimit lower;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, saved), ==, 0);
  lower = *saved;
  lower.rlim_cur = limit;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &lower), ==, 0);
}

static void
test_atomic_write (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GlossDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (256 * 1024, 'x');
  struct rlimit saved;

  save_ok (fixture, article, "the last good draft", NULL);

  /* The write of the new draft fails halfway through. */
  limit_file_size (64 * 1024, &saved);
  g_assert_false (gloss_draft_store_save (fixture->store, article, big, NULL, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "report.txt"));

  /* The old draft is whole, and the half-written file is gone. */
  draft = lookup_ok (fixture, article);
  assert_draft (draft, article, "the last good draft", NULL);
  assert_folder_holds_only (fixture, article);
}

static void
test_failed_first_write (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GFile) file = gloss_draft_store_dup_draft_file (fixture->store, article);
  g_autoptr(GError) error = NULL;

  /* Something that is not a file sits where the draft goes. */
  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (file), 0700), ==, 0);

  g_assert_false (gloss_draft_store_save (fixture->store, article, "edits", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "report.txt"));
  assert_folder_holds_only (fixture, article);
}

static void
set_mtime (GFile *file,
           gint64 seconds_from_now)
{
  g_autoptr(GError) error = NULL;
  guint64 when = g_get_real_time () / G_USEC_PER_SEC + seconds_from_now;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, when,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_older_than_article (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GlossDraft) before_edit = NULL;
  g_autoptr(GlossDraft) after_edit = NULL;
  g_autoptr(GlossDraft) gone = NULL;
  g_autoptr(GError) error = NULL;

  set_mtime (article, -3600);
  save_ok (fixture, article, "draft text", NULL);
  before_edit = lookup_ok (fixture, article);
  g_assert_nonnull (gloss_draft_get_article_modified (before_edit));
  g_assert_false (gloss_draft_get_older_than_article (before_edit));

  /* Someone saved the article after the draft was taken: still offered. */
  set_mtime (article, 3600);
  after_edit = lookup_ok (fixture, article);
  assert_draft (after_edit, article, "draft text", NULL);
  g_assert_true (gloss_draft_get_older_than_article (after_edit));

  g_assert_true (g_file_delete (article, NULL, &error));
  g_assert_no_error (error);
  gone = lookup_ok (fixture, article);
  assert_draft (gone, article, "draft text", NULL);
  g_assert_null (gloss_draft_get_article_modified (gone));
  g_assert_false (gloss_draft_get_older_than_article (gone));
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GBytes) sidecar = sidecar_bytes ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GlossDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  gloss_draft_store_save_async (fixture->store, article, "first", NULL, NULL,
                                test_store_result_cb, &first);
  gloss_draft_store_save_async (fixture->store, article, "second", sidecar, NULL,
                                test_store_result_cb, &second);
  g_assert_true (gloss_draft_store_save_finish (fixture->store, test_wait_for_result (&first), &error));
  g_assert_no_error (error);
  g_assert_true (gloss_draft_store_save_finish (fixture->store, test_wait_for_result (&second), &error));
  g_assert_no_error (error);

  /* Whichever thread ran last, the later call's draft is the one kept. */
  gloss_draft_store_lookup_async (fixture->store, article, NULL, test_store_result_cb, &found);
  draft = gloss_draft_store_lookup_finish (fixture->store, test_wait_for_result (&found), &error);
  g_assert_no_error (error);
  assert_draft (draft, article, "second", sidecar);
}

static void
test_discard_beats_pending_save (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) article = make_article (fixture, "report.txt");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GlossDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  /* The document was saved while its draft was still being written. */
  gloss_draft_store_save_async (fixture->store, article, "stale", NULL, NULL,
                                test_store_result_cb, &result);
  g_assert_true (gloss_draft_store_discard (fixture->store, article, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_draft_store_save_finish (fixture->store, test_wait_for_result (&result), &error));
  g_assert_no_error (error);

  g_assert_null (lookup_ok (fixture, article));
  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, "");

  gloss_draft_store_lookup_async (fixture->store, article, NULL, test_store_result_cb, &found);
  draft = gloss_draft_store_lookup_finish (fixture->store, test_wait_for_result (&found), &error);
  g_assert_no_error (error);
  g_assert_null (draft);
}

static void
test_default_folder (void)
{
  g_autoptr(GlossDraftStore) store = gloss_draft_store_new ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "gloss", "drafts", NULL);

  g_assert_cmpstr (g_file_peek_path (gloss_draft_store_get_folder (store)), ==, expected);
}

#define ADD(path, func) \
  g_test_add ("/gloss/core/draft-store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("round-trip", test_round_trip);
  ADD ("without-sidecar", test_without_sidecar);
  ADD ("no-draft", test_no_draft);
  ADD ("same-basename", test_same_basename);
  ADD ("replace", test_replace);
  ADD ("list-newest-first", test_list_newest_first);
  ADD ("corrupt", test_corrupt);
  ADD ("refuses-invalid-utf8", test_refuses_invalid_utf8);
  ADD ("atomic-write", test_atomic_write);
  ADD ("failed-first-write", test_failed_first_write);
  ADD ("older-than-article", test_older_than_article);
  ADD ("async", test_async);
  ADD ("discard-beats-pending-save", test_discard_beats_pending_save);
  g_test_add_func ("/gloss/core/draft-store/default-folder", test_default_folder);

  return g_test_run ();
}
