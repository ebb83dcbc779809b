/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

/* What a run of gloss-cli (the one $GLOSS_CLI names) said and returned. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} TestRun;

void test_run_clear      (TestRun    *run);
void test_run_cli        (TestRun    *run,
                          const char *first,
                          ...) G_GNUC_NULL_TERMINATED;
void test_run_cli_valist (TestRun    *run,
                          const char *first,
                          va_list     args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)

G_END_DECLS
