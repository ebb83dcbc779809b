/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-problem"

#include "config.h"

#include "gloss-problem.h"

G_DEFINE_BOXED_TYPE (GlossProblem, gloss_problem, gloss_problem_copy, gloss_problem_free)

/**
 * gloss_problem_new:
 * @subject: (nullable): the id the problem is about
 * @message: the message
 *
 * Returns: (transfer full): a new problem
 */
GlossProblem *
gloss_problem_new (const char *subject,
                   const char *message)
{
  GlossProblem *problem;

  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (GlossProblem, 1);
  problem->subject = g_strdup (subject);
  problem->message = g_strdup (message);

  return problem;
}

GlossProblem *
gloss_problem_newf (const char *subject,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return gloss_problem_new (subject, message);
}

GlossProblem *
gloss_problem_copy (const GlossProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return gloss_problem_new (problem->subject, problem->message);
}

void
gloss_problem_free (GlossProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->subject);
  g_free (problem->message);
  g_free (problem);
}
