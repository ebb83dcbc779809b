/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-web-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WEB_PAGE (gloss_web_page_get_type ())

G_DECLARE_FINAL_TYPE (GlossWebPage, gloss_web_page, GLOSS, WEB_PAGE, GObject)

/**
 * GlossWebPage:
 *
 * A page as a server sent it (or as it was saved): its address, its media
 * type, the bytes of its body and that body decoded to UTF-8.
 *
 * The character set is the one a byte order mark or the Content-Type
 * header names; else UTF-8 when the bytes are valid UTF-8 (legacy text
 * almost never is, and pages saved again as UTF-8 often keep their old
 * `<meta charset>`); else the one the page's `<meta charset>` or
 * `<meta http-equiv>` names; else Windows-1252, as browsers assume. Labels
 * are read as browsers read them: "ISO-8859-1" means Windows-1252. Bytes
 * the character set does not define become U+FFFD rather than failing the
 * page.
 */

GlossWebPage    *gloss_web_page_new              (const char          *uri,
                                                  const char          *content_type,
                                                  const char          *charset,
                                                  GBytes              *body);
GlossWebPage    *gloss_web_page_new_for_file     (GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

const char      *gloss_web_page_get_uri          (GlossWebPage        *self);
const char      *gloss_web_page_get_content_type (GlossWebPage        *self);
const char      *gloss_web_page_get_charset      (GlossWebPage        *self);
GBytes          *gloss_web_page_get_body         (GlossWebPage        *self);
GDateTime       *gloss_web_page_get_fetched      (GlossWebPage        *self);
const char      *gloss_web_page_get_text         (GlossWebPage        *self);
gboolean         gloss_web_page_get_is_html      (GlossWebPage        *self);

GlossExtraction *gloss_web_page_extract          (GlossWebPage        *self,
                                                  GError             **error);
void             gloss_web_page_extract_async    (GlossWebPage        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GlossExtraction *gloss_web_page_extract_finish   (GlossWebPage        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
