/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document-private.h"
#include "gloss-sidecar-reader.h"
#include "gloss-sidecar-writer.h"
#include "gloss-core-private.h"

static void
take_sidecar_error (GlossDocument *self,
                    GError        *error)
{
  g_autofree char *reason = NULL;

  if (error->code == GLOSS_CORE_ERROR_NEWER_VERSION && error->domain == GLOSS_CORE_ERROR)
    reason = g_strdup (error->message);
  else
    reason = g_strdup_printf (_("%s. The annotations are not shown and will not be saved "
                                "until the file is repaired; it has been left as it was."),
                              error->message);

  g_clear_error (&self->sidecar_error);
  self->sidecar_error = error;
  gloss_document_set_read_only (self, reason);
}

/* Reads sidecar bytes into the document; on failure the document is left
 * as it was and the error returned. */
static gboolean
read_sidecar_bytes (GlossDocument  *self,
                    GBytes         *bytes,
                    GError        **error)
{
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autofree char *name = g_file_get_basename (self->sidecar_file);
  GError *newer = NULL;

  sidecar = gloss_sidecar_read (bytes, name, &newer, error);
  if (sidecar == NULL)
    return FALSE;

  gloss_document_apply_sidecar (self, sidecar);
  if (newer != NULL)
    take_sidecar_error (self, newer);

  return TRUE;
}

/* g_file_load_bytes() reads in small blocks; a local file of several MB
 * is read much faster in one go. */
static GBytes *
read_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *path = g_file_peek_path (file);
  g_autoptr(GError) local_error = NULL;
  char *contents;
  gsize length;

  if (path == NULL)
    return g_file_load_bytes (file, cancellable, NULL, error);

  if (g_file_get_contents (path, &contents, &length, &local_error))
    return g_bytes_new_take (contents, length);

  g_set_error_literal (error, G_IO_ERROR,
                       g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                       ? G_IO_ERROR_NOT_FOUND : G_IO_ERROR_FAILED,
                       local_error->message);
  return NULL;
}

static gboolean
load_sidecar (GlossDocument  *self,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;

  bytes = read_bytes (self->sidecar_file, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_clear_error (&local_error);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      else
        take_sidecar_error (self, local_error);
      return TRUE;
    }

  self->sidecar_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (!read_sidecar_bytes (self, bytes, &local_error))
    take_sidecar_error (self, local_error);

  return TRUE;
}

/**
 * gloss_document_load:
 * @article: the article's text file
 *
 * Loads the article and the annotations of its sidecar, placing them on
 * the text. Fails only when the article cannot be read. A missing sidecar
 * gives a document with the default labels and no annotations; a sidecar
 * that cannot be used leaves the document read-only with
 * gloss_document_get_sidecar_error() set; repaired defects are listed by
 * gloss_document_get_problems().
 *
 * Returns: (transfer full) (nullable): the document
 */
