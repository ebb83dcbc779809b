/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* What the Markdown report and the web page both show. */
typedef struct
{
  const char *label;
  char       *value;
  gboolean    is_link;
} GlossReportField;

typedef struct
{
  GlossEntity *entity;
  guint        mentions;
} GlossReportEntity;

const char *gloss_report_title             (GlossDocument   *document);
GPtrArray  *gloss_report_source_fields     (GlossDocument   *document);
GPtrArray  *gloss_report_claim_fields      (GlossDocument   *document,
                                            GlossAnnotation *claim);
GPtrArray  *gloss_report_entities          (GlossDocument   *document);
GPtrArray  *gloss_report_annotations       (GlossDocument   *document,
                                            GlossAnnotationKind kind);

G_END_DECLS
