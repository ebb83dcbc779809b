/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-claim-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-claim-editor.h"

/**
 * GlossClaimEditor:
 *
 * Edits the review of one claim in place: its status, verdict, claimant,
 * note and sources, with who reviewed it and when shown read-only.
 *
 * Every change goes through the document's undoable operations, and the
 * editor follows the claim's notifications, so an undo made elsewhere
 * shows at once. While it shows the model it ignores its own widgets'
 * signals: nothing it shows comes back as an edit.
 *
 * The claimant is saved when its entry is activated or left, the note
 * when it is left or after a pause in typing; the saves of one stretch
 * of typing make one undo step. gloss_claim_editor_commit() saves both
 * at once, for a caller about to save the document.
 */

#define NOTE_PAUSE_MS 800

struct _GlossClaimEditor
{
  AdwBin            parent_instance;

  GlossDocument    *document;
  GlossAnnotation  *claim;
  GSignalGroup     *claim_signals;
  GSignalGroup     *claimant_signals;
  GSignalGroup     *annotations_signals;
  GtkStringList    *sources;
  GtkListStore     *names;
  guint             syncing;
  gboolean          claimant_dirty;
  gboolean          note_dirty;
  guint             note_timeout_id;
  guint64           note_checkpoint;
  guint             presence_idle_id;

  GtkLabel         *quote_label;
  GtkWidget        *fields_box;
  AdwComboRow      *status_row;
  GtkStringList    *status_names;
  AdwComboRow      *verdict_row;
  GtkStringList    *verdict_names;
  GtkEntry         *claimant_entry;
  GtkTextView      *note_view;
  GtkListBox       *source_list;
  AdwEntryRow      *source_entry;
};

G_DEFINE_FINAL_TYPE (GlossClaimEditor, gloss_claim_editor, ADW_TYPE_BIN)

enum {
  EDIT_FAILED,
  N_SIGNALS
};

enum {
  NAME_COLUMN,
  ENTITY_COLUMN,
};

static guint signals[N_SIGNALS];

static void gloss_claim_editor_sync (GlossClaimEditor *self);

/* The claim is still in its document and the document may change. */
static gboolean
is_writable (GlossClaimEditor *self)
{
  return self->claim != NULL &&
         !gloss_document_get_read_only (self->document) &&
         gloss_document_lookup_annotation (self->document,
                                           gloss_annotation_get_id (self->claim)) == self->claim;
}

/* A change the document refused: the embedder tells the user, and the
 * widgets show the claim as it is. */
static void
check (GlossClaimEditor *self,
       gboolean          done,
       const GError     *error)
{
  if (done)
    return;

  g_signal_emit (self, signals[EDIT_FAILED], 0, error);
  gloss_claim_editor_sync (self);
}

static char *
get_note_text (GlossClaimEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "Reviewed by Ana Ruiz on 18 May 2026", or NULL before any review. */
static char *
describe_review (GlossAnnotation *claim)
{
  const char *reviewer = gloss_annotation_get_reviewer (claim);
  g_autofree char *date = gloss_annotation_dup_review_day (claim);

  if (reviewer != NULL && date != NULL)
    /* Translators: who reviewed a claim, and on which day */
    return g_strdup_printf (_("Reviewed by %s on %s"), reviewer, date);
  if (reviewer != NULL)
    return g_strdup_printf (_("Reviewed by %s"), reviewer);
  if (date != NULL)
    return g_strdup_printf (_("Reviewed on %s"), date);

  return NULL;
}

/* The id of the entity named @text, ignoring case; a name wins over
 * another entity's alias. */
static const char *
find_entity_named (GlossDocument *document,
                   const char    *text)
{
  GListModel *entities = gloss_document_get_entities (document);
  g_autofree char *key = g_utf8_casefold (text, -1);
  const char *by_alias = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = gloss_entity_get_aliases (entity);
      g_autofree char *name = g_utf8_casefold (gloss_entity_get_name (entity), -1);

      if (g_str_equal (name, key))
        return gloss_entity_get_id (entity);

      for (guint j = 0; by_alias == NULL && aliases != NULL && aliases[j] != NULL; j++)
        {
          g_autofree char *alias = g_utf8_casefold (aliases[j], -1);

          if (g_str_equal (alias, key))
            by_alias = gloss_entity_get_id (entity);
        }
    }

  return by_alias;
}