GlossDocument *
gloss_document_load (GFile         *article,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GlossTextFile) text_file = NULL;
  g_autoptr(GlossDocument) self = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  text_file = gloss_text_file_load (article, cancellable, error);
  if (text_file == NULL)
    return NULL;

  self = gloss_document_new_for_text_file (text_file);
  if (!load_sidecar (self, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GlossDocument *document = gloss_document_load (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
gloss_document_load_async (GFile               *article,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (article));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_document_load_async);
  g_task_set_task_data (task, g_object_ref (article), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * gloss_document_load_finish:
 *
 * Returns: (transfer full) (nullable): the document
 */
GlossDocument *
gloss_document_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GlossSidecar *
gloss_document_to_sidecar (GlossDocument *self)
{
  GlossSidecar *sidecar = gloss_sidecar_new ();
  GListModel *lists[] = { G_LIST_MODEL (self->entities), G_LIST_MODEL (self->annotations) };
  GPtrArray *arrays[] = { sidecar->entities, sidecar->annotations };

  g_set_object (&sidecar->source, self->source);
  g_set_object (&sidecar->labels, self->labels);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      g_ptr_array_add (arrays[l], g_list_model_get_item (lists[l], i));
  gloss_json_nodes_extend (sidecar->unknown, self->unknown);
  sidecar->extra = self->extra != NULL ? json_object_ref (self->extra) : NULL;

  return sidecar;
}

/**
 * gloss_document_save_sidecar_to_bytes:
 *
 * The sidecar as gloss_document_save() would write it for the current
 * text. The source record takes the text's file name, SHA-256 and length.
 *
 * Returns: (transfer full): the bytes
 */
GBytes *
gloss_document_save_sidecar_to_bytes (GlossDocument *self)
{
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  name = g_file_get_basename (self->file);
  self->updating_source = TRUE;
  gloss_source_set_file (self->source, name);
  gloss_source_set_sha256 (self->source, gloss_document_get_sha256 (self));
  gloss_source_set_length (self->source, gloss_text_index_get_length (self->index));
  self->updating_source = FALSE;

  sidecar = gloss_document_to_sidecar (self);

  return gloss_sidecar_write (sidecar);
}

/* A save of the sidecar: what it writes, and the SHA-256 of the file it
 * expects to find, the one this document last read or wrote (%NULL when
 * there was none). */
typedef struct
{
  GFile  *file;
  GBytes *bytes;
  char   *expected;
  char   *found;
} SidecarWrite;

static SidecarWrite *
sidecar_write_new (GlossDocument *self,
                   GBytes        *bytes)
{
  SidecarWrite *write = g_new0 (SidecarWrite, 1);

  write->file = g_object_ref (self->sidecar_file);
  write->bytes = g_bytes_ref (bytes);
  write->expected = g_strdup (self->sidecar_sha256);

  return write;
}

static void
sidecar_write_free (SidecarWrite *write)
{
  g_object_unref (write->file);
  g_bytes_unref (write->bytes);
  g_free (write->expected);
  g_free (write->found);
  g_free (write);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SidecarWrite, sidecar_write_free)

/* Another program (a sync client, git, a colleague's Gloss) may have
 * replaced the sidecar since this document read it. Writing over it would
 * silently destroy that program's annotations, so the first save after
 * such a change is refused; the file it found is then taken as seen, and
 * saving again replaces it. A sidecar deleted meanwhile is written anew. */
static gboolean
sidecar_write_check (SidecarWrite  *write,
                     GError       **error)
{
  g_autoptr(GBytes) on_disk = read_bytes (write->file, NULL, NULL);
  g_autofree char *name = NULL;

  if (on_disk == NULL)
    return TRUE;

  g_free (write->found);
  write->found = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, on_disk);
  if (g_strcmp0 (write->found, write->expected) == 0)
    return TRUE;

  name = g_file_get_basename (write->file);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               _("Another program changed %s since it was opened here; it was left as it is. "
                 "Open the article again to see those annotations, or save again to replace "
                 "them with these."), name);
  return FALSE;
}

/* Runs in any thread. */
static gboolean
sidecar_write_run (SidecarWrite  *write,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *path = NULL;

  if (!sidecar_write_check (write, error))
    return FALSE;
  if (gloss_write_atomically (write->file, write->bytes, cancellable, error))
    return TRUE;

  path = g_file_get_parse_name (write->file);
  g_prefix_error (error, _("Could not save the annotations to %s: "), path);
  return FALSE;
}

/* Remembers what the disk holds now: what was written, or after a refused
 * save the other program's file. */
static void
sidecar_write_done (GlossDocument *self,
                    SidecarWrite  *write,
                    gboolean       written)
{
  if (written)
    {
      g_free (self->sidecar_sha256);
      self->sidecar_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, write->bytes);
    }
  else if (write->found != NULL)
    {
      g_free (self->sidecar_sha256);
      self->sidecar_sha256 = g_steal_pointer (&write->found);
    }
}

/**
 * gloss_document_save:
 *
 * Writes the article if its text changed (in its encoding, atomically)
 * and then the sidecar (atomically: a temporary file renamed over it).
 * Fails with %GLOSS_CORE_ERROR_READ_ONLY when the document is read-only,
 * and with %G_IO_ERROR_WRONG_ETAG, writing nothing, when another program
 * changed the sidecar since the document read or saved it; saving again
 * then replaces that file.
 */
gboolean
gloss_document_save (GlossDocument  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SidecarWrite) write = NULL;
  guint64 checkpoint;
  gboolean written;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  if (!gloss_document_check_writable (self, error))
    return FALSE;

  checkpoint = gloss_history_get_checkpoint (self->history);
  bytes = gloss_document_save_sidecar_to_bytes (self);
  write = sidecar_write_new (self, bytes);
  if (!sidecar_write_check (write, error))
    {
      sidecar_write_done (self, write, FALSE);
      return FALSE;
    }
  if (self->text_dirty &&
      !gloss_text_file_save (self->text_file, gloss_document_get_text (self), cancellable, error))
    return FALSE;

  written = sidecar_write_run (write, cancellable, error);
  sidecar_write_done (self, write, written);
  if (!written)
    return FALSE;

  gloss_document_mark_saved (self, checkpoint);
  return TRUE;
}

