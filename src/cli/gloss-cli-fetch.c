/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-commands.h"
#include "gloss-cli-util.h"
#include "gloss-web.h"

typedef struct
{
  GMainLoop    *loop;
  GlossWebPage *page;
  GError       *error;
} FetchWait;

/**
 * gloss_cli_web_parse:
 * @parameter: what the one argument is, for the usage line
 * @argument: (out): the one argument
 *
 * Parses the options of fetch or extract. Prints what is wrong and returns
 * %FALSE on bad usage.
 */
gboolean
gloss_cli_web_parse (int            *argc,
                     char         ***argv,
                     const char     *summary,
                     GOptionEntry   *entries,
                     const char     *parameter,
                     const char    **argument)
{
  if (!gloss_cli_parse_options (argc, argv, summary, entries, parameter))
    return FALSE;
  if (*argc != 2)
    {
      gloss_cli_error (_("“%s” takes one %s. Run “gloss-cli %s --help” for its usage."),
                       (*argv)[0], parameter, (*argv)[0]);
      return FALSE;
    }
  *argument = (*argv)[1];
  return TRUE;
}

/**
 * gloss_cli_web_save:
 * @folder: (nullable): where to save; %NULL for the current folder
 *
 * Saves the article with its sidecar and page and prints the article's
 * path.
 *
 * Returns: an exit status
 */
int
gloss_cli_web_save (const char      *folder,
                    GlossWebPage    *page,
                    GlossExtraction *extraction)
{
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg (folder ? folder : ".");
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  saved = gloss_web_article_save (dir, page, extraction, NULL, &error);
  if (saved == NULL)
    {
      gloss_cli_error ("%s", error->message);
      return GLOSS_CLI_EXIT_USAGE;
    }
  path = g_file_get_path (saved);
  printf ("%s\n", path);
  return GLOSS_CLI_EXIT_OK;
}

static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FetchWait *wait = user_data;

  wait->page = gloss_fetcher_fetch_finish (GLOSS_FETCHER (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static GlossWebPage *
fetch (const char  *url,
       GError     **error)
{
  g_autoptr(GlossFetcher) fetcher = gloss_fetcher_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  FetchWait wait = { loop, NULL, NULL };

  gloss_fetcher_fetch_async (fetcher, url, NULL, NULL, NULL, NULL, fetch_done_cb, &wait);
  g_main_loop_run (loop);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.page;
}

int
gloss_cli_fetch_run (int    argc,
                     char **argv)
{
  g_autofree char *folder = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("Save in DIR (default: the current folder)"), N_("DIR") },
    { NULL },
  };
  g_autoptr(GlossWebPage) page = NULL;
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;
  const char *url;

  if (!gloss_cli_web_parse (&argc, &argv,
                            _("Fetch a web page, extract its article and save it as SLUG.txt with "
                              "its sidecar and the page as SLUG.html; print the article’s path."),
                            entries, _("URL"), &url))
    return GLOSS_CLI_EXIT_USAGE;

  page = fetch (url, &error);
  if (page != NULL)
    extraction = gloss_web_page_extract (page, &error);
  if (extraction == NULL)
    {
      gloss_cli_error ("%s: %s", url, error->message);
      return GLOSS_CLI_EXIT_USAGE;
    }
  return gloss_cli_web_save (folder, page, extraction);
}
