/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "test-files.h"

G_BEGIN_DECLS

char *web_test_start_server (SoupServer         **server,
                             SoupServerCallback   callback,
                             gpointer             user_data);
char *web_test_data_path    (const char          *name);

G_END_DECLS
