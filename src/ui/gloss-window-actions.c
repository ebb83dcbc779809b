/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

static gboolean
gloss_window_get_trimmed_selection (GlossWindow *self,
                                    gint64      *start,
                                    gint64      *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter_start, iter_end;

  if (self->buffer == NULL ||
      !gtk_text_buffer_get_selection_bounds (buffer, &iter_start, &iter_end))
    return FALSE;

  /* A double-click or a drag often takes a space or a newline with it. */
  while (gtk_text_iter_compare (&iter_start, &iter_end) < 0 &&
         g_unichar_isspace (gtk_text_iter_get_char (&iter_start)))
    gtk_text_iter_forward_char (&iter_start);
  while (gtk_text_iter_compare (&iter_start, &iter_end) < 0)
    {
      GtkTextIter last = iter_end;

      gtk_text_iter_backward_char (&last);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&last)))
        break;
      iter_end = last;
    }

  *start = gtk_text_iter_get_offset (&iter_start);
  *end = gtk_text_iter_get_offset (&iter_end);
  return *start < *end;
}

static gboolean
gloss_window_require_selection (GlossWindow *self,
                                gint64      *start,
                                gint64      *end)
{
  gloss_document_buffer_sync (self->buffer);

  /* The popover's actions act on the text it was opened on. */
  if (gloss_window_get_popover_range (self, start, end) ||
      gloss_window_get_trimmed_selection (self, start, end))
    return TRUE;

  gloss_window_show_toast (self, _("Select the text to annotate first"));
  return FALSE;
}

/* An entity is a name of one type: "Washington" the person and the
 * place are two entities. */
static GlossEntity *
gloss_window_find_entity_named (GlossWindow *self,
                                const char  *name,
                                const char  *label_id)
{
  GListModel *entities = gloss_document_get_entities (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (entities, i);

      if (g_strcmp0 (gloss_entity_get_label (entity), label_id) == 0 &&
          (g_str_equal (gloss_entity_get_name (entity), name) || gloss_entity_has_alias (entity, name)))
        return entity;
    }

  return NULL;
}

/* The entity mention on exactly @start to @end, if there is one. */
static GlossAnnotation *
gloss_window_find_mention (GlossWindow *self,
                           gint64       start,
                           gint64       end)
{
  g_autoptr(GPtrArray) found = gloss_document_find_annotations (self->document, start, end);

  for (guint i = 0; i < found->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (found, i);

      if (gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_ENTITY &&
          gloss_annotation_get_start (annotation) == start && gloss_annotation_get_end (annotation) == end)
        return annotation;
    }

  return NULL;
}

