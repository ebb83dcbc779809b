/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-draft-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-draft-store.h"

/**
 * GlossDraftStore:
 *
 * A folder of drafts, one file per article: `<sha256 of the article's
 * URI>.json`, written atomically (a temporary file, then a rename) and
 * readable only by the user. Two articles with the same name in different
 * folders have different URIs and so different drafts.
 */
struct _GlossDraftStore
{
  GObject     parent_instance;

  GFile      *folder;
  char       *path;

  /* Each save and discard takes the next generation number for its draft;
   * an asynchronous save writes only if no later save or discard of the
   * same draft came after it, so a slow write cannot bring back a draft
   * that was discarded or overwrite a newer one. */
  GMutex      mutex;
  GHashTable *generations;
  guint       last_generation;
};

G_DEFINE_FINAL_TYPE (GlossDraftStore, gloss_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* sha256 in hex, then ".json" */
#define KEY_LENGTH 64

static void
gloss_draft_store_constructed (GObject *object)
{
  GlossDraftStore *self = GLOSS_DRAFT_STORE (object);

  G_OBJECT_CLASS (gloss_draft_store_parent_class)->constructed (object);

  if (self->folder == NULL)
    self->folder = g_file_new_build_filename (g_get_user_data_dir (), "gloss", "drafts", NULL);

  self->path = g_file_get_path (self->folder);
  g_assert (self->path != NULL);
}

static void
gloss_draft_store_finalize (GObject *object)
{
  GlossDraftStore *self = GLOSS_DRAFT_STORE (object);

  g_clear_object (&self->folder);
  g_free (self->path);
  g_mutex_clear (&self->mutex);
  g_hash_table_unref (self->generations);

  G_OBJECT_CLASS (gloss_draft_store_parent_class)->finalize (object);
}

static void
gloss_draft_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossDraftStore *self = GLOSS_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_draft_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossDraftStore *self = GLOSS_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_draft_store_class_init (GlossDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gloss_draft_store_constructed;
  object_class->finalize = gloss_draft_store_finalize;
  object_class->get_property = gloss_draft_store_get_property;
  object_class->set_property = gloss_draft_store_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_draft_store_init (GlossDraftStore *self)
{
  g_mutex_init (&self->mutex);
  self->generations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * gloss_draft_store_new:
 *
 * Returns: (transfer full): the store in the user's data folder,
 *   `gloss/drafts`
 */
GlossDraftStore *
gloss_draft_store_new (void)
{
  return g_object_new (GLOSS_TYPE_DRAFT_STORE, NULL);
}

/**
 * gloss_draft_store_new_for_folder:
 * @folder: a local folder; it is created on the first save
 *
 * Returns: (transfer full): a store keeping its drafts in @folder
 */
GlossDraftStore *
gloss_draft_store_new_for_folder (GFile *folder)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (g_file_is_native (folder), NULL);

  return g_object_new (GLOSS_TYPE_DRAFT_STORE, "folder", folder, NULL);
}

/**
 * gloss_draft_store_get_folder:
 *
 * Returns: (transfer none): where the drafts are kept
 */
GFile *
gloss_draft_store_get_folder (GlossDraftStore *self)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);

  return self->folder;
}

static char *
key_for_uri (const char *uri)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

static char *
key_for_article (GFile *article)
{
  g_autofree char *uri = g_file_get_uri (article);

  return key_for_uri (uri);
}

static char *
draft_path (GlossDraftStore *self,
            const char      *key)
{
  g_autofree char *name = g_strconcat (key, ".json", NULL);

  return g_build_filename (self->path, name, NULL);
}

static char *
article_name (GFile *article)
{
  g_autofree char *basename = g_file_get_basename (article);

  if (basename == NULL || g_str_equal (basename, "/"))
    return g_file_get_parse_name (article);

  return g_filename_display_name (basename);
}

/**
 * gloss_draft_store_dup_draft_file:
 * @article: an article
 *
 * Returns: (transfer full): the file that holds, or would hold, the draft
 *   of @article
 */
GFile *
gloss_draft_store_dup_draft_file (GlossDraftStore *self,
                                  GFile           *article)
{
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  key = key_for_article (article);
  path = draft_path (self, key);

  return g_file_new_for_path (path);
}

/* Called with the mutex held. */
static guint
take_generation (GlossDraftStore *self,
                 const char      *key)
{
  guint generation = ++self->last_generation;

  g_hash_table_replace (self->generations, g_strdup (key), GUINT_TO_POINTER (generation));

  return generation;
}

static gboolean
check_utf8 (GFile       *article,
            const char  *text,
            GBytes      *sidecar,
            GError     **error)
{
  g_autofree char *name = NULL;
  const char *what;

  if (!g_utf8_validate (text, -1, NULL))
    what = _("the text is not valid UTF-8");
  else if (sidecar != NULL &&
           !g_utf8_validate_len (g_bytes_get_data (sidecar, NULL), g_bytes_get_size (sidecar), NULL))
    what = _("the annotations are not valid UTF-8");
  else
    return TRUE;

  name = article_name (article);
  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
               _("Could not keep the unsaved changes of “%s”: %s."), name, what);

  return FALSE;
}

