/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-brat-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-brat-private.h"
#include "gloss-formats-private.h"
#include "gloss-import-private.h"

/* A T line and what A, N and # lines add to it. */
typedef struct
{
  char                *id;
  char                *type;
  GlossAnnotationKind  kind;
  GArray              *fragments;
  char                *text;
  guint                line;
  GPtrArray           *tags;
  char                *note;
  char                *link;
  char                *link_name;
  GlossClaimStatus     status;
  GlossVerdict         verdict;
} Span;

typedef struct
{
  const char     *name;
  GlossTextIndex *index;
  GHashTable     *spans;
  GPtrArray      *order;
  GHashTable     *ids;
  GlossImport    *import;
  GlossImportArticle *article;
  guint           kept[128];
} Reader;

static void
span_free (Span *span)
{
  g_free (span->id);
  g_free (span->type);
  g_array_unref (span->fragments);
  g_free (span->text);
  g_ptr_array_unref (span->tags);
  g_free (span->note);
  g_free (span->link);
  g_free (span->link_name);
  g_free (span);
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->index, gloss_text_index_unref);
  g_clear_pointer (&reader->spans, g_hash_table_unref);
  g_clear_pointer (&reader->order, g_ptr_array_unref);
  g_clear_pointer (&reader->ids, g_hash_table_unref);
  g_clear_pointer (&reader->import, gloss_import_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
parse_offset (const char *string,
              gint64     *offset)
{
  guint64 value;

  if (string[0] == '\0' || strspn (string, "0123456789") != strlen (string))
    return FALSE;

  if (!g_ascii_string_to_unsigned (string, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;

  *offset = value;
  return TRUE;
}

static gboolean
parse_fragments (Reader      *reader,
                 Span        *span,
                 char       **words,
                 GError     **error)
{
  g_autofree char *joined = g_strjoinv (" ", words);
  g_auto(GStrv) ranges = g_strsplit (joined, ";", -1);
  gint64 length = gloss_text_index_get_length (reader->index);

  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto(GStrv) ends = g_strsplit (g_strstrip (ranges[i]), " ", -1);
      gint64 range[2];

      if (g_strv_length (ends) != 2 || !parse_offset (ends[0], &range[0]) ||
          !parse_offset (ends[1], &range[1]) || range[0] >= range[1])
        {
          gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name,
                                        span->line, _("%s: “%s” is not a span (START END, "
                                                      "START before END)"), span->id, ranges[i]);
          return FALSE;
        }
      if (range[1] > length)
        {
          gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_MISMATCH, reader->name,
                                        span->line, _("%s: %lld–%lld is outside the text, which "
                                                      "has %lld characters"),
                                        span->id, (long long) range[0], (long long) range[1],
                                        (long long) length);
          return FALSE;
        }
      g_array_append_vals (span->fragments, range, 2);
    }

  return TRUE;
}

/* brat joins the texts of a discontinuous span's fragments with spaces. */
static gboolean
check_text (Reader  *reader,
            Span    *span,
            GError **error)
{
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < span->fragments->len; i += 2)
    {
      g_autofree char *slice = gloss_text_index_dup_slice (reader->index,
                                                           g_array_index (span->fragments, gint64, i),
                                                           g_array_index (span->fragments, gint64, i + 1));

      if (i > 0)
        g_string_append_c (expected, ' ');
      g_string_append (expected, slice);
    }

  if (g_str_equal (expected->str, span->text))
    return TRUE;

  gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_MISMATCH, reader->name, span->line,
                                _("%s says “%s”, but the text there is “%s”"),
                                span->id, span->text, expected->str);
  return FALSE;
}

static GlossAnnotationKind
kind_for_type (const char *type)
{
  if (g_str_equal (type, GLOSS_FORMATS_CLAIM_TYPE))
    return GLOSS_ANNOTATION_CLAIM;
  if (g_str_equal (type, GLOSS_FORMATS_NOTE_TYPE))
    return GLOSS_ANNOTATION_NOTE;

  return GLOSS_ANNOTATION_ENTITY;
}

