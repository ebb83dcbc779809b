/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-core.h"

G_BEGIN_DECLS

#define BENCH_N_ANNOTATIONS 10000

char   *bench_generate_text  (GRand         *rand);
void    bench_annotate       (GlossDocument *document,
                              GRand         *rand);
char   *bench_edit_text      (const char    *text,
                              GRand         *rand);
double  bench_peak_memory_mb (void);
double  bench_best_of        (double        *times,
                              guint          n);

G_END_DECLS
