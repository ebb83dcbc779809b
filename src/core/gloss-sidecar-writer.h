/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-sidecar.h"

G_BEGIN_DECLS

/* Deterministic bytes: the same content always gives the same output. */
GBytes *gloss_sidecar_write      (const GlossSidecar *sidecar);
GBytes *gloss_json_node_to_bytes (JsonNode           *node);

G_END_DECLS
