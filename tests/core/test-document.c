/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-test-util.h"

typedef struct
{
  const char *quote;
  guint       nth;
} Span;

/* A sidecar for @old_text with one note per span, ids a0, a1, … */
static char *
sidecar_for (const char *old_text,
             const Span *spans,
             guint       n_spans)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (old_text, -1);
  g_autoptr(GString) array = g_string_new ("[");

  for (guint i = 0; i < n_spans; i++)
    {
      const char *p = old_text;
      g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *json = NULL;
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autoptr(JsonNode) root = NULL;
      gint64 start;

      for (guint n = 0; n <= spans[i].nth; n++)
        p = strstr (n == 0 ? p : p + 1, spans[i].quote);
      g_assert_nonnull (p);
      start = g_utf8_pointer_to_offset (old_text, p);
      gloss_text_index_describe (index, start, start + g_utf8_strlen (spans[i].quote, -1),
                                 &quote, &prefix, &suffix);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, "note");
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, start + g_utf8_strlen (spans[i].quote, -1));
      json_builder_set_member_name (builder, "quote");
      json_builder_add_string_value (builder, quote);
      json_builder_set_member_name (builder, "prefix");
      json_builder_add_string_value (builder, prefix != NULL ? prefix : "");
      json_builder_set_member_name (builder, "suffix");
      json_builder_add_string_value (builder, suffix != NULL ? suffix : "");
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json = json_generator_to_data (generator, NULL);
      g_string_append_printf (array, "%s%s", i > 0 ? ", " : "", json);
    }
  g_string_append_c (array, ']');

  return test_sidecar_json (old_text, NULL, array->str);
}

/* Loads @new_text with a sidecar made for @old_text. */
static GlossDocument *
load_edited (const char *dir,
             const char *old_text,
             const char *new_text,
             const Span *spans,
             guint       n_spans)
{
  g_autofree char *sidecar = sidecar_for (old_text, spans, n_spans);

  return test_load_article (dir, new_text, sidecar);
}

static void
assert_placed (GlossDocument    *document,
               const char       *id,
               GlossAnchorState  state,
               const char       *new_text,
               const char       *expected_quote,
               guint             nth)
{
  GlossAnnotation *annotation = gloss_document_lookup_annotation (document, id);
  const char *p = new_text;
  gint64 start;

  g_assert_nonnull (annotation);
  g_assert_cmpstr (gloss_anchor_state_to_string (gloss_annotation_get_anchor_state (annotation)), ==,
                   gloss_anchor_state_to_string (state));
  if (state == GLOSS_ANCHOR_ORPHANED)
    return;

  for (guint n = 0; n <= nth; n++)
    p = strstr (n == 0 ? p : p + 1, expected_quote);
  g_assert_nonnull (p);
  start = g_utf8_pointer_to_offset (new_text, p);
  g_assert_cmpint (gloss_annotation_get_start (annotation), ==, start);
  g_assert_cmpint (gloss_annotation_get_end (annotation), ==, start + g_utf8_strlen (expected_quote, -1));
  g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, expected_quote);
}

static const char *article =
  "Council Approves Harbour Bridge Study\n\n"
  "The Lowmoor city council voted on Tuesday to fund a study of a second bridge. "
  "Mayor Ilse Brandt said the crossing would cut commuting times by a third.\n\n"
  "Opponents, led by councillor Tomás Ferreira, called the plan a bridge to nowhere.\n";

static void
test_unchanged (void)
{
  g_autofree char *dir = test_make_dir ();
  const Span spans[] = { { "Lowmoor", 0 }, { "Ilse Brandt", 0 }, { "bridge", 1 } };
  g_autoptr(GlossDocument) document = load_edited (dir, article, article, spans, 3);
  const GlossAnchorReport *report = gloss_document_get_load_report (document);

  g_assert_false (report->text_changed);
  g_assert_cmpuint (report->counts[GLOSS_ANCHOR_EXACT], ==, 3);
  g_assert_cmpuint (report->changed, ==, 0);
  g_assert_false (gloss_document_get_modified (document));
  assert_placed (document, "a2", GLOSS_ANCHOR_EXACT, article, "bridge", 1);

  test_remove_tree (dir);
}

