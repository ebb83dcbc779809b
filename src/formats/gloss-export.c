/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include "gloss-export.h"

static void
gloss_export_file_free (GlossExportFile *file)
{
  g_free (file->name);
  g_bytes_unref (file->bytes);
  g_free (file);
}

/**
 * gloss_export_new:
 * @folder: whether the files go into a folder of their own
 *
 * Returns: (transfer full): an empty export
 */
GlossExport *
gloss_export_new (gboolean folder)
{
  GlossExport *self = g_new0 (GlossExport, 1);

  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_export_file_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->folder = folder;

  return self;
}

void
gloss_export_free (GlossExport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->files);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

void
gloss_export_add_file (GlossExport *self,
                       const char  *name,
                       GBytes      *bytes)
{
  GlossExportFile *file = g_new0 (GlossExportFile, 1);

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && bytes != NULL);

  file->name = g_strdup (name);
  file->bytes = g_bytes_ref (bytes);
  g_ptr_array_add (self->files, file);
}

void
gloss_export_add_warning (GlossExport *self,
                          const char  *format,
                          ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * gloss_export_get_bytes:
 * @name: (nullable): a file name, or %NULL for the first file
 *
 * Returns: (transfer none) (nullable): the content of that file
 */
GBytes *
gloss_export_get_bytes (GlossExport *self,
                        const char  *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->files->len; i++)
    {
      GlossExportFile *file = g_ptr_array_index (self->files, i);

      if (name == NULL || g_str_equal (file->name, name))
        return file->bytes;
    }

  return NULL;
}

static gboolean
write_file (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Written to a temporary file and renamed: a reader never sees half. */
  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

static gboolean
make_folder (GFile         *folder,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (folder, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * gloss_export_write:
 * @target: the file to write, or the folder to write into when the export
 *   is a folder (created if missing)
 *
 * Each file is replaced atomically.
 */
gboolean
gloss_export_write (GlossExport   *self,
                    GFile         *target,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  if (!self->folder)
    {
      g_return_val_if_fail (self->files->len == 1, FALSE);
      return write_file (target, gloss_export_get_bytes (self, NULL), cancellable, error);
    }

  if (!make_folder (target, cancellable, error))
    return FALSE;

  for (guint i = 0; i < self->files->len; i++)
    {
      GlossExportFile *file = g_ptr_array_index (self->files, i);
      g_autoptr(GFile) child = g_file_get_child (target, file->name);

      if (!write_file (child, file->bytes, cancellable, error))
        return FALSE;
    }

  return TRUE;
}
