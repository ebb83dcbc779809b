/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-text-file"

#include "config.h"

#include "gloss-text-file.h"
#include "gloss-core-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* A few stray control characters turn up in scraped text; in binary data
 * they are everywhere. At least this many, and more than one in a hundred
 * code units, and the file is refused. */
#define MIN_BINARY_CONTROLS 5

typedef enum
{
  ENCODING_UTF8,
  ENCODING_UTF16LE,
  ENCODING_UTF16BE,
  ENCODING_WINDOWS_1252,
  ENCODING_ISO_8859_1,
} Encoding;

static const char * const encoding_names[] = {
  "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252", "ISO-8859-1",
};

/* Windows-1252 bytes 0x80 to 0x9F; 0 marks the five undefined ones. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static const guint8 utf8_bom[] = { 0xEF, 0xBB, 0xBF };
static const guint8 utf16le_bom[] = { 0xFF, 0xFE };
static const guint8 utf16be_bom[] = { 0xFE, 0xFF };

struct _GlossTextFile
{
  GObject   parent_instance;

  GFile    *file;
  char     *text;
  gint64    length;
  char     *sha256;
  Encoding  encoding;
  guint     had_bom : 1;
  guint     encoding_changed : 1;
};

G_DEFINE_FINAL_TYPE (GlossTextFile, gloss_text_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TEXT,
  PROP_LENGTH,
  PROP_ENCODING,
  PROP_HAD_BOM,
  PROP_ENCODING_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_text_file_finalize (GObject *object)
{
  GlossTextFile *self = GLOSS_TEXT_FILE (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (gloss_text_file_parent_class)->finalize (object);
}

static void
gloss_text_file_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossTextFile *self = GLOSS_TEXT_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LENGTH:
      g_value_set_int64 (value, self->length);
      break;
    case PROP_ENCODING:
      g_value_set_static_string (value, encoding_names[self->encoding]);
      break;
    case PROP_HAD_BOM:
      g_value_set_boolean (value, self->had_bom);
      break;
    case PROP_ENCODING_CHANGED:
      g_value_set_boolean (value, self->encoding_changed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_text_file_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossTextFile *self = GLOSS_TEXT_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_text_file_class_init (GlossTextFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_text_file_finalize;
  object_class->get_property = gloss_text_file_get_property;
  object_class->set_property = gloss_text_file_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", ro);
  properties[PROP_LENGTH] =
    g_param_spec_int64 ("length", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, "UTF-8", ro);
  properties[PROP_HAD_BOM] =
    g_param_spec_boolean ("had-bom", NULL, NULL, FALSE, ro);
  properties[PROP_ENCODING_CHANGED] =
    g_param_spec_boolean ("encoding-changed", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_text_file_init (GlossTextFile *self)
{
  self->text = g_strdup ("");
  self->encoding = ENCODING_UTF8;
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "/");
}

/* g_utf8_strlen() for long valid text, several times faster: every byte but
 * a continuation byte starts a code point. */
static gint64
count_code_points (const char *text)
{
  gint64 n = 0;

  for (const guint8 *p = (const guint8 *) text; *p != '\0'; p++)
    n += (*p & 0xC0) != 0x80;

  return n;
}

/* Takes ownership of @text, which must be valid UTF-8. */
static void
gloss_text_file_take_text (GlossTextFile *self,
                           char          *text)
{
  g_free (self->text);
  self->text = text;
  self->length = count_code_points (text);
  g_clear_pointer (&self->sha256, g_free);
}

/* Decoding --------------------------------------------------------------- */

static gboolean
is_control (guint unit)
{
  if (unit == 0x7F)
    return TRUE;

  return unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\r'
         && unit != '\f' && unit != '\v';
}

static void
set_not_text (GError     **error,
              const char  *name,
              gsize        offset,
              const char  *reason)
{
  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT,
               /* Translators: "report.txt: byte 1234 is not valid text (a NUL byte, …)" */
               _("%s: byte %lu is not valid text (%s)"),
               name, (gulong) offset, reason);
}

/* Refuses binary data: any NUL code unit, or many control characters.
 * The units are either @bytes or @units16; @base is the byte offset of the
 * first one in the file, for the message. */
