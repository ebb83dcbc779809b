/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unshare() and its CLONE_ flags */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gloss-test-util.h"

/* One test per kind of bad input a file or a disk can bring: each checks
 * the message the user gets and that no file changed that should not. */

static const char *text =
  "The ferry board met on Friday. Captain Rhea Stone spoke first.\n"
  "Stone said the pier would reopen in 2027.\n";

#define SIDECAR "article.txt.gloss.json"

/* One note on "ferry", where it is. */
static const char *one_note =
  "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 4, \"end\": 9, \"quote\": \"ferry\"}]";

/* Files ---------------------------------------------------------------- */

static GFile *
write_bytes (const char *dir,
             const char *name,
             const char *data,
             gsize       size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every file in @dir with its SHA-256, one per line, in name order. */
static char *
snapshot (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sha256 = NULL;
      gsize size = 0;

      g_file_get_contents (path, &contents, &size, NULL);
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, size);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s\n", name, sha256));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("", (char **) lines->pdata);
}

static char *
read_sidecar (const char *dir)
{
  return test_read_path (dir, SIDECAR);
}

/* Sidecars ------------------------------------------------------------- */

/* A sidecar for the test text around the given annotations array. */
static char *
sidecar_with (const char *annotations)
{
  return test_sidecar_json (text, NULL, annotations);
}

static char *
message_of (GlossDocument *document,
            const char    *subject)
{
  GPtrArray *problems = gloss_document_get_problems (document);
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (subject == NULL || g_strcmp0 (problem->subject, subject) == 0)
        g_string_append_printf (all, "%s\n", problem->message);
    }

  return g_string_free (all, FALSE);
}

/* Loads article.txt with @sidecar beside it; loading writes nothing. */
static GlossDocument *
load_checked (const char *dir,
              const char *sidecar)
{
  g_autoptr(GFile) article = test_write (dir, "article.txt", text);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GlossDocument *document;

  g_object_unref (test_write (dir, SIDECAR, sidecar));
  before = snapshot (dir);
  document = test_load (article);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);

  return document;
}

static void
assert_saves (GlossDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_document_get_modified (document));
}

/* Both saves, the blocking one and the one the window uses, refuse a
 * read-only document, and no file in @dir changes. */
static void
assert_save_refused (GlossDocument *document,
                     const char    *dir)
{
  g_autofree char *before = snapshot (dir);
  g_autofree char *after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;

  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_READ_ONLY);

  gloss_document_save_async (document, NULL, test_store_result_cb, &result);
  g_assert_false (gloss_document_save_finish (document, test_wait_for_result (&result),
                                              &async_error));
  g_assert_error (async_error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_READ_ONLY);

  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
}

/* The sidecar cannot be used: the document says why, opens read-only
 * and refuses to save, and the file stays as it was. */
static void
assert_refused (const char *sidecar,
                int         code,
                const char *message)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = load_checked (dir, sidecar);
  const GError *sidecar_error = gloss_document_get_sidecar_error (document);

  g_assert_error (sidecar_error, GLOSS_CORE_ERROR, code);
  g_assert_cmpstr (sidecar_error->message, ==, message);
  g_assert_true (gloss_document_get_read_only (document));
  g_assert_nonnull (strstr (gloss_document_get_read_only_reason (document), message));
  assert_save_refused (document, dir);

  test_remove_tree (dir);
}

static void
test_truncated_json (void)
{
  g_autofree char *full = sidecar_with (one_note);
  g_autofree char *cut = g_strndup (full, strstr (full, "\"ferry\"") + 4 - full);

  assert_refused (cut, GLOSS_CORE_ERROR_PARSE,
                  SIDECAR ": line 4, column 82: the text ends inside a string");
}

static void
test_invalid_json (void)
{
  assert_refused ("{\n  \"format\": \"gloss\",\n  \"version\": 1,\n"
                  "  \"annotations\": [{\"id\": \"a1\" \"kind\": \"note\"}]\n}\n",
                  GLOSS_CORE_ERROR_PARSE,
                  SIDECAR ": line 4, column 31: expected “,” or “}” after a member");
}

static void
test_wrong_type_structure (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "[1, 2]", SIDECAR " is not a Gloss sidecar: it does not hold a JSON object" },
    { "{\"format\": 1, \"version\": 1}",
      SIDECAR " is not a Gloss sidecar: “format” should be “gloss”" },
    { "{\"format\": \"gloss\", \"version\": \"1\"}",
      SIDECAR ": “version” should be a whole number from 1 up" },
    { "{\"format\": \"gloss\", \"version\": 1, \"source\": []}",
      SIDECAR ": “source” should be an object" },
    { "{\"format\": \"gloss\", \"version\": 1, \"labels\": {}}",
      SIDECAR ": “labels” should be a list" },
    { "{\"format\": \"gloss\", \"version\": 1, \"entities\": 5}",
      SIDECAR ": “entities” should be a list" },
    { "{\"format\": \"gloss\", \"version\": 1, \"entities\": [\"Rhea Stone\"]}",
      SIDECAR ": item 1 of “entities” should be an object" },
    { "{\"format\": \"gloss\", \"version\": 1, \"annotations\": 7}",
      SIDECAR ": “annotations” should be a list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].json, GLOSS_CORE_ERROR_INVALID, cases[i].message);
}

/* Every member of every object with a value of the wrong type. "kind" is
 * wrong twice: alone (the annotation has no kind) and before a proper one. */
