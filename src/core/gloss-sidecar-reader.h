/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-sidecar.h"

G_BEGIN_DECLS

/* Fails (GLOSS_CORE_ERROR_PARSE, _INVALID) only when the bytes are not a
 * Gloss sidecar at all; every recoverable defect becomes a problem in the
 * result. A newer version is read as far as it can be and reported with
 * @newer_version set to a GLOSS_CORE_ERROR_NEWER_VERSION error. Messages
 * start with @display_name. */
GlossSidecar *gloss_sidecar_read (GBytes      *bytes,
                                  const char  *display_name,
                                  GError     **newer_version,
                                  GError     **error);

G_END_DECLS