static gboolean
check_not_binary (const guint8     *bytes,
                  const gunichar2  *units16,
                  gsize             n_units,
                  gsize             base,
                  const char       *name,
                  GError          **error)
{
  gsize unit_size = bytes != NULL ? 1 : 2;
  gsize n_controls = 0;
  gsize first_control = 0;

  for (gsize i = 0; i < n_units; i++)
    {
      guint unit = bytes != NULL ? bytes[i] : units16[i];

      if (G_LIKELY (unit >= 0x20 && unit != 0x7F))
        continue;
      if (unit == 0)
        {
          set_not_text (error, name, base + i * unit_size,
                        _("a NUL byte, so the file looks binary"));
          return FALSE;
        }
      if (is_control (unit) && n_controls++ == 0)
        first_control = i;
    }

  if (n_controls >= MIN_BINARY_CONTROLS && n_controls > n_units / 100)
    {
      g_autofree char *reason =
        g_strdup_printf (_("a control character, one of %lu, so the file looks binary"),
                         (gulong) n_controls);

      set_not_text (error, name, base + first_control * unit_size, reason);
      return FALSE;
    }

  return TRUE;
}

static gboolean
cp1252_defines_all (const guint8 *data,
                    gsize         len)
{
  for (gsize i = 0; i < len; i++)
    if (data[i] >= 0x80 && data[i] <= 0x9F && cp1252_high[data[i] - 0x80] == 0)
      return FALSE;

  return TRUE;
}

