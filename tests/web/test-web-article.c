/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-web.h"
#include "web-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

static const char page_html[] =
  "<html lang=\"de\"><head><title>Fähre fällt aus | Inselbote</title>"
  "<meta property=\"og:site_name\" content=\"Inselbote\">"
  "<meta name=\"author\" content=\"Jens Möller\">"
  "<meta property=\"article:published_time\" content=\"2024-02-01T08:00:00+01:00\">"
  "</head><body><article>"
  "<p>Die Fähre zwischen dem Festland und der Insel fällt am Wochenende aus, weil der Sturm "
  "am Donnerstag den Anleger beschädigt hat, teilte die Reederei am Freitag mit.</p>"
  "<p>Ein Ersatzschiff soll ab Montag fahren, allerdings nur zweimal am Tag, und Autos "
  "können vorerst nicht mitgenommen werden, sagte ein Sprecher der Reederei.</p>"
  "</article></body></html>";

static void
test_slug (void)
{
  static const struct { const char *title; const char *slug; } cases[] = {
    { "Harbour council approves new flood barrier", "harbour-council-approves-new-flood-barrier" },
    { "Évian café: 10 façons de boire l'eau!", "evian-cafe-10-facons-de-boire-l-eau" },
    { "  --Storm!!  ", "storm" },
    { "", "article" },
    { "日本語のタイトル", "article" },
    { NULL, "article" },
  };
  g_autofree char *long_slug = NULL;
  g_autofree char *one_word = NULL;
  g_autofree char *one_word_slug = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = gloss_web_article_slug (cases[i].title);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }

  long_slug = gloss_web_article_slug ("The ferry company will run two extra departures a day "
                                      "between the mainland and the islands from June");
  g_assert_cmpuint (strlen (long_slug), <=, GLOSS_WEB_ARTICLE_MAX_SLUG);
  g_assert_cmpstr (long_slug, ==, "the-ferry-company-will-run-two-extra-departures-a-day");

  one_word = g_strnfill (100, 'x');
  one_word_slug = gloss_web_article_slug (one_word);
  g_assert_cmpuint (strlen (one_word_slug), ==, GLOSS_WEB_ARTICLE_MAX_SLUG);
}

static JsonObject *
read_source (GFile      *text_file,
             JsonParser *parser)
{
  g_autofree char *sidecar = g_strconcat (g_file_peek_path (text_file), ".gloss.json", NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, sidecar, &error);
  g_assert_no_error (error);
  return json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                        "source");
}

static void
assert_saved_files (GFile      *text_file,
                    const char *stem)
{
  g_autofree char *name = g_file_get_basename (text_file);
  g_autofree char *expected_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *page_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;

  g_assert_cmpstr (name, ==, expected_name);
  g_assert_true (g_file_get_contents (g_file_peek_path (text_file), &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Fähre fällt aus\n\nDie Fähre zwischen dem Festland"));
  g_assert_true (g_str_has_suffix (text, "sagte ein Sprecher der Reederei.\n"));

  page_path = g_strndup (g_file_peek_path (text_file), strlen (g_file_peek_path (text_file)) - strlen ("txt"));
  page_path = g_realloc (page_path, strlen (page_path) + strlen ("html") + 1);
  strcat (page_path, "html");
  g_assert_true (g_file_get_contents (page_path, &page, NULL, NULL));
  g_assert_cmpstr (page, ==, page_html);
}

static void
test_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-web-article-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GBytes) body = g_bytes_new_static (page_html, strlen (page_html));
  g_autoptr(GlossWebPage) page = gloss_web_page_new ("https://inselbote.example/faehre", NULL, NULL, body);
  g_autoptr(GlossExtraction) extraction = gloss_web_page_extract (page, &error);
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *source;

  g_assert_no_error (error);
  first = gloss_web_article_save (folder, page, extraction, NULL, &error);
  g_assert_no_error (error);
  assert_saved_files (first, "fahre-fallt-aus");

  source = read_source (first, parser);
  g_assert_cmpstr (json_object_get_string_member (source, "file"), ==, "fahre-fallt-aus.txt");
  g_assert_cmpstr (json_object_get_string_member (source, "url"), ==, "https://inselbote.example/faehre");
  g_assert_cmpstr (json_object_get_string_member (source, "title"), ==, "Fähre fällt aus");
  g_assert_cmpstr (json_object_get_string_member (source, "publisher"), ==, "Inselbote");
  g_assert_cmpstr (json_object_get_string_member (source, "author"), ==, "Jens Möller");
  g_assert_cmpstr (json_object_get_string_member (source, "published"), ==, "2024-02-01T08:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (source, "language"), ==, "de");
  /* Read from memory, not fetched: no fetch time. */
  g_assert_false (json_object_has_member (source, "fetched"));

  second = gloss_web_article_save (folder, page, extraction, NULL, &error);
  g_assert_no_error (error);
  assert_saved_files (second, "fahre-fallt-aus-2");

  test_remove_tree (dir);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GFile **saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = gloss_web_article_save_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_save_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-web-article-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autofree char *text = NULL;

  extraction = gloss_extraction_new_for_plain_text ("Water cut\n\nThe water will be off.", NULL);
  gloss_web_article_save_async (folder, NULL, extraction, NULL, saved_cb, &saved);
  while (saved == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (g_file_peek_path (saved), &text, NULL, NULL));
  /* The text already starts with its title. */
  g_assert_cmpstr (text, ==, "Water cut\n\nThe water will be off.\n");
  g_assert_true (g_str_has_suffix (g_file_peek_path (saved), "/water-cut.txt"));
  test_remove_tree (dir);
}

static void
test_save_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent-gloss-folder");
  g_autoptr(GlossExtraction) extraction = gloss_extraction_new_for_plain_text ("Notice", NULL);

  g_assert_null (gloss_web_article_save (folder, NULL, extraction, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/web/article/slug", test_slug);
  g_test_add_func ("/gloss/web/article/save", test_save);
  g_test_add_func ("/gloss/web/article/save-async", test_save_async);
  g_test_add_func ("/gloss/web/article/save-unwritable", test_save_unwritable);

  return g_test_run ();
}
