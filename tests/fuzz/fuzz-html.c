/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz-html"

#include "config.h"

#include "fuzz-common.h"

#include "gloss-web.h"

static void
check_text (const char *text)
{
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

/* The input is the body of a web page, served without a character set.
 * It is decoded (from a byte order mark, its <meta charset> or a guess)
 * and its article extracted, or refused with a Gloss error; whatever
 * comes out is valid UTF-8. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new_static (data, size);
  g_autoptr(GlossWebPage) page = NULL;
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;

  fuzz_init ();
  page = gloss_web_page_new ("https://news.example.org/2024/05/harbour", "text/html", NULL, body);
  check_text (gloss_web_page_get_text (page));

  extraction = gloss_web_page_extract (page, &error);
  if (extraction == NULL)
    {
      g_assert_true (error != NULL && error->domain == GLOSS_WEB_ERROR);
      check_text (error->message);
      return 0;
    }

  check_text (gloss_extraction_get_text (extraction));
  check_text (gloss_extraction_get_title (extraction));
  check_text (gloss_extraction_get_author (extraction));
  check_text (gloss_extraction_get_published (extraction));
  check_text (gloss_extraction_get_publisher (extraction));
  check_text (gloss_extraction_get_language (extraction));
  check_text (gloss_extraction_get_canonical_url (extraction));
  check_text (gloss_extraction_get_description (extraction));

  plain = gloss_html_to_text (gloss_web_page_get_text (page), -1);
  check_text (plain);

  return 0;
}