static gboolean
read_t_line (Reader     *reader,
             char      **fields,
             guint       line,
             GError    **error)
{
  g_auto(GStrv) words = fields[1] != NULL ? g_strsplit (fields[1], " ", -1) : NULL;
  Span *span;

  /* An empty second field splits into no words at all. */
  if (fields[1] == NULL || fields[2] == NULL || words[0] == NULL || words[0][0] == '\0' ||
      words[1] == NULL)
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, line,
                                    _("%s: a T line is “ID<TAB>TYPE START END<TAB>TEXT”"),
                                    fields[0]);
      return FALSE;
    }

  span = g_new0 (Span, 1);
  span->id = g_strdup (fields[0]);
  span->line = line;
  span->fragments = g_array_new (FALSE, FALSE, sizeof (gint64));
  span->text = g_strdup (fields[2]);
  span->tags = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (reader->order, span);
  g_hash_table_insert (reader->spans, span->id, span);

  span->type = g_strdup (words[0]);
  span->kind = kind_for_type (span->type);

  return parse_fragments (reader, span, words + 1, error) && check_text (reader, span, error);
}

static void
keep_line (Reader     *reader,
           const char *line)
{
  reader->kept[(guchar) line[0] & 0x7f]++;
  gloss_import_article_keep (reader->import, reader->article, json_node_init_string (json_node_alloc (), line));
}

static gboolean
read_review (Reader      *reader,
             Span        *span,
             const char  *name,
             const char  *value,
             guint        line,
             GError     **error)
{
  gboolean ok = g_str_equal (name, GLOSS_BRAT_STATUS)
    ? value != NULL && gloss_claim_status_from_string (value, &span->status)
    : value != NULL && gloss_verdict_from_string (value, &span->verdict);

  if (!ok)
    gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, line,
                                  g_str_equal (name, GLOSS_BRAT_STATUS)
                                    ? _("“%s” is not a claim status (unreviewed, in-review, "
                                        "reviewed or dismissed)")
                                    : _("“%s” is not a claim verdict (true, mostly-true, mixed, "
                                        "mostly-false, false, misleading or unverifiable)"),
                                  value != NULL ? value : "");
  return ok;
}

/* A lines on spans: a claim's status and verdict, or tags ("Name" for a
 * binary attribute, "Name=Value" otherwise). */
static gboolean
read_attribute (Reader      *reader,
                Span        *span,
                char       **words,
                guint        line,
                GError     **error)
{
  const char *value = words[2];

  if (span->kind == GLOSS_ANNOTATION_CLAIM &&
      (g_str_equal (words[0], GLOSS_BRAT_STATUS) || g_str_equal (words[0], GLOSS_BRAT_VERDICT)))
    return read_review (reader, span, words[0], value, line, error);

  g_ptr_array_add (span->tags, value != NULL ? g_strconcat (words[0], "=", value, NULL)
                                             : g_strdup (words[0]));
  return TRUE;
}

static char *
link_for (const char *reference)
{
  if (g_str_has_prefix (reference, GLOSS_WIKIDATA_DB))
    return g_strconcat (GLOSS_WIKIDATA_URL, reference + strlen (GLOSS_WIKIDATA_DB), NULL);

  return g_strdup (reference);
}

/* What an A, N or # line says of a T span; FALSE in @taken when it is
 * about something else and is kept as it is. */