static gboolean
gloss_window_is_claimant (GlossWindow *self,
                          const char  *entity_id)
{
  GListModel *annotations = gloss_document_get_annotations (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_strcmp0 (gloss_annotation_get_claimant (annotation), entity_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* An entity a retyped mention leaves without mentions (and not named as
 * any claim's claimant) goes with it, rather than linger empty. */
static void
gloss_window_drop_if_unused (GlossWindow *self,
                             const char  *entity_id)
{
  GlossEntity *entity = entity_id != NULL ? gloss_document_lookup_entity (self->document, entity_id) : NULL;
  g_autoptr(GPtrArray) mentions = NULL;

  if (entity == NULL || gloss_window_is_claimant (self, entity_id))
    return;
  mentions = gloss_document_get_mentions (self->document, entity);
  if (mentions->len == 0)
    gloss_document_delete_entity (self->document, entity, NULL);
}

/* Links @mention, or a new mention of @start to @end, to @entity. */
static GlossAnnotation *
gloss_window_link_mention (GlossWindow      *self,
                           GlossAnnotation  *mention,
                           GlossEntity      *entity,
                           gint64            start,
                           gint64            end,
                           GError          **error)
{
  const char *label_id = gloss_entity_get_label (entity);
  g_autofree char *old_entity_id = NULL;

  if (mention == NULL)
    return gloss_document_add_annotation (self->document, GLOSS_ANNOTATION_ENTITY, start, end,
                                          label_id, gloss_entity_get_id (entity), error);

  old_entity_id = g_strdup (gloss_annotation_get_entity (mention));
  if (!gloss_document_set_annotation_label (self->document, mention, label_id, error) ||
      !gloss_document_set_annotation_entity (self->document, mention, gloss_entity_get_id (entity), error))
    return NULL;
  gloss_window_drop_if_unused (self, old_entity_id);
  return mention;
}

/* The entity a new mention links to: the one named in the tag popover
 * when it is open, else the one the selected text names. */
static char *
gloss_window_dup_entity_name (GlossWindow *self,
                              gint64       start,
                              gint64       end)
{
  GlossTextIndex *index = gloss_document_get_text_index (self->document);
  const char *typed = gloss_tag_popover_get_entity_name (self->tag_popover);

  if (gtk_widget_get_visible (GTK_WIDGET (self->tag_popover)) && typed != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (typed));

      if (*name != '\0')
        return g_steal_pointer (&name);
    }

  return gloss_text_index_dup_slice (index, start, end);
}

static GlossAnnotation *
gloss_window_tag_range (GlossWindow  *self,
                        GlossLabel   *label,
                        gint64        start,
                        gint64        end,
                        GError      **error)
{
  GlossHistory *history = gloss_document_get_history (self->document);
  const char *label_id = gloss_label_get_id (label);
  g_autofree char *text = gloss_window_dup_entity_name (self, start, end);
  g_autofree char *step = g_strdup_printf (_("Tag as %s"), gloss_label_get_display_name (label));
  GlossEntity *entity = gloss_window_find_entity_named (self, text, label_id);
  GlossAnnotation *mention = gloss_window_find_mention (self, start, end);
  GlossAnnotation *annotation = NULL;

  /* Tagging a mention again gives it the new type, rather than a second
   * mention on the same words. */
  if (mention != NULL && g_strcmp0 (gloss_annotation_get_label (mention), label_id) == 0 &&
      (entity == NULL || g_strcmp0 (gloss_annotation_get_entity (mention), gloss_entity_get_id (entity)) == 0))
    return mention;

  /* Mentions of one entity are grouped under it: a known name or alias
   * links to its entity, a new one creates it. */
  gloss_history_begin_group (history, step);
  if (entity == NULL)
    entity = gloss_document_create_entity (self->document, text, label_id, error);
  if (entity != NULL)
    annotation = gloss_window_link_mention (self, mention, entity, start, end, error);
  gloss_history_end_group (history);

  return annotation;
}

static void
gloss_window_tag_label_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  GlossLabel *label;
  gint64 start, end;

  if (position == 0 || position > g_list_model_get_n_items (G_LIST_MODEL (labels)))
    return;
  if (!gloss_window_require_selection (self, &start, &end))
    return;

  label = gloss_label_set_get_label (labels, position - 1);
  if (gloss_window_tag_range (self, label, start, end, &error) == NULL)
    gloss_window_show_error (self, _("Could Not Tag"), error->message);
  gtk_popover_popdown (GTK_POPOVER (self->tag_popover));
}

static void
gloss_window_mark_claim (GlossWindow *self,
                         gboolean     whole_sentences)
{
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  if (!gloss_window_require_selection (self, &start, &end))
    return;

  if (whole_sentences)
    gloss_document_expand_to_sentence (self->document, &start, &end);

  if (gloss_document_add_annotation (self->document, GLOSS_ANNOTATION_CLAIM, start, end,
                                     NULL, NULL, &error) == NULL)
    gloss_window_show_error (self, _("Could Not Mark the Claim"), error->message);
  gtk_popover_popdown (GTK_POPOVER (self->tag_popover));
}

static void
gloss_window_mark_claim_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  gloss_window_mark_claim (GLOSS_WINDOW (widget), g_str_equal (action_name, "win.mark-claim-sentence"));
}

static gboolean
claim_needs_review (GlossAnnotation *annotation)
{
  GlossClaimStatus status = gloss_annotation_get_status (annotation);

  return gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_CLAIM &&
         !gloss_annotation_is_orphaned (annotation) &&
         (status == GLOSS_CLAIM_UNREVIEWED || status == GLOSS_CLAIM_IN_REVIEW);
}

/* The claim still to review after (or before) the cursor, wrapping
 * around the article. */
static GlossAnnotation *
gloss_window_find_claim_to_review (GlossWindow *self,
                                   gboolean     backward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GListModel *annotations = gloss_document_get_annotations (self->document);
  guint n = g_list_model_get_n_items (annotations);
  GtkTextIter cursor;
  gint64 offset;

  gloss_document_buffer_sync (self->buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GlossAnnotation) claim = g_list_model_get_item (annotations, backward ? n - 1 - i : i);
        gint64 start = gloss_annotation_get_start (claim);
        gboolean beyond = backward ? start < offset : start > offset;

        if (claim_needs_review (claim) && (beyond || pass == 1))
          return claim;
      }

  return NULL;
}

