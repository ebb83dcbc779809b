/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-article.h"
#include "gloss-document-buffer.h"
#include "gloss-window.h"

/* The window on the benchmark article: how long until it shows the text
 * with every highlight and the side panel filled, and how long a typed
 * character takes to go through the buffer, its spans and the history. */

#define N_KEYSTROKES 300

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static char *
write_article (const char *folder)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260518);
  g_autofree char *path = g_build_filename (folder, "article.txt", NULL);
  g_autofree char *text = bench_generate_text (rand);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  document = gloss_document_load (file, NULL, &error);
  g_assert_no_error (error);
  bench_annotate (document, rand);
  g_assert_true (gloss_document_save (document, NULL, &error));

  return g_steal_pointer (&path);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until the first frame that shows the opened article is painted; then
 * until GtkTextView has laid out the whole text in the background. */
static void
time_open (GlossWindow *window,
           GFile       *article,
           double      *shown_ms,
           double      *laid_out_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 begin = g_get_monotonic_time ();
  gboolean painted = FALSE;
  gulong handler;

  gloss_window_open_file (window, article);
  while (gloss_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  *shown_ms = (g_get_monotonic_time () - begin) / 1000.0;

  drain ();
  *laid_out_ms = (g_get_monotonic_time () - begin) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
time_typing (GlossWindow *window,
             double      *mean,
             double      *p95)
{
  GtkTextBuffer *buffer = gloss_window_get_buffer (window);
  double times[N_KEYSTROKES];
  double total = 0;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, gtk_text_buffer_get_char_count (buffer) / 2);
  gtk_text_buffer_place_cursor (buffer, &iter);

  for (guint i = 0; i < N_KEYSTROKES; i++)
    {
      gint64 begin = g_get_monotonic_time ();

      gtk_text_buffer_insert_interactive_at_cursor (buffer, i % 7 == 6 ? " " : "a", 1, TRUE);
      drain ();
      times[i] = (g_get_monotonic_time () - begin) / 1000.0;
      total += times[i];
    }

  qsort (times, N_KEYSTROKES, sizeof (double), compare_doubles);
  *mean = total / N_KEYSTROKES;
  *p95 = times[N_KEYSTROKES * 95 / 100];
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = g_dir_make_tmp ("gloss-bench-window-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) article = NULL;
  GlossWindow *window;
  double open_ms, laid_out_ms, mean, p95;

  g_set_application_name ("Gloss");
  gtk_init ();
  adw_init ();

  path = write_article (folder);
  article = g_file_new_for_path (path);

  window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  time_open (window, article, &open_ms, &laid_out_ms);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (gloss_window_get_document (window))),
                    ==, BENCH_N_ANNOTATIONS);
  time_typing (window, &mean, &p95);
  {
    /* What a pause in typing costs: the model catches up with the text. */
    gint64 begin = g_get_monotonic_time ();

    gloss_document_buffer_sync (GLOSS_DOCUMENT_BUFFER (gloss_window_get_buffer (window)));
    printf ("window-sync-after-typing: %.0f ms\n", (g_get_monotonic_time () - begin) / 1000.0);
  }

  printf ("window-open: %.0f ms until shown with highlights and panel (target 1000 ms)\n", open_ms);
  printf ("window-layout-complete: %.0f ms until the whole text is laid out in the background\n",
          laid_out_ms);
  printf ("window-keystroke: mean %.2f ms, 95th percentile %.2f ms (target 16 ms)\n", mean, p95);
  printf ("window-peak-memory: %.1f MB\n", bench_peak_memory_mb ());

  gloss_history_set_clean (gloss_document_get_history (gloss_window_get_document (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  {
    g_autofree char *sidecar = g_strconcat (path, ".gloss.json", NULL);

    g_unlink (sidecar);
    g_unlink (path);
    g_rmdir (folder);
  }

  return open_ms < 1000 && p95 < 16 ? 0 : 1;
}