static const char *wrong_fields =
  "{\"format\": \"gloss\", \"version\": 1,\n"
  " \"source\": {\"file\": 1, \"sha256\": 2, \"length\": \"long\", \"url\": [], \"title\": {},"
  "  \"publisher\": true, \"author\": 3, \"published\": 4, \"fetched\": 5, \"language\": 6,"
  "  \"tags\": \"news\"},\n"
  " \"labels\": [{\"id\": 30, \"name\": 7, \"color\": 8}],\n"
  " \"entities\": [{\"id\": 31, \"name\": 9, \"label\": 10, \"aliases\": \"Stone\", \"link\": 11,"
  "  \"note\": 12}],\n"
  " \"annotations\": [\n"
  "  {\"id\": 32, \"kind\": \"note\", \"start\": \"4\", \"end\": null, \"quote\": \"ferry\","
  "   \"prefix\": 13, \"suffix\": 14, \"note\": 15, \"author\": 16, \"created\": 17,"
  "   \"modified\": 18, \"tags\": 19, \"orphaned\": \"no\", \"label\": 20, \"entity\": 21},\n"
  "  {\"id\": \"a2\", \"kind\": \"claim\", \"start\": 31, \"end\": 43, \"quote\": \"Captain Rhea\","
  "   \"review\": {\"status\": 22, \"verdict\": \"maybe\", \"claimant\": 23, \"sources\": \"x\","
  "   \"reviewer\": 24, \"reviewed\": 25}},\n"
  "  {\"id\": \"a3\", \"kind\": \"claim\", \"start\": 0, \"end\": 3, \"quote\": \"The\","
  "   \"review\": 26},\n"
  "  {\"id\": \"a4\", \"kind\": 27, \"start\": 0, \"end\": 3},\n"
  "  {\"id\": \"a5\", \"kind\": \"note\", \"start\": 44, \"end\": 49, \"quote\": 28},\n"
  "  {\"id\": \"a6\", \"kind\": 29, \"kind\": \"note\", \"start\": 50, \"end\": 55}]}\n";

/* A problem the reader reports, and where a save puts what the message
 * says: the value kept verbatim, or the one that replaced it (NULL: none).
 * In each of the three, @E and @A stand for the ids the reader gave the
 * entity and the note that had none, @S for the SHA-256 of the text. */
typedef struct
{
  const char *message;
  const char *path;
  const char *saved;
} WrongField;

static const WrongField wrong_field_report[] = {
  { "source: “file” should be text; ignored", "source/file", "\"article.txt\"" },
  { "source: “sha256” should be text; ignored", "source/sha256", "\"@S\"" },
  { "source: “length” should be a whole number; ignored", "source/length", "105" },
  { "source: “url” should be text; kept as it is", "source/url", "[]" },
  { "source: “title” should be text; kept as it is", "source/title", "{}" },
  { "source: “publisher” should be text; kept as it is", "source/publisher", "true" },
  { "source: “author” should be text; kept as it is", "source/author", "3" },
  { "source: “published” should be text; kept as it is", "source/published", "4" },
  { "source: “fetched” should be text; kept as it is", "source/fetched", "5" },
  { "source: “language” should be text; kept as it is", "source/language", "6" },
  { "source: “tags” should be a list of texts; kept as it is", "source/tags", "\"news\"" },
  { "label “?”: “id” should be text; ignored", "labels/0/id", "\"label\"" },
  { "label “?”: “name” should be text; ignored", "labels/0/name", "\"label\"" },
  { "label “?”: “color” should be text; kept as it is", "labels/0/color", "8" },
  { "label 1 has no id; it is now “label”" },
  { "label “label” has no name; named after its id" },
  { "label “label”: the colour should look like “#3584e4”" },
  { "entity 1 has no id; it is now “@E”" },
  { "entity @E: “id” should be text; ignored", "entities/0/id", "\"@E\"" },
  { "entity @E: “name” should be text; ignored", "entities/0/name", "\"@E\"" },
  { "entity @E: “label” should be text; kept as it is", "entities/0/label", "10" },
  { "entity @E: “aliases” should be a list of texts; kept as it is", "entities/0/aliases",
    "\"Stone\"" },
  { "entity @E: “link” should be text; kept as it is", "entities/0/link", "11" },
  { "entity @E: “note” should be text; kept as it is", "entities/0/note", "12" },
  { "entity @E has no name; named after its id" },
  { "annotation 1 has no id; it is now “@A”" },
  { "annotation @A: “id” should be text; ignored", "annotations/@A/id", "\"@A\"" },
  { "annotation @A: “start” should be a whole number; ignored", "annotations/@A/start", "4" },
  { "annotation @A: “end” should be a whole number; ignored", "annotations/@A/end", "9" },
  { "annotation @A: “prefix” should be text; ignored", "annotations/@A/prefix", "\"The \"" },
  { "annotation @A: “suffix” should be text; ignored", "annotations/@A/suffix",
    "\" board met on Friday. Captain Rh\"" },
  { "annotation @A: “note” should be text; kept as it is", "annotations/@A/note", "15" },
  { "annotation @A: “author” should be text; kept as it is", "annotations/@A/author", "16" },
  { "annotation @A: “created” should be text; kept as it is", "annotations/@A/created", "17" },
  { "annotation @A: “modified” should be text; kept as it is", "annotations/@A/modified", "18" },
  { "annotation @A: “tags” should be a list of texts; kept as it is", "annotations/@A/tags", "19" },
  { "annotation @A: “orphaned” should be true or false; ignored", "annotations/@A/orphaned", NULL },
  { "annotation @A: “label” should be text; kept as it is", "annotations/@A/label", "20" },
  { "annotation @A: “entity” should be text; kept as it is", "annotations/@A/entity", "21" },
  { "annotation @A has no usable position; placed by its quote" },
  { "annotation a2, review: “status” should be one of unreviewed, in-review, reviewed, "
    "dismissed; ignored", "annotations/a2/review/status", "\"unreviewed\"" },
  { "annotation a2, review: “verdict” should be null or one of true, mostly-true, mixed, "
    "mostly-false, false, misleading, unverifiable; ignored", "annotations/a2/review/verdict", "null" },
  { "annotation a2, review: “claimant” should be text; kept as it is",
    "annotations/a2/review/claimant", "23" },
  { "annotation a2, review: “sources” should be a list of texts; kept as it is",
    "annotations/a2/review/sources", "\"x\"" },
  { "annotation a2, review: “reviewer” should be text; kept as it is",
    "annotations/a2/review/reviewer", "24" },
  { "annotation a2, review: “reviewed” should be text; kept as it is",
    "annotations/a2/review/reviewed", "25" },
  { "annotation a3: “review” should be an object; ignored", "annotations/a3/review",
    "{\"status\": \"unreviewed\", \"verdict\": null}" },
  { "annotation a4 has no kind; kept as it is", "annotations/a4",
    "{\"id\": \"a4\", \"kind\": 27, \"start\": 0, \"end\": 3}" },
  { "annotation a5: “quote” should be text; ignored", "annotations/a5/quote", "\"Stone\"" },
  { "annotation a6: “kind” should be text; ignored", "annotations/a6/kind", "\"note\"" },
  { "annotation a5 has no quote; it was taken from the text at its position" },
  { "annotation a6 has no quote; it was taken from the text at its position" },
};

