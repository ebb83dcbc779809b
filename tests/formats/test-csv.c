/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "formats-test-util.h"

/* An RFC 4180 reader, as a spreadsheet would read the file. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  for (const char *p = csv + 3; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (cell, *p++);
      else if (*p == '"')
        {
          g_assert_true (quoted || cell->len == 0);
          quoted = !quoted;
        }
      else if (!quoted && *p == ',')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (!quoted && *p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        {
          g_assert_true (quoted || *p != '\n');
          g_string_append_c (cell, *p);
        }
    }

  g_assert_false (quoted);
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (cell, TRUE);
  return rows;
}

static const char *
cell (GPtrArray *row,
      guint      column)
{
  return g_ptr_array_index (row, column);
}

static GPtrArray *
find_row (GPtrArray  *rows,
          const char *id)
{
  for (guint i = 1; i < rows->len; i++)
    if (g_str_equal (cell (g_ptr_array_index (rows, i), 0), id))
      return g_ptr_array_index (rows, i);

  g_assert_not_reached ();
}

/* A spreadsheet runs a cell starting with = + - @ tab or CR. */
static void
assert_no_formula (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->len, ==, 16);
      for (guint j = 0; j < row->len; j++)
        g_assert_null (strchr ("=+-@\t\r", cell (row, j)[0] == '\0' ? 'x' : cell (row, j)[0]));
    }
}

static const char article[] =
  "Total: =SUM(A1:A9) and -5 degrees, +3 points, @handle said \"quoted, text\"\nand more.\n";

static GlossAnnotation *
add (GlossDocument       *document,
     GlossAnnotationKind  kind,
     const char          *quote,
     const char          *label,
     const char          *entity,
     const char          *note)
{
  g_autoptr(GError) error = NULL;
  const char *found = strstr (article, quote);
  gint64 start = g_utf8_pointer_to_offset (article, found);
  GlossAnnotation *annotation;

  annotation = gloss_document_add_annotation (document, kind, start,
                                              start + g_utf8_strlen (quote, -1),
                                              label, entity, &error);
  g_assert_no_error (error);
  if (note != NULL)
    gloss_document_set_annotation_note (document, annotation, note, &error);
  g_assert_no_error (error);

  return annotation;
}

static void
test_hostile_cells (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sheet.txt", NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  GlossAnnotation *formula, *minus, *handle, *claim, *cr;
  GlossEntity *entity;

  test_write (path, article);
  document = test_load (path);
  entity = gloss_document_create_entity (document, "@handle", "person", &error);
  g_assert_no_error (error);
  formula = add (document, GLOSS_ANNOTATION_NOTE, "=SUM(A1:A9)", NULL, NULL, "+cmd|' /C calc'!A0");
  minus = add (document, GLOSS_ANNOTATION_NOTE, "-5 degrees", NULL, NULL, "\tTabbed");
  handle = add (document, GLOSS_ANNOTATION_ENTITY, "@handle", "person",
                gloss_entity_get_id (entity), NULL);
  claim = add (document, GLOSS_ANNOTATION_CLAIM, "\"quoted, text\"\nand more.", NULL, NULL, NULL);
  cr = add (document, GLOSS_ANNOTATION_NOTE, "+3 points", NULL, NULL, "\rCR first");

  csv = test_export_string (document, "csv", "sheet.csv", NULL, NULL);
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 6);
  assert_no_formula (rows);

  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (formula)), 4), ==, "'=SUM(A1:A9)");
  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (formula)), 10), ==,
                   "'+cmd|' /C calc'!A0");
  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (minus)), 4), ==, "'-5 degrees");
  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (minus)), 10), ==, "'\tTabbed");
  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (handle)), 3), ==, "'@handle");
  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (handle)), 2), ==, "Person");
  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (claim)), 4), ==,
                   "\"quoted, text\"\nand more.");
  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (claim)), 7), ==, "unreviewed");
  g_assert_cmpstr (cell (find_row (rows, gloss_annotation_get_id (cr)), 10), ==, "'\rCR first");

  test_remove_tree (dir);
}

/* The fixture's rows read back as the document has them. */
static void
test_fixture_rows (void)
{
  g_autoptr(GlossDocument) document = test_load_fixture ();
  g_autofree char *csv = test_export_string (document, "csv", NULL, NULL, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  GListModel *annotations = gloss_document_get_annotations (document);
  const char *header[] = { "id", "kind", "label", "entity", "text", "start", "end", "status",
                           "verdict", "claimant", "note", "sources", "tags", "author", "created",
                           "modified" };

  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (annotations) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (cell (g_ptr_array_index (rows, 0), i), ==, header[i]);
  assert_no_formula (rows);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      GPtrArray *row = find_row (rows, gloss_annotation_get_id (annotation));
      const char *text = cell (row, 4);
      g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                gloss_annotation_get_start (annotation));

      if (text[0] == '\'')
        text++;
      g_assert_cmpstr (text, ==, gloss_annotation_get_quote (annotation));
      g_assert_cmpstr (cell (row, 5), ==, start);
      g_assert_cmpstr (cell (row, 1), ==,
                       gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)));
    }

  g_assert_cmpstr (cell (find_row (rows, "c0000002"), 11), ==,
                   "https://example.org/ridership-2019\nPortvale harbour study (2019), p. 4");
  g_assert_cmpstr (cell (find_row (rows, "c0000002"), 9), ==, "Ines Okafor");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/formats/csv/hostile-cells", test_hostile_cells);
  g_test_add_func ("/gloss/formats/csv/fixture-rows", test_fixture_rows);

  return g_test_run ();
}
