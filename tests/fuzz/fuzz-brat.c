/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz-brat"

#include "config.h"

#include "fuzz-import.h"

/* The input is a brat text file and its .ann file, a NUL byte between
 * them. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const GlossFormatOptions options = { 0, };
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) ann = NULL;
  g_autoptr(GFile) input = NULL;

  fuzz_init ();
  fuzz_empty_dir (fuzz_get_dir ());
  fuzz_split (data, size, &text, &ann);
  g_object_unref (fuzz_write ("doc.txt", text));
  input = fuzz_write ("doc.ann", ann);

  fuzz_import ("brat", input, NULL, &options);

  return 0;
}