/* @template with each token of @tokens (token, value, token, value…)
 * replaced by its value. */
static char *
expand (const char         *template,
        const char * const *tokens)
{
  char *result = g_strdup (template);

  for (guint i = 0; tokens[i] != NULL; i += 2)
    {
      g_auto(GStrv) parts = g_strsplit (result, tokens[i], -1);

      g_free (result);
      result = g_strjoinv (tokens[i + 1], parts);
    }

  return result;
}

/* The ids the reader made up for the entity and the note without one. */
static GStrv
fresh_tokens (GlossDocument *document)
{
  g_autoptr(GlossEntity) entity = g_list_model_get_item (gloss_document_get_entities (document), 0);
  GlossAnnotation *note = test_annotation_at (document, 1);
  g_autofree char *sha256 = gloss_text_compute_sha256 (text, -1);
  const char *tokens[] = { "@E", gloss_entity_get_id (entity), "@A", gloss_annotation_get_id (note),
                           "@S", sha256, NULL };

  g_assert_cmpstr (gloss_annotation_get_quote (note), ==, "ferry");
  return g_strdupv ((char **) tokens);
}

/* Every problem, in order, worded as the table says; every member named
 * as kept or ignored has its place in the table, to be checked on save. */
static void
check_wrong_field_problems (GlossDocument      *document,
                            const char * const *tokens)
{
  GPtrArray *problems = gloss_document_get_problems (document);

  for (guint i = 0; i < G_N_ELEMENTS (wrong_field_report); i++)
    {
      const WrongField *field = &wrong_field_report[i];
      g_autofree char *message = expand (field->message, tokens);
      GlossProblem *problem = i < problems->len ? g_ptr_array_index (problems, i) : NULL;

      g_assert_true (strstr (message, "” should be ") == NULL || field->path != NULL);
      g_assert_nonnull (problem);
      g_assert_cmpstr (problem->message, ==, message);
    }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (wrong_field_report));
}

static JsonNode *
item_with_id (JsonArray  *array,
              const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (item, "id", NULL), id) == 0)
        return json_array_get_element (array, i);
    }

  return NULL;
}

/* The value at @path: members of objects, and items of lists by position
 * or by their "id". */
static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; steps[i] != NULL && node != NULL; i++)
    {
      guint64 index;

      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), steps[i]);
      else if (g_ascii_string_to_unsigned (steps[i], 10, 0, G_MAXUINT, &index, NULL))
        node = json_array_get_element (json_node_get_array (node), index);
      else
        node = item_with_id (json_node_get_array (node), steps[i]);
    }

  return node;
}

/* Adds to @wrong what the saved file holds at @field's path if it is not
 * what the message said. */
static void
check_saved_field (JsonNode           *root,
                   const WrongField   *field,
                   const char * const *tokens,
                   GString            *wrong)
{
  g_autofree char *path = expand (field->path, tokens);
  g_autofree char *json = field->saved != NULL ? expand (field->saved, tokens) : NULL;
  g_autoptr(JsonNode) expected = json != NULL ? json_from_string (json, NULL) : NULL;
  JsonNode *node = node_at (root, path);
  g_autofree char *found = node != NULL ? json_to_string (node, FALSE) : NULL;

  if (node == NULL ? expected != NULL : expected == NULL || !json_node_equal (node, expected))
    g_string_append_printf (wrong, "%s holds %s, not %s\n", path,
                            found != NULL ? found : "nothing", json != NULL ? json : "nothing");
}

/* Each value of the wrong type is named in a problem that says whether it
 * was kept or ignored, and a save keeps what the message says it keeps
 * and replaces what it says it ignored. */
static void
test_wrong_type_fields (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = load_checked (dir, wrong_fields);
  g_auto(GStrv) tokens = fresh_tokens (document);
  g_autoptr(GString) wrong = g_string_new (NULL);
  g_autoptr(JsonNode) saved = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_document_get_read_only (document));
  check_wrong_field_problems (document, (const char * const *) tokens);

  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  json = read_sidecar (dir);
  saved = json_from_string (json, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (wrong_field_report); i++)
    if (wrong_field_report[i].path != NULL)
      check_saved_field (saved, &wrong_field_report[i], (const char * const *) tokens, wrong);
  g_assert_cmpstr (wrong->str, ==, "");

  test_remove_tree (dir);
}

/* The one annotation of @document. */
static GlossAnnotation *
only_annotation (GlossDocument *document)
{
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 1);
  return test_annotation_at (document, 0);
}

