/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-core-private.h"

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_TEXT,
  PROP_LENGTH,
  PROP_SOURCE,
  PROP_LABELS,
  PROP_ENTITIES,
  PROP_ANNOTATIONS,
  PROP_HISTORY,
  PROP_AUTHOR,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint gloss_document_signals[GLOSS_DOCUMENT_N_SIGNALS];

static void
gloss_document_dispose (GObject *object)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->annotations);
  g_clear_object (&self->entities);
  g_clear_object (&self->labels);
  g_clear_object (&self->source);
  g_clear_object (&self->text_file);

  G_OBJECT_CLASS (gloss_document_parent_class)->dispose (object);
}

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  g_clear_object (&self->file);
  g_clear_object (&self->sidecar_file);
  g_free (self->sidecar_sha256);
  g_free (self->display_name);
  g_free (self->sha256);
  g_clear_pointer (&self->index, gloss_text_index_unref);
  g_hash_table_unref (self->entity_by_id);
  g_hash_table_unref (self->annotation_by_id);
  g_ptr_array_unref (self->unknown);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self->author);
  g_free (self->read_only_reason);
  g_clear_error (&self->sidecar_error);
  g_ptr_array_unref (self->problems);
  g_clear_pointer (&self->load_report, gloss_anchor_report_free);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, gloss_document_get_display_name (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, gloss_document_get_text (self));
      break;
    case PROP_LENGTH:
      g_value_set_int64 (value, gloss_document_get_length (self));
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_LABELS:
      g_value_set_object (value, self->labels);
      break;
    case PROP_ENTITIES:
      g_value_set_object (value, self->entities);
      break;
    case PROP_ANNOTATIONS:
      g_value_set_object (value, self->annotations);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, self->read_only_reason);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      gloss_document_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_document_dispose;
  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;
  object_class->set_property = gloss_document_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_LENGTH] = g_param_spec_int64 ("length", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, GLOSS_TYPE_SOURCE, flags);
  properties[PROP_LABELS] = g_param_spec_object ("labels", NULL, NULL, GLOSS_TYPE_LABEL_SET, flags);
  properties[PROP_ENTITIES] = g_param_spec_object ("entities", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, GLOSS_TYPE_HISTORY, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_READ_ONLY_REASON] =
    g_param_spec_string ("read-only-reason", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossDocument::annotation-changed:
   * @annotation: the annotation
   *
   * An operation or its undo changed fields of @annotation (its note,
   * label, review, position…). Additions and removals show in the
   * annotations list model instead.
   */
  gloss_document_signals[GLOSS_DOCUMENT_ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
}

static void
gloss_document_history_notify_clean_cb (GlossDocument *self)
{
  gloss_document_update_modified (self);
}

static void
gloss_document_source_notify_cb (GlossDocument *self,
                                 GParamSpec    *pspec)
{
  if (g_str_equal (pspec->name, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  if (!self->updating_source)
    gloss_document_set_dirty (self, TRUE);
}

static void
gloss_document_init (GlossDocument *self)
{
  self->source = gloss_source_new ();
  self->labels = gloss_label_set_new_default ();
  self->entities = g_list_store_new (GLOSS_TYPE_ENTITY);
  self->annotations = g_list_store_new (GLOSS_TYPE_ANNOTATION);
  self->entity_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->annotation_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->unknown = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_problem_free);
  self->load_report = gloss_anchor_report_new ();
  self->history = gloss_history_new ();

  g_signal_connect_object (self->history, "notify::clean",
                           G_CALLBACK (gloss_document_history_notify_clean_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source, "notify",
                           G_CALLBACK (gloss_document_source_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * gloss_document_get_sidecar_file_for:
 * @article: an article file
 *
 * Returns: (transfer full): the file its annotations live in: its full
 *   name plus ".gloss.json", in the same folder
 */
GFile *
gloss_document_get_sidecar_file_for (GFile *article)
{
  g_autofree char *basename = NULL;
  g_autofree char *sidecar_name = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  basename = g_file_get_basename (article);
  sidecar_name = g_strconcat (basename, ".gloss.json", NULL);
  parent = g_file_get_parent (article);

  return parent != NULL ? g_file_get_child (parent, sidecar_name) : g_file_new_for_path (sidecar_name);
}

GlossDocument *
gloss_document_new_for_text_file (GlossTextFile *text_file)
{
  GlossDocument *self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);
  GFile *file = gloss_text_file_get_file (text_file);

  self->text_file = g_object_ref (text_file);
  self->file = g_object_ref (file);
  self->sidecar_file = gloss_document_get_sidecar_file_for (file);
  self->display_name = g_file_get_basename (file);
  self->sha256 = g_strdup (gloss_text_file_get_sha256 (text_file));
  self->index = gloss_text_index_new (gloss_text_file_get_text (text_file), -1);

  self->updating_source = TRUE;
  gloss_source_set_file (self->source, self->display_name);
  gloss_source_set_sha256 (self->source, gloss_document_get_sha256 (self));
  gloss_source_set_length (self->source, gloss_text_index_get_length (self->index));
  self->updating_source = FALSE;

  return self;
}

void
gloss_document_replace_source (GlossDocument *self,
                               GlossSource   *source)
{
  if (self->source == source)
    return;

  g_signal_handlers_disconnect_by_data (self->source, self);
  g_set_object (&self->source, source);
  g_signal_connect_object (self->source, "notify",
                           G_CALLBACK (gloss_document_source_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

GFile *
gloss_document_get_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->file;
}

GFile *
gloss_document_get_sidecar_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->sidecar_file;
}

GlossTextFile *
gloss_document_get_text_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->text_file;
}

/**
 * gloss_document_get_display_name:
 *
 * Returns: the article's title when the source records one, else its
 *   file name
 */
const char *
gloss_document_get_display_name (GlossDocument *self)
{
  const char *title;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  title = gloss_source_get_title (self->source);
  return title != NULL ? title : self->display_name;
}

const char *
gloss_document_get_text (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return gloss_text_index_get_text (self->index);
}

gint64
gloss_document_get_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return gloss_text_index_get_length (self->index);
}

/**
 * gloss_document_get_text_index:
 *
 * Returns: (transfer none): the index of the current text; a new one
 *   replaces it when the text changes
 */
GlossTextIndex *
gloss_document_get_text_index (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->index;
}

const char *
gloss_document_get_sha256 (GlossDocument *self)
{
  if (self->sha256 == NULL)
    self->sha256 = gloss_text_compute_sha256 (gloss_document_get_text (self), -1);

  return self->sha256;
}

/**
 * gloss_document_get_source:
 *
 * Returns: (transfer none): the source record; changing it marks the
 *   document modified (not recorded in the history)
 */
GlossSource *
gloss_document_get_source (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->source;
}

/**
 * gloss_document_get_labels:
 *
 * Returns: (transfer none): the label set; change it through the
 *   document's label operations so that changes can be undone
 */
GlossLabelSet *
gloss_document_get_labels (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->labels;
}

/**
 * gloss_document_get_entities:
 *
 * Returns: (transfer none): a list of #GlossEntity sorted by id
 */
GListModel *
gloss_document_get_entities (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->entities);
}

/**
 * gloss_document_get_annotations:
 *
 * Returns: (transfer none): a list of #GlossAnnotation sorted by start,
 *   end and id
 */
GListModel *
gloss_document_get_annotations (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->annotations);
}

/**
 * gloss_document_get_history:
 *
 * Returns: (transfer none): the undo history, shared with the editor's
 *   own text-edit commands
 */
GlossHistory *
gloss_document_get_history (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->history;
}

const char *
gloss_document_get_author (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->author;
}

/**
 * gloss_document_set_author:
 * @author: (nullable): the name recorded on new annotations and reviews
 */
void
gloss_document_set_author (GlossDocument *self,
                           const char    *author)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (gloss_set_optional_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

gboolean
gloss_document_get_read_only (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  return self->read_only;
}

/**
 * gloss_document_get_read_only_reason:
 *
 * Returns: (nullable): why the document cannot be saved, for people
 */
const char *
gloss_document_get_read_only_reason (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->read_only_reason;
}

void
gloss_document_set_read_only (GlossDocument *self,
                              const char    *reason)
{
  gboolean read_only = reason != NULL;

  if (gloss_set_str (&self->read_only_reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY_REASON]);
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

/**
 * gloss_document_get_sidecar_error:
 *
 * Returns: (nullable): why the sidecar could not be used: it does not
 *   parse (the message gives line and column), breaks the format, cannot
 *   be read, or is of a newer version. The document is then read-only.
 */
const GError *
gloss_document_get_sidecar_error (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->sidecar_error;
}

/**
 * gloss_document_get_modified:
 *
 * Returns: %TRUE if the document differs from the files on disk: an
 *   operation since the last save, a text edit, a changed source record,
 *   or repairs and re-anchoring done while loading
 */
gboolean
gloss_document_get_modified (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

void
gloss_document_update_modified (GlossDocument *self)
{
  gboolean modified = self->dirty || self->text_dirty ||
                      !gloss_history_get_clean (self->history);

  if (modified == self->modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
gloss_document_set_dirty (GlossDocument *self,
                          gboolean       dirty)
{
  self->dirty = dirty;
  gloss_document_update_modified (self);
}

static gboolean
text_differs_from_file (GlossDocument *self)
{
  return g_strcmp0 (gloss_document_get_text (self), gloss_text_file_get_text (self->text_file)) != 0;
}

/* Called when the text changed: the index, the hash and the length follow. */
void
gloss_document_replace_text (GlossDocument *self,
                             const char    *text)
{
  GlossTextIndex *old = self->index;

  /* @text may be the old text itself */
  self->index = gloss_text_index_new (text, -1);
  g_clear_pointer (&old, gloss_text_index_unref);
  g_clear_pointer (&self->sha256, g_free);
  self->text_dirty = text_differs_from_file (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH]);
  gloss_document_update_modified (self);
}

/* The text file holds the text as last saved. */
void
gloss_document_mark_saved (GlossDocument *self,
                           guint64        checkpoint)
{
  self->text_dirty = text_differs_from_file (self);
  self->dirty = FALSE;
  gloss_history_set_clean_at (self->history, checkpoint);
  gloss_document_update_modified (self);
}

/**
 * gloss_document_get_problems:
 *
 * Returns: (transfer none) (element-type GlossProblem): what was wrong
 *   with the sidecar and has been repaired or kept as it was
 */
GPtrArray *
gloss_document_get_problems (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->problems;
}

/**
 * gloss_document_get_load_report:
 *
 * Returns: (transfer none): how the annotations were placed on the text
 *   when the document was loaded
 */
const GlossAnchorReport *
gloss_document_get_load_report (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->load_report;
}

/**
 * gloss_document_get_n_unknown_annotations:
 *
 * Returns: how many annotations are of a kind this version does not know;
 *   they are not in the annotations list and are saved back unchanged
 */
guint
gloss_document_get_n_unknown_annotations (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return self->unknown->len;
}

/**
 * gloss_document_lookup_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation with @id
 */
GlossAnnotation *
gloss_document_lookup_annotation (GlossDocument *self,
                                  const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->annotation_by_id, id) : NULL;
}

/**
 * gloss_document_lookup_entity:
 *
 * Returns: (transfer none) (nullable): the entity with @id
 */
GlossEntity *
gloss_document_lookup_entity (GlossDocument *self,
                              const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->entity_by_id, id) : NULL;
}