static char *
decode_legacy (const guint8 *data,
               gsize         len,
               Encoding     *encoding)
{
  GString *out = g_string_sized_new (len + len / 8 + 1);
  gboolean cp1252 = cp1252_defines_all (data, len);

  *encoding = cp1252 ? ENCODING_WINDOWS_1252 : ENCODING_ISO_8859_1;

  for (gsize i = 0; i < len; i++)
    {
      gunichar c = data[i];

      if (cp1252 && c >= 0x80 && c <= 0x9F)
        c = cp1252_high[c - 0x80];
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* @data follows a UTF-16 byte order mark, so byte offsets start at 2. */
static char *
decode_utf16 (const guint8  *data,
              gsize          len,
              Encoding       encoding,
              const char    *name,
              GError       **error)
{
  gsize n_units = len / 2;
  g_autofree gunichar2 *units = NULL;
  glong items_read = 0;
  char *text;

  units = g_new (gunichar2, n_units + 1);
  for (gsize i = 0; i < n_units; i++)
    units[i] = encoding == ENCODING_UTF16LE ? data[2 * i] | (data[2 * i + 1] << 8)
                                            : (data[2 * i] << 8) | data[2 * i + 1];
  units[n_units] = 0;

  if (!check_not_binary (NULL, units, n_units, 2, name, error))
    return NULL;

  text = g_utf16_to_utf8 (units, n_units, &items_read, NULL, NULL);
  if (text == NULL || (gsize) items_read < n_units)
    {
      g_free (text);
      set_not_text (error, name, 2 + (gsize) items_read * 2,
                    _("a broken UTF-16 surrogate pair"));
      return NULL;
    }
  if (len % 2 != 0)
    {
      g_free (text);
      set_not_text (error, name, 2 + len - 1,
                    _("the file ends in the middle of a UTF-16 character"));
      return NULL;
    }

  return text;
}

/* Text after a UTF-8 byte order mark must be UTF-8: the mark says so. */
static gboolean
check_utf8_after_bom (const char  *data,
                      gsize        len,
                      const char  *name,
                      GError     **error)
{
  const char *end = NULL;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;

  set_not_text (error, name, sizeof utf8_bom + (gsize) (end - data),
                _("the file is marked as UTF-8 but is not"));
  return FALSE;
}

static gboolean
check_size (guint64      size,
            const char  *name,
            GError     **error)
{
  g_autofree char *size_str = NULL;
  g_autofree char *limit_str = NULL;

  if (size <= (guint64) GLOSS_TEXT_FILE_MAX_SIZE)
    return TRUE;

  size_str = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  limit_str = g_format_size_full (GLOSS_TEXT_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_TOO_LARGE,
               _("%s is %s; Gloss opens articles of up to %s"),
               name, size_str, limit_str);
  return FALSE;
}

static gboolean
has_prefix (const char   *data,
            gsize         len,
            const guint8 *prefix,
            gsize         prefix_len)
{
  return len >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* Decodes 8-bit text: UTF-8 (with or without a byte order mark) or legacy.
 * Takes ownership of @contents, NUL-terminated after @len bytes. */
static char *
decode_8bit (char        *contents,
             gsize        len,
             const char  *name,
             gboolean    *had_bom,
             Encoding    *encoding,
             GError     **error)
{
  g_autofree char *owned = contents;

  *had_bom = has_prefix (contents, len, utf8_bom, sizeof utf8_bom);
  if (*had_bom)
    {
      len -= sizeof utf8_bom;
      memmove (contents, contents + sizeof utf8_bom, len + 1);
    }

  if (!check_not_binary ((const guint8 *) contents, NULL, len,
                         *had_bom ? sizeof utf8_bom : 0, name, error))
    return NULL;

  if (*had_bom && !check_utf8_after_bom (contents, len, name, error))
    return NULL;

  if (*had_bom || g_utf8_validate_len (contents, len, NULL))
    return g_steal_pointer (&owned);

  return decode_legacy ((const guint8 *) contents, len, encoding);
}

/* Decodes @contents (owned, NUL-terminated after @len bytes) into @self. */
static gboolean
gloss_text_file_decode (GlossTextFile  *self,
                        char           *contents,
                        gsize           len,
                        GError        **error)
{
  g_autofree char *owned = contents;
  g_autofree char *name = dup_display_name (self->file);
  gboolean had_bom = TRUE;
  Encoding encoding = ENCODING_UTF8;
  char *text;

  if (!check_size (len, name, error))
    return FALSE;

  if (has_prefix (contents, len, utf16le_bom, sizeof utf16le_bom) ||
      has_prefix (contents, len, utf16be_bom, sizeof utf16be_bom))
    {
      encoding = (guint8) contents[0] == utf16le_bom[0] ? ENCODING_UTF16LE : ENCODING_UTF16BE;
      text = decode_utf16 ((const guint8 *) contents + 2, len - 2, encoding, name, error);
    }
  else
    {
      text = decode_8bit (g_steal_pointer (&owned), len, name, &had_bom, &encoding, error);
    }

  if (text == NULL)
    return FALSE;

  self->encoding = encoding;
  self->had_bom = had_bom;
  gloss_text_file_take_text (self, text);
  return TRUE;
}

/* Loading ---------------------------------------------------------------- */

/* GIO names the path in most messages, but not all (a directory, say). */
static void
prefix_with_path (GFile   *file,
                  GError **error)
{
  g_autofree char *path = g_file_get_parse_name (file);

  if (error != NULL && *error != NULL && (*error)->domain == G_IO_ERROR &&
      strstr ((*error)->message, path) == NULL)
    g_prefix_error (error, "%s: ", path);
}

/* A device or a pipe has no size to check and may never end. */
static gboolean
check_file_info (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  name = dup_display_name (file);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_NOT_TEXT,
                   _("%s is a device or a pipe, not a text file"), name);
      return FALSE;
    }

  return check_size (g_file_info_get_size (info), name, error);
}

/**
 * gloss_text_file_load:
 * @file: the article file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and decodes @file. Fails with %GLOSS_CORE_ERROR_TOO_LARGE above
 * %GLOSS_TEXT_FILE_MAX_SIZE bytes, %GLOSS_CORE_ERROR_NOT_TEXT for binary
 * data or a device, or the GIO error (naming the path) when the file
 * cannot be read.
 *
 * Returns: (transfer full) (nullable): the decoded file
 */
GlossTextFile *
gloss_text_file_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GlossTextFile) self = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_file_info (file, cancellable, error) ||
      !g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
    {
      prefix_with_path (file, error);
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_TEXT_FILE, "file", file, NULL);
  if (!gloss_text_file_decode (self, contents, len, error))
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
  GlossTextFile *self = gloss_text_file_load (task_data, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

/**
 * gloss_text_file_load_async:
 * @file: the article file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is loaded or failed to load
 * @user_data: data for @callback
 *
 * Runs gloss_text_file_load() in a worker thread.
 */
void
gloss_text_file_load_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_text_file_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * gloss_text_file_load_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the decoded file
 */
GlossTextFile *
gloss_text_file_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_text_file_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gloss_text_file_new_from_bytes:
 * @file: where the bytes belong (named in messages, written on save)
 * @bytes: the file's contents
 * @error: return location for a #GError
 *
 * Decodes @bytes as gloss_text_file_load() decodes a file's contents.
 *
 * Returns: (transfer full) (nullable): the decoded file
 */
GlossTextFile *
gloss_text_file_new_from_bytes (GFile   *file,
                                GBytes  *bytes,
                                GError **error)
{
  g_autoptr(GlossTextFile) self = NULL;
  gsize len = 0;
  const char *data;
  char *contents;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  contents = g_malloc (len + 1);
  if (len > 0)
    memcpy (contents, data, len);
  contents[len] = '\0';

  self = g_object_new (GLOSS_TYPE_TEXT_FILE, "file", file, NULL);
  if (!gloss_text_file_decode (self, contents, len, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * gloss_text_check_not_binary:
 * @text: UTF-8 text
 * @len: its length in bytes
 * @name: what @text is, for the message
 * @error: return location for a #GError
 *
 * Applies to @text the test gloss_text_file_load() applies to a file, so
 * that text about to be written as an article (by an importer, say) is
 * known to open again.
 *
 * Returns: %FALSE, with %GLOSS_CORE_ERROR_NOT_TEXT, when @text looks binary
 */
gboolean
gloss_text_check_not_binary (const char  *text,
                             gsize        len,
                             const char  *name,
                             GError     **error)
{
  return check_not_binary ((const guint8 *) text, NULL, len, 0, name, error);
}

/**
 * gloss_text_file_new_for_text:
 * @file: where the text will be saved
 * @text: UTF-8 text
 *
 * Creates a text file that is not read from disk (an article fetched from
 * the web, say). It is saved as UTF-8 without a byte order mark.
 *
 * Returns: (transfer full): a new #GlossTextFile
 */
GlossTextFile *
gloss_text_file_new_for_text (GFile      *file,
                              const char *text)
{
  GlossTextFile *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);

  self = g_object_new (GLOSS_TYPE_TEXT_FILE, "file", file, NULL);
  gloss_text_file_take_text (self, g_strdup (text));
  return self;
}

/* Getters ---------------------------------------------------------------- */

/**
 * gloss_text_file_get_file:
 * @self: a #GlossTextFile
 *
 * Returns: (transfer none): the file on disk
 */
GFile *
gloss_text_file_get_file (GlossTextFile *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), NULL);

  return self->file;
}

/**
 * gloss_text_file_get_text:
 * @self: a #GlossTextFile
 *
 * Returns: the text as UTF-8, without a byte order mark, line ends as stored
 */
const char *
gloss_text_file_get_text (GlossTextFile *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), NULL);

  return self->text;
}