/* Showing the model. Callers hold self->syncing. */

static void
sync_quote (GlossClaimEditor *self)
{
  g_autofree char *quote = NULL;
  g_autofree char *quoted = NULL;

  if (self->claim == NULL)
    {
      gtk_label_set_label (self->quote_label, _("No claim selected"));
      gtk_widget_add_css_class (GTK_WIDGET (self->quote_label), "dim-label");
      return;
    }

  quote = g_strdup (gloss_annotation_get_quote (self->claim));
  g_strdelimit (quote, "\n\r\t", ' ');
  /* Translators: a passage quoted from the article */
  quoted = g_strdup_printf (_("“%s”"), g_strstrip (quote));
  gtk_label_set_label (self->quote_label, quoted);
  gtk_widget_remove_css_class (GTK_WIDGET (self->quote_label), "dim-label");
}

static void
sync_status (GlossClaimEditor *self)
{
  g_autofree char *review = self->claim != NULL ? describe_review (self->claim) : NULL;

  adw_combo_row_set_selected (self->status_row,
                              self->claim != NULL ? gloss_annotation_get_status (self->claim)
                                                  : GLOSS_CLAIM_UNREVIEWED);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), review != NULL ? review : "");
}

static void
sync_verdict (GlossClaimEditor *self)
{
  adw_combo_row_set_selected (self->verdict_row,
                              self->claim != NULL ? gloss_annotation_get_verdict (self->claim)
                                                  : GLOSS_VERDICT_NONE);
}

static void
sync_claimant (GlossClaimEditor *self)
{
  const char *claimant = self->claim != NULL ? gloss_annotation_get_claimant (self->claim) : NULL;
  GlossEntity *entity = claimant != NULL ? gloss_document_lookup_entity (self->document, claimant)
                                         : NULL;
  const char *shown = entity != NULL ? gloss_entity_get_name (entity) : claimant;
  GtkEditable *editable = GTK_EDITABLE (self->claimant_entry);
  GtkEditable *text = gtk_editable_get_delegate (editable);
  GtkEntryCompletion *completion = gtk_entry_get_completion (self->claimant_entry);

  g_signal_group_set_target (self->claimant_signals, entity);
  self->claimant_dirty = FALSE;
  if (g_strcmp0 (gtk_editable_get_text (editable), shown != NULL ? shown : "") == 0)
    return;

  /* Text set here is no typing to complete: the completion listens to
   * the entry's text field. */
  g_signal_handlers_block_matched (text, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, completion);
  gtk_editable_set_text (editable, shown != NULL ? shown : "");
  g_signal_handlers_unblock_matched (text, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, completion);
}

