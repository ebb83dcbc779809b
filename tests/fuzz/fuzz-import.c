/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz"

#include "config.h"

#include "fuzz-import.h"

#include "gloss-core.h"

static void
check_refusal (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == GLOSS_FORMAT_ERROR || error->domain == GLOSS_CORE_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* An import is refused with a Gloss error, or saved; every article it
 * wrote to then opens with all its annotations usable. */
void
fuzz_import (const char               *format_name,
             GFile                    *input,
             GFile                    *target,
             const GlossFormatOptions *options)
{
  const GlossFormat *format = gloss_format_lookup (format_name, NULL);
  g_autoptr(GlossImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_assert_nonnull (format);
  import = gloss_format_import (format, input, target, options, NULL, &error);
  if (import == NULL)
    {
      check_refusal (error);
      return;
    }

  summary = gloss_import_dup_summary (import);
  g_assert_true (g_utf8_validate (summary, -1, NULL));
  if (!gloss_import_save (import, NULL, &error))
    {
      check_refusal (error);
      return;
    }

  for (guint i = 0; i < gloss_import_get_n_articles (import); i++)
    fuzz_check_reloads (gloss_import_get_article (import, i));
}
