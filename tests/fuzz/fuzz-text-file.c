/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz-text-file"

#include "config.h"

#include "fuzz-common.h"

#include "gloss-core.h"

/* The input is an article file. It is refused as binary or not text, or
 * decoded to valid UTF-8; saving the decoded text unchanged writes the
 * very bytes that were read, whatever the encoding was. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossTextFile) text_file = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  fuzz_init ();
  file = fuzz_write ("article.txt", bytes);

  text_file = gloss_text_file_new_from_bytes (file, bytes, &error);
  if (text_file == NULL)
    {
      g_assert_true (error != NULL && error->domain == GLOSS_CORE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  text = gloss_text_file_get_text (text_file);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpint (gloss_text_file_get_length (text_file), ==, g_utf8_strlen (text, -1));

  g_assert_true (gloss_text_file_save (text_file, text, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_text_file_get_encoding_changed (text_file));
  saved = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, saved));

  return 0;
}
