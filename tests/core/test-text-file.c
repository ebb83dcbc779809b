/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-text-file.h"

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       len;
  const char *text;
  const char *encoding;
  gboolean    had_bom;
  gint64      length;
} RoundTrip;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-text-file-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *bytes,
            gsize       len)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
assert_file_bytes (GFile      *file,
                   const char *bytes,
                   gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize contents_len = 0;

  g_file_load_contents (file, NULL, &contents, &contents_len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, contents_len, bytes, len);
}

static GlossTextFile *
load_ok (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GlossTextFile *text_file = gloss_text_file_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text_file);
  return text_file;
}

static void
assert_load_fails (GFile              *file,
                   GQuark              domain,
                   int                 code,
                   const char * const *expected_parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTextFile) text_file = gloss_text_file_load (file, NULL, &error);

  g_assert_null (text_file);
  g_assert_error (error, domain, code);
  for (guint i = 0; expected_parts[i] != NULL; i++)
    if (strstr (error->message, expected_parts[i]) == NULL)
      g_error ("“%s” is missing from the message “%s”", expected_parts[i], error->message);
}

/* Round trips ------------------------------------------------------------- */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  const RoundTrip *rt = data;
  g_autoptr(GFile) file = write_file (fixture, rt->name, rt->bytes, rt->len);
  g_autoptr(GlossTextFile) text_file = load_ok (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (gloss_text_file_get_text (text_file), ==, rt->text);
  g_assert_cmpstr (gloss_text_file_get_encoding (text_file), ==, rt->encoding);
  g_assert_cmpint (gloss_text_file_get_had_bom (text_file), ==, rt->had_bom);
  g_assert_cmpint (gloss_text_file_get_length (text_file), ==, rt->length);
  g_assert_true (g_file_equal (gloss_text_file_get_file (text_file), file));

  /* Make the save observable: the bytes must come back, not stay. */
  g_assert_true (g_file_delete (file, NULL, NULL));
  text = g_strdup (gloss_text_file_get_text (text_file));
  g_assert_true (gloss_text_file_save (text_file, text, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (file, rt->bytes, rt->len);
  g_assert_cmpstr (gloss_text_file_get_encoding (text_file), ==, rt->encoding);
  g_assert_false (gloss_text_file_get_encoding_changed (text_file));
}

#define BYTES(s) s, sizeof s - 1

static const RoundTrip round_trips[] = {
  { "plain.txt", BYTES ("Mayor speaks.\n\nThe vote is today.\n"),
    "Mayor speaks.\n\nThe vote is today.\n", "UTF-8", FALSE, 34 },
  { "bom.txt", BYTES ("\xEF\xBB\xBF" "caf\xC3\xA9 \xE2\x82\xAC" "5\n"),
    "caf\xC3\xA9 \xE2\x82\xAC" "5\n", "UTF-8", TRUE, 8 },
  { "crlf.txt", BYTES ("one\r\ntwo\rthree\r\n"),
    "one\r\ntwo\rthree\r\n", "UTF-8", FALSE, 16 },
  { "empty.txt", "", 0, "", "UTF-8", FALSE, 0 },
  { "le.txt", BYTES ("\xFF\xFE" "H\0i\0 \0\xAC\x20\x3D\xD8\x00\xDE\r\0\n\0"),
    "Hi \xE2\x82\xAC\xF0\x9F\x98\x80\r\n", "UTF-16LE", TRUE, 7 },
  { "be.txt", BYTES ("\xFE\xFF" "\0H\0i\0 \x20\xAC\xD8\x3D\xDE\x00\0\r\0\n"),
    "Hi \xE2\x82\xAC\xF0\x9F\x98\x80\r\n", "UTF-16BE", TRUE, 7 },
  { "cp1252.txt", BYTES ("\x93Quote\x94 costs \x80" "5 \x96 caf\xE9\r\n"),
    "\xE2\x80\x9CQuote\xE2\x80\x9D costs \xE2\x82\xAC" "5 \xE2\x80\x93 caf\xC3\xA9\r\n",
    "WINDOWS-1252", FALSE, 25 },
  /* 0x81 is undefined in Windows-1252, so only ISO-8859-1 fits. */
  { "latin1.txt", BYTES ("na\xEFve \x81 r\xE9sum\xE9\n"),
    "na\xC3\xAFve \xC2\x81 r\xC3\xA9sum\xC3\xA9\n", "ISO-8859-1", FALSE, 15 },
};

/* Lengths ----------------------------------------------------------------- */

static void
test_length_astral_and_cjk (Fixture       *fixture,
                            gconstpointer  data)
{
  /* "港口大桥 👍🏽 ok": 4 CJK, space, thumbs up + skin tone (2), space, 2. */
  const char bytes[] = "\xE6\xB8\xAF\xE5\x8F\xA3\xE5\xA4\xA7\xE6\xA1\xA5 "
                       "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ok";
  g_autoptr(GFile) file = write_file (fixture, "cjk.txt", bytes, sizeof bytes - 1);
  g_autoptr(GlossTextFile) text_file = load_ok (file);

  g_assert_cmpint (gloss_text_file_get_length (text_file), ==, 10);
  g_assert_cmpuint (strlen (gloss_text_file_get_text (text_file)), ==, sizeof bytes - 1);
}

/* Refusals ---------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       len;
  const char *parts[3];
} Refusal;

/* Each message names the file and the byte offset of the first bad unit. */
static const Refusal refusals[] = {
  { "photo.png", BYTES ("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"),
    { "photo.png: byte 8 ", "binary" } },
  { "nul-in-utf8.txt", BYTES ("Valid UTF-8 text \xE2\x82\xAC until here:\0and after."),
    { "nul-in-utf8.txt: byte 32 ", "NUL" } },
  { "marked.txt", BYTES ("\xEF\xBB\xBF" "Caf\xE9 is not UTF-8"),
    { "marked.txt: byte 6 ", "UTF-8" } },
  { "lone-surrogate.txt", BYTES ("\xFF\xFE" "a\0b\0\x00\xDC" "c\0"),
    { "lone-surrogate.txt: byte 6 ", "surrogate" } },
  { "odd-length.txt", BYTES ("\xFF\xFE" "a\0b\0c"),
    { "odd-length.txt: byte 6 ", "UTF-16" } },
  { "utf16-nul.txt", BYTES ("\xFE\xFF" "\0a\0\0\0b"),
    { "utf16-nul.txt: byte 4 ", "NUL" } },
};

static void
test_refusal (Fixture       *fixture,
              gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autoptr(GFile) file = write_file (fixture, refusal->name, refusal->bytes, refusal->len);

  assert_load_fails (file, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT, refusal->parts);
}

static void
test_binary_controls (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) bytes = g_string_new ("Header ");
  g_autoptr(GFile) file = NULL;
  const char *parts[] = { "blob.dat", "byte 7 ", "control", NULL };

  for (guint i = 0; i < 40; i++)
    g_string_append (bytes, "\x01\x02\x1B" "abc\x7F");
  file = write_file (fixture, "blob.dat", bytes->str, bytes->len);
  assert_load_fails (file, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT, parts);
}

static void
test_few_controls_accepted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) bytes = g_string_new ("Scraped\x0C page\x1B with a stray escape.\t\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossTextFile) text_file = NULL;

  for (guint i = 0; i < 20; i++)
    g_string_append (bytes, "A perfectly ordinary line of article text.\n");
  file = write_file (fixture, "scraped.txt", bytes->str, bytes->len);
  text_file = load_ok (file);
  g_assert_cmpstr (gloss_text_file_get_text (text_file), ==, bytes->str);
}

