/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-side-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-side-panel-private.h"

/* What the panel does to entities and detached annotations: its
 * `panel.*` actions, the entity context menu, and the dialogs that ask
 * for a name, a merge target, or a confirmation. Every change goes
 * through the document, so it can be undone. */

typedef struct
{
  GlossSidePanel *self;
  GlossDocument  *document;
  GlossEntity    *entity;
  GtkWidget      *input;
} EntityRequest;

static void
entity_request_free (gpointer  data,
                     GClosure *closure)
{
  EntityRequest *request = data;

  g_object_unref (request->self);
  g_object_unref (request->document);
  g_object_unref (request->entity);
  g_free (request);
}

static gboolean
gloss_side_panel_is_writable (GlossSidePanel *self)
{
  return self->document != NULL && !gloss_document_get_read_only (self->document);
}

void
gloss_side_panel_update_actions (GlossSidePanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = gloss_side_panel_is_writable (self);
  guint n_entities = g_list_model_get_n_items (G_LIST_MODEL (self->entity_items));

  gtk_widget_action_set_enabled (widget, "panel.rename-entity", writable);
  gtk_widget_action_set_enabled (widget, "panel.set-entity-label", writable);
  gtk_widget_action_set_enabled (widget, "panel.merge-entity", writable && n_entities > 1);
  gtk_widget_action_set_enabled (widget, "panel.delete-entity", writable);
  gtk_widget_action_set_enabled (widget, "panel.delete-annotation", writable);
}

/**
 * gloss_side_panel_show_error:
 * @heading: what failed, as a title ("Could Not Rename Entity")
 * @error: why, in words a user can act on
 */
void
gloss_side_panel_show_error (GlossSidePanel *self,
                             const char     *heading,
                             const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwMessageDialog *
gloss_side_panel_ask (GlossSidePanel *self,
                      const char     *heading,
                      const char     *body,
                      const char     *response,
                      const char     *response_label,
                      GtkWidget      *input)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (input != NULL)
    adw_message_dialog_set_extra_child (dialog, input);

  return dialog;
}

/* Connects @callback to the dialog's answer with what it needs to act,
 * and shows the dialog. */
static void
gloss_side_panel_ask_about (GlossSidePanel   *self,
                            AdwMessageDialog *dialog,
                            GlossEntity      *entity,
                            GtkWidget        *input,
                            GCallback         callback)
{
  EntityRequest *request = g_new0 (EntityRequest, 1);

  request->self = g_object_ref (self);
  request->document = g_object_ref (self->document);
  request->entity = g_object_ref (entity);
  request->input = input;
  g_signal_connect_data (dialog, "response", callback, request, entity_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The answer still applies only if the panel shows the same document. */
static gboolean
entity_request_accepted (EntityRequest *request,
                         const char     *response,
                         const char     *expected)
{
  return g_str_equal (response, expected) && request->self->document == request->document;
}

static GlossEntity *
gloss_side_panel_lookup_entity (GlossSidePanel *self,
                                GVariant       *parameter)
{
  if (self->document == NULL)
    return NULL;

  return gloss_document_lookup_entity (self->document, g_variant_get_string (parameter, NULL));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EntityRequest    *request)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (request->input));

  if (entity_request_accepted (request, response, "rename") &&
      !gloss_document_rename_entity (request->document, request->entity, name, &error))
    gloss_side_panel_show_error (request->self, _("Could Not Rename Entity"), error);
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
gloss_side_panel_rename_entity_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (widget);
  GlossEntity *entity = gloss_side_panel_lookup_entity (self, parameter);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (entity == NULL)
    return;

  body = g_strdup_printf (_("Enter a new name for “%s”."), gloss_entity_get_name (entity));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), gloss_entity_get_name (entity));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);

  dialog = gloss_side_panel_ask (self, _("Rename Entity"), body, "rename", _("_Rename"), entry);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog, 0);
  gloss_side_panel_ask_about (self, dialog, entity, entry, G_CALLBACK (rename_response_cb));
}

