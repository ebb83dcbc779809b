/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-web-types"

#include "config.h"

#include "gloss-web-types.h"

#include "gloss-web-private.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (gloss-web-error-quark, gloss_web_error)

/* Sets a #GLOSS_WEB_ERROR_TOO_LARGE naming the limit; returns %FALSE. */
gboolean
gloss_web_set_too_large (GError  **error,
                         guint64   max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GLOSS_WEB_ERROR, GLOSS_WEB_ERROR_TOO_LARGE,
               _("The page is larger than %s, too large to open as an article"), limit);
  return FALSE;
}
