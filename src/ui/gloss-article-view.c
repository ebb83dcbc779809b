/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-article-view"

#include "config.h"

#include "gloss-article-view.h"

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

static void
gloss_article_view_class_init (GlossArticleViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->size_allocate = gloss_article_view_size_allocate;
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
}

GtkWidget *
gloss_article_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_VIEW, NULL);
}