static gboolean
read_span_line (Reader      *reader,
                char       **fields,
                char       **words,
                Span        *span,
                guint        line,
                gboolean    *taken,
                GError     **error)
{
  *taken = TRUE;
  switch (fields[0][0])
    {
    case 'A':
    case 'M':
      return read_attribute (reader, span, words, line, error);
    case 'N':
      if (span->kind != GLOSS_ANNOTATION_ENTITY || !g_str_equal (words[0], GLOSS_BRAT_REFERENCE) ||
          words[2] == NULL || span->link != NULL)
        break;
      span->link = link_for (words[2]);
      span->link_name = fields[2] != NULL && fields[2][0] != '\0' ? g_strdup (fields[2]) : NULL;
      return TRUE;
    case '#':
      if (!g_str_equal (words[0], GLOSS_BRAT_NOTES) || fields[2] == NULL)
        break;
      {
        /* A second note on the span is joined to the first, which is
         * only freed once the joined text is made. */
        char *note = span->note != NULL ? g_strconcat (span->note, "\n", fields[2], NULL)
                                        : g_strdup (fields[2]);

        g_free (span->note);
        span->note = note;
      }
      return TRUE;
    default:
      break;
    }

  *taken = FALSE;
  return TRUE;
}

static gboolean
read_other_line (Reader      *reader,
                 const char  *text,
                 guint        line,
                 GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (text, "\t", 3);
  g_auto(GStrv) words = fields[1] != NULL ? g_strsplit (fields[1], " ", -1) : NULL;
  Span *span;
  gboolean taken = FALSE;

  if (strchr ("RE*AMN#", text[0]) == NULL)
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, line,
                                    _("“%s” is not a brat annotation (T, R, E, A, M, N, * or # "
                                      "line)"), fields[0]);
      return FALSE;
    }
  if (words == NULL || words[0] == NULL || (strchr ("AMN#", text[0]) != NULL && words[1] == NULL))
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, line,
                                    _("%s: the line is cut short"), fields[0]);
      return FALSE;
    }
  if (strchr ("AMN#", text[0]) != NULL && !g_hash_table_contains (reader->ids, words[1]))
    {
      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name, line,
                                    _("%s refers to %s, which the file does not define"),
                                    fields[0], words[1]);
      return FALSE;
    }

  span = strchr ("AMN#", text[0]) != NULL ? g_hash_table_lookup (reader->spans, words[1]) : NULL;
  if (span != NULL && !read_span_line (reader, fields, words, span, line, &taken, error))
    return FALSE;
  if (!taken)
    keep_line (reader, text);

  return TRUE;
}

static gboolean
read_lines (Reader  *reader,
            char   **lines,
            GError **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) fields = NULL;
        gboolean t_line = lines[i][0] == 'T';

        if (lines[i][0] == '\0' || t_line != (pass == 0))
          continue;
        if (!t_line)
          {
            if (!read_other_line (reader, lines[i], i + 1, error))
              return FALSE;
            continue;
          }

        fields = g_strsplit (lines[i], "\t", 3);
        if (g_hash_table_contains (reader->spans, fields[0]))
          {
            gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_INVALID_INPUT, reader->name,
                                          i + 1, _("%s is defined twice"), fields[0]);
            return FALSE;
          }
        if (!read_t_line (reader, fields, i + 1, error))
          return FALSE;
      }

  return TRUE;
}

static void
add_items (Reader *reader,
           Span   *span)
{
  for (guint i = 0; i < span->fragments->len; i += 2)
    {
      GlossImportItem *item = gloss_import_article_add_item (reader->import, reader->article,
                                                             span->kind,
                                                             g_array_index (span->fragments, gint64, i),
                                                             g_array_index (span->fragments, gint64, i + 1));
      JsonObject *brat = json_object_new ();

      json_object_set_string_member (brat, "id", span->id);
      item->extra = json_object_new ();
      json_object_set_object_member (item->extra, GLOSS_BRAT_KEY, brat);
      item->label = span->kind == GLOSS_ANNOTATION_ENTITY ? g_strdup (span->type) : NULL;
      item->entity = span->kind == GLOSS_ANNOTATION_ENTITY
        ? g_strdup (span->link_name != NULL ? span->link_name : span->text) : NULL;
      item->link = g_strdup (span->link);
      for (guint t = 0; t < span->tags->len; t++)
        gloss_import_item_add_tag (item, g_ptr_array_index (span->tags, t));
      item->note = g_strdup (span->note);
      item->status = span->status;
      item->verdict = span->verdict;
    }

  if (span->fragments->len > 2)
    gloss_import_add_note (reader->import,
                           _("%s:%u: %s is discontinuous: its %u fragments became annotations "
                             "sharing the brat id %s"), reader->name, span->line, span->id,
                           span->fragments->len / 2, span->id);
}