static void
assert_placed (const char      *annotation,
               const char      *problem,
               gint64           start,
               GlossAnchorState state)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = sidecar_with (annotation);
  g_autoptr(GlossDocument) document = load_checked (dir, json);
  GlossAnnotation *placed = only_annotation (document);
  g_autofree char *problems = message_of (document, gloss_annotation_get_id (placed));

  if (strstr (problems, problem) == NULL)
    g_error ("no problem says “%s” in:\n%s", problem, problems);
  g_assert_cmpint (gloss_annotation_get_start (placed), ==, start);
  g_assert_cmpint (gloss_annotation_get_anchor_state (placed), ==, state);
  g_assert_false (gloss_document_get_read_only (document));
  g_assert_true (gloss_document_get_modified (document));

  test_remove_tree (dir);
}

static void
test_huge_numbers (void)
{
  /* beyond 64 bits: not a usable offset, so ignored and placed by quote */
  assert_placed ("[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 99999999999999999999,"
                 " \"end\": 99999999999999999999, \"quote\": \"Stone\", \"prefix\": \"Captain Rhea \"}]",
                 "annotation a1: “start” should be a whole number; ignored", 44, GLOSS_ANCHOR_MOVED);
  /* the largest 64-bit number: far past the end */
  assert_placed ("[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 9223372036854775806,"
                 " \"end\": 9223372036854775807, \"quote\": \"pier\"}]",
                 "past the end of the text", 78, GLOSS_ANCHOR_MOVED);
  /* beyond a double: JSON has no infinity to write it back as */
  assert_refused ("{\"format\": \"gloss\", \"version\": 1,\n \"x-weight\": 1e400}",
                  GLOSS_CORE_ERROR_PARSE, SIDECAR ": line 2, column 14: the number is too large");
}

static void
test_negative_offsets (void)
{
  assert_placed ("[{\"id\": \"a1\", \"kind\": \"note\", \"start\": -5, \"end\": 9, \"quote\": \"ferry\"}]",
                 "annotation a1 has a negative offset (-5–9); placed by its quote",
                 4, GLOSS_ANCHOR_MOVED);
}

static void
test_reversed_offsets (void)
{
  assert_placed ("[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 9, \"end\": 4, \"quote\": \"ferry\"}]",
                 "annotation a1 ends before it starts (9–4); placed by its quote",
                 4, GLOSS_ANCHOR_MOVED);
}

static void
test_offsets_past_end (void)
{
  assert_placed ("[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 500, \"end\": 504, \"quote\": \"pier\"}]",
                 "past the end of the text (105 characters); placed by its quote",
                 78, GLOSS_ANCHOR_MOVED);
}

/* A saved document saves again to the very same bytes. */
static void
assert_stable_save (GlossDocument *document,
                    const char    *dir)
{
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *problems = NULL;

  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  first = read_sidecar (dir);
  reloaded = test_load (gloss_document_get_file (document));
  problems = message_of (reloaded, NULL);
  g_assert_null (strstr (problems, "twice"));
  g_assert_false (gloss_document_get_modified (reloaded));
  g_assert_true (gloss_document_save (reloaded, NULL, &error));
  second = read_sidecar (dir);
  g_assert_cmpstr (first, ==, second);
}

static void
test_duplicate_ids (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"gloss\", \"version\": 1,\n"
    " \"labels\": [{\"id\": \"person\", \"name\": \"Person\", \"color\": \"#3584e4\"},"
    "  {\"id\": \"person\", \"name\": \"Captain\", \"color\": \"#e66100\"}],\n"
    " \"entities\": [{\"id\": \"e1\", \"name\": \"Rhea Stone\"}, {\"id\": \"e1\", \"name\": \"Ferry board\"}],\n"
    " \"annotations\": [{\"id\": \"a1\", \"kind\": \"note\", \"start\": 4, \"end\": 9, \"quote\": \"ferry\"},\n"
    "  {\"id\": \"a1\", \"kind\": \"highlight\", \"start\": 0, \"end\": 3},\n"
    "  {\"id\": \"a1\", \"kind\": \"note\", \"start\": 44, \"end\": 49, \"quote\": \"Stone\"}]}\n");
  g_autoptr(GlossDocument) document = load_checked (dir, json);
  g_autofree char *problems = message_of (document, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 2);
  g_assert_cmpuint (gloss_document_get_n_unknown_annotations (document), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_entities (document)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_labels (document))),
                    ==, 2);
  g_assert_nonnull (strstr (problems, "label “person” appears twice; the second is now “captain”"));
  g_assert_nonnull (strstr (problems, "the id “e1” is used twice; the entity at position 2 is now"));
  g_assert_nonnull (strstr (problems, "the id “a1” is used twice; the annotation at position 2 is now"));
  g_assert_nonnull (strstr (problems, "the id “a1” is used twice; the annotation at position 3 is now"));
  g_assert_cmpstr (gloss_annotation_get_quote (gloss_document_lookup_annotation (document, "a1")),
                   ==, "ferry");

  /* the fresh ids hold: the next load renames nothing */
  assert_stable_save (document, dir);
  test_remove_tree (dir);
}

static void
test_unknown_kind (void)
{
  g_autofree char *dir = test_make_dir ();
  const char *relation = "{\"id\": \"r1\", \"kind\": \"relation\", \"from\": \"a1\", \"to\": [\"a2\", 3.5]}";
  g_autofree char *array = g_strdup_printf ("[%s]", relation);
  g_autofree char *json = sidecar_with (array);
  g_autoptr(GlossDocument) document = load_checked (dir, json);
  g_autofree char *problems = message_of (document, "r1");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) expected = json_from_string (relation, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  JsonArray *annotations;

  g_assert_cmpstr (problems, ==, "annotation r1 has a kind this version does not know (“relation”); "
                                 "kept as it is\n");
  g_assert_cmpuint (gloss_document_get_n_unknown_annotations (document), ==, 1);
  g_assert_false (gloss_document_get_read_only (document));

  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 4, 9, NULL, NULL, &error);
  g_assert_true (gloss_document_save (document, NULL, &error));
  saved = read_sidecar (dir);
  g_assert_true (json_parser_load_from_data (parser, saved, -1, NULL));
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 2);
  g_assert_true (json_node_equal (json_array_get_element (annotations, 0), expected) ||
                 json_node_equal (json_array_get_element (annotations, 1), expected));

  test_remove_tree (dir);
}