static void
test_insertion_before (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *edited = g_strconcat ("UPDATED 18 May: the vote was 7 to 4.\n\n", article, NULL);
  const Span spans[] = { { "Lowmoor", 0 }, { "Ilse Brandt", 0 }, { "Tomás Ferreira", 0 } };
  g_autoptr(GlossDocument) document = load_edited (dir, article, edited, spans, 3);
  const GlossAnchorReport *report = gloss_document_get_load_report (document);

  g_assert_true (report->text_changed);
  g_assert_cmpuint (report->counts[GLOSS_ANCHOR_ORPHANED], ==, 0);
  g_assert_cmpuint (report->changed, ==, 3);
  g_assert_true (gloss_document_get_modified (document));
  assert_placed (document, "a0", GLOSS_ANCHOR_MOVED, edited, "Lowmoor", 0);
  assert_placed (document, "a1", GLOSS_ANCHOR_MOVED, edited, "Ilse Brandt", 0);
  assert_placed (document, "a2", GLOSS_ANCHOR_MOVED, edited, "Tomás Ferreira", 0);

  test_remove_tree (dir);
}

static void
test_junk_header_deleted (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *scraped = g_strconcat ("+ ↺ − 16 px\n", article, NULL);
  const Span spans[] = { { "Council Approves", 0 }, { "a second bridge", 0 } };
  g_autoptr(GlossDocument) document = load_edited (dir, scraped, article, spans, 2);

  assert_placed (document, "a0", GLOSS_ANCHOR_MOVED, article, "Council Approves", 0);
  assert_placed (document, "a1", GLOSS_ANCHOR_MOVED, article, "a second bridge", 0);
  g_assert_null (gloss_annotation_get_prefix (gloss_document_lookup_annotation (document, "a0")));

  test_remove_tree (dir);
}

static void
test_glued_sentence (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *glued = "Putin arrived on Monday. He met officials in China.The visit lasted two days and ended with a joint statement.\n";
  const char *fixed = "Putin arrived on Monday. He met officials in China. The visit lasted two days and ended with a joint statement.\n";
  const Span spans[] = { { "He met officials in China.The visit lasted", 0 },
                         { "two days and ended", 0 } };
  g_autoptr(GlossDocument) document = load_edited (dir, glued, fixed, spans, 2);

  assert_placed (document, "a0", GLOSS_ANCHOR_FUZZY, fixed, "He met officials in China. The visit lasted", 0);
  assert_placed (document, "a1", GLOSS_ANCHOR_MOVED, fixed, "two days and ended", 0);

  test_remove_tree (dir);
}

static void
test_typo_fixed (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *before = "The minister said the goverment would publish the full report before the summer recess.\n";
  const char *after = "The minister said the government would publish the full report before the summer recess.\n";
  const Span spans[] = { { "the goverment would publish the full report", 0 } };
  g_autoptr(GlossDocument) document = load_edited (dir, before, after, spans, 1);

  assert_placed (document, "a0", GLOSS_ANCHOR_FUZZY, after, "the government would publish the full report", 0);

  test_remove_tree (dir);
}