static GFile *
write_sparse_file (Fixture    *fixture,
                   const char *name,
                   goffset     size)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), size, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) big = write_sparse_file (fixture, "huge.txt", GLOSS_TEXT_FILE_MAX_SIZE + 1);
  g_autoptr(GFile) at_limit = write_sparse_file (fixture, "limit.txt", GLOSS_TEXT_FILE_MAX_SIZE);
  const char *big_parts[] = { "huge.txt is 64.0", "bytes", "up to 64.0", NULL };
  const char *limit_parts[] = { "limit.txt", "byte 0 ", NULL };

  assert_load_fails (big, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_TOO_LARGE, big_parts);
  /* Exactly at the limit the size is accepted; the zeros are then binary. */
  assert_load_fails (at_limit, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT, limit_parts);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gone.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *parts[] = { path, NULL };

  assert_load_fails (file, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, parts);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->dir);
  const char *parts[] = { fixture->dir, NULL };

  assert_load_fails (file, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, parts);
}

static void
test_device (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  const char *parts[] = { "zero", "device", NULL };

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("this system has no /dev/zero");
      return;
    }

  assert_load_fails (file, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT, parts);
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "secret.txt", BYTES ("hidden\n"));
  g_autofree char *path = g_file_get_path (file);
  const char *parts[] = { path, NULL };

  if (geteuid () == 0)
    {
      g_test_skip ("file permissions do not stop root from reading");
      return;
    }

  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
  assert_load_fails (file, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, parts);
}