static GBytes *
encode_draft (GFile      *article,
              const char *text,
              GBytes     *sidecar)
{
  g_autofree char *uri = g_file_get_uri (article);
  g_autoptr(GlossDraft) draft = gloss_draft_new (uri, NULL, text, sidecar);

  return gloss_draft_to_bytes (draft);
}

/* Called with the mutex held. */
static gboolean
write_draft (GlossDraftStore  *self,
             const char       *key,
             GBytes           *bytes,
             GFile            *article,
             GError          **error)
{
  g_autofree char *path = draft_path (self, key);
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_mkdir_with_parents (self->path, 0700) != 0)
    {
      int saved_errno = errno;

      name = article_name (article);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not keep the unsaved changes of “%s”: the folder “%s” could not be created: %s"),
                   name, self->path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      name = article_name (article);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not keep the unsaved changes of “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_draft_store_save:
 * @article: the article the work belongs to
 * @text: the article's text as edited, UTF-8
 * @sidecar: (nullable): the annotations, as gloss_document_save_sidecar_to_bytes()
 *   gives them
 *
 * Keeps @text and @sidecar as the draft of @article, replacing any earlier
 * one. The draft file is either the old one or the new one, never a part.
 *
 * Returns: %TRUE if the draft was written
 */
gboolean
gloss_draft_store_save (GlossDraftStore  *self,
                        GFile            *article,
                        const char       *text,
                        GBytes           *sidecar,
                        GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (article), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_utf8 (article, text, sidecar, error))
    return FALSE;

  bytes = encode_draft (article, text, sidecar);
  key = key_for_article (article);

  locker = g_mutex_locker_new (&self->mutex);
  take_generation (self, key);

  return write_draft (self, key, bytes, article, error);
}

typedef struct
{
  GFile   *article;
  char    *text;
  GBytes  *sidecar;
  char    *key;
  guint    generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->article);
  g_free (data->text);
  g_clear_pointer (&data->sidecar, g_bytes_unref);
  g_free (data->key);
  g_free (data);
}

static void
gloss_draft_store_save_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  GlossDraftStore *self = source_object;
  SaveData *data = task_data;
  g_autoptr(GBytes) bytes = encode_draft (data->article, data->text, data->sidecar);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) error = NULL;
  gpointer latest;

  if (g_task_return_error_if_cancelled (task))
    return;

  locker = g_mutex_locker_new (&self->mutex);
  latest = g_hash_table_lookup (self->generations, data->key);

  /* Superseded by a later save or a discard: nothing to write. */
  if (GPOINTER_TO_UINT (latest) != data->generation)
    g_task_return_boolean (task, TRUE);
  else if (write_draft (self, data->key, bytes, data->article, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * gloss_draft_store_save_async:
 *
 * Like gloss_draft_store_save(), with the encoding and the writing in a
 * thread. The draft's time is the time of this call. A save superseded by
 * a later save or discard of the same article before it could write
 * writes nothing and still succeeds.
 */
void
gloss_draft_store_save_async (GlossDraftStore     *self,
                              GFile               *article,
                              const char          *text,
                              GBytes              *sidecar,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *data;

  g_return_if_fail (GLOSS_IS_DRAFT_STORE (self));
  g_return_if_fail (G_IS_FILE (article));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_draft_store_save_async);

  if (!check_utf8 (article, text, sidecar, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->article = g_object_ref (article);
  data->text = g_strdup (text);
  data->sidecar = sidecar != NULL ? g_bytes_ref (sidecar) : NULL;
  data->key = key_for_article (article);

  g_mutex_lock (&self->mutex);
  data->generation = take_generation (self, data->key);
  g_mutex_unlock (&self->mutex);

  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, gloss_draft_store_save_thread);
}

gboolean
gloss_draft_store_save_finish (GlossDraftStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_draft_store_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The article's modification time, or NULL when it cannot be read: a draft
 * of an article that is gone is still worth offering. */
static void
stamp_article_modified (GlossDraft *draft,
                        GFile      *article)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  info = g_file_query_info (article,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    modified = g_file_info_get_modification_date_time (info);

  gloss_draft_set_article_modified (draft, modified);
}

/* The draft in the file at @path, NULL without an error if there is no
 * such file. A file holding the draft of another URI than its name says is
 * not used: its article would not find it and could not discard it. */
static GlossDraft *
load_draft_file (const char  *path,
                 const char  *key,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossDraft) draft = NULL;
  g_autofree char *stored_key = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);
  draft = gloss_draft_new_from_bytes (bytes, error);
  if (draft == NULL)
    return NULL;

  stored_key = key_for_uri (gloss_draft_get_uri (draft));
  if (!g_str_equal (stored_key, key))
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("it belongs to another article, “%s”"), gloss_draft_get_uri (draft));
      return NULL;
    }

  return g_steal_pointer (&draft);
}

