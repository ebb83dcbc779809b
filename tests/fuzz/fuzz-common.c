/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fuzz"

#include "config.h"

#include "fuzz-common.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-core.h"

static char *work_dir;

/* A warning or a critical means a parser reached a state it did not
 * expect: that is a finding, as a crash is. Other messages are noise. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  abort ();
}

static void
remove_work_dir (void)
{
  fuzz_empty_dir (work_dir);
  g_rmdir (work_dir);
}

/* Files go to memory when the system offers it: the targets that read
 * files write a few for every input. */
static char *
make_work_dir (void)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) &&
                     g_access ("/dev/shm", W_OK) == 0 ? "/dev/shm" : g_get_tmp_dir ();
  char *path = g_build_filename (base, "gloss-fuzz-XXXXXX", NULL);

  if (g_mkdtemp (path) == NULL)
    g_error ("Could not create a folder in %s", base);

  return path;
}

void
fuzz_init (void)
{
  if (work_dir != NULL)
    return;

  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  work_dir = make_work_dir ();
  atexit (remove_work_dir);
}

const char *
fuzz_get_dir (void)
{
  return work_dir;
}

/* Inputs made of two files hold them one after the other, with a NUL
 * byte between; without one, the first file is empty. */
void
fuzz_split (const uint8_t  *data,
            size_t          size,
            GBytes        **first,
            GBytes        **second)
{
  const uint8_t *nul = memchr (data, '\0', size);
  gsize first_size = nul != NULL ? (gsize) (nul - data) : 0;
  gsize second_start = nul != NULL ? first_size + 1 : 0;

  *first = g_bytes_new (data, first_size);
  *second = g_bytes_new (data + second_start, size - second_start);
}

/* The bytes as a string, cut at a NUL byte. */
char *
fuzz_dup_text (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data != NULL ? data : "", size);
}

GFile *
fuzz_write (const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_file_set_contents (path, data != NULL ? data : "", size, &error))
    g_error ("%s", error->message);

  return g_file_new_for_path (path);
}

void
fuzz_empty_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          fuzz_empty_dir (child);
          g_rmdir (child);
        }
      else
        g_unlink (child);
    }
}

/* What Gloss wrote beside @article, it reads back whole: the sidecar
 * opens without error, and unchanged it would be saved as it is. */
void
fuzz_check_reloads (GFile *article)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GFile) sidecar_file = gloss_document_get_sidecar_file_for (article);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  on_disk = g_file_load_bytes (sidecar_file, NULL, NULL, &error);
  g_assert_no_error (error);

  document = gloss_document_load (article, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gloss_document_get_sidecar_error (document));
  g_assert_false (gloss_document_get_read_only (document));

  if (gloss_document_get_modified (document))
    return;

  again = gloss_document_save_sidecar_to_bytes (document);
  g_assert_true (g_bytes_equal (on_disk, again));
}
