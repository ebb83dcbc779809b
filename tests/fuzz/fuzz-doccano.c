/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz-doccano"

#include "config.h"

#include "fuzz-import.h"

/* The input is a doccano JSONL export, imported into a new folder twice:
 * offsets read as code points, then as UTF-16 code units. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  fuzz_init ();
  for (guint utf16 = 0; utf16 < 2; utf16++)
    {
      const GlossFormatOptions options = { utf16, NULL, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GFile) input = NULL;
      g_autoptr(GFile) target = NULL;

      fuzz_empty_dir (fuzz_get_dir ());
      input = fuzz_write ("batch.jsonl", bytes);
      out = g_build_filename (fuzz_get_dir (), "out", NULL);
      target = g_file_new_for_path (out);

      fuzz_import ("doccano", input, target, &options);
    }

  return 0;
}