static void
gloss_side_panel_set_entity_label_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (widget);
  g_autoptr(GError) error = NULL;
  const char *id, *label;
  GlossEntity *entity;

  g_variant_get (parameter, "(&s&s)", &id, &label);
  entity = self->document != NULL ? gloss_document_lookup_entity (self->document, id) : NULL;
  if (entity != NULL && !gloss_document_set_entity_label (self->document, entity, label, &error))
    gloss_side_panel_show_error (self, _("Could Not Change Type"), error);
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EntityRequest    *request)
{
  g_autoptr(GError) error = NULL;
  GlossEntityItem *into = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (request->input));

  if (entity_request_accepted (request, response, "merge") && into != NULL &&
      !gloss_document_merge_entities (request->document, gloss_entity_item_get_entity (into),
                                      request->entity, &error))
    gloss_side_panel_show_error (request->self, _("Could Not Merge Entities"), error);
}

static gboolean
other_entity_filter_func (gpointer item,
                          gpointer user_data)
{
  return gloss_entity_item_get_entity (item) != user_data;
}

/* A searchable drop-down of every entity but @except, by name. */
static GtkWidget *
gloss_side_panel_new_entity_chooser (GlossSidePanel *self,
                                     GlossEntity    *except)
{
  GtkSortListModel *sorted =
    gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->entity_items)),
                             g_object_ref (self->name_sorter));
  GtkCustomFilter *filter = gtk_custom_filter_new (other_entity_filter_func, g_object_ref (except),
                                                   g_object_unref);
  GtkFilterListModel *others =
    gtk_filter_list_model_new (G_LIST_MODEL (sorted), GTK_FILTER (filter));
  GtkWidget *chooser =
    gtk_drop_down_new (G_LIST_MODEL (others),
                       gtk_property_expression_new (GLOSS_TYPE_ENTITY_ITEM, NULL, "name"));

  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (chooser), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Entity to merge into"), -1);

  return chooser;
}

static gboolean
names_overlap (const char *a,
               const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return strstr (folded_a, folded_b) != NULL || strstr (folded_b, folded_a) != NULL;
}

/* Guesses the entity to merge into: one whose name contains the other's
 * ("Putin" into "Vladimir Putin"); none rather than a wrong one. */
static void
gloss_side_panel_guess_merge_target (GtkDropDown *chooser,
                                     GlossEntity *entity)
{
  GListModel *choices = gtk_drop_down_get_model (chooser);

  gtk_drop_down_set_selected (chooser, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GlossEntityItem) item = g_list_model_get_item (choices, i);

      if (names_overlap (gloss_entity_item_get_name (item), gloss_entity_get_name (entity)))
        {
          gtk_drop_down_set_selected (chooser, i);
          return;
        }
    }
}

static void
merge_target_changed_cb (GtkDropDown      *chooser,
                         GParamSpec       *pspec,
                         AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "merge",
                                           gtk_drop_down_get_selected_item (chooser) != NULL);
}

static void
gloss_side_panel_merge_entity_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (widget);
  GlossEntity *entity = gloss_side_panel_lookup_entity (self, parameter);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *chooser;

  if (entity == NULL)
    return;

  heading = g_strdup_printf (_("Merge “%s” Into…"), gloss_entity_get_name (entity));
  chooser = gloss_side_panel_new_entity_chooser (self, entity);
  dialog = gloss_side_panel_ask (self, heading,
                                 _("Its mentions move to the entity you choose, and its name "
                                   "becomes one of that entity’s aliases."),
                                 "merge", _("_Merge"), chooser);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (chooser, "notify::selected", G_CALLBACK (merge_target_changed_cb),
                           dialog, 0);
  gloss_side_panel_guess_merge_target (GTK_DROP_DOWN (chooser), entity);
  merge_target_changed_cb (GTK_DROP_DOWN (chooser), NULL, dialog);
  gloss_side_panel_ask_about (self, dialog, entity, chooser, G_CALLBACK (merge_response_cb));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EntityRequest    *request)
{
  g_autoptr(GError) error = NULL;

  if (entity_request_accepted (request, response, "delete") &&
      !gloss_document_delete_entity (request->document, request->entity, &error))
    gloss_side_panel_show_error (request->self, _("Could Not Delete Entity"), error);
}

