/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-formats-private.h"
#include "gloss-sidecar-writer.h"
#include "gloss-text-file.h"

/* The name without its folder and last extension: "report" for
 * "news/report.txt", "notes" for "notes". */
char *
gloss_formats_file_stem (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';

  return g_steal_pointer (&name);
}

char *
gloss_formats_article_stem (GlossDocument *document)
{
  return gloss_formats_file_stem (gloss_document_get_file (document));
}

const char *
gloss_formats_label_name (GlossDocument *document,
                          const char    *label_id)
{
  GlossLabel *label;

  if (label_id == NULL)
    return NULL;

  label = gloss_label_set_lookup (gloss_document_get_labels (document), label_id);

  return label != NULL ? gloss_label_get_name (label) : label_id;
}

/* The one word formats that only know span types give an annotation. */
const char *
gloss_formats_type_name (GlossDocument   *document,
                         GlossAnnotation *annotation)
{
  const char *name;

  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_ANNOTATION_CLAIM:
      return GLOSS_FORMATS_CLAIM_TYPE;
    case GLOSS_ANNOTATION_NOTE:
      return GLOSS_FORMATS_NOTE_TYPE;
    case GLOSS_ANNOTATION_ENTITY:
    default:
      name = gloss_formats_label_name (document, gloss_annotation_get_label (annotation));
      return name != NULL ? name : "Other";
    }
}

GlossEntity *
gloss_formats_get_entity (GlossDocument   *document,
                          GlossAnnotation *annotation)
{
  const char *id = gloss_annotation_get_entity (annotation);

  return id != NULL ? gloss_document_lookup_entity (document, id) : NULL;
}

/* A claimant is an entity id or free text. */
GlossEntity *
gloss_formats_claimant_entity (GlossDocument   *document,
                               GlossAnnotation *claim)
{
  const char *claimant = gloss_annotation_get_claimant (claim);

  return claimant != NULL ? gloss_document_lookup_entity (document, claimant) : NULL;
}

const char *
gloss_formats_claimant_name (GlossDocument   *document,
                             GlossAnnotation *claim)
{
  GlossEntity *entity = gloss_formats_claimant_entity (document, claim);

  if (entity != NULL)
    return gloss_entity_get_name (entity);

  return gloss_annotation_get_claimant (claim);
}

/**
 * gloss_formats_utf16_offsets:
 * @text: UTF-8 text
 * @length: (out): its length in code points
 *
 * Returns: (transfer full) (nullable): for each code point offset 0..length,
 *   the UTF-16 offset; %NULL when the two are the same (no character past
 *   U+FFFF)
 */
gint64 *
gloss_formats_utf16_offsets (const char *text,
                             gint64     *length)
{
  gint64 n = g_utf8_strlen (text, -1);
  gint64 *offsets = NULL;
  gint64 units = 0;
  gint64 i = 0;

  *length = n;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF && offsets == NULL)
        {
          offsets = g_new (gint64, n + 1);
          for (gint64 j = 0; j <= i; j++)
            offsets[j] = j;
        }
      units += c > 0xFFFF ? 2 : 1;
      if (offsets != NULL)
        offsets[i + 1] = units;
    }

  return offsets;
}

/* "2026-05-18" from "2026-05-18T09:30:00Z"; a date alone is kept. */
char *
gloss_formats_date_part (const char *time)
{
  const char *t;

  if (time == NULL)
    return NULL;

  t = strchr (time, 'T');

  return t != NULL ? g_strndup (time, t - time) : g_strdup (time);
}

/* An http(s) address with none of the characters RFC 3986 leaves out of
 * URIs, safe to make a link of. */
gboolean
gloss_formats_is_web_url (const char *string)
{
  g_autofree char *scheme = NULL;

  if (string == NULL || strpbrk (string, " \t\r\n\"<>\\^`{|}") != NULL ||
      !g_uri_is_valid (string, G_URI_FLAGS_NONE, NULL))
    return FALSE;

  scheme = g_uri_parse_scheme (string);

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

/* Formats with one record a line get line breaks and tabs as spaces. */
char *
gloss_formats_one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  return line;
}

void
gloss_formats_set_line_error (GError           **error,
                              GlossFormatError   code,
                              const char        *file,
                              guint              line,
                              const char        *format,
                              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* The message may quote the input, and json-glib quotes a string with
   * a lone surrogate escape as bytes that are not UTF-8. */
  valid = g_utf8_make_valid (message, -1);
  if (line > 0)
    g_set_error (error, GLOSS_FORMAT_ERROR, code, "%s:%u: %s", file, line, valid);
  else
    g_set_error (error, GLOSS_FORMAT_ERROR, code, "%s: %s", file, valid);
}

gboolean
gloss_formats_read_utf8 (GFile         *file,
                         GCancellable  *cancellable,
                         char         **contents,
                         gsize         *length,
                         GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_basename (file);
  const char *end;
  gsize len;

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, error))
    return FALSE;

  if (!g_utf8_validate_len (data, len, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, name, line,
                                    _("the file is not UTF-8 text"));
      return FALSE;
    }

  *contents = g_steal_pointer (&data);
  *length = len;
  return TRUE;
}

/* The article's text as Gloss sees it (decoded, without a byte order
 * mark), or the caller's unsaved text. */
char *
gloss_formats_read_article (GFile                    *article,
                            const GlossFormatOptions *options,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr(GlossTextFile) text_file = NULL;

  if (options != NULL && options->article_text != NULL)
    return g_strdup (options->article_text);

  text_file = gloss_text_file_load (article, cancellable, error);
  if (text_file == NULL)
    return NULL;

  return g_strdup (gloss_text_file_get_text (text_file));
}

/* The document as its sidecar, for what only the sidecar holds: members
 * other programs wrote, kept verbatim. */
JsonNode *
gloss_formats_document_sidecar (GlossDocument *document)
{
  g_autoptr(GBytes) bytes = gloss_document_save_sidecar_to_bytes (document);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, NULL))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

/* Formats that only know positions have no place for an annotation whose
 * text is gone: it is left out, and the export says so. */
gboolean
gloss_formats_skip_orphan (GlossExport     *export,
                           GlossAnnotation *annotation)
{
  if (!gloss_annotation_is_orphaned (annotation))
    return FALSE;

  gloss_export_add_warning (export, _("Annotation %s is orphaned (its text is gone) and was "
                                      "left out"), gloss_annotation_get_id (annotation));
  return TRUE;
}