/* Saving ------------------------------------------------------------------ */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       len;
  const char *loaded_encoding;
  const char *new_text;
  const char *saved_bytes;
  gsize       saved_len;
  const char *saved_encoding;
  gint64      saved_length;
} SaveCase;

static void
test_save_new_text (Fixture       *fixture,
                    gconstpointer  data)
{
  const SaveCase *sc = data;
  g_autoptr(GFile) file = write_file (fixture, "article.txt", sc->bytes, sc->len);
  g_autoptr(GlossTextFile) text_file = load_ok (file);
  g_autoptr(GError) error = NULL;
  gboolean switched = g_strcmp0 (sc->loaded_encoding, sc->saved_encoding) != 0;
  guint notified = 0;

  g_assert_cmpstr (gloss_text_file_get_encoding (text_file), ==, sc->loaded_encoding);
  g_signal_connect (text_file, "notify::encoding-changed", G_CALLBACK (count_notify_cb), &notified);

  g_assert_true (gloss_text_file_save (text_file, sc->new_text, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (file, sc->saved_bytes, sc->saved_len);
  g_assert_cmpstr (gloss_text_file_get_encoding (text_file), ==, sc->saved_encoding);
  g_assert_cmpint (gloss_text_file_get_encoding_changed (text_file), ==, switched);
  g_assert_cmpuint (notified, ==, switched ? 1 : 0);
  g_assert_cmpstr (gloss_text_file_get_text (text_file), ==, sc->new_text);
  g_assert_cmpint (gloss_text_file_get_length (text_file), ==, sc->saved_length);
}

static const SaveCase save_cases[] = {
  /* Arrow and CJK are not in Windows-1252: written as UTF-8, not lossily. */
  { "lossy-switches-to-utf8", BYTES ("\x93Quote\x94\n"), "WINDOWS-1252",
    "\xE2\x80\x9CQuote\xE2\x80\x9D \xE2\x86\x92 \xE6\xB8\xAF\n",
    BYTES ("\xE2\x80\x9CQuote\xE2\x80\x9D \xE2\x86\x92 \xE6\xB8\xAF\n"), "UTF-8", 12 },
  { "legacy-keeps-encoding", BYTES ("\x93Quote\x94\n"), "WINDOWS-1252",
    "\xE2\x82\xAC" "10 \xE2\x80\x94 d\xC3\xA9j\xC3\xA0\n",
    BYTES ("\x80" "10 \x97 d\xE9j\xE0\n"), "WINDOWS-1252", 11 },
  /* The euro sign is in Windows-1252 but not in ISO-8859-1. */
  { "latin1-without-euro", BYTES ("\x81 caf\xE9\n"), "ISO-8859-1",
    "\xE2\x82\xAC caf\xC3\xA9\n", BYTES ("\xE2\x82\xAC caf\xC3\xA9\n"), "UTF-8", 7 },
  { "latin1-keeps-encoding", BYTES ("\x81 caf\xE9\n"), "ISO-8859-1",
    "\xC2\x85 \xC3\xBF\n", BYTES ("\x85 \xFF\n"), "ISO-8859-1", 4 },
  { "utf16-astral", BYTES ("\xFE\xFF\0a"), "UTF-16BE",
    "\xF0\x9F\x98\x80!", BYTES ("\xFE\xFF\xD8\x3D\xDE\x00\0!"), "UTF-16BE", 2 },
};

static gboolean
dir_has_only (const char *path,
              const char *only)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_strcmp0 (name, only) != 0 || n++ > 0)
      return FALSE;

  return n == 1;
}

