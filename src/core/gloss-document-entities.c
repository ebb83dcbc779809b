/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-document-private.h"
#include "gloss-core-private.h"

static gboolean
check_name (const char  *name,
            const char  *what,
            GError     **error)
{
  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
               _("The name of the %s cannot be empty"), what);
  return FALSE;
}

/**
 * gloss_document_create_entity:
 * @name: its canonical name
 * @label: (nullable): the id of its label
 *
 * Returns: (transfer none) (nullable): the new entity
 */
GlossEntity *
gloss_document_create_entity (GlossDocument  *self,
                              const char     *name,
                              const char     *label,
                              GError        **error)
{
  g_autoptr(GlossEntity) entity = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (!gloss_document_check_writable (self, error) ||
      !check_name (name, _("entity"), error) ||
      !gloss_document_check_label (self, label, error))
    return NULL;

  do
    {
      g_free (id);
      id = gloss_make_id ('e');
    }
  while (gloss_document_lookup_entity (self, id) != NULL);

  entity = gloss_entity_new (id, name, label);
  gloss_document_record_entity (self, entity, TRUE, _("Create entity"));

  return entity;
}

static gboolean
set_entity_property (GlossDocument  *self,
                     GlossEntity    *entity,
                     const char     *property,
                     const char     *value,
                     const char     *label,
                     GError        **error)
{
  GlossPropertyChange *change;

  if (!gloss_document_check_entity (self, entity, error))
    return FALSE;

  change = gloss_property_change_new (self, entity);
  gloss_property_change_set_string (change, property, value);
  gloss_property_change_commit (change, label);

  return TRUE;
}

gboolean
gloss_document_rename_entity (GlossDocument  *self,
                              GlossEntity    *entity,
                              const char     *name,
                              GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  return check_name (name, _("entity"), error) &&
         set_entity_property (self, entity, "name", name, _("Rename entity"), error);
}

gboolean
gloss_document_set_entity_link (GlossDocument  *self,
                                GlossEntity    *entity,
                                const char     *link,
                                GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  return set_entity_property (self, entity, "link", link, _("Change entity link"), error);
}

gboolean
gloss_document_set_entity_note (GlossDocument  *self,
                                GlossEntity    *entity,
                                const char     *note,
                                GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  return set_entity_property (self, entity, "note", note, _("Edit entity note"), error);
}

gboolean
gloss_document_set_entity_aliases (GlossDocument       *self,
                                   GlossEntity         *entity,
                                   const char * const  *aliases,
                                   GError             **error)
{
  GlossPropertyChange *change;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  if (!gloss_document_check_entity (self, entity, error))
    return FALSE;

  change = gloss_property_change_new (self, entity);
  gloss_property_change_set_strv (change, "aliases", aliases);
  gloss_property_change_commit (change, _("Change aliases"));

  return TRUE;
}

static void
relabel_mention (GlossDocument   *self,
                 GlossAnnotation *mention,
                 const char      *entity,
                 const char      *label)
{
  GlossPropertyChange *change = gloss_property_change_new (self, mention);
  g_autofree char *now = gloss_time_now ();

  gloss_property_change_set_string (change, "modified", now);
  gloss_property_change_set_string (change, "entity", entity);
  gloss_property_change_set_string (change, "label", label);
  gloss_property_change_commit (change, NULL);
}

/**
 * gloss_document_set_entity_label:
 * @label: (nullable): the id of the new label
 *
 * Retypes @entity; its mentions take the new label too, in the same step.
 */
gboolean
gloss_document_set_entity_label (GlossDocument  *self,
                                 GlossEntity    *entity,
                                 const char     *label,
                                 GError        **error)
{
  g_autoptr(GPtrArray) mentions = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  if (!gloss_document_check_entity (self, entity, error) ||
      !gloss_document_check_label (self, label, error))
    return FALSE;

  mentions = gloss_document_get_mentions (self, entity);
  gloss_history_begin_group (self->history, _("Change entity type"));
  set_entity_property (self, entity, "label", label, NULL, NULL);
  for (guint i = 0; i < mentions->len; i++)
    relabel_mention (self, g_ptr_array_index (mentions, i), gloss_entity_get_id (entity), label);
  gloss_history_end_group (self->history);

  return TRUE;
}