static void
test_quote_deleted (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *before = "First paragraph stays.\n\nA sentence about the ferry timetable that the editor cut.\n\nLast paragraph stays too.\n";
  const char *after = "First paragraph stays.\n\nLast paragraph stays too.\n";
  const Span spans[] = { { "the ferry timetable that the editor cut", 0 }, { "Last paragraph", 0 } };
  g_autoptr(GlossDocument) document = load_edited (dir, before, after, spans, 2);
  const GlossAnchorReport *report = gloss_document_get_load_report (document);
  GlossAnnotation *orphan = gloss_document_lookup_annotation (document, "a0");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autofree char *saved = NULL;

  assert_placed (document, "a0", GLOSS_ANCHOR_ORPHANED, after, NULL, 0);
  assert_placed (document, "a1", GLOSS_ANCHOR_MOVED, after, "Last paragraph", 0);
  g_assert_cmpuint (report->counts[GLOSS_ANCHOR_ORPHANED], ==, 1);
  g_assert_cmpstr (report->orphaned[0], ==, "a0");
  g_assert_null (report->orphaned[1]);
  /* it keeps its quote and last position */
  g_assert_cmpstr (gloss_annotation_get_quote (orphan), ==, "the ferry timetable that the editor cut");
  g_assert_cmpint (gloss_annotation_get_start (orphan), ==, 41);
  g_assert_true (gloss_document_find_annotation_position (document, orphan, NULL));

  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  saved = test_read_path (dir, "article.txt.gloss.json");
  g_assert_nonnull (strstr (saved, "\"orphaned\": true"));
  g_assert_nonnull (strstr (saved, "the ferry timetable that the editor cut"));

  reloaded = test_load (gloss_document_get_file (document));
  g_assert_true (gloss_annotation_is_orphaned (gloss_document_lookup_annotation (reloaded, "a0")));
  g_assert_cmpuint (gloss_document_get_load_report (reloaded)->counts[GLOSS_ANCHOR_ORPHANED], ==, 1);
  g_assert_false (gloss_document_get_modified (reloaded));

  test_remove_tree (dir);
}

static void
test_repeated_quote (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *before =
    "On Monday the minister opened the port. Critics said the minister ignored the unions. "
    "By Friday the minister had resigned.\n";
  const char *after =
    "Updated. On Monday the minister opened the new port. Critics said that the minister ignored the unions. "
    "By Friday the minister had resigned.\n";
  const Span spans[] = { { "the minister", 1 }, { "the minister", 2 }, { "the minister", 0 } };
  g_autoptr(GlossDocument) document = load_edited (dir, before, after, spans, 3);

  assert_placed (document, "a0", GLOSS_ANCHOR_MOVED, after, "the minister", 1);
  assert_placed (document, "a1", GLOSS_ANCHOR_MOVED, after, "the minister", 2);
  assert_placed (document, "a2", GLOSS_ANCHOR_MOVED, after, "the minister", 0);

  test_remove_tree (dir);
}

static void
test_astral (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *before = "Fans 🎉🎉 cheered in 北京 and في القاهرة as the 🚀 launched.\n";
  const char *after = "👍 Update: Fans 🎉🎉 cheered in 北京市 and في القاهرة as the 🚀 launched.\n";
  const Span spans[] = { { "🎉🎉 cheered", 0 }, { "في القاهرة", 0 }, { "🚀 launched", 0 } };
  g_autoptr(GlossDocument) document = load_edited (dir, before, after, spans, 3);
  GlossAnnotation *rocket = gloss_document_lookup_annotation (document, "a2");

  assert_placed (document, "a0", GLOSS_ANCHOR_MOVED, after, "🎉🎉 cheered", 0);
  assert_placed (document, "a1", GLOSS_ANCHOR_MOVED, after, "في القاهرة", 0);
  assert_placed (document, "a2", GLOSS_ANCHOR_MOVED, after, "🚀 launched", 0);
  /* code points: UTF-16 units would say 59, bytes 79 */
  g_assert_cmpint (gloss_annotation_get_start (rocket), ==, 55);

  test_remove_tree (dir);
}