static void
test_newer_version (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = g_strdup (
    "{\"format\": \"gloss\", \"version\": 2, \"annotations\": "
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 4, \"end\": 9, \"quote\": \"ferry\"}]}");
  g_autoptr(GlossDocument) document = load_checked (dir, json);
  const GError *sidecar_error = gloss_document_get_sidecar_error (document);

  g_assert_error (sidecar_error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NEWER_VERSION);
  g_assert_cmpstr (sidecar_error->message, ==,
                   SIDECAR " was written by a newer version of Gloss (format version 2; this one "
                   "reads version 1). It is opened read-only so that nothing in it is lost.");
  /* what this version understands is shown */
  g_assert_nonnull (gloss_document_lookup_annotation (document, "a1"));
  g_assert_true (gloss_document_get_read_only (document));
  assert_save_refused (document, dir);

  test_remove_tree (dir);
}

static char *
nested (guint depth)
{
  GString *json = g_string_new ("{\"format\": \"gloss\", \"version\": 1, \"x-tree\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  g_string_append (json, "\"leaf\"");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}\n");

  return g_string_free (json, FALSE);
}

static void
test_deeply_nested (void)
{
  g_autofree char *deep = nested (100000);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *fair = nested (400);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) original = NULL;

  /* column 556: the 512th bracket, the 513th level with the object */
  assert_refused (deep, GLOSS_CORE_ERROR_PARSE,
                  SIDECAR ": line 1, column 556: the data is nested too deeply");

  /* nesting a JSON tool may well write is kept as it is */
  document = load_checked (dir, fair);
  g_assert_null (gloss_document_get_sidecar_error (document));
  bytes = gloss_document_save_sidecar_to_bytes (document);
  saved = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  original = json_from_string (fair, NULL);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (saved), "x-tree"),
                                  json_object_get_member (json_node_get_object (original), "x-tree")));
  test_remove_tree (dir);
}

/* A sidecar of 100 MB: 10,000 annotations with a 10 kB note each. */
static char *
huge_sidecar (void)
{
  g_autofree char *sha256 = gloss_text_compute_sha256 (text, -1);
  g_autofree char *note = g_strnfill (10 * 1024, 'n');
  GString *json = g_string_sized_new (105 * 1024 * 1024);

  g_string_append_printf (json, "{\"format\": \"gloss\", \"version\": 1, \"source\": "
                          "{\"file\": \"article.txt\", \"sha256\": \"%s\", \"length\": %ld},\n"
                          "\"annotations\": [\n", sha256, g_utf8_strlen (text, -1));
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (json, "%s{\"id\": \"a%05u\", \"kind\": \"note\", \"start\": 4, \"end\": 9,"
                            " \"quote\": \"ferry\", \"note\": \"%s\"}\n", i > 0 ? "," : "", i, note);
  g_string_append (json, "]}\n");

  return g_string_free (json, FALSE);
}

/* A sidecar that large is still read whole: nothing in it is lost. */
static void
test_huge_sidecar (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = huge_sidecar ();
  g_autoptr(GlossDocument) document = NULL;
  GlossAnnotation *last;

  g_assert_cmpuint (strlen (json), >=, 100 * 1000 * 1000);
  document = load_checked (dir, json);
  g_assert_null (gloss_document_get_sidecar_error (document));
  g_assert_false (gloss_document_get_read_only (document));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 10000);
  last = gloss_document_lookup_annotation (document, "a09999");
  g_assert_nonnull (last);
  g_assert_cmpuint (strlen (gloss_annotation_get_note (last)), ==, 10 * 1024);
  g_assert_cmpint (gloss_annotation_get_anchor_state (last), ==, GLOSS_ANCHOR_EXACT);

  test_remove_tree (dir);
}

/* Articles ------------------------------------------------------------- */

/* An empty article opens; annotations it had before are kept, orphaned,
 * and new ones are refused with a reason. */
static void
test_empty_article (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = sidecar_with (one_note);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  article = write_bytes (dir, "article.txt", "", 0);
  g_object_unref (test_write (dir, SIDECAR, json));
  before = snapshot (dir);
  document = test_load (article);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (gloss_document_get_length (document), ==, 0);
  g_assert_cmpuint (gloss_document_get_load_report (document)->counts[GLOSS_ANCHOR_ORPHANED], ==, 1);
  g_assert_true (gloss_annotation_is_orphaned (only_annotation (document)));
  g_assert_null (gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 0, 1,
                                                NULL, NULL, &error));
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The range 0–1 is not within the text, which has 0 characters");

  g_clear_error (&error);
  g_assert_true (gloss_document_save (document, NULL, &error));
  reloaded = test_load (article);
  g_assert_cmpstr (gloss_annotation_get_quote (only_annotation (reloaded)), ==, "ferry");
  test_remove_tree (dir);
}

static void
assert_not_text (const char *data,
                 gsize       size,
                 const char *message)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GFile) article = write_bytes (dir, "article.txt", data, size);
  g_autofree char *before = snapshot (dir);
  g_autofree char *after = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_document_load (article, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT);
  g_assert_cmpstr (error->message, ==, message);
  /* no sidecar is made for it */
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);

  test_remove_tree (dir);
}