static void
sync_note (GlossClaimEditor *self)
{
  const char *note = self->claim != NULL ? gloss_annotation_get_note (self->claim) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *shown = get_note_text (self);

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  self->note_dirty = FALSE;
  if (g_strcmp0 (shown, note != NULL ? note : "") == 0)
    return;

  /* The buffer's own undo must not step back past the model. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

static void
sync_sources (GlossClaimEditor *self)
{
  const char * const *sources = self->claim != NULL ? gloss_annotation_get_sources (self->claim)
                                                    : NULL;

  gtk_string_list_splice (self->sources, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sources)),
                          sources);
  gtk_widget_set_visible (GTK_WIDGET (self->source_list), sources != NULL && sources[0] != NULL);
}

static void
sync_add_action (GlossClaimEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->source_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim-editor.add-source",
                                 is_writable (self) && *stripped != '\0');
}

static void
sync_sensitivity (GlossClaimEditor *self)
{
  gboolean writable = is_writable (self);

  gtk_widget_set_sensitive (self->fields_box, self->claim != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->verdict_row), writable);
  gtk_editable_set_editable (GTK_EDITABLE (self->claimant_entry), writable);
  gtk_text_view_set_editable (self->note_view, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_entry), writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim-editor.remove-source", writable);
  sync_add_action (self);
}

static void
gloss_claim_editor_sync (GlossClaimEditor *self)
{
  self->syncing++;
  sync_quote (self);
  sync_status (self);
  sync_verdict (self);
  sync_claimant (self);
  sync_note (self);
  sync_sources (self);
  sync_sensitivity (self);
  self->syncing--;
}

static void
gloss_claim_editor_claim_notify_cb (GlossClaimEditor *self,
                                    GParamSpec       *pspec)
{
  const char *name = pspec->name;

  if (self->syncing > 0)
    return;

  self->syncing++;
  if (g_str_equal (name, "quote"))
    sync_quote (self);
  else if (g_str_equal (name, "status") || g_str_equal (name, "reviewer") ||
           g_str_equal (name, "reviewed"))
    sync_status (self);
  else if (g_str_equal (name, "verdict"))
    sync_verdict (self);
  else if (g_str_equal (name, "claimant"))
    sync_claimant (self);
  else if (g_str_equal (name, "note"))
    sync_note (self);
  else if (g_str_equal (name, "sources"))
    sync_sources (self);
  self->syncing--;
}

static void
gloss_claim_editor_claimant_notify_name_cb (GlossClaimEditor *self)
{
  if (self->claimant_dirty)
    return;

  self->syncing++;
  sync_claimant (self);
  self->syncing--;
}

static gboolean
gloss_claim_editor_presence_idle_cb (gpointer data)
{
  GlossClaimEditor *self = data;

  self->presence_idle_id = 0;
  if (self->claim != NULL &&
      gloss_document_lookup_annotation (self->document,
                                        gloss_annotation_get_id (self->claim)) != self->claim)
    gloss_claim_editor_set_claim (self, self->document, NULL);

  return G_SOURCE_REMOVE;
}

/* A claim moving in the list is taken out and put back: whether it was
 * removed is only known once the change is over. */
static void
gloss_claim_editor_annotations_changed_cb (GlossClaimEditor *self,
                                           guint             position,
                                           guint             removed)
{
  if (removed > 0 && self->claim != NULL && self->presence_idle_id == 0)
    self->presence_idle_id = g_idle_add (gloss_claim_editor_presence_idle_cb, self);
}

/* Editing */

/* The status and verdict lists are in the order of their enums. */
static void
gloss_claim_editor_row_notify_selected_cb (GlossClaimEditor *self,
                                           GParamSpec       *pspec,
                                           AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->syncing > 0 || !is_writable (self) || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->status_row)
    done = gloss_document_set_claim_status (self->document, self->claim, selected, &error);
  else
    done = gloss_document_set_claim_verdict (self->document, self->claim, selected, &error);
  check (self, done, error);
}

static void
set_claimant (GlossClaimEditor *self,
              const char       *claimant)
{
  g_autoptr(GError) error = NULL;

  self->claimant_dirty = FALSE;
  check (self, gloss_document_set_claim_claimant (self->document, self->claim, claimant, &error),
         error);

  /* Also when nothing changed: "brandt" is shown as "Ilse Brandt". */
  self->syncing++;
  sync_claimant (self);
  self->syncing--;
}

static void
commit_claimant (GlossClaimEditor *self)
{
  g_autofree char *text = NULL;
  const char *entity;

  if (!self->claimant_dirty || !is_writable (self))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->claimant_entry))));
  entity = *text != '\0' ? find_entity_named (self->document, text) : NULL;
  set_claimant (self, entity != NULL ? entity : text);
}

static void
gloss_claim_editor_claimant_changed_cb (GlossClaimEditor *self)
{
  if (self->syncing == 0)
    self->claimant_dirty = TRUE;
}

static void
gloss_claim_editor_claimant_activate_cb (GlossClaimEditor *self)
{
  commit_claimant (self);
}

static void
gloss_claim_editor_claimant_leave_cb (GlossClaimEditor *self)
{
  commit_claimant (self);
}

/* The names and aliases of the article's entities, taken again each
 * time the entry is entered so they are current. */
