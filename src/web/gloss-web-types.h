/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_WEB_ERROR (gloss_web_error_quark ())

/**
 * GlossWebError:
 * @GLOSS_WEB_ERROR_INVALID_URL: the address is not a URL
 * @GLOSS_WEB_ERROR_UNSUPPORTED_SCHEME: the URL is not http or https
 * @GLOSS_WEB_ERROR_NOT_FOUND: the server answered 404 or 410
 * @GLOSS_WEB_ERROR_HTTP: the server refused the request (another 4xx)
 * @GLOSS_WEB_ERROR_SERVER: the server failed (5xx)
 * @GLOSS_WEB_ERROR_TIMED_OUT: the server stopped answering
 * @GLOSS_WEB_ERROR_TOO_MANY_REDIRECTS: more redirects than allowed
 * @GLOSS_WEB_ERROR_REDIRECT_LOOP: a redirect led back to an address seen before
 * @GLOSS_WEB_ERROR_NOT_HTML: the response is not a web page or plain text
 * @GLOSS_WEB_ERROR_TOO_LARGE: the response is larger than the size limit
 * @GLOSS_WEB_ERROR_NETWORK: the server could not be reached
 * @GLOSS_WEB_ERROR_ENCODING: the page's text could not be decoded
 * @GLOSS_WEB_ERROR_NO_ARTICLE: the page has no article text
 */
typedef enum
{
  GLOSS_WEB_ERROR_INVALID_URL,
  GLOSS_WEB_ERROR_UNSUPPORTED_SCHEME,
  GLOSS_WEB_ERROR_NOT_FOUND,
  GLOSS_WEB_ERROR_HTTP,
  GLOSS_WEB_ERROR_SERVER,
  GLOSS_WEB_ERROR_TIMED_OUT,
  GLOSS_WEB_ERROR_TOO_MANY_REDIRECTS,
  GLOSS_WEB_ERROR_REDIRECT_LOOP,
  GLOSS_WEB_ERROR_NOT_HTML,
  GLOSS_WEB_ERROR_TOO_LARGE,
  GLOSS_WEB_ERROR_NETWORK,
  GLOSS_WEB_ERROR_ENCODING,
  GLOSS_WEB_ERROR_NO_ARTICLE,
} GlossWebError;

GQuark gloss_web_error_quark (void);

/**
 * GlossFetchProgressFunc:
 * @received: bytes of the body read so far
 * @total: the announced size of the body, or -1 when unknown
 * @user_data: the data given with the function
 *
 * Called in the fetch's main context each time part of the body arrived.
 */
typedef void (*GlossFetchProgressFunc) (goffset  received,
                                        goffset  total,
                                        gpointer user_data);

typedef struct _GlossExtraction GlossExtraction;
typedef struct _GlossFetcher    GlossFetcher;
typedef struct _GlossWebPage    GlossWebPage;

G_END_DECLS