static void
test_failed_save_keeps_old_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "keep.txt", BYTES ("original\n"));
  g_autoptr(GlossTextFile) text_file = load_ok (file);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("folder permissions do not stop root from writing");
      return;
    }

  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  g_assert_false (gloss_text_file_save (text_file, "replacement\n", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "keep.txt"));
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);

  assert_file_bytes (file, BYTES ("original\n"));
  g_assert_cmpstr (gloss_text_file_get_text (text_file), ==, "original\n");
  g_assert_true (dir_has_only (fixture->dir, "keep.txt"));
}

static void
test_cancelled_save_keeps_old_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "keep.txt", BYTES ("original\n"));
  g_autoptr(GlossTextFile) text_file = load_ok (file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (gloss_text_file_save (text_file, "replacement\n", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_bytes (file, BYTES ("original\n"));
  g_assert_cmpstr (gloss_text_file_get_text (text_file), ==, "original\n");
}

static void
test_save_is_atomic_and_keeps_mode (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "mode.txt", BYTES ("before\n"));
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GlossTextFile) text_file = load_ok (file);
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (gloss_text_file_save (text_file, "after\n", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);

  /* A new inode means the old one was replaced by rename, not rewritten. */
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpint (after.st_mode & 07777, ==, 0640);
  g_assert_true (dir_has_only (fixture->dir, "mode.txt"));
  assert_file_bytes (file, BYTES ("after\n"));
}

static void
test_save_through_symlink (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) target = write_file (fixture, "real.txt", BYTES ("old\n"));
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.txt", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GlossTextFile) text_file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("real.txt", link_path), ==, 0);
  text_file = load_ok (link);
  g_assert_true (gloss_text_file_save (text_file, "new\n", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  assert_file_bytes (target, BYTES ("new\n"));
}

static void
test_new_for_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fetched.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossTextFile) text_file = gloss_text_file_new_for_text (file, "Fetched \xE2\x80\x94 ok\n");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gloss_text_file_get_encoding (text_file), ==, "UTF-8");
  g_assert_cmpint (gloss_text_file_get_length (text_file), ==, 13);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (gloss_text_file_save (text_file, gloss_text_file_get_text (text_file), NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (file, BYTES ("Fetched \xE2\x80\x94 ok\n"));
}

static void
test_new_from_bytes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/story.txt");
  g_autoptr(GBytes) good = g_bytes_new_static (BYTES ("\xFF\xFEo\0k\0"));
  g_autoptr(GBytes) bad = g_bytes_new_static (BYTES ("ab\0cd"));
  g_autoptr(GlossTextFile) text_file = NULL;
  g_autoptr(GlossTextFile) refused = NULL;
  g_autoptr(GError) error = NULL;

  text_file = gloss_text_file_new_from_bytes (file, good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_text_file_get_text (text_file), ==, "ok");
  g_assert_cmpstr (gloss_text_file_get_encoding (text_file), ==, "UTF-16LE");

  refused = gloss_text_file_new_from_bytes (file, bad, &error);
  g_assert_null (refused);
  g_assert_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, "story.txt: byte 2 "));
}

