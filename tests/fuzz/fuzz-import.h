/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzz-common.h"
#include "gloss-formats.h"

G_BEGIN_DECLS

void fuzz_import (const char               *format,
                  GFile                    *input,
                  GFile                    *target,
                  const GlossFormatOptions *options);

G_END_DECLS