static void
gloss_window_next_claim_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *claim;

  claim = gloss_window_find_claim_to_review (self, g_str_equal (action_name, "win.previous-claim"));
  if (claim == NULL)
    {
      gloss_window_show_toast (self, _("Every claim has been reviewed"));
      return;
    }

  gloss_window_select_annotation (self, claim);
  gloss_side_panel_select_annotation (self->side_panel, claim);
}

/* The claim at the cursor, or the one F8 went to, edited by keyboard. */
static void
gloss_window_review_claim_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GPtrArray) found = NULL;
  GtkTextIter iter;

  gloss_document_buffer_sync (self->buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  found = gloss_document_buffer_annotations_at (self->buffer, &iter);
  for (guint i = 0; i < found->len; i++)
    if (gloss_annotation_get_kind (g_ptr_array_index (found, i)) == GLOSS_ANNOTATION_CLAIM)
      {
        adw_flap_set_reveal_flap (self->flap, TRUE);
        gloss_side_panel_edit_claim (self->side_panel, g_ptr_array_index (found, i));
        return;
      }

  gloss_window_show_toast (self, _("There is no claim here: press F8 to go to the next one"));
}

static void
gloss_window_show_tag_popover_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gint64 start, end;

  if (gloss_window_require_selection (self, &start, &end))
    gloss_window_show_tag_popover (self, start, end);
}

static GlossAnnotation *
gloss_window_entity_at_cursor (GlossWindow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GPtrArray) found = NULL;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  found = gloss_document_buffer_annotations_at (self->buffer, &iter);
  for (guint i = 0; i < found->len; i++)
    if (gloss_annotation_get_kind (g_ptr_array_index (found, i)) == GLOSS_ANNOTATION_ENTITY)
      return g_ptr_array_index (found, i);

  return NULL;
}

static void
gloss_window_tag_every_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GlossAnnotation *mention;
  guint n_added = 0;

  gloss_document_buffer_sync (self->buffer);
  mention = gloss_window_entity_at_cursor (self);
  if (mention == NULL)
    {
      gloss_window_show_toast (self, _("Tag one mention first, then tag every occurrence of it"));
      return;
    }

  if (!gloss_document_tag_every_occurrence (self->document, gloss_annotation_get_quote (mention),
                                            gloss_annotation_get_label (mention),
                                            gloss_annotation_get_entity (mention),
                                            &n_added, &error))
    {
      gloss_window_show_error (self, _("Could Not Tag"), error->message);
      return;
    }

  message = g_strdup_printf (ngettext ("Tagged %u more occurrence", "Tagged %u more occurrences", n_added),
                             n_added);
  gloss_window_show_toast (self, message);
}

static void
gloss_window_note_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               GlossWindow      *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 start = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "start"));
  gint64 end = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "end"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add"))
    return;

  if (!gloss_window_add_note (self, start, end, gtk_editable_get_text (entry), &error))
    gloss_window_show_error (self, _("Could Not Add the Note"), error->message);
}

/**
 * gloss_window_add_note:
 *
 * Adds a note with @text on the text from @start to @end, as one step.
 */
gboolean
gloss_window_add_note (GlossWindow  *self,
                       gint64        start,
                       gint64        end,
                       const char   *text,
                       GError      **error)
{
  GlossHistory *history = gloss_document_get_history (self->document);
  GlossAnnotation *note;
  gboolean ok;

  gloss_history_begin_group (history, _("Add Note"));
  note = gloss_document_add_annotation (self->document, GLOSS_ANNOTATION_NOTE, start, end, NULL, NULL, error);
  ok = note != NULL && gloss_document_set_annotation_note (self->document, note, text, error);
  gloss_history_end_group (history);

  return ok;
}