static void
gloss_claim_editor_claimant_enter_cb (GlossClaimEditor *self)
{
  GListModel *entities;

  gtk_list_store_clear (self->names);
  if (self->document == NULL)
    return;

  entities = gloss_document_get_entities (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = gloss_entity_get_aliases (entity);
      const char *id = gloss_entity_get_id (entity);

      gtk_list_store_insert_with_values (self->names, NULL, -1, NAME_COLUMN,
                                         gloss_entity_get_name (entity), ENTITY_COLUMN, id, -1);
      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        gtk_list_store_insert_with_values (self->names, NULL, -1, NAME_COLUMN, aliases[j],
                                           ENTITY_COLUMN, id, -1);
    }
}

/* A completion names one entity exactly, even where two share an alias. */
static gboolean
gloss_claim_editor_match_selected_cb (GlossClaimEditor *self,
                                      GtkTreeModel     *model,
                                      GtkTreeIter      *iter)
{
  g_autofree char *id = NULL;

  if (!is_writable (self))
    return FALSE;

  gtk_tree_model_get (model, iter, ENTITY_COLUMN, &id, -1);
  set_claimant (self, id);
  return TRUE;
}

/* Saves the note. A later save in the same stretch of typing replaces
 * the earlier one, so the stretch is one undo step; not when anything
 * else was done since, nor across a save of the document. */
static void
save_note (GlossClaimEditor *self)
{
  GlossHistory *history;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint64 before;
  gboolean saved;

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  if (!self->note_dirty || !is_writable (self))
    return;

  self->note_dirty = FALSE;
  history = gloss_document_get_history (self->document);
  text = get_note_text (self);

  self->syncing++;
  if (self->note_checkpoint != 0 &&
      self->note_checkpoint == gloss_history_get_checkpoint (history) &&
      !gloss_history_get_clean (history))
    gloss_history_undo (history);
  before = gloss_history_get_checkpoint (history);
  saved = gloss_document_set_annotation_note (self->document, self->claim, text, &error);
  self->syncing--;

  self->note_checkpoint = saved && gloss_history_get_checkpoint (history) != before
                          ? gloss_history_get_checkpoint (history) : 0;
  check (self, saved, error);
}

static gboolean
gloss_claim_editor_note_timeout_cb (gpointer data)
{
  GlossClaimEditor *self = data;

  self->note_timeout_id = 0;
  save_note (self);

  return G_SOURCE_REMOVE;
}

static void
gloss_claim_editor_note_changed_cb (GlossClaimEditor *self)
{
  if (self->syncing > 0)
    return;

  self->note_dirty = TRUE;
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  self->note_timeout_id = g_timeout_add (NOTE_PAUSE_MS, gloss_claim_editor_note_timeout_cb, self);
}

static void
gloss_claim_editor_note_leave_cb (GlossClaimEditor *self)
{
  save_note (self);
  self->note_checkpoint = 0;
}

/* Sources */

static gboolean
is_web_address (const char *source)
{
  const char *scheme = g_uri_peek_scheme (source);

  return (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0) &&
         g_uri_is_valid (source, G_URI_FLAGS_NONE, NULL);
}

static GtkWidget *
source_button (const char *icon_name,
               const char *tooltip,
               const char *accessible_label,
               const char *action_name,
               const char *source)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (source));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);

  return button;
}

static GtkWidget *
create_source_row (gpointer item,
                   gpointer user_data)
{
  const char *source = gtk_string_object_get_string (item);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *open_label = g_strdup_printf (_("Open %s in the browser"), source);
  g_autofree char *remove_label = g_strdup_printf (_("Remove the source %s"), source);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source);
  adw_action_row_set_title_lines (row, 3);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), source);
  if (is_web_address (source))
    adw_action_row_add_suffix (row, source_button ("adw-external-link-symbolic",
                                                   _("Open in Browser"), open_label,
                                                   "claim-editor.open-source", source));
  adw_action_row_add_suffix (row, source_button ("user-trash-symbolic", _("Remove Source"),
                                                 remove_label, "claim-editor.remove-source",
                                                 source));

  return GTK_WIDGET (row);
}

static void
set_sources (GlossClaimEditor *self,
             GStrvBuilder     *builder)
{
  g_auto(GStrv) sources = g_strv_builder_end (builder);
  g_autoptr(GError) error = NULL;

  check (self, gloss_document_set_claim_sources (self->document, self->claim,
                                                 (const char * const *) sources, &error),
         error);
}

