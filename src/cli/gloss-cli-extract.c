/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-commands.h"
#include "gloss-cli-util.h"
#include "gloss-web.h"

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"));
}

static void
print_json (GlossExtraction *extraction)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *url = gloss_extraction_get_canonical_url (extraction);

  if (!is_web_url (url))
    url = is_web_url (gloss_extraction_get_url (extraction)) ? gloss_extraction_get_url (extraction)
                                                             : NULL;
  json_builder_begin_object (builder);
  gloss_cli_add_string (builder, "title", gloss_extraction_get_title (extraction));
  gloss_cli_add_string (builder, "author", gloss_extraction_get_author (extraction));
  gloss_cli_add_string (builder, "published", gloss_extraction_get_published (extraction));
  gloss_cli_add_string (builder, "publisher", gloss_extraction_get_publisher (extraction));
  gloss_cli_add_string (builder, "language", gloss_extraction_get_language (extraction));
  gloss_cli_add_string (builder, "url", url);
  gloss_cli_add_string (builder, "text", gloss_extraction_get_text (extraction));
  json_builder_end_object (builder);
  gloss_cli_print_json (builder);
}

/* The page as read from disk, or as if it had come from @url. */
static GlossWebPage *
read_page (const char  *path,
           const char  *url,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GlossWebPage) page = gloss_web_page_new_for_file (file, NULL, error);

  if (page == NULL || url == NULL)
    return g_steal_pointer (&page);
  return gloss_web_page_new (url, gloss_web_page_get_content_type (page), NULL,
                             gloss_web_page_get_body (page));
}

static int
output (GlossWebPage    *page,
        GlossExtraction *extraction,
        gboolean         json,
        const char      *folder)
{
  if (folder != NULL)
    return gloss_cli_web_save (folder, page, extraction);
  if (json)
    print_json (extraction);
  else
    printf ("%s\n\n%s\n", gloss_extraction_get_title (extraction) ?: _("(untitled)"),
            gloss_extraction_get_text (extraction));
  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_extract_run (int    argc,
                       char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *folder = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("The address the page came from"), N_("URL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the article and its metadata as JSON"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("Save the article in DIR as gloss-cli fetch does"), N_("DIR") },
    { NULL },
  };
  g_autoptr(GlossWebPage) page = NULL;
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!gloss_cli_web_parse (&argc, &argv,
                            _("Extract the article from a saved web page: print its title and "
                              "text, or its metadata and text as JSON, or save it."),
                            entries, _("PAGE"), &path))
    return GLOSS_CLI_EXIT_USAGE;
  if (json && folder != NULL)
    {
      gloss_cli_error (_("--json and --output cannot be used together"));
      return GLOSS_CLI_EXIT_USAGE;
    }

  page = read_page (path, url, &error);
  if (page != NULL)
    extraction = gloss_web_page_extract (page, &error);
  if (extraction == NULL)
    {
      gloss_cli_error ("%s: %s", path, error->message);
      return GLOSS_CLI_EXIT_USAGE;
    }
  return output (page, extraction, json, folder);
}
