/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-html-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-formats-private.h"
#include "gloss-label.h"
#include "gloss-report-private.h"

/* No script, no outside resource: the page stands alone and runs nothing,
 * whatever the article holds. */
static const char page_head[] =
  "<!DOCTYPE html>\n"
  "<html%s>\n"
  "<head>\n"
  "<meta charset=\"utf-8\">\n"
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
  "style-src 'unsafe-inline'\">\n";

static const char page_style[] =
  "body { font: 16px/1.6 system-ui, sans-serif; margin: 0; color: #1e1e1e; background: #fafafa; }\n"
  "main { max-width: 46em; margin: 0 auto; padding: 1em 1.5em 4em; }\n"
  "dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }\n"
  "dt { font-weight: 600; }\n"
  "dd { margin: 0; overflow-wrap: anywhere; }\n"
  ".article { white-space: pre-wrap; overflow-wrap: break-word; }\n"
  "mark { color: inherit; border-radius: 3px; }\n"
  "mark.claim { background: transparent; border-bottom: 3px solid #c01c28; }\n"
  "mark.claim.status-reviewed { border-bottom-color: #26a269; }\n"
  "mark.claim.status-in-review { border-bottom-color: #e5a50a; }\n"
  "mark.claim.status-dismissed { border-bottom: 3px dotted #77767b; }\n"
  "mark.note { background: transparent; border-bottom: 2px dashed #1a5fb4; }\n"
  "mark.overlap { outline: 1px solid currentColor; }\n"
  "blockquote { margin: 0.5em 0; padding-left: 1em; border-left: 3px solid #c0bfbc; }\n"
  "table { border-collapse: collapse; }\n"
  "th, td { text-align: left; padding: 0.2em 0.8em 0.2em 0; }\n"
  "td.count { text-align: right; }\n"
  "@media (prefers-color-scheme: dark) {\n"
  "  body { color: #ffffff; background: #242424; }\n"
  "  a { color: #99c1f1; }\n"
  "}\n";

/* Line breaks stay in text and become "&#10;" in attributes. */
static void
escape (GString    *out,
        const char *text,
        gboolean    attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\n': g_string_append (out, attribute ? "&#10;" : "\n"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  escape (out, text, FALSE);
}

static void
append_attribute (GString    *out,
                  const char *text)
{
  escape (out, text, TRUE);
}

static void
append_text (GString    *out,
             const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<br>\n");
      append_escaped (out, lines[i]);
    }
}

static void
append_element (GString    *out,
                const char *tag,
                const char *text)
{
  g_string_append_printf (out, "<%s>", tag);
  append_text (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

/* Only web addresses become links: a "javascript:" source stays text. */
static void
append_reference (GString    *out,
                  const char *reference)
{
  if (!gloss_formats_is_web_url (reference))
    {
      append_escaped (out, reference);
      return;
    }

  g_string_append (out, "<a href=\"");
  append_attribute (out, reference);
  g_string_append (out, "\" rel=\"noopener noreferrer\">");
  append_escaped (out, reference);
  g_string_append (out, "</a>");
}

static void
append_fields (GString   *out,
               GPtrArray *fields)
{
  g_string_append (out, "<dl class=\"fields\">\n");
  for (guint i = 0; i < fields->len; i++)
    {
      GlossReportField *field = g_ptr_array_index (fields, i);

      g_string_append (out, "<dt>");
      append_escaped (out, field->label);
      g_string_append (out, "</dt><dd>");
      if (field->is_link)
        append_reference (out, field->value);
      else
        append_escaped (out, field->value);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n");
}

/* Entity types get classes by position; a colour is written only when it
 * is a plain "#rrggbb", so nothing else reaches the style sheet. */
static void
append_label_styles (GString       *out,
                     GlossDocument *document)
{
  GListModel *labels = G_LIST_MODEL (gloss_document_get_labels (document));
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);
      const char *color = gloss_label_get_color (label);

      if (color != NULL && gloss_label_color_is_valid (color) && strlen (color) == 7)
        g_string_append_printf (out, "mark.label-%u { background: %s59; }\n", i, color);
    }
}

static void
append_head (GString       *out,
             GlossDocument *document)
{
  const char *language = gloss_source_get_language (gloss_document_get_source (document));
  g_autofree char *lang = NULL;

  if (language != NULL && strspn (language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")
      == strlen (language))
    lang = g_strdup_printf (" lang=\"%s\"", language);

  g_string_append_printf (out, page_head, lang != NULL ? lang : "");
  g_string_append (out, "<title>");
  append_escaped (out, gloss_report_title (document));
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, page_style);
  append_label_styles (out, document);
  g_string_append (out, "</style>\n</head>\n<body>\n<main>\n");
}

static char *
describe (GlossDocument   *document,
          GlossAnnotation *annotation)
{
  GlossEntity *entity = gloss_formats_get_entity (document, annotation);
  const char *type = gloss_formats_type_name (document, annotation);
  GlossVerdict verdict = gloss_annotation_get_verdict (annotation);

  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_ANNOTATION_ENTITY:
      return g_strdup_printf ("%s: %s", type,
                              entity != NULL ? gloss_entity_get_name (entity)
                                             : gloss_annotation_get_quote (annotation));
    case GLOSS_ANNOTATION_CLAIM:
      return g_strdup_printf (_("Claim: %s%s%s"),
                              gloss_claim_status_get_display_name (gloss_annotation_get_status (annotation)),
                              verdict != GLOSS_VERDICT_NONE ? ", " : "",
                              verdict != GLOSS_VERDICT_NONE ? gloss_verdict_get_display_name (verdict) : "");
    case GLOSS_ANNOTATION_NOTE:
    default:
      return g_strdup_printf (_("Note: %s"), gloss_annotation_get_note (annotation) != NULL
                              ? gloss_annotation_get_note (annotation) : "");
    }
}

