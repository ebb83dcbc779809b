/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A pull parser over JSON text in memory, for reading sidecars without
 * building a tree of the whole file. Values the reader does not know are
 * read into JsonNodes. The first syntax error stops it; its message gives
 * the line and column. */
typedef struct
{
  const char *p;
  const char *end;
  const char *line_start;
  guint       line;
  guint       depth;
  gboolean    fresh;
  GPtrArray  *names;
  GError     *error;
} GlossJsonScanner;

typedef struct
{
  const char *p;
  const char *line_start;
  guint       line;
} GlossJsonMark;

void      gloss_json_scanner_init          (GlossJsonScanner *self,
                                            const char       *data,
                                            gsize             length);
void      gloss_json_scanner_clear         (GlossJsonScanner *self);
gboolean  gloss_json_scanner_failed        (GlossJsonScanner *self);
char      gloss_json_scanner_peek          (GlossJsonScanner *self);
GlossJsonMark gloss_json_scanner_mark      (GlossJsonScanner *self);
void      gloss_json_scanner_rewind        (GlossJsonScanner *self,
                                            GlossJsonMark     mark);
gboolean  gloss_json_scanner_enter_object  (GlossJsonScanner *self);
gboolean  gloss_json_scanner_next_member   (GlossJsonScanner *self,
                                            const char      **name);
gboolean  gloss_json_scanner_enter_array   (GlossJsonScanner *self);
gboolean  gloss_json_scanner_next_element  (GlossJsonScanner *self);
char     *gloss_json_scanner_read_string   (GlossJsonScanner *self);
gboolean  gloss_json_scanner_read_int      (GlossJsonScanner *self,
                                            gint64           *value);
gboolean  gloss_json_scanner_read_boolean  (GlossJsonScanner *self,
                                            gboolean         *value);
gboolean  gloss_json_scanner_read_null     (GlossJsonScanner *self);
JsonNode *gloss_json_scanner_read_node     (GlossJsonScanner *self);
void      gloss_json_scanner_skip          (GlossJsonScanner *self);
gboolean  gloss_json_scanner_finish        (GlossJsonScanner *self);

JsonNode *gloss_json_scanner_parse         (const char       *data,
                                            gsize             length,
                                            GError          **error);

G_END_DECLS
