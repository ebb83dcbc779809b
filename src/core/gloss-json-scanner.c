/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-json-scanner"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gloss-json-scanner.h"
#include "gloss-core-types.h"

/* Messages are passed untranslated and translated only on failure:
 * gettext is too slow to call for every token. */

/* json-glib's parser builds a node for every value and needs several
 * times longer than reading a 10,000-annotation sidecar may take; this
 * scanner lets the reader build the model directly. */

#define MAX_DEPTH 512

void
gloss_json_scanner_init (GlossJsonScanner *self,
                         const char       *data,
                         gsize             length)
{
  self->p = data;
  self->end = data + length;
  self->line_start = data;
  self->line = 1;
  self->depth = 0;
  self->names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_free);
  self->error = NULL;
}

void
gloss_json_scanner_clear (GlossJsonScanner *self)
{
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_error (&self->error);
}

gboolean
gloss_json_scanner_failed (GlossJsonScanner *self)
{
  return self->error != NULL;
}

static gboolean
fail (GlossJsonScanner *self,
      const char       *message)
{
  glong column;

  if (self->error != NULL)
    return FALSE;

  column = g_utf8_strlen (self->line_start, self->p - self->line_start) + 1;
  g_set_error (&self->error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_PARSE,
               _("line %u, column %ld: %s"), self->line, column, _(message));
  self->p = self->end;

  return FALSE;
}

