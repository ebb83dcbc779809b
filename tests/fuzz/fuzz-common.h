/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the libFuzzer targets: each defines LLVMFuzzerTestOneInput()
 * and calls fuzz_init() on its first input. */

#include <gio/gio.h>
#include <stdint.h>

G_BEGIN_DECLS

int          LLVMFuzzerTestOneInput (const uint8_t  *data,
                                     size_t          size);

void         fuzz_init              (void);
const char  *fuzz_get_dir           (void);
void         fuzz_split             (const uint8_t  *data,
                                     size_t          size,
                                     GBytes        **first,
                                     GBytes        **second);
char        *fuzz_dup_text          (GBytes         *bytes);
GFile       *fuzz_write             (const char     *name,
                                     GBytes         *bytes);
void         fuzz_empty_dir         (const char     *path);
void         fuzz_check_reloads     (GFile          *article);

G_END_DECLS