/**
 * gloss_text_file_get_length:
 * @self: a #GlossTextFile
 *
 * Returns: the length of the text in code points (CR and LF count one each)
 */
gint64
gloss_text_file_get_length (GlossTextFile *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), 0);

  return self->length;
}

/**
 * gloss_text_file_get_encoding:
 * @self: a #GlossTextFile
 *
 * Returns: "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252" or "ISO-8859-1"
 */
const char *
gloss_text_file_get_encoding (GlossTextFile *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), NULL);

  return encoding_names[self->encoding];
}

/**
 * gloss_text_file_get_had_bom:
 * @self: a #GlossTextFile
 *
 * Returns: whether the file starts with a byte order mark (kept on save)
 */
gboolean
gloss_text_file_get_had_bom (GlossTextFile *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), FALSE);

  return self->had_bom;
}

/**
 * gloss_text_file_get_encoding_changed:
 * @self: a #GlossTextFile
 *
 * Returns: %TRUE once a save had to switch from a legacy encoding to UTF-8
 *   because the text held characters the legacy encoding cannot represent
 */
gboolean
gloss_text_file_get_encoding_changed (GlossTextFile *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), FALSE);

  return self->encoding_changed;
}

/**
 * gloss_text_file_get_sha256:
 * @self: a #GlossTextFile
 *
 * Returns: the SHA-256 of the text, as gloss_text_compute_sha256() gives it
 */
const char *
gloss_text_file_get_sha256 (GlossTextFile *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), NULL);

  if (self->sha256 == NULL)
    self->sha256 = gloss_text_compute_sha256 (self->text, -1);

  return self->sha256;
}

/**
 * gloss_text_compute_sha256:
 * @text: UTF-8 text
 * @len: length of @text in bytes, or -1 if it is NUL-terminated
 *
 * Returns: (transfer full): the SHA-256 of @text in lowercase hex
 */
char *
gloss_text_compute_sha256 (const char *text,
                           gssize      len)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);
  if (len > 0)
    g_checksum_update (checksum, (const guchar *) text, len);

  return g_strdup (g_checksum_get_string (checksum));
}

/* Encoding and saving ---------------------------------------------------- */

static guint8
cp1252_byte (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_high); i++)
    if (cp1252_high[i] == c)
      return 0x80 + i;

  return 0;
}

/* Returns NULL when @text holds a character @encoding cannot represent. */
static GBytes *
encode_legacy (const char *text,
               Encoding    encoding)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint8 byte = c;

      if (c >= 0x80 && encoding == ENCODING_WINDOWS_1252)
        byte = c >= 0xA0 && c <= 0xFF ? c : cp1252_byte (c);
      else if (c > 0xFF)
        byte = 0;

      if (byte == 0)
        return NULL;
      g_byte_array_append (out, &byte, 1);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
