/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include "gloss-cli-util.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-sidecar-writer.h"

void
gloss_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "gloss-cli: %s\n", message);
}

/**
 * gloss_cli_parse_options:
 * @parameter: what the command's arguments are, for its usage line
 *
 * Parses a command's options, leaving its arguments in @argv. Prints what
 * is wrong and returns %FALSE on bad usage.
 */
gboolean
gloss_cli_parse_options (int           *argc,
                         char        ***argv,
                         const char    *summary,
                         GOptionEntry  *entries,
                         const char    *parameter)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", (*argv)[0], parameter);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_set_prgname ("gloss-cli");

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      gloss_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_cli_parse:
 * @article: (out): the one argument, the article's path
 *
 * Parses the options of a command that takes one article. Prints what is
 * wrong and returns %FALSE on bad usage.
 */
gboolean
gloss_cli_parse (int           *argc,
                 char        ***argv,
                 const char    *summary,
                 GOptionEntry  *entries,
                 const char   **article)
{
  if (!gloss_cli_parse_options (argc, argv, summary, entries, _("ARTICLE")))
    return FALSE;

  if (*argc != 2)
    {
      gloss_cli_error (_("“%s” takes one article. Run “gloss-cli %s --help” for its usage."),
                       (*argv)[0], (*argv)[0]);
      return FALSE;
    }

  *article = (*argv)[1];
  return TRUE;
}

/**
 * gloss_cli_load:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL after
 *   saying why the article could not be read
 */
GlossDocument *
gloss_cli_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_document_load (file, NULL, &error);

  if (document == NULL)
    gloss_cli_error ("%s", error->message);

  return document;
}

void
gloss_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(GBytes) bytes = gloss_json_node_to_bytes (root);

  fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
}

/* Adds a member, as null when @value is NULL. */
void
gloss_cli_add_string (JsonBuilder *builder,
                      const char  *name,
                      const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
gloss_cli_add_int (JsonBuilder *builder,
                   const char  *name,
                   gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* {"exact": n, "moved": n, "fuzzy": n, "orphaned": n} */
void
gloss_cli_add_counts (JsonBuilder             *builder,
                      const char              *name,
                      const GlossAnchorReport *report)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint state = 0; state < GLOSS_N_ANCHOR_STATES; state++)
    gloss_cli_add_int (builder, gloss_anchor_state_to_string (state), report->counts[state]);
  json_builder_end_object (builder);
}

char *
gloss_cli_format_counts (const GlossAnchorReport *report)
{
  /* TRANSLATORS: how annotations were placed on the text */
  return g_strdup_printf (_("%u exact, %u moved, %u approximate, %u orphaned"),
                          report->counts[GLOSS_ANCHOR_EXACT], report->counts[GLOSS_ANCHOR_MOVED],
                          report->counts[GLOSS_ANCHOR_FUZZY], report->counts[GLOSS_ANCHOR_ORPHANED]);
}

/* One line of at most @max_chars code points, newlines shown as spaces. */
char *
gloss_cli_ellipsize (const char *text,
                     guint       max_chars)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n + 1 == max_chars && g_utf8_strlen (p, -1) > 1)
        {
          g_string_append (line, "…");
          break;
        }
      g_string_append_unichar (line, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* printf pads by bytes; columns need code points. */
char *
gloss_cli_pad (const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *padded = g_string_new (text);

  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (padded, ' ');

  return g_string_free (padded, FALSE);
}
