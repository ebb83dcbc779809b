/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sidecar member that keeps brat's own data: each annotation's
 * {"id": "T3"}, and at the top the lines Gloss has no place for. */
#define GLOSS_BRAT_KEY "brat"

/* Claim review as brat attributes; tags "Name=Value" are attributes too. */
#define GLOSS_BRAT_STATUS  "Status"
#define GLOSS_BRAT_VERDICT "Verdict"
#define GLOSS_BRAT_NOTES   "AnnotatorNotes"
#define GLOSS_BRAT_REFERENCE "Reference"

#define GLOSS_WIKIDATA_URL "https://www.wikidata.org/wiki/"
#define GLOSS_WIKIDATA_DB  "Wikidata:"

G_END_DECLS