/* Claims that name the entity as claimant get its id replaced. */
static void
replace_claimant (GlossDocument *self,
                  const char    *old_id,
                  const char    *new_value)
{
  GListModel *model = G_LIST_MODEL (self->annotations);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) claim = g_list_model_get_item (model, i);
      GlossPropertyChange *change;

      if (g_strcmp0 (gloss_annotation_get_claimant (claim), old_id) != 0)
        continue;

      change = gloss_property_change_new (self, claim);
      gloss_property_change_set_string (change, "claimant", new_value);
      gloss_property_change_commit (change, NULL);
    }
}

/**
 * gloss_document_delete_entity:
 *
 * Deletes @entity and its mentions in one step. Claims that named it as
 * claimant keep its name as free text.
 */
gboolean
gloss_document_delete_entity (GlossDocument  *self,
                              GlossEntity    *entity,
                              GError        **error)
{
  g_autoptr(GPtrArray) mentions = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  if (!gloss_document_check_entity (self, entity, error))
    return FALSE;

  mentions = gloss_document_get_mentions (self, entity);
  gloss_history_begin_group (self->history, _("Delete entity"));
  for (guint i = 0; i < mentions->len; i++)
    gloss_document_record_annotation (self, g_ptr_array_index (mentions, i), FALSE, NULL);
  replace_claimant (self, gloss_entity_get_id (entity), gloss_entity_get_name (entity));
  gloss_document_record_entity (self, entity, FALSE, NULL);
  gloss_history_end_group (self->history);

  return TRUE;
}

static void
add_all (GPtrArray          *all,
         const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) strv[i]);
}

/* @into's aliases, then @from's name and aliases, without repeats. */
static char **
merged_aliases (GlossEntity *into,
                GlossEntity *from)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  add_all (all, gloss_entity_get_aliases (into));
  g_ptr_array_add (all, (gpointer) gloss_entity_get_name (from));
  add_all (all, gloss_entity_get_aliases (from));

  for (guint i = 0; i < all->len; i++)
    {
      const char *alias = g_ptr_array_index (all, i);
      gboolean seen = g_strcmp0 (alias, gloss_entity_get_name (into)) == 0;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_strcmp0 (alias, g_ptr_array_index (all, j)) == 0;
      if (!seen)
        g_strv_builder_add (builder, alias);
    }

  return g_strv_builder_end (builder);
}

/**
 * gloss_document_merge_entities:
 * @into: the entity that stays
 * @from: the entity merged into @into, then deleted
 *
 * The mentions of @from become mentions of @into (with its label); the
 * name and aliases of @from become aliases of @into; @into takes @from's
 * link and note if it has none; claims naming @from as claimant name
 * @into. One undoable step.
 */
gboolean
gloss_document_merge_entities (GlossDocument  *self,
                               GlossEntity    *into,
                               GlossEntity    *from,
                               GError        **error)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_auto(GStrv) aliases = NULL;
  GlossPropertyChange *change;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (into) && GLOSS_IS_ENTITY (from), FALSE);

  if (!gloss_document_check_entity (self, into, error) ||
      !gloss_document_check_entity (self, from, error))
    return FALSE;
  if (into == from)
    return TRUE;

  mentions = gloss_document_get_mentions (self, from);
  aliases = merged_aliases (into, from);

  gloss_history_begin_group (self->history, _("Merge entities"));
  for (guint i = 0; i < mentions->len; i++)
    relabel_mention (self, g_ptr_array_index (mentions, i), gloss_entity_get_id (into),
                     gloss_entity_get_label (into));
  replace_claimant (self, gloss_entity_get_id (from), gloss_entity_get_id (into));
  change = gloss_property_change_new (self, into);
  gloss_property_change_set_strv (change, "aliases", (const char * const *) aliases);
  if (gloss_entity_get_link (into) == NULL)
    gloss_property_change_set_string (change, "link", gloss_entity_get_link (from));
  if (gloss_entity_get_note (into) == NULL)
    gloss_property_change_set_string (change, "note", gloss_entity_get_note (from));
  gloss_property_change_commit (change, NULL);
  gloss_document_record_entity (self, from, FALSE, NULL);
  gloss_history_end_group (self->history);

  return TRUE;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || g_unichar_ismark (c);
}

/* Whole word: the occurrence does not continue a word on either side
 * (checked only where the searched text itself begins or ends with a
 * word character). */