static void
test_binary_article (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  guint8 noise[4096];

  assert_not_text (png, sizeof png - 1,
                   "article.txt: byte 8 is not valid text (a NUL byte, so the file looks binary)");

  /* no NUL, but control characters all through it */
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (i * 7919) % 251 + 1;
  assert_not_text ((const char *) noise, sizeof noise,
                   "article.txt: byte 0 is not valid text (a control character, one of 437, "
                   "so the file looks binary)");
}

/* An article with a byte that is not UTF-8 in its middle. */
static const char cp1252_article[] =
  "Caf\xc3\xa9 on the pier.\nA stray \xff byte.\nNa\xc3\xafve end.\n";

/* The article on disk holds exactly @size bytes of @data, and the text
 * file still says it is Windows-1252. */
static void
assert_article_bytes (GlossDocument *document,
                      const char    *dir,
                      const char    *data,
                      gsize          size)
{
  GlossTextFile *text_file = gloss_document_get_text_file (document);
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, data, size);
  g_assert_cmpstr (gloss_text_file_get_encoding (text_file), ==, "WINDOWS-1252");
  g_assert_false (gloss_text_file_get_encoding_changed (text_file));
}

/* Saving the document: unchanged, with an annotation added, and with an
 * edit Windows-1252 can hold (the euro sign is its byte 0x80). */
static void
assert_cp1252_document_saves (GlossDocument *document,
                              const char    *dir)
{
  static const char added[] = "Tea: 3\xe2\x82\xac.\n";
  static const char added_cp1252[] = "Tea: 3\x80.\n";
  g_autofree char *text_now = g_strconcat (gloss_document_get_text (document), added, NULL);
  g_autofree char *bytes_now = g_strconcat (cp1252_article, added_cp1252, NULL);
  g_autoptr(GError) error = NULL;
  GlossAnnotation *pier;

  assert_saves (document);
  assert_article_bytes (document, dir, cp1252_article, sizeof cp1252_article - 1);

  pier = gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 13, 17, NULL, NULL, &error);
  g_assert_cmpstr (gloss_annotation_get_quote (pier), ==, "pier");
  assert_saves (document);
  assert_article_bytes (document, dir, cp1252_article, sizeof cp1252_article - 1);

  gloss_document_set_text (document, text_now, NULL, 0);
  assert_saves (document);
  assert_article_bytes (document, dir, bytes_now, strlen (bytes_now));
}

/* The file is read as Windows-1252, as its other bytes allow, and saves
 * back to the very bytes it came from. */
static void
test_invalid_utf8_article (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GFile) article = write_bytes (dir, "article.txt", cp1252_article,
                                          sizeof cp1252_article - 1);
  g_autofree char *before = snapshot (dir);
  g_autofree char *after = NULL;
  g_autoptr(GlossDocument) document = test_load (article);
  GlossTextFile *text_file = gloss_document_get_text_file (document);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gloss_text_file_get_encoding (text_file), ==, "WINDOWS-1252");
  g_assert_cmpstr (gloss_document_get_text (document), ==,
                   "Caf\u00c3\u00a9 on the pier.\nA stray \u00ff byte.\nNa\u00c3\u00afve end.\n");

  g_assert_true (gloss_text_file_save (text_file, gloss_document_get_text (document), NULL, &error));
  g_assert_no_error (error);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);

  assert_cp1252_document_saves (document, dir);
  test_remove_tree (dir);
}

/* In a sidecar, it makes the file unusable, and says where. */
static void
test_invalid_utf8_sidecar (void)
{
  g_autofree char *json = sidecar_with (
    "[{\"id\": \"a1\", \"kind\": \"note\", \"start\": 4, \"end\": 9, \"quote\": \"ferry\","
    " \"note\": \"caf\xe9\"}]");

  assert_refused (json, GLOSS_CORE_ERROR_PARSE,
                  SIDECAR ": line 4, column 99: the file is not valid UTF-8 text");
}

/* Disks ---------------------------------------------------------------- */

/* A loaded document with one unsaved annotation, and the snapshot of its
 * folder before it is saved. */
static GlossDocument *
modified_document (const char  *dir,
                   char       **before)
{
  g_autofree char *json = sidecar_with (one_note);
  GlossDocument *document = load_checked (dir, json);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 44, 49,
                                                   NULL, NULL, &error));
  g_assert_true (gloss_document_get_modified (document));
  *before = snapshot (dir);

  return document;
}

/* The save fails with @code and a message naming the sidecar; nothing on
 * disk changed and the document still holds its unsaved annotation. */
static void
assert_save_fails (GlossDocument *document,
                   const char    *dir,
                   const char    *before,
                   int            code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = g_build_filename (dir, SIDECAR, NULL);

  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  if (!g_str_has_prefix (error->message, "Could not save the annotations to ") ||
      strstr (error->message, path) == NULL)
    g_error ("the message does not say what failed: %s", error->message);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (gloss_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 2);
}

/* Root writes anywhere: a child that tests permissions drops the
 * capabilities that let it. */
static void
drop_file_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2];

  g_assert_cmpint (syscall (SYS_capget, &header, data), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    data[i].effective = 0;
  g_assert_cmpint (syscall (SYS_capset, &header, data), ==, 0);
}

/* A folder the user may not write to: the sidecar in it is writable, but
 * no temporary file can be made beside it, so the save fails rather than
 * write over the sidecar in place. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *before = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  drop_file_capabilities ();
  dir = test_make_dir ();
  document = modified_document (dir, &before);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  assert_save_fails (document, dir, before, G_IO_ERROR_PERMISSION_DENIED);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  assert_saves (document);
  test_remove_tree (dir);
}

static void
write_proc (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
}

/* A user and mount namespace of this process alone, where it may mount
 * file systems (as root, or as a user where unprivileged namespaces are
 * allowed). FALSE when the system does not allow one. */