static void
gloss_window_add_note_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 start, end;

  if (!gloss_window_require_selection (self, &start, &end))
    return;

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Add Note"),
                                                       _("What should readers of this passage know?")));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "start", GSIZE_TO_POINTER (start));
  g_object_set_data (G_OBJECT (dialog), "end", GSIZE_TO_POINTER (end));
  g_signal_connect_object (dialog, "response", G_CALLBACK (gloss_window_note_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
gloss_window_remove_annotation_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  gloss_document_buffer_sync (self->buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  found = gloss_document_buffer_annotations_at (self->buffer, &iter);
  if (found->len == 0)
    {
      gloss_window_show_toast (self, _("There is no annotation here"));
      return;
    }

  if (!gloss_document_remove_annotation (self->document, g_ptr_array_index (found, 0), &error))
    gloss_window_show_error (self, _("Could Not Remove the Annotation"), error->message);
}

static void
gloss_window_history_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossHistory *history = gloss_document_get_history (self->document);

  gloss_document_buffer_sync (self->buffer);
  if (g_str_equal (action_name, "win.undo"))
    gloss_history_undo (history);
  else
    gloss_history_redo (history);
  gloss_document_buffer_sync (self->buffer);
}

static void
gloss_window_open_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gloss_window_choose_file (GLOSS_WINDOW (widget));
}

static void
gloss_window_open_url_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  gloss_window_ask_url (GLOSS_WINDOW (widget));
}

static void
gloss_window_cancel_loading_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  /* The cancelled work's callbacks leave the widgets alone, since they
   * also run for a window that is closing: put the page back here. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->loading_file);
  self->fetching = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, self->document != NULL ? "article" : "empty");
  gloss_window_update_actions (self);
}

static void
gloss_window_export_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gloss_window_ask_export (GLOSS_WINDOW (widget));
}

static void
gloss_window_import_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gloss_window_ask_import (GLOSS_WINDOW (widget));
}

static void
gloss_window_save_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gloss_window_save (GLOSS_WINDOW (widget));
}

static void
gloss_window_reload_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gloss_window_reload (GLOSS_WINDOW (widget));
}

static void
gloss_window_find_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
gloss_window_toggle_panel_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
gloss_window_search_next (GlossWindow *self,
                          gboolean     backward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter from, start, end;
  gboolean found;

  if (self->search_context == NULL)
    return;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  from = backward ? start : end;
  found = backward
    ? gtk_source_search_context_backward (self->search_context, &from, &start, &end, NULL)
    : gtk_source_search_context_forward (self->search_context, &from, &start, &end, NULL);
  if (!found)
    return;

  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->article_view),
                                gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
}

static void
gloss_window_search_changed_cb (GlossWindow    *self,
                                GtkSearchEntry *entry)
{
  GtkSourceSearchSettings *settings;

  if (self->search_context == NULL)
    return;

  settings = gtk_source_search_context_get_settings (self->search_context);
  gtk_source_search_settings_set_search_text (settings, gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_source_search_settings_set_wrap_around (settings, TRUE);
  gloss_window_search_next (self, FALSE);
}

static void
gloss_window_search_activate_cb (GlossWindow *self)
{
  gloss_window_search_next (self, FALSE);
}

static void
gloss_window_search_previous_cb (GlossWindow *self)
{
  gloss_window_search_next (self, TRUE);
}

/* Escape leaves the match selected, ready to be tagged by key. */
static void
gloss_window_search_stop_cb (GlossWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

void
gloss_window_setup_search (GlossWindow *self)
{
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (gloss_window_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (gloss_window_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (gloss_window_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (gloss_window_search_previous_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (gloss_window_search_stop_cb), self, G_CONNECT_SWAPPED);
}

/**
 * gloss_window_update_actions:
 *
 * The one place that decides which window actions can be used now.
 */
void
gloss_window_update_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = self->document != NULL;
  gboolean writable = open && !gloss_document_get_read_only (self->document);
  GlossHistory *history = open ? gloss_document_get_history (self->document) : NULL;

  gtk_widget_action_set_enabled (widget, "win.save", writable && !self->saving && !self->reloading);
  gtk_widget_action_set_enabled (widget, "win.export", open);
  gtk_widget_action_set_enabled (widget, "win.import", writable);
  gtk_widget_action_set_enabled (widget, "win.undo", history != NULL && gloss_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", history != NULL && gloss_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.tag-label", writable);
  gtk_widget_action_set_enabled (widget, "win.tag-every", writable);
  gtk_widget_action_set_enabled (widget, "win.add-note", writable);
  gtk_widget_action_set_enabled (widget, "win.mark-claim", writable);
  gtk_widget_action_set_enabled (widget, "win.next-claim", open);
  gtk_widget_action_set_enabled (widget, "win.review-claim", writable);
  gtk_widget_action_set_enabled (widget, "win.previous-claim", open);
  gtk_widget_action_set_enabled (widget, "win.mark-claim-sentence", writable);
  gtk_widget_action_set_enabled (widget, "win.show-tag-popover", open);
  gtk_widget_action_set_enabled (widget, "win.remove-annotation", writable);
  gtk_widget_action_set_enabled (widget, "win.find", open);
  gtk_widget_action_set_enabled (widget, "win.reload", open && !self->saving && !self->reloading);
  gtk_widget_action_set_enabled (widget, "win.toggle-panel", open);
}

static void
add_label_key_bindings (GtkWidgetClass *widget_class)
{
  for (guint i = 1; i <= 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "win.tag-label", "u", i);
}

void
gloss_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, gloss_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-url", NULL, gloss_window_open_url_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", gloss_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL,
                                   gloss_window_cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, gloss_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, gloss_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, gloss_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, gloss_window_history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, gloss_window_history_action);
  gtk_widget_class_install_action (widget_class, "win.tag-label", "u", gloss_window_tag_label_action);
  gtk_widget_class_install_action (widget_class, "win.tag-every", NULL, gloss_window_tag_every_action);
  gtk_widget_class_install_action (widget_class, "win.add-note", NULL, gloss_window_add_note_action);
  gtk_widget_class_install_action (widget_class, "win.mark-claim", NULL, gloss_window_mark_claim_action);
  gtk_widget_class_install_action (widget_class, "win.mark-claim-sentence", NULL,
                                   gloss_window_mark_claim_action);
  gtk_widget_class_install_action (widget_class, "win.next-claim", NULL, gloss_window_next_claim_action);
  gtk_widget_class_install_action (widget_class, "win.review-claim", NULL, gloss_window_review_claim_action);
  gtk_widget_class_install_action (widget_class, "win.previous-claim", NULL, gloss_window_next_claim_action);
  gtk_widget_class_install_action (widget_class, "win.show-tag-popover", NULL,
                                   gloss_window_show_tag_popover_action);
  gtk_widget_class_install_action (widget_class, "win.remove-annotation", NULL,
                                   gloss_window_remove_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, gloss_window_find_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, gloss_window_reload_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, gloss_window_toggle_panel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-url", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.tag-every", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.mark-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.mark-claim-sentence", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_ALT_MASK,
                                       "win.remove-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.next-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.review-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "win.previous-claim", NULL);
  add_label_key_bindings (widget_class);
}

static GMenu *
create_label_menu (GListModel *labels)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gloss_label_get_display_name (label), NULL);

      g_menu_item_set_action_and_target_value (item, "win.tag-label", g_variant_new_uint32 (i + 1));
      g_menu_append_item (menu, item);
    }

  return menu;
}