typedef struct
{
  guint64       checkpoint;
  char         *text;
  SidecarWrite *write;
  gboolean      written;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->text);
  sidecar_write_free (data->write);
  g_free (data);
}

/* The sidecar is checked before the article is written, so that a
 * refused save writes nothing, and again when it is written. */
static void
save_sidecar_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  gboolean ok = data->text != NULL
    ? sidecar_write_check (data->write, &error)
    : (data->written = sidecar_write_run (data->write, cancellable, &error));

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void save_step_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
save_run_step (GTask *outer)
{
  GlossDocument *self = g_task_get_source_object (outer);
  g_autoptr(GTask) step = g_task_new (self, g_task_get_cancellable (outer), save_step_cb, outer);

  g_task_set_task_data (step, g_task_get_task_data (outer), NULL);
  g_task_run_in_thread (step, save_sidecar_thread);
}

static void
save_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *outer = user_data;
  SaveData *data = g_task_get_task_data (outer);
  GError *error = NULL;

  if (!gloss_text_file_save_finish (GLOSS_TEXT_FILE (object), result, &error))
    {
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }

  g_clear_pointer (&data->text, g_free);
  save_run_step (outer);
}

/* After the check: the article if its text changed, then the sidecar;
 * after the sidecar: done. */
static void
save_step_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GlossDocument *self = g_task_get_source_object (outer);
  SaveData *data = g_task_get_task_data (outer);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sidecar_write_done (self, data->write, FALSE);
      g_task_return_error (outer, error);
      return;
    }

  if (data->text != NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (outer);

      gloss_text_file_save_async (self->text_file, data->text, cancellable,
                                  save_text_cb, g_steal_pointer (&outer));
      return;
    }
  if (!data->written)
    {
      save_run_step (g_steal_pointer (&outer));
      return;
    }

  sidecar_write_done (self, data->write, TRUE);
  gloss_document_mark_saved (self, data->checkpoint);
  g_task_return_boolean (outer, TRUE);
}

/**
 * gloss_document_save_async:
 *
 * Saves as gloss_document_save() does, without blocking. What is saved is
 * the state when this is called; edits made meanwhile stay modified.
 */
void
gloss_document_save_async (GlossDocument       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_document_save_async);

  if (!gloss_document_check_writable (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  bytes = gloss_document_save_sidecar_to_bytes (self);
  data = g_new0 (SaveData, 1);
  data->checkpoint = gloss_history_get_checkpoint (self->history);
  data->text = self->text_dirty ? g_strdup (gloss_document_get_text (self)) : NULL;
  data->write = sidecar_write_new (self, bytes);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  save_run_step (g_steal_pointer (&task));
}

gboolean
gloss_document_save_finish (GlossDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gloss_document_restore:
 * @text: the text of a draft, valid UTF-8
 * @sidecar: the draft's sidecar, from gloss_document_save_sidecar_to_bytes()
 *
 * Replaces text and annotations with those of a draft kept after a crash.
 * The document is then modified and its history empty. On error nothing
 * changes.
 */
gboolean
gloss_document_restore (GlossDocument  *self,
                        const char     *text,
                        GBytes         *sidecar,
                        GError        **error)
{
  g_autoptr(GlossSidecar) content = NULL;
  g_autofree char *name = NULL;
  GError *newer = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL && sidecar != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT,
                   _("The draft of %s is not valid text"), self->display_name);
      return FALSE;
    }

  name = g_file_get_basename (self->sidecar_file);
  content = gloss_sidecar_read (sidecar, name, &newer, error);
  if (content == NULL)
    return FALSE;

  gloss_document_replace_text (self, text);
  g_ptr_array_set_size (self->problems, 0);
  g_clear_error (&self->sidecar_error);
  gloss_document_set_read_only (self, NULL);
  gloss_document_apply_sidecar (self, content);
  if (newer != NULL)
    take_sidecar_error (self, newer);
  gloss_history_clear (self->history);
  gloss_document_set_dirty (self, TRUE);

  return TRUE;
}