static gboolean
enter_mount_namespace (void)
{
  g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) geteuid ());
  g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) getegid ());

  if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
    return FALSE;
  write_proc ("/proc/self/setgroups", "deny");
  write_proc ("/proc/self/uid_map", uid_map);
  write_proc ("/proc/self/gid_map", gid_map);

  return mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
}

static gboolean
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  return mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0;
}

/* Whether a child can make a namespace and mount a tmpfs in it. */
static gboolean
can_mount_tmpfs (void)
{
  g_autofree char *dir = test_make_dir ();
  pid_t pid = fork ();
  int status = 0;

  if (pid == 0)
    _exit (enter_mount_namespace () && mount_tmpfs (dir, "64k") ? 0 : 1);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_rmdir (dir);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Runs the test again in a child process, inside its own namespace. */
static gboolean
run_in_namespace (void)
{
  if (g_test_subprocess ())
    {
      g_assert_true (enter_mount_namespace ());
      return TRUE;
    }

  if (!can_mount_tmpfs ())
    g_test_skip ("This system allows no user namespace in which to mount a file system");
  else
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
  return FALSE;
}

/* A folder on a file system mounted read-only, which even root cannot
 * write to. */
static void
test_read_only_mount (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *before = NULL;

  if (!run_in_namespace ())
    return;

  dir = test_make_dir ();
  g_assert_true (mount_tmpfs (dir, "1m"));
  document = modified_document (dir, &before);
  g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
  assert_save_fails (document, dir, before, G_IO_ERROR_READ_ONLY);

  g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT, NULL), ==, 0);
  assert_saves (document);
  umount (dir);
  g_rmdir (dir);
}

/* Fills the file system of @dir up to its last block. */
static void
fill_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  char block[4096] = { 0 };
  FILE *filler = fopen (path, "w");

  g_assert_nonnull (filler);
  setvbuf (filler, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, filler) == sizeof block)
    ;
  while (fwrite (block, 1, 1, filler) == 1)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  fclose (filler);
}

/* A full disk: writing the new sidecar fails part way, and the old one
 * is still there, whole. */
static void
test_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *filler = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *before = NULL;

  if (!run_in_namespace ())
    return;

  dir = test_make_dir ();
  g_assert_true (mount_tmpfs (dir, "256k"));
  document = modified_document (dir, &before);
  fill_disk (dir);
  g_free (before);
  before = snapshot (dir);
  assert_save_fails (document, dir, before, G_IO_ERROR_NO_SPACE);

  filler = g_build_filename (dir, "filler", NULL);
  g_assert_cmpint (g_unlink (filler), ==, 0);
  assert_saves (document);
  umount (dir);
  g_rmdir (dir);
}

/* Without a namespace, a limit on the size of files a process may write
 * makes the write fail the same way (EFBIG, with SIGXFSZ ignored). */
static void
test_file_size_limit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *before = NULL;
  struct rlimit limit;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = test_make_dir ();
  document = modified_document (dir, &before);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = 300;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  assert_save_fails (document, dir, before, G_IO_ERROR_FAILED);

  limit.rlim_cur = limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  assert_saves (document);
  test_remove_tree (dir);
}

/* Another program replaces the sidecar while the document is open. */

static const char *theirs =
  "{\"format\": \"gloss\", \"version\": 1, \"annotations\": "
  "[{\"id\": \"b1\", \"kind\": \"note\", \"start\": 0, \"end\": 3, \"quote\": \"The\", "
  "\"note\": \"added by a colleague\"}]}\n";

static void
assert_replaced_refused (GError     *error,
                         const char *dir,
                         const char *expected)
{
  g_autofree char *on_disk = read_sidecar (dir);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_cmpstr (error->message, ==,
                   "Another program changed " SIDECAR " since it was opened here; it was left as "
                   "it is. Open the article again to see those annotations, or save again to "
                   "replace them with these.");
  g_assert_cmpstr (on_disk, ==, expected);
}

static const char *edited = "The ferry board met again.\n";

/* A document with an unsaved annotation and an edited article, whose
 * sidecar another program has just replaced; @before is the folder then. */
static GlossDocument *
replaced_document (const char  *dir,
                   char       **before)
{
  g_autofree char *loaded = NULL;
  GlossDocument *document = modified_document (dir, &loaded);

  gloss_document_set_text (document, edited, NULL, 0);
  g_object_unref (test_write (dir, SIDECAR, theirs));
  *before = snapshot (dir);

  return document;
}

/* Saving again is the user's choice to replace the other program's file:
 * both the article and the sidecar are written then. */
static void
assert_replaced_after_refusal (const char *dir)
{
  g_autofree char *article = test_read_path (dir, "article.txt");
  g_autofree char *ours = read_sidecar (dir);

  g_assert_cmpstr (article, ==, edited);
  g_assert_null (strstr (ours, "added by a colleague"));
}

/* The first save is refused and writes nothing, neither the sidecar nor
 * the edited article. */
static void
test_sidecar_replaced (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *before = NULL;
  g_autoptr(GlossDocument) document = replaced_document (dir, &before);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_document_save (document, NULL, &error));
  assert_replaced_refused (error, dir, theirs);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (gloss_document_get_modified (document));

  assert_saves (document);
  assert_replaced_after_refusal (dir);
  test_remove_tree (dir);
}

/* The same through the save the window uses, which checks the sidecar in
 * a thread before it writes the article. */
static void
test_sidecar_replaced_async (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *before = NULL;
  g_autoptr(GlossDocument) document = replaced_document (dir, &before);
  g_autofree char *after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;

  gloss_document_save_async (document, NULL, test_store_result_cb, &result);
  g_assert_false (gloss_document_save_finish (document, test_wait_for_result (&result), &error));
  assert_replaced_refused (error, dir, theirs);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (gloss_document_get_modified (document));

  g_clear_error (&error);
  gloss_document_save_async (document, NULL, test_store_result_cb, &again);
  g_assert_true (gloss_document_save_finish (document, test_wait_for_result (&again), &error));
  g_assert_no_error (error);
  g_assert_false (gloss_document_get_modified (document));
  assert_replaced_after_refusal (dir);
  test_remove_tree (dir);
}