static void
test_set_text (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *text = "Alpha beta gamma. Delta epsilon zeta.\n";
  const char *edited = "Alpha BETA gamma. Zeta.\n";
  g_autoptr(GlossDocument) document = test_load_article (dir, text, NULL);
  g_autoptr(GError) error = NULL;
  GlossAnnotation *beta, *delta, *gamma;
  GlossAnnotationRange ranges[2];
  int notified = 0;

  beta = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 6, 10, NULL, NULL, &error);
  delta = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 18, 31, NULL, NULL, &error);
  gamma = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 11, 16, NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (document, "notify::text", G_CALLBACK (g_atomic_int_inc), &notified);

  /* the editor's marks: beta kept its place, delta's text is gone */
  ranges[0] = (GlossAnnotationRange) { beta, 6, 10 };
  ranges[1] = (GlossAnnotationRange) { delta, 18, 18 };
  gloss_document_set_text (document, edited, ranges, 2);

  g_assert_cmpint (notified, ==, 1);
  g_assert_cmpstr (gloss_document_get_text (document), ==, edited);
  g_assert_cmpint (gloss_document_get_length (document), ==, 24);
  g_assert_cmpstr (gloss_annotation_get_quote (beta), ==, "BETA");
  g_assert_cmpint (gloss_annotation_get_anchor_state (beta), ==, GLOSS_ANCHOR_EXACT);
  g_assert_true (gloss_annotation_is_orphaned (delta));
  g_assert_cmpstr (gloss_annotation_get_quote (delta), ==, "Delta epsilon");
  /* not given a range: placed by its quote */
  g_assert_cmpstr (gloss_annotation_get_quote (gamma), ==, "gamma");
  g_assert_cmpint (gloss_annotation_get_start (gamma), ==, 11);
  g_assert_true (gloss_document_get_modified (document));

  /* saving writes the article too, and the sidecar records the new text */
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_document_get_modified (document));
  g_autofree char *on_disk = test_read_path (dir, "article.txt");
  g_assert_cmpstr (on_disk, ==, edited);
  g_autoptr(GlossDocument) reloaded = test_load (gloss_document_get_file (document));
  g_assert_false (gloss_document_get_load_report (reloaded)->text_changed);
  g_assert_cmpuint (gloss_document_get_load_report (reloaded)->counts[GLOSS_ANCHOR_EXACT], ==, 2);
  g_assert_cmpuint (gloss_document_get_load_report (reloaded)->counts[GLOSS_ANCHOR_ORPHANED], ==, 1);

  /* the text back as saved: not modified */
  gloss_document_set_text (document, "Alpha BETA gamma. Zeta!\n", NULL, 0);
  g_assert_true (gloss_document_get_modified (document));
  gloss_document_set_text (document, edited, NULL, 0);
  g_assert_false (gloss_document_get_modified (document));

  test_remove_tree (dir);
}

static void
test_reanchor (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *text = "One two three. Four five six.\n";
  g_autoptr(GlossDocument) document = test_load_article (dir, text, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchorReport) report = NULL;
  GlossAnnotation *four;

  four = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 15, 19, NULL, NULL, &error);
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 0, 3, NULL, NULL, &error);
  gloss_document_set_text (document, "Zero. One two three. Six.\n",
                           &(GlossAnnotationRange) { four, 21, 21 }, 1);
  g_assert_true (gloss_annotation_is_orphaned (four));

  /* put the text back: re-anchoring finds the orphan again */
  gloss_document_set_text (document, "Zero. One two three. Four five six.\n", NULL, 0);
  report = gloss_document_reanchor (document);
  g_assert_cmpuint (report->counts[GLOSS_ANCHOR_ORPHANED], ==, 0);
  g_assert_cmpuint (report->counts[GLOSS_ANCHOR_EXACT] + report->counts[GLOSS_ANCHOR_MOVED], ==, 2);
  g_assert_cmpuint (report->changed, ==, 1);
  g_assert_cmpint (gloss_annotation_get_start (four), ==, 21);
  g_assert_false (gloss_annotation_is_orphaned (four));
  g_assert_cmpstr (gloss_history_get_undo_label (gloss_document_get_history (document)), ==,
                   "Re-anchor annotations");
  gloss_history_undo (gloss_document_get_history (document));
  g_assert_true (gloss_annotation_is_orphaned (four));

  test_remove_tree (dir);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GlossDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = gloss_document_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_save_finish (GLOSS_DOCUMENT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_async (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GFile) article = test_write (dir, "article.txt", "Async text to annotate.\n");
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) missing = NULL;
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/article.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gboolean done = FALSE;

  gloss_document_load_async (article, NULL, load_cb, &document);
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);

  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 0, 5, NULL, NULL, &error);
  gloss_document_set_text (document, "Async text, edited, to annotate.\n", NULL, 0);
  gloss_document_save_async (document, NULL, save_cb, &done);
  /* an edit made while saving stays unsaved */
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 6, 10, NULL, NULL, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gloss_document_get_modified (document));
  saved = test_read_path (dir, "article.txt.gloss.json");
  g_assert_nonnull (strstr (saved, "\"quote\": \"Async\""));
  g_assert_null (strstr (saved, "\"quote\": \"text\""));
  g_free (saved);
  saved = test_read_path (dir, "article.txt");
  g_assert_cmpstr (saved, ==, "Async text, edited, to annotate.\n");
  gloss_history_undo (gloss_document_get_history (document));
  g_assert_false (gloss_document_get_modified (document));

  missing = gloss_document_load (nowhere, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  test_remove_tree (dir);
}