static void
append_classes (GString         *out,
                GlossDocument   *document,
                GlossAnnotation *annotation)
{
  guint position;

  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_ANNOTATION_ENTITY:
      g_string_append (out, "entity");
      if (gloss_annotation_get_label (annotation) != NULL &&
          gloss_label_set_find (gloss_document_get_labels (document),
                                gloss_annotation_get_label (annotation), &position))
        g_string_append_printf (out, " label-%u", position);
      break;
    case GLOSS_ANNOTATION_CLAIM:
      g_string_append_printf (out, "claim status-%s",
                              gloss_claim_status_to_string (gloss_annotation_get_status (annotation)));
      break;
    case GLOSS_ANNOTATION_NOTE:
    default:
      g_string_append (out, "note");
      break;
    }
}

typedef struct
{
  GString       *out;
  GlossDocument *document;
  GPtrArray     *placed;
  GPtrArray     *active;
} Highlighter;

static int
start_compare (gconstpointer a,
               gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **) a, *(GlossAnnotation **) b);
}

/* Every annotation on the piece adds its class: an entity's colour, a
 * claim's underline and a note's dashes show together; the title lists
 * them all. */
static void
open_mark (Highlighter *h)
{
  g_string_append (h->out, "<mark class=\"");
  for (guint i = 0; i < h->active->len; i++)
    {
      if (i > 0)
        g_string_append_c (h->out, ' ');
      append_classes (h->out, h->document, g_ptr_array_index (h->active, i));
    }
  g_string_append (h->out, h->active->len > 1 ? " overlap\" title=\"" : "\" title=\"");
  for (guint i = 0; i < h->active->len; i++)
    {
      g_autofree char *description = describe (h->document, g_ptr_array_index (h->active, i));

      if (i > 0)
        g_string_append (h->out, "&#10;");
      append_attribute (h->out, description);
    }
  g_string_append (h->out, "\">");
}

static gint64
next_boundary (Highlighter *h,
               guint        next,
               gint64       position,
               gint64       length)
{
  gint64 boundary = length;

  if (next < h->placed->len)
    boundary = MIN (boundary, gloss_annotation_get_start (g_ptr_array_index (h->placed, next)));
  for (guint i = 0; i < h->active->len; i++)
    boundary = MIN (boundary, gloss_annotation_get_end (g_ptr_array_index (h->active, i)));

  return MAX (boundary, position);
}

static void
append_piece (Highlighter    *h,
              GlossTextIndex *index,
              gint64          from,
              gint64          to)
{
  g_autofree char *piece = NULL;

  if (to <= from)
    return;

  piece = gloss_text_index_dup_slice (index, from, to);
  if (h->active->len > 0)
    open_mark (h);
  append_escaped (h->out, piece);
  if (h->active->len > 0)
    g_string_append (h->out, "</mark>");
}

static void
update_active (Highlighter *h,
               guint       *next,
               gint64       position)
{
  for (guint i = h->active->len; i > 0; i--)
    if (gloss_annotation_get_end (g_ptr_array_index (h->active, i - 1)) <= position)
      g_ptr_array_remove_index (h->active, i - 1);

  while (*next < h->placed->len &&
         gloss_annotation_get_start (g_ptr_array_index (h->placed, *next)) <= position)
    {
      GlossAnnotation *annotation = g_ptr_array_index (h->placed, (*next)++);

      g_string_append (h->out, "<span id=\"");
      append_attribute (h->out, gloss_annotation_get_id (annotation));
      g_string_append (h->out, "\"></span>");
      g_ptr_array_add (h->active, annotation);
    }
}

static void
append_article (GString       *out,
                GlossDocument *document)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  GlossTextIndex *index = gloss_document_get_text_index (document);
  gint64 length = gloss_text_index_get_length (index);
  Highlighter h = { out, document, g_ptr_array_new_with_free_func (g_object_unref),
                    g_ptr_array_new () };
  gint64 position = 0;
  guint next = 0;

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      GlossAnnotation *annotation = g_list_model_get_item (annotations, i);

      if (!gloss_annotation_is_orphaned (annotation) &&
          gloss_annotation_get_end (annotation) > gloss_annotation_get_start (annotation))
        g_ptr_array_add (h.placed, annotation);
      else
        g_object_unref (annotation);
    }
  g_ptr_array_sort (h.placed, start_compare);

  g_string_append_printf (out, "<h2>%s</h2>\n<div class=\"article\">", _("Article"));
  while (position < length)
    {
      gint64 boundary;

      update_active (&h, &next, position);
      boundary = next_boundary (&h, next, position, length);
      append_piece (&h, index, position, boundary);
      position = boundary;
    }
  g_string_append (out, "</div>\n");

  g_ptr_array_unref (h.placed);
  g_ptr_array_unref (h.active);
}

