/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz-w3c"

#include "config.h"

#include "fuzz-import.h"

/* The input is an article and W3C Web Annotation JSON-LD to merge into
 * it, a NUL byte between them. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const GlossFormatOptions options = { 0, };
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) annotations = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) input = NULL;

  fuzz_init ();
  fuzz_empty_dir (fuzz_get_dir ());
  fuzz_split (data, size, &text, &annotations);
  article = fuzz_write ("article.txt", text);
  input = fuzz_write ("annotations.jsonld", annotations);

  fuzz_import ("w3c", input, article, &options);

  return 0;
}