static void
note_kept (Reader *reader)
{
  static const struct { char prefix; const char *what; } kinds[] = {
    { 'R', N_("relations (R lines)") },
    { 'E', N_("events (E lines)") },
    { '*', N_("equivalences (* lines)") },
    { 'A', N_("attributes of relations or events (A lines)") },
    { 'M', N_("attributes of relations or events (M lines)") },
    { 'N', N_("normalizations not on entity spans (N lines)") },
    { '#', N_("notes that are not annotator notes on spans (# lines)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (reader->kept[(guchar) kinds[i].prefix] > 0)
      gloss_import_add_note (reader->import, _("%s: %s: %u, kept as unknown data in the sidecar "
                                               "(Gloss has no place for them; brat export writes "
                                               "them back)"),
                             reader->name, _(kinds[i].what), reader->kept[(guchar) kinds[i].prefix]);
}

static void
collect_ids (Reader  *reader,
             char   **lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    g_hash_table_add (reader->ids, g_strndup (lines[i], strcspn (lines[i], "\t")));
}

static GFile *
text_beside (GFile *input)
{
  g_autofree char *stem = gloss_formats_file_stem (input);
  g_autofree char *name = g_strconcat (stem, ".txt", NULL);
  g_autoptr(GFile) parent = g_file_get_parent (input);

  return g_file_get_child (parent, name);
}

/* FILE.ann annotates FILE.txt beside it. T lines become annotations
 * (type Claim a claim, Note a note, anything else an entity mention); A,
 * N and # lines on them become claim review, tags, entity links and notes;
 * R, E, * and the rest are kept verbatim in the sidecar. */
GlossImport *
gloss_brat_import (GFile                     *input,
                   GFile                     *target,
                   const GlossFormatOptions  *options,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  g_auto(Reader) reader = { 0 };
  g_autoptr(GFile) article = target != NULL ? g_object_ref (target) : text_beside (input);
  g_autofree char *name = g_file_get_basename (input);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  reader.name = name;
  if (!gloss_formats_read_utf8 (input, cancellable, &contents, &length, error))
    return NULL;
  if (options->article_text == NULL && !g_file_query_exists (article, cancellable))
    {
      g_autofree char *txt = g_file_get_basename (article);

      gloss_formats_set_line_error (error, GLOSS_FORMAT_ERROR_NOT_SUPPORTED, name, 0,
                                    _("brat keeps the text in %s beside it, and there is none"),
                                    txt);
      return NULL;
    }
  text = gloss_formats_read_article (article, options, cancellable, error);
  if (text == NULL)
    return NULL;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_suffix (lines[i], "\r"))
      lines[i][strlen (lines[i]) - 1] = '\0';
  reader.index = gloss_text_index_new (text, -1);
  reader.spans = g_hash_table_new (g_str_hash, g_str_equal);
  reader.order = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  reader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.import = gloss_import_new ();
  reader.article = gloss_import_add_article (reader.import, article, text, FALSE, GLOSS_BRAT_KEY);

  collect_ids (&reader, lines);
  if (!read_lines (&reader, lines, error))
    return NULL;

  for (guint i = 0; i < reader.order->len; i++)
    add_items (&reader, g_ptr_array_index (reader.order, i));
  note_kept (&reader);

  return g_steal_pointer (&reader.import);
}