/**
 * gloss_draft_store_lookup:
 * @article: an article
 *
 * Reads the draft of @article. A draft older than the article's last
 * modification is returned all the same; gloss_draft_get_older_than_article()
 * says so. A draft file that cannot be read is left in place and reported
 * with an error that names it (%GLOSS_CORE_ERROR_PARSE,
 * %GLOSS_CORE_ERROR_INVALID, %GLOSS_CORE_ERROR_NEWER_VERSION, or a file
 * error).
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL if there is
 *   none (@error unset) or it could not be read (@error set)
 */
GlossDraft *
gloss_draft_store_lookup (GlossDraftStore  *self,
                          GFile            *article,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GlossDraft) draft = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key = key_for_article (article);
  path = draft_path (self, key);
  draft = load_draft_file (path, key, &local_error);

  if (local_error != NULL)
    {
      g_autofree char *name = article_name (article);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The unsaved changes kept for “%s” in “%s” cannot be restored: "),
                                  name, path);
      return NULL;
    }

  if (draft != NULL)
    stamp_article_modified (draft, article);

  return g_steal_pointer (&draft);
}

static void
gloss_draft_store_lookup_thread (GTask        *task,
                                 gpointer      source_object,
                                 gpointer      task_data,
                                 GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GlossDraft *draft;

  draft = gloss_draft_store_lookup (source_object, task_data, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, draft, g_object_unref);
}

void
gloss_draft_store_lookup_async (GlossDraftStore     *self,
                                GFile               *article,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_DRAFT_STORE (self));
  g_return_if_fail (G_IS_FILE (article));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_draft_store_lookup_async);
  g_task_set_task_data (task, g_object_ref (article), g_object_unref);
  g_task_run_in_thread (task, gloss_draft_store_lookup_thread);
}

/**
 * gloss_draft_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): as gloss_draft_store_lookup()
 */
GlossDraft *
gloss_draft_store_lookup_finish (GlossDraftStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_draft_store_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gloss_draft_store_discard:
 * @article: an article
 *
 * Removes the draft of @article, if there is one, and makes any save of it
 * still running write nothing.
 *
 * Returns: %TRUE if there is no draft of @article any more
 */
gboolean
gloss_draft_store_discard (GlossDraftStore  *self,
                           GFile            *article,
                           GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  int saved_errno;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (article), FALSE);

  key = key_for_article (article);
  path = draft_path (self, key);

  locker = g_mutex_locker_new (&self->mutex);
  take_generation (self, key);

  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;

  saved_errno = errno;
  name = article_name (article);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not remove the unsaved changes kept for “%s” in “%s”: %s"),
               name, path, g_strerror (saved_errno));

  return FALSE;
}

static gboolean
is_draft_name (const char *name)
{
  if (strlen (name) != KEY_LENGTH + strlen (".json") || !g_str_has_suffix (name, ".json"))
    return FALSE;

  for (guint i = 0; i < KEY_LENGTH; i++)
    if (!g_ascii_isxdigit (name[i]) || g_ascii_isupper (name[i]))
      return FALSE;

  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GlossDraft *draft_a = *(GlossDraft **) a;
  GlossDraft *draft_b = *(GlossDraft **) b;

  return g_date_time_compare (gloss_draft_get_saved (draft_b), gloss_draft_get_saved (draft_a));
}

static GlossDraft *
read_listed_draft (GlossDraftStore *self,
                   const char      *name)
{
  g_autofree char *path = g_build_filename (self->path, name, NULL);
  g_autofree char *key = g_strndup (name, KEY_LENGTH);
  g_autoptr(GlossDraft) draft = load_draft_file (path, key, NULL);
  g_autoptr(GFile) article = NULL;

  if (draft == NULL)
    return NULL;

  article = gloss_draft_dup_article (draft);
  stamp_article_modified (draft, article);

  return g_steal_pointer (&draft);
}

/**
 * gloss_draft_store_list:
 *
 * All drafts that can be read, newest first. Files in the folder that are
 * not readable drafts are skipped here; gloss_draft_store_lookup() on
 * their article reports what is wrong with them.
 *
 * Returns: (transfer container) (element-type GlossDraft) (nullable): the
 *   drafts (empty when the folder does not exist yet), or %NULL with
 *   @error set if the folder cannot be read
 */
GPtrArray *
gloss_draft_store_list (GlossDraftStore  *self,
                        GError          **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (GLOSS_IS_DRAFT_STORE (self), NULL);

  dir = g_dir_open (self->path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&drafts);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not list the unsaved changes kept in “%s”: "),
                                  self->path);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      GlossDraft *draft = is_draft_name (name) ? read_listed_draft (self, name) : NULL;

      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}