/* Asynchronous variants --------------------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "async.txt", BYTES ("\xEF\xBB\xBF" "async\n"));
  g_autoptr(GFile) missing = g_file_get_child (file, "nope");
  g_autoptr(GlossTextFile) text_file = NULL;
  g_autoptr(GlossTextFile) none = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;

  gloss_text_file_load_async (file, NULL, store_result_cb, &loaded);
  text_file = gloss_text_file_load_finish (wait_for_result (&loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_text_file_get_text (text_file), ==, "async\n");

  gloss_text_file_load_async (missing, NULL, store_result_cb, &failed);
  none = gloss_text_file_load_finish (wait_for_result (&failed), &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_clear_error (&error);

  gloss_text_file_save_async (text_file, "saved\n", NULL, store_result_cb, &saved);
  g_assert_true (gloss_text_file_save_finish (text_file, wait_for_result (&saved), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_text_file_get_text (text_file), ==, "saved\n");
  assert_file_bytes (file, BYTES ("\xEF\xBB\xBF" "saved\n"));
}

/* Checksums --------------------------------------------------------------- */

static void
test_sha256 (void)
{
  g_autofree char *abc = gloss_text_compute_sha256 ("abc", -1);
  g_autofree char *prefix = gloss_text_compute_sha256 ("abcdef", 3);
  g_autofree char *empty = gloss_text_compute_sha256 ("", 0);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/a.txt");
  g_autoptr(GlossTextFile) text_file = gloss_text_file_new_for_text (file, "abc");

  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (prefix, ==, abc);
  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (gloss_text_file_get_sha256 (text_file), ==, abc);
}

static void
test_sha256_follows_save (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "bom.txt", BYTES ("\xEF\xBB\xBF" "abc"));
  g_autoptr(GlossTextFile) text_file = load_ok (file);
  g_autofree char *after = gloss_text_compute_sha256 ("abcd", -1);

  /* The checksum is of the text as loaded, without the byte order mark. */
  g_assert_cmpstr (gloss_text_file_get_sha256 (text_file), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_true (gloss_text_file_save (text_file, "abcd", NULL, NULL));
  g_assert_cmpstr (gloss_text_file_get_sha256 (text_file), ==, after);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/core/text-file/round-trip/%s",
                                               round_trips[i].name);

      g_test_add (path, Fixture, &round_trips[i], fixture_setup, test_round_trip, fixture_teardown);
    }

  for (guint i = 0; i < G_N_ELEMENTS (save_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/core/text-file/save/%s",
                                               save_cases[i].name);

      g_test_add (path, Fixture, &save_cases[i], fixture_setup, test_save_new_text, fixture_teardown);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/core/text-file/refuse/%s",
                                               refusals[i].name);

      g_test_add (path, Fixture, &refusals[i], fixture_setup, test_refusal, fixture_teardown);
    }

  ADD ("/gloss/core/text-file/length/astral-and-cjk", test_length_astral_and_cjk);
  ADD ("/gloss/core/text-file/refuse/controls", test_binary_controls);
  ADD ("/gloss/core/text-file/refuse/too-large", test_too_large);
  ADD ("/gloss/core/text-file/refuse/missing", test_missing);
  ADD ("/gloss/core/text-file/refuse/directory", test_directory);
  ADD ("/gloss/core/text-file/refuse/device", test_device);
  ADD ("/gloss/core/text-file/refuse/unreadable", test_unreadable);
  ADD ("/gloss/core/text-file/accept/few-controls", test_few_controls_accepted);
  ADD ("/gloss/core/text-file/save/failed-keeps-old", test_failed_save_keeps_old_file);
  ADD ("/gloss/core/text-file/save/cancelled-keeps-old", test_cancelled_save_keeps_old_file);
  ADD ("/gloss/core/text-file/save/atomic-keeps-mode", test_save_is_atomic_and_keeps_mode);
  ADD ("/gloss/core/text-file/save/through-symlink", test_save_through_symlink);
  ADD ("/gloss/core/text-file/new-for-text", test_new_for_text);
  ADD ("/gloss/core/text-file/new-from-bytes", test_new_from_bytes);
  ADD ("/gloss/core/text-file/async", test_async);
  ADD ("/gloss/core/text-file/sha256/follows-save", test_sha256_follows_save);
  g_test_add_func ("/gloss/core/text-file/sha256/vectors", test_sha256);

  return g_test_run ();
}