static void
gloss_claim_editor_add_source (GlossClaimEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->source_entry));
  g_autofree char *source = g_strstrip (g_strdup (text));
  const char * const *sources;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (!is_writable (self) || *source == '\0')
    return;

  sources = gloss_annotation_get_sources (self->claim);
  if (sources == NULL || !g_strv_contains (sources, source))
    {
      builder = g_strv_builder_new ();
      if (sources != NULL)
        g_strv_builder_addv (builder, (const char **) sources);
      g_strv_builder_add (builder, source);
      set_sources (self, builder);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), "");
}

static void
gloss_claim_editor_add_source_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  gloss_claim_editor_add_source (GLOSS_CLAIM_EDITOR (widget));
}

static void
gloss_claim_editor_remove_source_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  GlossClaimEditor *self = GLOSS_CLAIM_EDITOR (widget);
  const char *source = g_variant_get_string (parameter, NULL);
  const char * const *sources;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  gboolean removed = FALSE;

  if (!is_writable (self) || (sources = gloss_annotation_get_sources (self->claim)) == NULL)
    return;

  for (guint i = 0; sources[i] != NULL; i++)
    {
      if (!removed && g_str_equal (sources[i], source))
        removed = TRUE;
      else
        g_strv_builder_add (builder, sources[i]);
    }

  set_sources (self, builder);
  /* The focused button went with its row. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->source_list)))
    gtk_widget_grab_focus (GTK_WIDGET (self->source_entry));
}

static void
gloss_claim_editor_open_source_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
gloss_claim_editor_source_changed_cb (GlossClaimEditor *self)
{
  sync_add_action (self);
}

static void
gloss_claim_editor_source_activated_cb (GlossClaimEditor *self)
{
  gloss_claim_editor_add_source (self);
}

/* Life cycle */

static void
gloss_claim_editor_dispose (GObject *object)
{
  GlossClaimEditor *self = GLOSS_CLAIM_EDITOR (object);

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  g_clear_handle_id (&self->presence_idle_id, g_source_remove);
  if (self->claim_signals != NULL)
    {
      g_signal_group_set_target (self->claim_signals, NULL);
      g_signal_group_set_target (self->claimant_signals, NULL);
      g_signal_group_set_target (self->annotations_signals, NULL);
    }
  g_clear_object (&self->claim);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CLAIM_EDITOR);

  G_OBJECT_CLASS (gloss_claim_editor_parent_class)->dispose (object);
}

static void
gloss_claim_editor_finalize (GObject *object)
{
  GlossClaimEditor *self = GLOSS_CLAIM_EDITOR (object);

  g_clear_object (&self->claim_signals);
  g_clear_object (&self->claimant_signals);
  g_clear_object (&self->annotations_signals);
  g_clear_object (&self->sources);
  g_clear_object (&self->names);

  G_OBJECT_CLASS (gloss_claim_editor_parent_class)->finalize (object);
}