static void
gloss_side_panel_delete_entity_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (widget);
  GlossEntity *entity = gloss_side_panel_lookup_entity (self, parameter);
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint n;

  if (entity == NULL)
    return;

  mentions = gloss_document_get_mentions (self->document, entity);
  n = mentions->len;
  if (n == 0)
    heading = g_strdup_printf (_("Delete “%s”?"), gloss_entity_get_name (entity));
  else
    heading = g_strdup_printf (ngettext ("Delete “%s” and its %u mention?",
                                         "Delete “%s” and its %u mentions?", n),
                               gloss_entity_get_name (entity), n);

  dialog = gloss_side_panel_ask (self, heading, _("You can undo this with Ctrl+Z."),
                                 "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  gloss_side_panel_ask_about (self, dialog, entity, NULL, G_CALLBACK (delete_response_cb));
}

static void
gloss_side_panel_delete_annotation_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  GlossSidePanel *self = GLOSS_SIDE_PANEL (widget);
  g_autoptr(GError) error = NULL;
  GlossAnnotation *annotation;

  if (self->document == NULL)
    return;

  annotation = gloss_document_lookup_annotation (self->document,
                                                 g_variant_get_string (parameter, NULL));
  if (annotation != NULL && !gloss_document_remove_annotation (self->document, annotation, &error))
    gloss_side_panel_show_error (self, _("Could Not Delete Annotation"), error);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

static GMenuModel *
gloss_side_panel_build_type_menu (GlossSidePanel *self,
                                  const char     *entity_id)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (labels)); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);
      g_autoptr(GString) name = g_string_new (gloss_label_get_display_name (label));

      /* A type's own underscores are not mnemonics. */
      g_string_replace (name, "_", "__", 0);
      append_item (menu, name->str, "panel.set-entity-label",
                   g_variant_new ("(ss)", entity_id, gloss_label_get_id (label)));
    }

  return G_MENU_MODEL (menu);
}

/**
 * gloss_side_panel_build_entity_menu:
 * @entity: the entity whose row was asked for its menu
 *
 * Returns: (transfer full): the context menu of @entity's row
 */
GMenuModel *
gloss_side_panel_build_entity_menu (GlossSidePanel *self,
                                    GlossEntity    *entity)
{
  const char *id = gloss_entity_get_id (entity);
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenuModel) types = gloss_side_panel_build_type_menu (self, id);
  GMenu *menu = g_menu_new ();

  append_item (edit, _("_Rename…"), "panel.rename-entity", g_variant_new_string (id));
  g_menu_append_submenu (edit, _("Change _Type"), types);
  append_item (edit, _("_Merge Into…"), "panel.merge-entity", g_variant_new_string (id));
  append_item (remove, _("_Delete"), "panel.delete-entity", g_variant_new_string (id));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

void
gloss_side_panel_class_add_entity_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "panel.rename-entity", "s",
                                   gloss_side_panel_rename_entity_action);
  gtk_widget_class_install_action (widget_class, "panel.set-entity-label", "(ss)",
                                   gloss_side_panel_set_entity_label_action);
  gtk_widget_class_install_action (widget_class, "panel.merge-entity", "s",
                                   gloss_side_panel_merge_entity_action);
  gtk_widget_class_install_action (widget_class, "panel.delete-entity", "s",
                                   gloss_side_panel_delete_entity_action);
  gtk_widget_class_install_action (widget_class, "panel.delete-annotation", "s",
                                   gloss_side_panel_delete_annotation_action);
}
