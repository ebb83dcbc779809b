/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the core tests: real files in a temporary folder. */

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-core.h"
#include "test-files.h"
#include "test-run.h"

G_GNUC_UNUSED static GFile *
test_write (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

G_GNUC_UNUSED static char *
test_read_path (const char *dir,
                const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

G_GNUC_UNUSED static char *
test_bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* For async calls: keeps the result where @user_data points. */
G_GNUC_UNUSED static void
test_store_result_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

G_GNUC_UNUSED static GAsyncResult *
test_wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

G_GNUC_UNUSED static GlossDocument *
test_load (GFile *article)
{
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_document_load (article, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* A sidecar for @text (its hash and length recorded) holding the
 * annotations and entities given as JSON array text. */
G_GNUC_UNUSED static char *
test_sidecar_json (const char *text,
                   const char *entities,
                   const char *annotations)
{
  g_autofree char *sha256 = gloss_text_compute_sha256 (text, -1);

  return g_strdup_printf ("{\"format\": \"gloss\", \"version\": 1,\n"
                          " \"source\": {\"file\": \"article.txt\", \"sha256\": \"%s\", \"length\": %ld},\n"
                          " \"entities\": %s,\n"
                          " \"annotations\": %s}\n",
                          sha256, g_utf8_strlen (text, -1),
                          entities != NULL ? entities : "[]",
                          annotations != NULL ? annotations : "[]");
}

/* Writes article.txt and, if @sidecar is not NULL, its sidecar; loads it. */
G_GNUC_UNUSED static GlossDocument *
test_load_article (const char *dir,
                   const char *text,
                   const char *sidecar)
{
  g_autoptr(GFile) article = test_write (dir, "article.txt", text);

  if (sidecar != NULL)
    g_object_unref (test_write (dir, "article.txt.gloss.json", sidecar));

  return test_load (article);
}

G_GNUC_UNUSED static GlossAnnotation *
test_annotation_at (GlossDocument *document,
                    guint          position)
{
  g_autoptr(GlossAnnotation) annotation =
    g_list_model_get_item (gloss_document_get_annotations (document), position);

  g_assert_nonnull (annotation);
  return annotation;
}

G_GNUC_UNUSED static gboolean
test_has_problem (GlossDocument *document,
                  const char    *subject,
                  const char    *fragment)
{
  GPtrArray *problems = gloss_document_get_problems (document);

  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->subject, subject) == 0 && strstr (problem->message, fragment) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* @json, which must be a JSON object. */
G_GNUC_UNUSED static JsonObject *
test_parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