static gboolean
is_whole_word (const char *text,
               const char *match,
               gsize       match_len,
               const char *needle)
{
  const char *after = match + match_len;

  if (match > text && is_word_char (g_utf8_get_char (needle)) &&
      is_word_char (g_utf8_get_char (g_utf8_prev_char (match))))
    return FALSE;

  if (*after != '\0' && is_word_char (g_utf8_get_char (g_utf8_prev_char (after))) &&
      is_word_char (g_utf8_get_char (after)))
    return FALSE;

  return TRUE;
}

static gboolean
tags_the_same (GlossAnnotation *annotation,
               const char      *label,
               const char      *entity)
{
  if (gloss_annotation_get_kind (annotation) != GLOSS_ANNOTATION_ENTITY)
    return FALSE;
  if (entity != NULL)
    return g_strcmp0 (gloss_annotation_get_entity (annotation), entity) == 0;

  return gloss_annotation_get_entity (annotation) == NULL &&
         g_strcmp0 (gloss_annotation_get_label (annotation), label) == 0;
}

/* The ranges already tagged as @entity (or @label alone), collected once:
 * a search per occurrence would be slow on long articles. */
static GArray *
tagged_ranges (GlossDocument *self,
               const char    *label,
               const char    *entity)
{
  GListModel *model = G_LIST_MODEL (self->annotations);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, i);
      gint64 range[2] = { gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation) };

      if (tags_the_same (annotation, label, entity) && !gloss_annotation_is_orphaned (annotation))
        g_array_append_val (ranges, range);
    }

  return ranges;
}

static gboolean
overlaps_any (GArray *ranges,
              gint64  start,
              gint64  end)
{
  for (guint i = 0; i < ranges->len; i++)
    {
      gint64 *range = &g_array_index (ranges, gint64, 2 * i);

      if (range[0] < end && start < range[1])
        return TRUE;
    }

  return FALSE;
}

/* Code point ranges of the whole-word occurrences of @needle. */
static GArray *
find_occurrences (GlossDocument *self,
                  const char    *needle)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  gsize needle_len = strlen (needle);
  glong needle_chars = g_utf8_strlen (needle, -1);
  const char *text = gloss_document_get_text (self);
  const char *p = text;
  const char *counted = text;
  gint64 offset = 0;

  while ((p = strstr (p, needle)) != NULL)
    {
      offset += g_utf8_pointer_to_offset (counted, p);
      counted = p;
      if (is_whole_word (text, p, needle_len, needle))
        {
          gint64 range[2] = { offset, offset + needle_chars };

          g_array_append_val (found, range);
          p += needle_len;
        }
      else
        p = g_utf8_next_char (p);
    }

  return found;
}

/**
 * gloss_document_tag_every_occurrence:
 * @text: the text to look for: whole words, case-sensitive
 * @label: (nullable): the label of the new mentions
 * @entity: (nullable): the entity they mention; its label is used when
 *   @label is %NULL
 * @n_added: (out) (optional): how many mentions were added
 *
 * Tags every occurrence of @text in one undoable step, skipping those
 * already tagged with the same entity (or, without an entity, the same
 * label).
 */
gboolean
gloss_document_tag_every_occurrence (GlossDocument  *self,
                                     const char     *text,
                                     const char     *label,
                                     const char     *entity,
                                     guint          *n_added,
                                     GError        **error)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) tagged = NULL;
  guint added = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (label == NULL && gloss_document_lookup_entity (self, entity) != NULL)
    label = gloss_entity_get_label (gloss_document_lookup_entity (self, entity));
  if (!gloss_document_check_writable (self, error) ||
      !gloss_document_check_label (self, label, error) ||
      !gloss_document_check_entity_id (self, entity, error))
    return FALSE;
  if (*text == '\0')
    {
      g_set_error (error, GLOSS_CORE_ERROR, GLOSS_CORE_ERROR_INVALID,
                   _("There is no text to look for"));
      return FALSE;
    }

  /* everything was checked: adding cannot fail from here on */
  found = find_occurrences (self, text);
  tagged = tagged_ranges (self, label, entity);
  gloss_history_begin_group (self->history, _("Tag every occurrence"));
  for (guint i = 0; i < found->len; i++)
    {
      gint64 *range = &g_array_index (found, gint64, 2 * i);

      if (overlaps_any (tagged, range[0], range[1]))
        continue;
      if (gloss_document_add_annotation (self, GLOSS_ANNOTATION_ENTITY, range[0], range[1],
                                         label, entity, NULL) != NULL)
        added++;
    }
  gloss_history_end_group (self->history);

  if (n_added != NULL)
    *n_added = added;

  return TRUE;
}