/* A sidecar made by another program where there was none is not written
 * over either; one deleted meanwhile is simply written anew. */
static void
test_sidecar_created_or_deleted (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GFile) article = test_write (dir, "article.txt", text);
  g_autoptr(GlossDocument) document = test_load (article);
  g_autofree char *path = g_build_filename (dir, SIDECAR, NULL);
  g_autoptr(GError) error = NULL;

  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 4, 9, NULL, NULL, &error);
  g_object_unref (test_write (dir, SIDECAR, theirs));
  g_assert_false (gloss_document_save (document, NULL, &error));
  assert_replaced_refused (error, dir, theirs);
  assert_saves (document);

  g_assert_cmpint (g_unlink (path), ==, 0);
  gloss_document_add_annotation (document, GLOSS_ANNOTATION_NOTE, 44, 49, NULL, NULL, &error);
  assert_saves (document);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  test_remove_tree (dir);
}

/* Regressions: inputs the fuzzers found ------------------------------- */

/* A member given twice counts with its last value; the kind of an
 * annotation kept as unknown no longer changes on the next load. */
static void
test_duplicate_member (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = sidecar_with (
    "[{\"id\": \"a1\", \"kind\": \"highlight\", \"start\": 4, \"end\": 9, \"kind\": \"note\","
    " \"quote\": \"ferry\"}]");
  g_autoptr(GlossDocument) document = load_checked (dir, json);

  g_assert_cmpuint (gloss_document_get_n_unknown_annotations (document), ==, 0);
  g_assert_cmpint (gloss_annotation_get_kind (only_annotation (document)), ==, GLOSS_ANNOTATION_NOTE);
  test_remove_tree (dir);
}

/* A label whose second "id" has the wrong type is reported under the
 * first one (this read freed memory before). */
static void
test_label_id_twice (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GlossDocument) document = load_checked (dir,
    "{\"format\": \"gloss\", \"version\": 1, \"labels\": "
    "[{\"id\": \"person\", \"id\": 5, \"name\": \"Person\", \"color\": \"#3584e4\"}]}");
  g_autofree char *problems = message_of (document, NULL);

  g_assert_nonnull (strstr (problems, "label “person”: “id” should be text; ignored"));
  test_remove_tree (dir);
}

/* An annotation without prefix or suffix is placed where it says (the
 * check of its context passed NULL to memcmp()). */
static void
test_no_context (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *json = sidecar_with (one_note);
  g_autoptr(GlossDocument) document = load_checked (dir, json);
  GlossAnnotation *note = only_annotation (document);

  g_assert_cmpint (gloss_annotation_get_start (note), ==, 4);
  g_assert_cmpint (gloss_annotation_get_anchor_state (note), ==, GLOSS_ANCHOR_EXACT);
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/bad-input/truncated-json", test_truncated_json);
  g_test_add_func ("/gloss/core/bad-input/invalid-json", test_invalid_json);
  g_test_add_func ("/gloss/core/bad-input/wrong-type/structure", test_wrong_type_structure);
  g_test_add_func ("/gloss/core/bad-input/wrong-type/fields", test_wrong_type_fields);
  g_test_add_func ("/gloss/core/bad-input/huge-numbers", test_huge_numbers);
  g_test_add_func ("/gloss/core/bad-input/negative-offsets", test_negative_offsets);
  g_test_add_func ("/gloss/core/bad-input/reversed-offsets", test_reversed_offsets);
  g_test_add_func ("/gloss/core/bad-input/offsets-past-end", test_offsets_past_end);
  g_test_add_func ("/gloss/core/bad-input/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/gloss/core/bad-input/unknown-kind", test_unknown_kind);
  g_test_add_func ("/gloss/core/bad-input/newer-version", test_newer_version);
  g_test_add_func ("/gloss/core/bad-input/deeply-nested", test_deeply_nested);
  g_test_add_func ("/gloss/core/bad-input/huge-sidecar", test_huge_sidecar);
  g_test_add_func ("/gloss/core/bad-input/empty-article", test_empty_article);
  g_test_add_func ("/gloss/core/bad-input/binary-article", test_binary_article);
  g_test_add_func ("/gloss/core/bad-input/invalid-utf8/article", test_invalid_utf8_article);
  g_test_add_func ("/gloss/core/bad-input/invalid-utf8/sidecar", test_invalid_utf8_sidecar);
  g_test_add_func ("/gloss/core/bad-input/read-only-folder", test_read_only_folder);
  g_test_add_func ("/gloss/core/bad-input/read-only-mount", test_read_only_mount);
  g_test_add_func ("/gloss/core/bad-input/full-disk", test_full_disk);
  g_test_add_func ("/gloss/core/bad-input/file-size-limit", test_file_size_limit);
  g_test_add_func ("/gloss/core/bad-input/sidecar-replaced", test_sidecar_replaced);
  g_test_add_func ("/gloss/core/bad-input/sidecar-replaced-async", test_sidecar_replaced_async);
  g_test_add_func ("/gloss/core/bad-input/sidecar-created-or-deleted",
                   test_sidecar_created_or_deleted);
  g_test_add_func ("/gloss/core/bad-input/regression/duplicate-member", test_duplicate_member);
  g_test_add_func ("/gloss/core/bad-input/regression/label-id-twice", test_label_id_twice);
  g_test_add_func ("/gloss/core/bad-input/regression/no-context", test_no_context);

  return g_test_run ();
}
