/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-span-style"

#include "config.h"

#include "gloss-span-style.h"

#include <string.h>

/* How the article view shows an annotation. Entity mentions get a tint
 * of their type's colour, claims a double underline in the colour of
 * their review status and notes a wavy underline, so all three stay
 * readable where they overlap, in light and dark mode alike. */

#define ENTITY_ALPHA 0.30
#define NOTE_COLOR   "#c061cb"

/* Also in style.css, for the side panel's status badges. */
static const char *status_colors[] = {
  [GLOSS_CLAIM_UNREVIEWED] = "#e5a50a",
  [GLOSS_CLAIM_IN_REVIEW]  = "#1c71d8",
  [GLOSS_CLAIM_REVIEWED]   = "#2ec27e",
  [GLOSS_CLAIM_DISMISSED]  = "#9a9996",
};

/**
 * gloss_span_style_key:
 *
 * Returns: (transfer full) (nullable): a key shared by every annotation
 *   that looks the same, or %NULL if @annotation is not shown
 */
char *
gloss_span_style_key (GlossAnnotation *annotation)
{
  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_ANNOTATION_ENTITY:
      return g_strconcat ("entity:", gloss_annotation_get_label (annotation), NULL);
    case GLOSS_ANNOTATION_CLAIM:
      return g_strconcat ("claim:", gloss_claim_status_to_string (gloss_annotation_get_status (annotation)), NULL);
    case GLOSS_ANNOTATION_NOTE:
      return g_strdup ("note");
    default:
      return NULL;
    }
}

static void
set_entity_style (GtkTextTag    *tag,
                  const char    *label_id,
                  GlossDocument *document)
{
  GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (document), label_id);
  GdkRGBA color = { 0.47, 0.46, 0.48, 1.0 };

  if (label != NULL)
    gdk_rgba_parse (&color, gloss_label_get_color (label));
  color.alpha = ENTITY_ALPHA;
  g_object_set (tag, "background-rgba", &color, NULL);
}

static void
set_underline_style (GtkTextTag     *tag,
                     PangoUnderline  underline,
                     const char     *color_spec)
{
  GdkRGBA color;

  gdk_rgba_parse (&color, color_spec);
  g_object_set (tag, "underline", underline, "underline-rgba", &color, NULL);
}

/**
 * gloss_span_style_get_status_color:
 *
 * Sets @color to the colour that marks claims of @status, everywhere in
 * the window.
 */
void
gloss_span_style_get_status_color (GlossClaimStatus  status,
                                   GdkRGBA          *color)
{
  g_return_if_fail (status < G_N_ELEMENTS (status_colors));

  gdk_rgba_parse (color, status_colors[status]);
}

static void
set_style_for_key (GtkTextTag    *tag,
                   const char    *key,
                   GlossDocument *document)
{
  GlossClaimStatus status;

  if (g_str_has_prefix (key, "entity:"))
    set_entity_style (tag, key + strlen ("entity:"), document);
  else if (g_str_has_prefix (key, "claim:") &&
           gloss_claim_status_from_string (key + strlen ("claim:"), &status))
    set_underline_style (tag, PANGO_UNDERLINE_DOUBLE, status_colors[status]);
  else if (g_str_equal (key, "note"))
    set_underline_style (tag, PANGO_UNDERLINE_ERROR, NOTE_COLOR);
}

void
gloss_span_style_apply (GtkTextTag      *tag,
                        GlossAnnotation *annotation,
                        GlossDocument   *document)
{
  char *key = gloss_span_style_key (annotation);

  g_return_if_fail (key != NULL);

  g_object_set_data_full (G_OBJECT (tag), "gloss-style", key, g_free);
  set_style_for_key (tag, key, document);
}

void
gloss_span_style_refresh (GtkTextTag    *tag,
                          GlossDocument *document)
{
  const char *key = g_object_get_data (G_OBJECT (tag), "gloss-style");

  if (key != NULL)
    set_style_for_key (tag, key, document);
}

gboolean
gloss_span_style_is_span_tag (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), "gloss-style") != NULL;
}

/**
 * gloss_span_style_extend:
 *
 * Gives text just inserted between @start and @end the span styles of the
 * text around it, so typing inside a span keeps it looking whole.
 */
void
gloss_span_style_extend (const GtkTextIter *start,
                         const GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (start);
  GtkTextIter before = *start;
  g_autoptr(GSList) tags = NULL;

  if (gtk_text_iter_is_end (end) || !gtk_text_iter_backward_char (&before))
    return;

  tags = gtk_text_iter_get_tags (&before);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (gloss_span_style_is_span_tag (l->data) && gtk_text_iter_has_tag (end, l->data))
      gtk_text_buffer_apply_tag (buffer, l->data, start, end);
}

int
gloss_span_compare_width (gconstpointer a,
                          gconstpointer b)
{
  GlossAnnotation *first = *(GlossAnnotation **) a;
  GlossAnnotation *second = *(GlossAnnotation **) b;
  gint64 first_width = gloss_annotation_get_end (first) - gloss_annotation_get_start (first);
  gint64 second_width = gloss_annotation_get_end (second) - gloss_annotation_get_start (second);

  return (first_width > second_width) - (first_width < second_width);
}