static void
gloss_claim_editor_class_init (GlossClaimEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_claim_editor_dispose;
  object_class->finalize = gloss_claim_editor_finalize;

  /**
   * GlossClaimEditor::edit-failed:
   * @error: why the document refused the change
   *
   * A change made in the editor was refused (the document is read-only,
   * or the claim left it). The editor shows the claim as it is again;
   * telling the user is the embedder's part.
   */
  signals[EDIT_FAILED] =
    g_signal_new ("edit-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/glossapp/Gloss/gloss-claim-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, fields_box);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, status_names);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, verdict_names);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, claimant_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, source_list);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, source_entry);
  /* Reachable with gtk_widget_get_template_child(), for tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "claimant_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "note_heading", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, gloss_claim_editor_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_claim_editor_claimant_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_claim_editor_claimant_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_claim_editor_claimant_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_claim_editor_claimant_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_claim_editor_note_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_claim_editor_source_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_claim_editor_source_changed_cb);

  gtk_widget_class_install_action (widget_class, "claim-editor.add-source", NULL,
                                   gloss_claim_editor_add_source_action);
  gtk_widget_class_install_action (widget_class, "claim-editor.remove-source", "s",
                                   gloss_claim_editor_remove_source_action);
  gtk_widget_class_install_action (widget_class, "claim-editor.open-source", "s",
                                   gloss_claim_editor_open_source_action);
}

static void
gloss_claim_editor_init_claimant (GlossClaimEditor *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

  self->names = gtk_list_store_new (2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->names));
  gtk_entry_completion_set_text_column (completion, NAME_COLUMN);
  gtk_entry_completion_set_popup_single_match (completion, TRUE);
  g_signal_connect_object (completion, "match-selected",
                           G_CALLBACK (gloss_claim_editor_match_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_entry_set_completion (self->claimant_entry, completion);

  self->claimant_signals = g_signal_group_new (GLOSS_TYPE_ENTITY);
  g_signal_group_connect_object (self->claimant_signals, "notify::name",
                                 G_CALLBACK (gloss_claim_editor_claimant_notify_name_cb), self,
                                 G_CONNECT_SWAPPED);
}

static void
gloss_claim_editor_init (GlossClaimEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = GLOSS_CLAIM_UNREVIEWED; i <= GLOSS_CLAIM_DISMISSED; i++)
    gtk_string_list_append (self->status_names, gloss_claim_status_get_display_name (i));
  for (guint i = GLOSS_VERDICT_NONE; i <= GLOSS_VERDICT_UNVERIFIABLE; i++)
    gtk_string_list_append (self->verdict_names, gloss_verdict_get_display_name (i));
  gloss_claim_editor_init_claimant (self);

  self->sources = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->source_list, G_LIST_MODEL (self->sources), create_source_row,
                           self, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (gloss_claim_editor_note_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->claim_signals = g_signal_group_new (GLOSS_TYPE_ANNOTATION);
  g_signal_group_connect_object (self->claim_signals, "notify",
                                 G_CALLBACK (gloss_claim_editor_claim_notify_cb), self,
                                 G_CONNECT_SWAPPED);
  self->annotations_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->annotations_signals, "items-changed",
                                 G_CALLBACK (gloss_claim_editor_annotations_changed_cb), self,
                                 G_CONNECT_SWAPPED);

  gloss_claim_editor_sync (self);
}

GtkWidget *
gloss_claim_editor_new (void)
{
  return g_object_new (GLOSS_TYPE_CLAIM_EDITOR, NULL);
}

/**
 * gloss_claim_editor_set_claim:
 * @document: (nullable): the document @claim belongs to
 * @claim: (nullable): a claim of @document, or %NULL to show none
 *
 * Shows @claim for editing, after saving what was typed for the claim
 * shown before.
 */
void
gloss_claim_editor_set_claim (GlossClaimEditor *self,
                              GlossDocument    *document,
                              GlossAnnotation  *claim)
{
  g_return_if_fail (GLOSS_IS_CLAIM_EDITOR (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (claim == NULL || (document != NULL && GLOSS_IS_ANNOTATION (claim)));
  g_return_if_fail (claim == NULL || gloss_annotation_get_kind (claim) == GLOSS_ANNOTATION_CLAIM);

  if (self->document == document && self->claim == claim)
    return;

  gloss_claim_editor_commit (self);
  self->note_checkpoint = 0;
  g_set_object (&self->document, document);
  g_set_object (&self->claim, claim);
  g_signal_group_set_target (self->claim_signals, claim);
  g_signal_group_set_target (self->annotations_signals,
                             document != NULL ? gloss_document_get_annotations (document) : NULL);
  gloss_claim_editor_sync (self);
}

/**
 * gloss_claim_editor_get_claim:
 *
 * Returns: (transfer none) (nullable): the claim shown
 */
GlossAnnotation *
gloss_claim_editor_get_claim (GlossClaimEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_CLAIM_EDITOR (self), NULL);

  return self->claim;
}

/**
 * gloss_claim_editor_commit:
 *
 * Saves the claimant and note as typed so far, without waiting for the
 * entry to be left or the typing to pause; for callers about to save
 * the document.
 */
void
gloss_claim_editor_commit (GlossClaimEditor *self)
{
  g_return_if_fail (GLOSS_IS_CLAIM_EDITOR (self));

  commit_claimant (self);
  save_note (self);
}