/**
 * gloss_window_update_context_menu:
 *
 * Adds the annotation commands, with one entry per entity type, to the
 * article's context menu, so the mouse and the Menu key reach them.
 */
void
gloss_window_update_context_menu (GlossWindow *self)
{
  GListModel *labels = G_LIST_MODEL (gloss_document_get_labels (self->document));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) label_menu = create_label_menu (labels);

  g_menu_append_submenu (section, _("_Tag As"), G_MENU_MODEL (label_menu));
  g_menu_append (section, _("Tag _Every Occurrence"), "win.tag-every");
  g_menu_append (section, _("Mark as _Claim"), "win.mark-claim");
  g_menu_append (section, _("Mark _Sentences as Claim"), "win.mark-claim-sentence");
  g_menu_append (section, _("Add _Note…"), "win.add-note");
  g_menu_append (section, _("_Remove Annotation"), "win.remove-annotation");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->article_view), G_MENU_MODEL (menu));
}

/**
 * gloss_window_add_capture_shortcuts:
 *
 * The article view takes Ctrl+Return as a new line before bindings of
 * the window see it, so the annotation popover's key is caught on the
 * way down instead.
 */
void
gloss_window_add_capture_shortcuts (GlossWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                               gtk_named_action_new ("win.show-tag-popover"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