static void
skip_space (GlossJsonScanner *self)
{
  while (self->p < self->end)
    {
      char c = *self->p;

      if (c == '\n')
        {
          self->line++;
          self->line_start = self->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      self->p++;
    }
}

/* The first character of the next value, or 0 at the end or after an error. */
char
gloss_json_scanner_peek (GlossJsonScanner *self)
{
  skip_space (self);

  return self->p < self->end && self->error == NULL ? *self->p : 0;
}

GlossJsonMark
gloss_json_scanner_mark (GlossJsonScanner *self)
{
  GlossJsonMark mark = { self->p, self->line_start, self->line };

  return mark;
}

void
gloss_json_scanner_rewind (GlossJsonScanner *self,
                           GlossJsonMark     mark)
{
  self->p = mark.p;
  self->line_start = mark.line_start;
  self->line = mark.line;
}

static gboolean
expect (GlossJsonScanner *self,
        char              c,
        const char       *message)
{
  if (gloss_json_scanner_peek (self) != c)
    return fail (self, message);

  self->p++;
  return TRUE;
}

gboolean
gloss_json_scanner_enter_object (GlossJsonScanner *self)
{
  if (++self->depth > MAX_DEPTH)
    return fail (self, N_("the data is nested too deeply"));

  self->fresh = TRUE;
  return expect (self, '{', N_("expected an object"));
}

gboolean
gloss_json_scanner_enter_array (GlossJsonScanner *self)
{
  if (++self->depth > MAX_DEPTH)
    return fail (self, N_("the data is nested too deeply"));

  self->fresh = TRUE;
  return expect (self, '[', N_("expected a list"));
}

/* Whether another item follows in the object or array just entered; at
 * its end, consumes the closing bracket. */
static gboolean
next_item (GlossJsonScanner *self,
           char              closing,
           const char       *message)
{
  char c = gloss_json_scanner_peek (self);
  gboolean first = self->fresh;

  self->fresh = FALSE;
  if (c == closing)
    {
      self->p++;
      self->depth--;
      return FALSE;
    }
  if (!first)
    {
      if (c != ',')
        return fail (self, message);
      self->p++;
    }
  else if (c == ',')
    return fail (self, N_("expected a value before “,”"));

  return self->error == NULL;
}

/* Member names are kept one per nesting depth, so that the name of a
 * member stays valid while its value (which may hold objects) is read,
 * without allocating one string per member. */
static const char *
keep_name (GlossJsonScanner *self,
           char             *name)
{
  while (self->names->len <= self->depth)
    g_ptr_array_add (self->names, NULL);

  g_free (g_ptr_array_index (self->names, self->depth));
  g_ptr_array_index (self->names, self->depth) = name;

  return name;
}

/**
 * gloss_json_scanner_next_member:
 * @name: (out) (transfer none): the member's name, valid until the next
 *   member of the same object
 *
 * Returns: %TRUE with the scanner before the member's value, %FALSE at the
 *   end of the object (or on error)
 */
gboolean
gloss_json_scanner_next_member (GlossJsonScanner  *self,
                                const char       **name)
{
  char *read;

  *name = NULL;
  if (!next_item (self, '}', N_("expected “,” or “}” after a member")))
    return FALSE;

  if (gloss_json_scanner_peek (self) != '"')
    return fail (self, N_("expected a member name in double quotes"));
  read = gloss_json_scanner_read_string (self);
  if (read == NULL)
    return FALSE;
  *name = keep_name (self, read);

  return expect (self, ':', N_("expected “:” after a member name"));
}

gboolean
gloss_json_scanner_next_element (GlossJsonScanner *self)
{
  return next_item (self, ']', N_("expected “,” or “]” after an item"));
}

static gboolean
append_escape (GlossJsonScanner *self,
               GString          *out)
{
  static const char simple[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
  const char *found;
  gunichar c = 0;

  if (self->p >= self->end)
    return fail (self, N_("the text ends inside a string"));

  found = memchr (simple, *self->p, sizeof simple - 1);
  if (found != NULL && (found - simple) % 2 == 0)
    {
      g_string_append_c (out, found[1]);
      self->p++;
      return TRUE;
    }

  if (*self->p != 'u' || self->end - self->p < 5)
    return fail (self, N_("invalid escape in a string"));

  for (int i = 1; i <= 4; i++)
    {
      if (!g_ascii_isxdigit (self->p[i]))
        return fail (self, N_("invalid \\u escape in a string"));
      c = c * 16 + g_ascii_xdigit_value (self->p[i]);
    }
  self->p += 5;

  /* a surrogate pair: the second half follows as another \u escape */
  if (c >= 0xD800 && c < 0xDC00 && self->end - self->p >= 6 &&
      self->p[0] == '\\' && self->p[1] == 'u')
    {
      gunichar low = 0;

      for (int i = 2; i <= 5 && g_ascii_isxdigit (self->p[i]); i++)
        low = low * 16 + g_ascii_xdigit_value (self->p[i]);
      if (low >= 0xDC00 && low < 0xE000)
        {
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          self->p += 6;
        }
    }
  if (c >= 0xD800 && c < 0xE000)
    return fail (self, N_("unpaired surrogate in a \\u escape"));

  g_string_append_unichar (out, c);
  return TRUE;
}

/**
 * gloss_json_scanner_read_string:
 *
 * Returns: (transfer full) (nullable): the string, %NULL if the next value
 *   is not a string
 */
char *
gloss_json_scanner_read_string (GlossJsonScanner *self)
{
  const char *run;
  GString *out = NULL;

  if (gloss_json_scanner_peek (self) != '"')
    {
      fail (self, N_("expected a string"));
      return NULL;
    }

  run = ++self->p;
  while (self->p < self->end && *self->p != '"')
    {
      if ((guchar) *self->p < 0x20)
        break;
      if (*self->p++ != '\\')
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      g_string_append_len (out, run, self->p - 1 - run);
      if (!append_escape (self, out))
        break;
      run = self->p;
    }

  if (self->p >= self->end || *self->p != '"')
    {
      fail (self, self->p < self->end ? N_("a string holds a raw control character")
                                      : N_("the text ends inside a string"));
      if (out != NULL)
        g_string_free (out, TRUE);
      return NULL;
    }

  self->p++;
  if (out == NULL)
    return g_strndup (run, self->p - 1 - run);

  g_string_append_len (out, run, self->p - 1 - run);
  return g_string_free (out, FALSE);
}

static const char *
number_end (const char *p,
            const char *end,
            gboolean   *integral)
{
  *integral = TRUE;
  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0' && p + 1 < end && g_ascii_isdigit (p[1]))
    return NULL;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  if (p < end && *p == '.')
    {
      *integral = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      *integral = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  return p;
}

/* Reads a number as an integer if it is one and fits, else as a double. */
static gboolean
read_number (GlossJsonScanner *self,
             gboolean         *integral,
             gint64           *int_value,
             double           *double_value)
{
  char buffer[64];
  const char *end = number_end (self->p, self->end, integral);
  char *parsed_end;

  if (end == NULL || end - self->p >= (gssize) sizeof buffer)
    return fail (self, N_("invalid number"));

  memcpy (buffer, self->p, end - self->p);
  buffer[end - self->p] = '\0';

  if (*integral)
    {
      errno = 0;
      *int_value = g_ascii_strtoll (buffer, &parsed_end, 10);
      if (errno != ERANGE)
        {
          self->p = end;
          return TRUE;
        }
      *integral = FALSE;
    }
  *double_value = g_ascii_strtod (buffer, NULL);

  /* JSON has no infinity: a number beyond the range of a double would be
   * kept as one and written back as text no JSON reader accepts. */
  if (isinf (*double_value))
    return fail (self, N_("the number is too large"));

  self->p = end;
  return TRUE;
}

/**
 * gloss_json_scanner_read_int:
 *
 * Returns: %TRUE if the next value was an integer; anything else is left
 *   unread
 */
gboolean
gloss_json_scanner_read_int (GlossJsonScanner *self,
                             gint64           *value)
{
  GlossJsonMark mark = gloss_json_scanner_mark (self);
  char c = gloss_json_scanner_peek (self);
  gboolean integral;
  double ignored;

  if (c != '-' && !g_ascii_isdigit (c))
    return FALSE;
  if (!read_number (self, &integral, value, &ignored))
    return FALSE;
  if (!integral)
    gloss_json_scanner_rewind (self, mark);

  return integral;
}

static gboolean
read_word (GlossJsonScanner *self,
           const char       *word)
{
  gsize length = strlen (word);

  if ((gsize) (self->end - self->p) < length || memcmp (self->p, word, length) != 0)
    return fail (self, N_("expected a value"));

  self->p += length;
  return TRUE;
}

gboolean
gloss_json_scanner_read_boolean (GlossJsonScanner *self,
                                 gboolean         *value)
{
  char c = gloss_json_scanner_peek (self);

  if (c != 't' && c != 'f')
    return FALSE;

  *value = c == 't';
  return read_word (self, *value ? "true" : "false");
}

gboolean
gloss_json_scanner_read_null (GlossJsonScanner *self)
{
  return gloss_json_scanner_peek (self) == 'n' && read_word (self, "null");
}

static JsonNode *
read_object_node (GlossJsonScanner *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  const char *name;

  json_node_take_object (node, object);
  if (!gloss_json_scanner_enter_object (self))
    return node;

  while (gloss_json_scanner_next_member (self, &name))
    {
      JsonNode *value = gloss_json_scanner_read_node (self);

      if (value != NULL)
        json_object_set_member (object, name, value);
    }

  return node;
}

static JsonNode *
read_array_node (GlossJsonScanner *self)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  if (!gloss_json_scanner_enter_array (self))
    return node;

  while (gloss_json_scanner_next_element (self))
    {
      JsonNode *value = gloss_json_scanner_read_node (self);

      if (value != NULL)
        json_array_add_element (array, value);
    }

  return node;
}

static JsonNode *
read_scalar_node (GlossJsonScanner *self,
                  char              c)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  gboolean integral, boolean = FALSE;
  gint64 int_value;
  double double_value;

  if (c == '"')
    {
      g_autofree char *string = gloss_json_scanner_read_string (self);

      if (string != NULL)
        json_node_set_string (node, string);
    }
  else if (c == 't' || c == 'f')
    {
      gloss_json_scanner_read_boolean (self, &boolean);
      json_node_set_boolean (node, boolean);
    }
  else if (read_number (self, &integral, &int_value, &double_value))
    {
      if (integral)
        json_node_set_int (node, int_value);
      else
        json_node_set_double (node, double_value);
    }

  return node;
}

/**
 * gloss_json_scanner_read_node:
 *
 * Returns: (transfer full) (nullable): the next value as a node, %NULL on
 *   error
 */
JsonNode *
gloss_json_scanner_read_node (GlossJsonScanner *self)
{
  char c = gloss_json_scanner_peek (self);
  JsonNode *node;

  if (c == '{')
    node = read_object_node (self);
  else if (c == '[')
    node = read_array_node (self);
  else if (c == 'n')
    node = gloss_json_scanner_read_null (self) ? json_node_new (JSON_NODE_NULL) : NULL;
  else if (c == '"' || c == 't' || c == 'f' || c == '-' || g_ascii_isdigit (c))
    node = read_scalar_node (self, c);
  else
    {
      fail (self, self->p < self->end ? N_("expected a value") : N_("the text ends where a value should be"));
      return NULL;
    }

  if (self->error != NULL)
    g_clear_pointer (&node, json_node_unref);

  return node;
}

static void
skip_string (GlossJsonScanner *self)
{
  for (self->p++; self->p < self->end && *self->p != '"'; self->p++)
    {
      if ((guchar) *self->p < 0x20)
        break;
      if (*self->p == '\\')
        self->p++;
    }

  if (self->p >= self->end || *self->p != '"')
    fail (self, N_("the text ends inside a string"));
  else
    self->p++;
}

/* Skips the next value without building anything. */
void
gloss_json_scanner_skip (GlossJsonScanner *self)
{
  char c = gloss_json_scanner_peek (self);
  gboolean ignored;
  const char *name;

  if (c == '{')
    {
      if (gloss_json_scanner_enter_object (self))
        while (gloss_json_scanner_next_member (self, &name))
          gloss_json_scanner_skip (self);
    }
  else if (c == '[')
    {
      if (gloss_json_scanner_enter_array (self))
        while (gloss_json_scanner_next_element (self))
          gloss_json_scanner_skip (self);
    }
  else if (c == '"')
    skip_string (self);
  else if (c == 't' || c == 'f')
    gloss_json_scanner_read_boolean (self, &ignored);
  else if (c == 'n')
    gloss_json_scanner_read_null (self);
  else
    {
      const char *end = number_end (self->p, self->end, &ignored);

      if (end == NULL)
        fail (self, c == 0 ? N_("the text ends where a value should be") : N_("expected a value"));
      else
        self->p = end;
    }
}

/* Only white space may follow the value read. */
gboolean
gloss_json_scanner_finish (GlossJsonScanner *self)
{
  if (gloss_json_scanner_peek (self) != 0)
    return fail (self, N_("unexpected text after the end of the data"));

  return self->error == NULL;
}

/* Whether @self's text is UTF-8; if not, fails where the first bad byte is. */
static gboolean
check_utf8 (GlossJsonScanner *self)
{
  const char *valid_end;

  if (g_utf8_validate_len (self->p, self->end - self->p, &valid_end))
    return TRUE;

  for (; self->p < valid_end; self->p++)
    if (*self->p == '\n')
      {
        self->line++;
        self->line_start = self->p + 1;
      }
  return fail (self, N_("the text is not valid UTF-8"));
}

/**
 * gloss_json_scanner_parse:
 * @data: JSON text
 * @length: its length in bytes
 * @error: return location for a %GLOSS_CORE_ERROR_PARSE error
 *
 * Reads a whole JSON text into nodes, for JSON from outside in place of
 * json-glib's parser, which in version 1.6 recurses without limit (deep
 * nesting overflows the stack) and turns a lone surrogate escape into a
 * string that is not UTF-8. This one refuses both, and numbers beyond the
 * range of a double, with the line and column.
 *
 * Returns: (transfer full) (nullable): the value, %NULL on error
 */
JsonNode *
gloss_json_scanner_parse (const char  *data,
                          gsize        length,
                          GError     **error)
{
  GlossJsonScanner scanner;
  JsonNode *node = NULL;

  gloss_json_scanner_init (&scanner, data, length);
  if (check_utf8 (&scanner))
    node = gloss_json_scanner_read_node (&scanner);
  if (node != NULL && !gloss_json_scanner_finish (&scanner))
    g_clear_pointer (&node, json_node_unref);

  if (node == NULL)
    g_propagate_error (error, g_steal_pointer (&scanner.error));
  gloss_json_scanner_clear (&scanner);

  return node;
}
