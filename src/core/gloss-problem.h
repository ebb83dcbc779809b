/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * GlossProblem:
 * @subject: (nullable): the id of the annotation, entity or label the
 *   problem is about, or %NULL when it concerns the whole sidecar
 * @message: what is wrong and what was done about it, for people
 *
 * A recoverable defect found in a sidecar. The document keeps working;
 * the problem is reported so that nothing changes silently.
 */
typedef struct
{
  char *subject;
  char *message;
} GlossProblem;

#define GLOSS_TYPE_PROBLEM (gloss_problem_get_type ())

GType         gloss_problem_get_type (void) G_GNUC_CONST;
GlossProblem *gloss_problem_new      (const char         *subject,
                                      const char         *message);
GlossProblem *gloss_problem_newf     (const char         *subject,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (2, 3);
GlossProblem *gloss_problem_copy     (const GlossProblem *problem);
void          gloss_problem_free     (GlossProblem       *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossProblem, gloss_problem_free)

G_END_DECLS