static void
append_quote_link (GString         *out,
                   GlossAnnotation *annotation)
{
  g_string_append (out, "<blockquote><a href=\"#");
  append_attribute (out, gloss_annotation_get_id (annotation));
  g_string_append (out, "\">");
  append_text (out, gloss_annotation_get_quote (annotation));
  g_string_append (out, "</a></blockquote>\n");
}

static void
append_claim (GString         *out,
              GlossDocument   *document,
              GlossAnnotation *claim)
{
  g_autoptr(GPtrArray) fields = gloss_report_claim_fields (document, claim);
  const char * const *sources = gloss_annotation_get_sources (claim);

  g_string_append (out, "<li>\n");
  append_quote_link (out, claim);
  append_fields (out, fields);
  if (sources != NULL && sources[0] != NULL)
    g_string_append_printf (out, "<p>%s</p>\n<ul>\n", _("Sources"));
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      g_string_append (out, "<li>");
      append_reference (out, sources[i]);
      g_string_append (out, "</li>\n");
    }
  if (sources != NULL && sources[0] != NULL)
    g_string_append (out, "</ul>\n");
  if (gloss_annotation_get_note (claim) != NULL)
    append_element (out, "p", gloss_annotation_get_note (claim));
  g_string_append (out, "</li>\n");
}

static void
append_claims (GString       *out,
               GlossDocument *document)
{
  g_autoptr(GPtrArray) claims = gloss_report_annotations (document, GLOSS_ANNOTATION_CLAIM);

  g_string_append_printf (out, "<h2>%s (%u)</h2>\n<ol>\n", _("Claims"), claims->len);
  for (guint i = 0; i < claims->len; i++)
    append_claim (out, document, g_ptr_array_index (claims, i));
  g_string_append (out, "</ol>\n");
}

static void
append_entities (GString       *out,
                 GlossDocument *document)
{
  g_autoptr(GPtrArray) entities = gloss_report_entities (document);

  g_string_append_printf (out, "<h2>%s (%u)</h2>\n", _("Entities"), entities->len);
  g_string_append_printf (out, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                          _("Entity"), _("Type"), _("Mentions"), _("Link"));
  for (guint i = 0; i < entities->len; i++)
    {
      GlossReportEntity *entry = g_ptr_array_index (entities, i);
      const char *link = gloss_entity_get_link (entry->entity);

      g_string_append (out, "<tr><td>");
      append_escaped (out, gloss_entity_get_name (entry->entity));
      g_string_append (out, "</td><td>");
      append_escaped (out, gloss_formats_label_name (document, gloss_entity_get_label (entry->entity)));
      g_string_append_printf (out, "</td><td class=\"count\">%u</td><td>", entry->mentions);
      if (link != NULL)
        append_reference (out, link);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</table>\n");
}

static void
append_notes (GString       *out,
              GlossDocument *document)
{
  g_autoptr(GPtrArray) notes = gloss_report_annotations (document, GLOSS_ANNOTATION_NOTE);

  g_string_append_printf (out, "<h2>%s (%u)</h2>\n", _("Notes"), notes->len);
  for (guint i = 0; i < notes->len; i++)
    {
      GlossAnnotation *note = g_ptr_array_index (notes, i);

      append_quote_link (out, note);
      if (gloss_annotation_is_orphaned (note))
        append_element (out, "p", _("Orphaned: this text is no longer in the article."));
      if (gloss_annotation_get_note (note) != NULL)
        append_element (out, "p", gloss_annotation_get_note (note));
    }
}

/* The report and the article with its highlights, as one page. */
GlossExport *
gloss_html_export (GlossDocument             *document,
                   const GlossFormatOptions  *options,
                   GError                   **error)
{
  g_autoptr(GlossExport) export = gloss_export_new (FALSE);
  g_autoptr(GPtrArray) fields = gloss_report_source_fields (document);
  g_autofree char *stem = gloss_formats_article_stem (document);
  g_autofree char *name = g_strconcat (stem, ".html", NULL);
  g_autoptr(GBytes) bytes = NULL;
  GString *out = g_string_new (NULL);

  append_head (out, document);
  append_element (out, "h1", gloss_report_title (document));
  append_fields (out, fields);
  append_article (out, document);
  append_claims (out, document);
  append_entities (out, document);
  append_notes (out, document);
  g_string_append (out, "</main>\n</body>\n</html>\n");

  bytes = g_string_free_to_bytes (out);
  gloss_export_add_file (export, name, bytes);

  return g_steal_pointer (&export);
}
