/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz-sidecar"

#include "config.h"

#include "fuzz-common.h"

#include "gloss-core.h"

/* The input is a sidecar file. It is either refused with a Gloss error or
 * read; what is read, written and read again, gives the same bytes when
 * written a second time: a re-save loses and changes nothing. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossSidecar) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) newer = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  sidecar = gloss_sidecar_read (bytes, "fuzz.txt.gloss.json", &newer, &error);
  if (sidecar == NULL)
    {
      g_assert_true (error != NULL && error->domain == GLOSS_CORE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  written = gloss_sidecar_write (sidecar);
  g_clear_error (&newer);
  again = gloss_sidecar_read (written, "fuzz.txt.gloss.json", &newer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->annotations->len, ==, sidecar->annotations->len);
  g_assert_cmpuint (again->unknown->len, ==, sidecar->unknown->len);
  g_assert_cmpuint (again->entities->len, ==, sidecar->entities->len);

  rewritten = gloss_sidecar_write (again);
  g_assert_true (g_bytes_equal (written, rewritten));

  return 0;
}
