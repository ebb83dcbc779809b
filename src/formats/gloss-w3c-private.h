/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_W3C_CONTEXT "http://www.w3.org/ns/anno.jsonld"

/* What the Web Annotation model has no term for (a claim's review) goes
 * into properties of Gloss's own vocabulary. */
#define GLOSS_W3C_PREFIX    "gloss"
#define GLOSS_W3C_NAMESPACE "https://glossapp.org/ns#"
#define GLOSS_W3C_STATUS    "gloss:status"
#define GLOSS_W3C_CLAIMANT  "gloss:claimant"
#define GLOSS_W3C_REVIEWER  "gloss:reviewer"
#define GLOSS_W3C_REVIEWED  "gloss:reviewed"

char *gloss_w3c_source_iri (GlossDocument *document);

G_END_DECLS
