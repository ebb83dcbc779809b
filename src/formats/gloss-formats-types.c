/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-formats-types"

#include "config.h"

#include "gloss-formats-types.h"

G_DEFINE_QUARK (gloss-format-error-quark, gloss_format_error)
