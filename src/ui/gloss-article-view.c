/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-article-view.h"
#include "gloss-document-buffer.h"

/* A comfortable reading measure: about 75 characters of body text. */
#define READING_WIDTH   720
#define MINIMUM_MARGIN  24

struct _GlossArticleView
{
  GtkSourceView parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossArticleView, gloss_article_view, GTK_SOURCE_TYPE_VIEW)

static void
gloss_article_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (widget);
  int margin = MAX (MINIMUM_MARGIN, (width - READING_WIDTH) / 2);

  /* Margins only change with the width, so text is not re-laid out
   * on every allocation. */
  if (gtk_text_view_get_left_margin (text_view) != margin)
    {
      gtk_text_view_set_left_margin (text_view, margin);
      gtk_text_view_set_right_margin (text_view, margin);
    }

  GTK_WIDGET_CLASS (gloss_article_view_parent_class)->size_allocate (widget, width, height, baseline);
}

static char *
describe_annotation (GlossDocument   *document,
                     GlossAnnotation *annotation)
{
  const char *note = gloss_annotation_get_note (annotation);
  g_autofree char *what = NULL;

  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_ANNOTATION_ENTITY:
      {
        GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (document),
                                                    gloss_annotation_get_label (annotation));
        GlossEntity *entity = gloss_document_lookup_entity (document, gloss_annotation_get_entity (annotation));

        what = g_strdup_printf ("%s · %s", label != NULL ? gloss_label_get_display_name (label) : _("Entity"),
                                entity != NULL ? gloss_entity_get_name (entity) : gloss_annotation_get_quote (annotation));
        break;
      }
    case GLOSS_ANNOTATION_CLAIM:
      what = g_strdup_printf (_("Claim · %s · %s"),
                              gloss_claim_status_get_display_name (gloss_annotation_get_status (annotation)),
                              gloss_verdict_get_display_name (gloss_annotation_get_verdict (annotation)));
      break;
    case GLOSS_ANNOTATION_NOTE:
    default:
      what = g_strdup (_("Note"));
      break;
    }

  if (note != NULL && *note != '\0')
    return g_markup_printf_escaped ("<b>%s</b>\n%s", what, note);
  return g_markup_printf_escaped ("<b>%s</b>", what);
}

/* Hovering annotated text says what each annotation on it is. */
static gboolean
gloss_article_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) markup = NULL;
  GtkTextIter iter;
  int buffer_x, buffer_y;

  if (!GLOSS_IS_DOCUMENT_BUFFER (buffer))
    return FALSE;

  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  else
    {
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &buffer_x, &buffer_y);
      if (!gtk_text_view_get_iter_at_location (view, &iter, buffer_x, buffer_y))
        return FALSE;
    }

  found = gloss_document_buffer_annotations_at (GLOSS_DOCUMENT_BUFFER (buffer), &iter);
  if (found->len == 0)
    return FALSE;

  markup = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *line = describe_annotation (gloss_document_buffer_get_document (GLOSS_DOCUMENT_BUFFER (buffer)),
                                                   g_ptr_array_index (found, i));

      g_string_append_printf (markup, "%s%s", i > 0 ? "\n" : "", line);
    }
  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

static void
gloss_article_view_class_init (GlossArticleViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->size_allocate = gloss_article_view_size_allocate;
  widget_class->query_tooltip = gloss_article_view_query_tooltip;
}

static void
gloss_article_view_init (GlossArticleView *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);

  gtk_widget_add_css_class (GTK_WIDGET (self), "article-view");
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (text_view, 32);
  gtk_text_view_set_bottom_margin (text_view, 48);
  gtk_text_view_set_pixels_below_lines (text_view, 6);
  gtk_text_view_set_pixels_inside_wrap (text_view, 4);
  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_cursor_visible (text_view, TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
gloss_article_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_VIEW, NULL);
}