encode_utf16 (const char *text,
              Encoding    encoding)
{
  glong n_units = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  gsize size = 2 * ((gsize) n_units + 1);
  guint8 *out = g_malloc (size);
  gboolean big_endian = encoding == ENCODING_UTF16BE;

  g_assert (units != NULL);

  for (glong i = -1; i < n_units; i++)
    {
      gunichar2 unit = i < 0 ? 0xFEFF : units[i];
      guint8 *pair = out + 2 * (i + 1);

      pair[big_endian ? 0 : 1] = unit >> 8;
      pair[big_endian ? 1 : 0] = unit & 0xFF;
    }

  return g_bytes_new_take (out, size);
}

static GBytes *
encode_utf8 (const char *text,
             gboolean    with_bom)
{
  gsize len = strlen (text);
  gsize bom_len = with_bom ? sizeof utf8_bom : 0;
  guint8 *out = g_malloc (bom_len + len + 1);

  memcpy (out, utf8_bom, bom_len);
  memcpy (out + bom_len, text, len);
  return g_bytes_new_take (out, bom_len + len);
}

/* Encodes @text as @self's file holds it; *@encoding may become UTF-8. */
static GBytes *
encode_text (GlossTextFile *self,
             const char    *text,
             Encoding      *encoding)
{
  GBytes *bytes = NULL;

  *encoding = self->encoding;

  switch (self->encoding)
    {
    case ENCODING_UTF16LE:
    case ENCODING_UTF16BE:
      return encode_utf16 (text, self->encoding);
    case ENCODING_WINDOWS_1252:
    case ENCODING_ISO_8859_1:
      bytes = encode_legacy (text, self->encoding);
      if (bytes != NULL)
        return bytes;
      *encoding = ENCODING_UTF8;
      return encode_utf8 (text, FALSE);
    case ENCODING_UTF8:
    default:
      return encode_utf8 (text, self->had_bom);
    }
}

static gboolean
write_text (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  if (gloss_write_atomically (file, bytes, cancellable, error))
    return TRUE;

  if (error != NULL && *error != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (file);

      g_prefix_error (error, _("Could not save %s: "), path);
    }
  return FALSE;
}

/* Records what a successful save wrote. */
static void
gloss_text_file_saved (GlossTextFile *self,
                       char          *text,
                       Encoding       encoding)
{
  gloss_text_file_take_text (self, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH]);

  if (encoding == self->encoding)
    return;

  self->encoding = encoding;
  self->had_bom = FALSE;
  self->encoding_changed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING_CHANGED]);
}

/**
 * gloss_text_file_save:
 * @self: a #GlossTextFile
 * @text: the UTF-8 text to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @text in the file's encoding, with the byte order mark it had,
 * atomically. If a legacy encoding cannot represent @text, writes UTF-8
 * instead and sets #GlossTextFile:encoding-changed. On failure the file on
 * disk and @self are unchanged.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
gloss_text_file_save (GlossTextFile  *self,
                      const char     *text,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  Encoding encoding;

  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), FALSE);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), FALSE);

  bytes = encode_text (self, text, &encoding);
  if (!write_text (self->file, bytes, cancellable, error))
    return FALSE;

  gloss_text_file_saved (self, g_strdup (text), encoding);
  return TRUE;
}

typedef struct
{
  GFile    *file;
  GBytes   *bytes;
  char     *text;
  Encoding  encoding;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->text, g_free);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (write_text (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gloss_text_file_save_async:
 * @self: a #GlossTextFile
 * @text: the UTF-8 text to write (copied)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or failed to be
 * @user_data: data for @callback
 *
 * Writes the file as gloss_text_file_save() does, in a worker thread.
 * @self takes the new text and encoding in gloss_text_file_save_finish().
 */
void
gloss_text_file_save_async (GlossTextFile       *self,
                            const char          *text,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (GLOSS_IS_TEXT_FILE (self));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (self->file);
  data->text = g_strdup (text);
  data->bytes = encode_text (self, text, &data->encoding);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_text_file_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * gloss_text_file_save_finish:
 * @self: a #GlossTextFile
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
gloss_text_file_save_finish (GlossTextFile  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  SaveData *data;

  g_return_val_if_fail (GLOSS_IS_TEXT_FILE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_text_file_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (data->text != NULL)
    gloss_text_file_saved (self, g_steal_pointer (&data->text), data->encoding);
  return TRUE;
}
