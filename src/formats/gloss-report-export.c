/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-report-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-formats-private.h"
#include "gloss-report-private.h"

/* Text from the article or the user is never Markdown: punctuation that
 * means something is escaped, "<" too, so that a renderer shows
 * "<script>" rather than running it. */
static void
append_inline (GString    *out,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>|~#&!", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* A line that would start a heading, list, quote or rule is kept a
 * paragraph line. */
static void
append_line (GString    *out,
             const char *prefix,
             const char *line)
{
  g_string_append (out, prefix);
  if (strchr ("+-=>", line[0]) != NULL && line[0] != '\0')
    g_string_append_c (out, '\\');
  else if (g_ascii_isdigit (line[0]))
    {
      gsize digits = strspn (line, "0123456789");

      if (line[digits] == '.' || line[digits] == ')')
        {
          g_string_append_len (out, line, digits);
          g_string_append_c (out, '\\');
          line += digits;
        }
    }
  append_inline (out, line);
  g_string_append_c (out, '\n');
}

static void
append_block (GString    *out,
              const char *prefix,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      append_line (out, prefix, lines[i]);
    }
}

/* A web address becomes a link; anything else stays text. */
static void
append_reference (GString    *out,
                  const char *reference)
{
  if (gloss_formats_is_web_url (reference))
    g_string_append_printf (out, "<%s>", reference);
  else
    append_inline (out, reference);
}

static void
append_fields (GString   *out,
               GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      GlossReportField *field = g_ptr_array_index (fields, i);

      g_string_append_printf (out, "- **%s:** ", field->label);
      if (field->is_link)
        append_reference (out, field->value);
      else
        append_inline (out, field->value);
      g_string_append_c (out, '\n');
    }
}

static void
append_header (GString       *out,
               GlossDocument *document)
{
  g_autoptr(GPtrArray) fields = gloss_report_source_fields (document);

  g_string_append (out, "# ");
  append_inline (out, gloss_report_title (document));
  g_string_append (out, "\n\n");
  append_fields (out, fields);
}

static void
append_claim (GString         *out,
              GlossDocument   *document,
              GlossAnnotation *claim,
              guint            number)
{
  g_autoptr(GPtrArray) fields = gloss_report_claim_fields (document, claim);
  const char * const *sources = gloss_annotation_get_sources (claim);
  const char *note = gloss_annotation_get_note (claim);

  g_string_append_printf (out, "\n### %u. ", number);
  append_inline (out, gloss_annotation_get_quote (claim));
  g_string_append (out, "\n\n");
  append_fields (out, fields);
  if (sources != NULL && sources[0] != NULL)
    g_string_append_printf (out, "- **%s:**\n", _("Sources"));
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      g_string_append (out, "  - ");
      append_reference (out, sources[i]);
      g_string_append_c (out, '\n');
    }
  if (note != NULL)
    {
      g_string_append_c (out, '\n');
      append_block (out, "", note);
    }
}

static void
append_claims (GString       *out,
               GlossDocument *document)
{
  g_autoptr(GPtrArray) claims = gloss_report_annotations (document, GLOSS_ANNOTATION_CLAIM);

  g_string_append_printf (out, "\n## %s (%u)\n", _("Claims"), claims->len);
  for (guint i = 0; i < claims->len; i++)
    append_claim (out, document, g_ptr_array_index (claims, i), i + 1);
}

static void
append_entities (GString       *out,
                 GlossDocument *document)
{
  g_autoptr(GPtrArray) entities = gloss_report_entities (document);

  g_string_append_printf (out, "\n## %s (%u)\n", _("Entities"), entities->len);
  if (entities->len == 0)
    return;

  g_string_append_printf (out, "\n| %s | %s | %s | %s |\n|---|---|---:|---|\n",
                          _("Entity"), _("Type"), _("Mentions"), _("Link"));
  for (guint i = 0; i < entities->len; i++)
    {
      GlossReportEntity *entry = g_ptr_array_index (entities, i);
      const char *link = gloss_entity_get_link (entry->entity);

      g_string_append (out, "| ");
      append_inline (out, gloss_entity_get_name (entry->entity));
      g_string_append (out, " | ");
      append_inline (out, gloss_formats_label_name (document, gloss_entity_get_label (entry->entity)));
      g_string_append_printf (out, " | %u | ", entry->mentions);
      if (link != NULL)
        append_reference (out, link);
      g_string_append (out, " |\n");
    }
}

static void
append_notes (GString       *out,
              GlossDocument *document)
{
  g_autoptr(GPtrArray) notes = gloss_report_annotations (document, GLOSS_ANNOTATION_NOTE);

  g_string_append_printf (out, "\n## %s (%u)\n", _("Notes"), notes->len);
  for (guint i = 0; i < notes->len; i++)
    {
      GlossAnnotation *note = g_ptr_array_index (notes, i);
      const char * const *tags = gloss_annotation_get_tags (note);

      g_string_append_c (out, '\n');
      append_block (out, "> ", gloss_annotation_get_quote (note));
      if (gloss_annotation_is_orphaned (note))
        g_string_append_printf (out, "\n*%s*\n", _("Orphaned: this text is no longer in the article."));
      if (gloss_annotation_get_note (note) != NULL)
        {
          g_string_append_c (out, '\n');
          append_block (out, "", gloss_annotation_get_note (note));
        }
      if (tags != NULL && tags[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) tags);

          g_string_append_printf (out, "\n*%s:* ", _("Tags"));
          append_inline (out, joined);
          g_string_append_c (out, '\n');
        }
    }
}

/* Metadata, claims with their review, entities by mentions, and notes. */
GlossExport *
gloss_report_export (GlossDocument             *document,
                     const GlossFormatOptions  *options,
                     GError                   **error)
{
  g_autoptr(GlossExport) export = gloss_export_new (FALSE);
  g_autofree char *stem = gloss_formats_article_stem (document);
  g_autofree char *name = g_strconcat (stem, ".md", NULL);
  g_autoptr(GBytes) bytes = NULL;
  GString *out = g_string_new (NULL);

  append_header (out, document);
  append_claims (out, document);
  append_entities (out, document);
  append_notes (out, document);

  bytes = g_string_free_to_bytes (out);
  gloss_export_add_file (export, name, bytes);

  return g_steal_pointer (&export);
}