static void
test_restore (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = test_load_article (dir, "Original text.\n", NULL);
  g_autoptr(GlossDocument) draft = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{oops", 5);
  g_autoptr(GError) error = NULL;

  draft = test_load (gloss_document_get_file (document));
  gloss_document_set_text (draft, "Original text, with draft edits.\n", NULL, 0);
  gloss_document_add_annotation (draft, GLOSS_ANNOTATION_NOTE, 15, 20, NULL, NULL, &error);
  bytes = gloss_document_save_sidecar_to_bytes (draft);

  g_assert_false (gloss_document_restore (document, "x", garbage, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_cmpstr (gloss_document_get_text (document), ==, "Original text.\n");

  g_assert_true (gloss_document_restore (document, "Original text, with draft edits.\n", bytes, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_quote (test_annotation_at (document, 0)), ==, "with ");
  g_assert_false (gloss_history_get_can_undo (gloss_document_get_history (document)));

  test_remove_tree (dir);
}

static void
test_find_and_sentences (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *text = "Title line\n\nFirst sentence here. Second one says “yes.” Third ends!\nNext line.\n";
  g_autoptr(GlossDocument) document = test_load_article (dir, text, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 start = 37, end = 40;

  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 12, 32, NULL, NULL, &error);
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 18, 26, NULL, NULL, &error);
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 33, 39, NULL, NULL, &error);
  found = gloss_document_find_annotations (document, 20, 20);
  g_assert_cmpuint (found->len, ==, 2);
  g_ptr_array_unref (found);
  found = gloss_document_find_annotations (document, 30, 35);
  g_assert_cmpuint (found->len, ==, 2);
  g_ptr_array_unref (found);
  found = gloss_document_find_annotations (document, 0, 12);
  g_assert_cmpuint (found->len, ==, 0);

  gloss_document_expand_to_sentence (document, &start, &end);
  g_assert_cmpint (start, ==, 33);
  g_assert_cmpint (end, ==, 55);
  start = 58, end = 59;
  gloss_document_expand_to_sentence (document, &start, &end);
  g_assert_cmpint (start, ==, 56);
  g_assert_cmpint (end, ==, 67);
  start = 0, end = 3;
  gloss_document_expand_to_sentence (document, &start, &end);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 10);

  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/document/anchor/unchanged", test_unchanged);
  g_test_add_func ("/gloss/core/document/anchor/insertion-before", test_insertion_before);
  g_test_add_func ("/gloss/core/document/anchor/junk-header-deleted", test_junk_header_deleted);
  g_test_add_func ("/gloss/core/document/anchor/glued-sentence", test_glued_sentence);
  g_test_add_func ("/gloss/core/document/anchor/typo-fixed", test_typo_fixed);
  g_test_add_func ("/gloss/core/document/anchor/quote-deleted", test_quote_deleted);
  g_test_add_func ("/gloss/core/document/anchor/repeated-quote", test_repeated_quote);
  g_test_add_func ("/gloss/core/document/anchor/astral", test_astral);
  g_test_add_func ("/gloss/core/document/set-text", test_set_text);
  g_test_add_func ("/gloss/core/document/reanchor", test_reanchor);
  g_test_add_func ("/gloss/core/document/async", test_async);
  g_test_add_func ("/gloss/core/document/restore", test_restore);
  g_test_add_func ("/gloss/core/document/find-and-sentences", test_find_and_sentences);

  return g_test_run ();
}
