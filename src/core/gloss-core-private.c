/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-core"

#include "config.h"

#include "gloss-core-private.h"

#include <stdlib.h>

/* g_set_str() arrived in GLib 2.76, after the Debian 12 floor. */
gboolean
gloss_set_str (char       **str_pointer,
               const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* Optional fields have no empty value: "" is stored and written as absent. */
gboolean
gloss_set_optional_str (char       **str_pointer,
                        const char  *new_str)
{
  if (new_str != NULL && *new_str == '\0')
    new_str = NULL;

  return gloss_set_str (str_pointer, new_str);
}

gboolean
gloss_strv_equal (const char * const *a,
                  const char * const *b)
{
  gboolean a_empty = a == NULL || a[0] == NULL;
  gboolean b_empty = b == NULL || b[0] == NULL;

  if (a_empty || b_empty)
    return a_empty == b_empty;

  return g_strv_equal (a, b);
}

gboolean
gloss_set_strv (char               ***strv_pointer,
                const char * const   *new_strv)
{
  if (gloss_strv_equal ((const char * const *) *strv_pointer, new_strv))
    return FALSE;

  g_strfreev (*strv_pointer);
  *strv_pointer = (new_strv != NULL && new_strv[0] != NULL)
    ? g_strdupv ((char **) new_strv) : NULL;

  return TRUE;
}

/* Times are stored as ISO 8601 in UTC, to the second: "2026-05-18T09:30:00Z". */
char *
gloss_time_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
gloss_time_is_valid (const char *time)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (time == NULL)
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (time, NULL);

  return parsed != NULL;
}

/* Short ids: a letter and 8 hex digits from a random UUID. */
char *
gloss_make_id (char prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("%c%.8s", prefix, uuid);
}

/* Appends references to the JsonNodes of @src to @dest. */
void
gloss_json_nodes_extend (GPtrArray *dest,
                         GPtrArray *src)
{
  for (guint i = 0; i < src->len; i++)
    g_ptr_array_add (dest, json_node_ref (g_ptr_array_index (src, i)));
}

/* Replaces the object a field holds, taking a reference to the new one. */
void
gloss_set_json_object (JsonObject **object_pointer,
                       JsonObject  *object)
{
  if (object != NULL)
    json_object_ref (object);
  g_clear_pointer (object_pointer, json_object_unref);
  *object_pointer = object;
}

static int
query_mode (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    return 0666;

  return g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;
}

/**
 * gloss_write_atomically:
 *
 * Writes a temporary file in the same folder, then renames it over @file:
 * readers never see a half-written file, and a failed write leaves the
 * old one as it was. Unlike g_file_replace_contents(), which writes over
 * the file in place when it cannot create a temporary file beside it (in
 * a folder without write permission), this fails instead.
 */
gboolean
gloss_write_atomically (GFile         *file,
                        GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (path == NULL)
    return g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Replace what a symbolic link points to, not the link itself. */
  target = realpath (path, NULL);
  if (g_file_set_contents_full (target != NULL ? target : path, data, len,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                query_mode (file), &local_error))
    return TRUE;

  /* In GIO's error domain, as other writes of a GFile report */
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                       local_error->message);
  return FALSE;
}
